// @xyz/stream/contracts: what the construct, the processor, producers and readers agree on: the
// event schema, the table's items and reads, the processor's environment, the bundle manifest and
// the construct's defaults. It loads no cdktf, so the processor's Lambda bundle can import it.
export {
  deviceEventSchema,
  EARLIEST_OCCURRED_AT,
  MAX_CLOCK_SKEW_MS,
  MAX_EVENT_BYTES,
  parseDeviceEvent,
  type DeviceEvent,
  type DeviceEventInput,
  type DeviceEventParseResult,
} from './device-event';

export {
  BRANCH_TIME_INDEX,
  branchPartitionKey,
  DEVICE_EVENT_TABLE_KEYS,
  deviceEventItem,
  deviceEventKey,
  devicePartitionKey,
  EVENT_SORT_KEY_PREFIX,
  itemKeyString,
  MAX_QUARANTINE_RAW_BYTES,
  quarantineItem,
  quarantinePartitionKey,
  TTL_ATTRIBUTE,
  type DeviceEventItem,
  type ItemKey,
  type QuarantineItem,
  type RecordOrigin,
  type TableItem,
} from './item-layout';
export { branchEventsQuery, deviceEventsQuery, latestDeviceEventQuery, quarantinedRecordsQuery } from './table-queries';

export { PROCESSOR_ENVIRONMENT, readProcessorConfig, type ProcessorConfig } from './processor-environment';
export {
  parseProcessorBundleManifest,
  PROCESSOR_BUNDLE_DIR,
  PROCESSOR_BUNDLE_MANIFEST,
  PROCESSOR_BUNDLE_ZIP,
  processorBundleManifestSchema,
  type ProcessorBundleManifest,
} from './bundle-manifest';
export { PIPELINE_DEFAULTS } from './pipeline-defaults';
