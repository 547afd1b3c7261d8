import { type KinesisClient, ListShardsCommand } from '@aws-sdk/client-kinesis';
import type { DeliveryCounters, DeliveryHandler, DeliverySettings, DiscardedBatchRecord } from './batch-delivery';
import { ShardPoller } from './shard-poller';

export interface LocalEventSourceMappingOptions {
  readonly kinesis: KinesisClient;
  readonly streamName: string;
  readonly streamArn: string;
  readonly region: string;
  readonly handler: DeliveryHandler;
  readonly batchSize: number;
  readonly maximumBatchingWindowSeconds: number;
  /** Only 1 is emulated: one batch at a time per shard. */
  readonly parallelizationFactor: number;
  readonly delivery: DeliverySettings;
  /** @default 1000, Lambda's base rate of one GetRecords per shard per second */
  readonly pollIntervalMs?: number;
  /** @default 'TRIM_HORIZON' */
  readonly startingPosition?: 'TRIM_HORIZON' | 'LATEST';
  /** Checkpoints by shard id. Pass the map of a stopped mapping to resume where it left off. @default empty */
  readonly checkpoints?: Map<string, string>;
  readonly onPollError?: (error: unknown) => void;
}

/**
 * Lambda's Kinesis event source mapping, in process: one poller per shard, batches delivered in order
 * with Lambda's retry, bisection and partial-batch-response rules, checkpoints after success, and
 * discarded batches recorded as the on-failure destination would receive them.
 */
export class LocalEventSourceMapping {
  readonly checkpoints: Map<string, string>;
  /** What the on-failure destination (the dead-letter queue) received. */
  readonly deadLetters: DiscardedBatchRecord[] = [];
  readonly counters: DeliveryCounters = { invocations: 0, functionErrors: 0, partialFailures: 0, retries: 0, bisections: 0, discardedRecords: 0 };
  private pollers: ShardPoller[] = [];

  constructor(private readonly options: LocalEventSourceMappingOptions) {
    if (options.parallelizationFactor !== 1) {
      throw new Error(`the local event source mapping emulates parallelizationFactor 1 only, got ${options.parallelizationFactor}`);
    }
    this.checkpoints = options.checkpoints ?? new Map();
  }

  async start(): Promise<void> {
    const { kinesis, streamName, streamArn, region, handler, delivery } = this.options;
    const shards = (await kinesis.send(new ListShardsCommand({ StreamName: streamName }))).Shards ?? [];
    const pollIntervalMs = this.options.pollIntervalMs ?? 1000;
    this.pollers = shards.map(
      (shard, index) =>
        new ShardPoller({
          kinesis,
          streamName,
          region,
          batchSize: this.options.batchSize,
          maximumBatchingWindowMs: this.options.maximumBatchingWindowSeconds * 1000,
          pollIntervalMs,
          // Lambda's pollers are not in step with each other; spreading them avoids a burst every interval.
          initialDelayMs: Math.floor((index * pollIntervalMs) / shards.length),
          startingPosition: this.options.startingPosition ?? 'TRIM_HORIZON',
          resumeAfter: this.checkpoints.get(shard.ShardId ?? ''),
          onPollError: this.options.onPollError,
          target: {
            shardId: shard.ShardId ?? '',
            streamArn,
            handler,
            settings: delivery,
            counters: this.counters,
            checkpoint: (sequenceNumber) => this.checkpoints.set(shard.ShardId ?? '', sequenceNumber),
            discard: (record) => this.deadLetters.push(record),
          },
        }),
    );
  }

  /** Stops polling once each shard's batch in hand is delivered. */
  async stop(): Promise<void> {
    await Promise.all(this.pollers.map((poller) => poller.stop()));
    this.pollers = [];
  }
}
