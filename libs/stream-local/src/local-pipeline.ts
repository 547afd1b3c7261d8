import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PIPELINE_DEFAULTS } from '@xyz/stream/contracts';
import { createDeviceEventProcessor, DynamoDbItemWriter, type KinesisBatchHandler, type ProcessorLog } from '@xyz/stream-processor';
import type { StreamSettings } from '@xyz/topology';
import type { DeliveryHandler } from './batch-delivery';
import { startEmulatorThreads } from './emulator-thread';
import { LOCAL_REGION, localDocumentClient, localDynamoDbClient, localKinesisClient } from './local-clients';
import { LocalEventSourceMapping } from './local-event-source-mapping';
import { createDeviceEventStream, createDeviceEventTable } from './local-resources';

export interface LocalPipelineOptions {
  /** Shards and the event source mapping's batching and retries: topology.stream. */
  readonly settings: StreamSettings;
  /** @default 1000 (Lambda polls each shard about once a second) */
  readonly pollIntervalMs?: number;
  /** @default silent */
  readonly processorLog?: ProcessorLog;
  /** Wraps the processor before the mapping calls it (tests use it to inject failures). @default the processor as is */
  readonly wrapHandler?: (processor: KinesisBatchHandler) => DeliveryHandler;
  /** Adjusts the processor's own DynamoDB client, e.g. adds middleware that observes writes. */
  readonly configureProcessorClient?: (client: DynamoDBClient) => void;
  /** Told about GetRecords errors, which the pollers retry. @default ignored */
  readonly onPollError?: (error: unknown) => void;
}

const STREAM_NAME = 'device-events';
const TABLE_NAME = 'device-events';

export interface LocalPipeline {
  readonly kinesis: KinesisClient;
  /** A reader's client on the same table (not the processor's). */
  readonly documentClient: DynamoDBDocumentClient;
  readonly streamName: string;
  readonly streamArn: string;
  readonly tableName: string;
  /** The running event source mapping (replaced by restart()). */
  readonly mapping: LocalEventSourceMapping;
  /**
   * Stops the mapping and starts a new one, as after a poller failover. It resumes after the given
   * checkpoints: by default the old mapping's, pass an empty map to read the stream again from the start.
   */
  restart(checkpoints?: Map<string, string>): Promise<void>;
  /** Stops polling, then the emulators. */
  stop(): Promise<void>;
}

/**
 * The device event pipeline on this machine, in this process: kinesalite and dynalite on worker
 * threads (127.0.0.1, ports chosen by the OS), the real processor, and an emulated event source
 * mapping between them. Call stop() when done.
 */
export async function startLocalPipeline(options: LocalPipelineOptions): Promise<LocalPipeline> {
  const streamName = STREAM_NAME;
  const tableName = TABLE_NAME;
  const emulators = await startEmulatorThreads();
  const clients: { destroy(): void }[] = [];
  const stopAll = async () => {
    clients.forEach((client) => client.destroy());
    await emulators.stop();
  };
  try {
    const readerClient = localDynamoDbClient(emulators.dynamoDbEndpoint);
    const processorClient = localDynamoDbClient(emulators.dynamoDbEndpoint);
    const kinesis = localKinesisClient(emulators.kinesisEndpoint);
    clients.push(readerClient, processorClient, kinesis);
    options.configureProcessorClient?.(processorClient);

    const [streamArn] = await Promise.all([createDeviceEventStream(kinesis, streamName, options.settings.shardCount), createDeviceEventTable(readerClient, tableName)]);
    const processor = createDeviceEventProcessor({
      writer: new DynamoDbItemWriter(localDocumentClient(processorClient), tableName),
      // The deployed function's configuration, from the construct's defaults.
      retentionDays: PIPELINE_DEFAULTS.eventRetentionDays,
      log: options.processorLog,
    });
    const mappingOptions = {
      kinesis,
      streamName,
      streamArn,
      region: LOCAL_REGION,
      handler: options.wrapHandler ? options.wrapHandler(processor) : processor,
      batchSize: options.settings.batchSize,
      maximumBatchingWindowSeconds: options.settings.maximumBatchingWindowSeconds,
      parallelizationFactor: options.settings.parallelizationFactor,
      pollIntervalMs: options.pollIntervalMs,
      onPollError: options.onPollError,
      delivery: {
        maximumRetryAttempts: options.settings.maximumRetryAttempts,
        bisectBatchOnFunctionError: true,
        reportBatchItemFailures: true,
        maximumRecordAgeSeconds: PIPELINE_DEFAULTS.maximumRecordAgeSeconds,
        functionTimeoutMs: PIPELINE_DEFAULTS.timeoutSeconds * 1000,
      },
    };
    let mapping = new LocalEventSourceMapping(mappingOptions);
    await mapping.start();
    return {
      kinesis,
      documentClient: localDocumentClient(readerClient),
      streamName,
      streamArn,
      tableName,
      get mapping() {
        return mapping;
      },
      restart: async (checkpoints) => {
        await mapping.stop();
        mapping = new LocalEventSourceMapping({ ...mappingOptions, checkpoints: checkpoints ?? mapping.checkpoints });
        await mapping.start();
      },
      stop: async () => {
        await mapping.stop();
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
