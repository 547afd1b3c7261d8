// @xyz/stream-processor: the device event processor (the Lambda handler and what it runs) and the
// bundler of its deployment package (the `bundle` target). Test builders: @xyz/stream-processor/testing.
export { buildProcessorBundle, PROCESSOR_ENTRY_POINT, type ProcessorBundleBuild } from './bundle/build-processor-bundle';
export { createDeviceEventProcessor, type DeviceEventProcessorOptions, type KinesisBatchHandler } from './device-event-processor';
export { DynamoDbItemWriter, type ItemWriter, type ItemWriterOptions, type WriteOutcome } from './item-writer';
export {
  jsonLinesProcessorLog,
  PROCESSOR_METRICS,
  PROCESSOR_METRICS_NAMESPACE,
  silentProcessorLog,
  type BatchSummary,
  type ProcessorLog,
  type RecordProblem,
} from './processor-log';
