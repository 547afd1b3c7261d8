import { GetRecordsCommand, GetShardIteratorCommand, type KinesisClient, type _Record } from '@aws-sdk/client-kinesis';
import type { KinesisStreamRecord } from 'aws-lambda';
import { type DeliveryTarget, deliverBatch } from './batch-delivery';

/** Lambda's largest synchronous invocation payload; a batch is cut before it would exceed this. */
const MAX_INVOCATION_PAYLOAD_BYTES = 6 * 1024 * 1024;
/** GetRecords' largest page. */
const GET_RECORDS_LIMIT = 10_000;

export interface ShardPollerOptions {
  readonly kinesis: KinesisClient;
  readonly streamName: string;
  readonly region: string;
  readonly batchSize: number;
  readonly maximumBatchingWindowMs: number;
  /** Pause between GetRecords calls on a shard that is caught up. */
  readonly pollIntervalMs: number;
  /** Delay before the first poll, so that the pollers of a stream do not all wake at once. @default 0 */
  readonly initialDelayMs?: number;
  /** Where to start when the shard has no checkpoint yet. */
  readonly startingPosition: 'TRIM_HORIZON' | 'LATEST';
  /** The sequence number the shard was last checkpointed at, if any. */
  readonly resumeAfter?: string;
  readonly target: DeliveryTarget;
  /** Told about GetRecords errors, which are retried at the next poll. */
  readonly onPollError?: (error: unknown) => void;
}

/** Shapes a Kinesis record as Lambda hands it to the function. */
export function toLambdaRecord(record: _Record, shardId: string, streamArn: string, region: string): KinesisStreamRecord {
  const sequenceNumber = record.SequenceNumber ?? '';
  return {
    kinesis: {
      kinesisSchemaVersion: '1.0',
      partitionKey: record.PartitionKey ?? '',
      sequenceNumber,
      data: Buffer.from(record.Data ?? new Uint8Array()).toString('base64'),
      approximateArrivalTimestamp: (record.ApproximateArrivalTimestamp?.getTime() ?? 0) / 1000,
    },
    eventSource: 'aws:kinesis',
    eventVersion: '1.0',
    eventID: `${shardId}:${sequenceNumber}`,
    eventName: 'aws:kinesis:record',
    invokeIdentityArn: `arn:aws:iam::${streamArn.split(':')[4] ?? ''}:role/local-stream-processor`,
    awsRegion: region,
    eventSourceARN: streamArn,
  };
}

/** Takes the next batch off the buffer: at most batchSize records and 6 MB of payload (at least one record). */
function takeBatch(buffer: KinesisStreamRecord[], batchSize: number): KinesisStreamRecord[] {
  let bytes = 0;
  let count = 0;
  while (count < buffer.length && count < batchSize) {
    bytes += buffer[count].kinesis.data.length + 512;
    if (count > 0 && bytes > MAX_INVOCATION_PAYLOAD_BYTES) break;
    count++;
  }
  return buffer.splice(0, count);
}

/**
 * Polls one shard with a shared-throughput iterator and hands its records, in order, one batch at a
 * time, to the delivery logic. Like Lambda, it polls a caught-up shard once per poll interval and
 * keeps reading without pause while it is behind.
 */
export class ShardPoller {
  private stopped = false;
  private wake: (() => void) | undefined;
  private lastFetched: string | undefined;
  private readonly finished: Promise<void>;

  constructor(private readonly options: ShardPollerOptions) {
    this.lastFetched = options.resumeAfter;
    this.finished = this.run();
  }

  /** Stops after the batch in hand; records fetched but not delivered are read again by the next poller. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.finished;
  }

  private async iterator(): Promise<string | undefined> {
    const { kinesis, streamName, target, startingPosition } = this.options;
    const output = await kinesis.send(
      new GetShardIteratorCommand({
        StreamName: streamName,
        ShardId: target.shardId,
        ...(this.lastFetched ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', StartingSequenceNumber: this.lastFetched } : { ShardIteratorType: startingPosition }),
      }),
    );
    return output.ShardIterator;
  }

  private pause(ms: number): Promise<void> {
    if (ms <= 0 || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private async run(): Promise<void> {
    const { kinesis, batchSize, maximumBatchingWindowMs, pollIntervalMs, target, region } = this.options;
    const buffer: KinesisStreamRecord[] = [];
    let bufferedSince = 0;
    let iterator: string | undefined;
    let shardClosed = false;
    await this.pause(this.options.initialDelayMs ?? 0);
    while (!this.stopped) {
      const polledAt = Date.now();
      let page: _Record[] = [];
      try {
        iterator ??= await this.iterator();
        const output = await kinesis.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: GET_RECORDS_LIMIT }));
        page = output.Records ?? [];
        iterator = output.NextShardIterator;
        // No next iterator: the shard was closed by a reshard and has been read to its end.
        shardClosed = iterator === undefined;
      } catch (error) {
        // An expired iterator, or the emulator being busy: start again after the last record fetched.
        iterator = undefined;
        this.options.onPollError?.(error);
      }
      if (page.length > 0) {
        if (buffer.length === 0) bufferedSince = Date.now();
        buffer.push(...page.map((record) => toLambdaRecord(record, target.shardId, target.streamArn, region)));
        this.lastFetched = page[page.length - 1].SequenceNumber;
      }
      while (buffer.length > 0 && !this.stopped) {
        const windowOpen = maximumBatchingWindowMs > 0 && buffer.length < batchSize && Date.now() - bufferedSince < maximumBatchingWindowMs;
        if (windowOpen) break;
        await deliverBatch(target, takeBatch(buffer, batchSize));
        bufferedSince = Date.now();
      }
      if (shardClosed && buffer.length === 0) return;
      if (page.length < GET_RECORDS_LIMIT) await this.pause(polledAt + pollIntervalMs - Date.now());
    }
  }
}
