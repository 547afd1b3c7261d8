// The construct and everything a stack, a producer or a reader needs. Nothing here loads the AWS SDK or
// the emulators: the processor runtime and the local pipeline are in ./local (see the README).
export { DeviceEventPipeline } from './construct/device-event-pipeline';
export {
  type DeviceEventPipelineProps,
  type ProcessorArchitecture,
  type ProcessorBundle,
  type ProcessorRuntime,
  PIPELINE_DEFAULTS,
  resolvePipelineProps,
  type ResolvedPipelineProps,
} from './construct/pipeline-props';
export { processorPolicy, type PolicyDocument, type PolicyStatement, type ProcessorPolicyTargets } from './construct/processor-policy';

export {
  deviceEventSchema,
  EARLIEST_OCCURRED_AT,
  MAX_CLOCK_SKEW_MS,
  MAX_EVENT_BYTES,
  parseDeviceEvent,
  type DeviceEvent,
  type DeviceEventInput,
  type DeviceEventParseResult,
} from './events/device-event';

export {
  BRANCH_TIME_INDEX,
  branchPartitionKey,
  DEVICE_EVENT_TABLE_KEYS,
  deviceEventItem,
  deviceEventKey,
  devicePartitionKey,
  EVENT_SORT_KEY_PREFIX,
  MAX_QUARANTINE_RAW_BYTES,
  quarantineItem,
  quarantinePartitionKey,
  TTL_ATTRIBUTE,
  type DeviceEventItem,
  type ItemKey,
  type QuarantineItem,
  type RecordOrigin,
  type TableItem,
} from './table/item-layout';
export { branchEventsQuery, deviceEventsQuery, latestDeviceEventQuery, quarantinedRecordsQuery } from './table/queries';

export { PROCESSOR_ENVIRONMENT, readProcessorConfig, type ProcessorConfig } from './processor/processor-environment';
export {
  jsonLinesProcessorLog,
  PROCESSOR_METRICS,
  PROCESSOR_METRICS_NAMESPACE,
  silentProcessorLog,
  type BatchSummary,
  type ProcessorLog,
  type RecordProblem,
} from './processor/processor-log';

export {
  parseProcessorBundleManifest,
  PROCESSOR_BUNDLE_DIR,
  PROCESSOR_BUNDLE_MANIFEST,
  PROCESSOR_BUNDLE_ZIP,
  processorBundleManifestSchema,
  type ProcessorBundleManifest,
} from './bundle/manifest';
export { readProcessorBundle } from './bundle/read-manifest';

