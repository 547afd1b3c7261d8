// @xyz/stream-local: the device event pipeline on one machine (kinesalite and dynalite on worker
// threads, the real processor, an emulated event source mapping). For tests and benches only: the
// lint forbids it to anything else (type:test-support).
export { deliverBatch, type DeliveryCounters, type DeliveryHandler, type DeliverySettings, type DiscardedBatchRecord } from './batch-delivery';
export { startEmulatorThreads, type EmulatorThreads } from './emulator-thread';
export { startDynalite, type RunningEmulator } from './emulators';
export { LOCAL_REGION, localDocumentClient, localDynamoDbClient, localKinesisClient } from './local-clients';
export { LocalEventSourceMapping, type LocalEventSourceMappingOptions } from './local-event-source-mapping';
export { startLocalPipeline, type LocalPipeline, type LocalPipelineOptions } from './local-pipeline';
export { createDeviceEventStream, createDeviceEventTable } from './local-resources';
export { deviceEventEntry, putRecords, PUT_RECORDS_LIMIT, type PutOutcome } from './put-records';
export { ShardPoller, toLambdaRecord } from './shard-poller';
