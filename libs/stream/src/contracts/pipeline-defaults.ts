import type { DeviceEventPipelineProps } from '../construct/pipeline-props';

/** The defaults of the construct's optional props; the local pipeline mirrors the deployed function with them. */
export const PIPELINE_DEFAULTS = {
  eventRetentionDays: 90,
  logRetentionDays: 30,
  maximumRecordAgeSeconds: 21_600,
  memorySizeMb: 256,
  timeoutSeconds: 30,
  runtime: 'nodejs22.x',
  architecture: 'arm64',
} as const satisfies Partial<DeviceEventPipelineProps>;
