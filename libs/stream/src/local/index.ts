// @xyz/stream/local: the processor's runtime and the local pipeline, for tests and bench/stream.
// They load the AWS SDK and the emulators, so the package entry point (../index.ts), which the
// stacks import, leaves them out.
export { createDeviceEventProcessor, type DeviceEventProcessorOptions, type KinesisBatchHandler } from '../processor/device-event-processor';
export { DynamoDbItemWriter, type ItemWriter, type ItemWriterOptions, type WriteOutcome } from '../processor/item-writer';
export { deliverBatch, type DeliveryCounters, type DeliveryHandler, type DeliverySettings, type DiscardedBatchRecord } from './batch-delivery';
export { startEmulatorThreads, type EmulatorThreads } from './emulator-thread';
export { startDynalite, type RunningEmulator } from './emulators';
export { LOCAL_REGION, localDocumentClient, localDynamoDbClient, localKinesisClient } from './local-clients';
export { LocalEventSourceMapping, type LocalEventSourceMappingOptions } from './local-event-source-mapping';
export { startLocalPipeline, type LocalPipeline, type LocalPipelineOptions } from './local-pipeline';
export { createDeviceEventStream, createDeviceEventTable } from './local-resources';
export { deviceEventEntry, putRecords, PUT_RECORDS_LIMIT, type PutOutcome } from './put-records';
export { ShardPoller, toLambdaRecord } from './shard-poller';
