import type { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import type { GlobalResourceNames, StreamSettings } from '@xyz/topology';
import { PIPELINE_DEFAULTS } from '../contracts/pipeline-defaults';

/** The processor's deployment package, built outside the construct by `nx run stream-processor:bundle`. */
export interface ProcessorBundle {
  /** The zip file; absolute, or relative to the directory of cdktf.json (the repository root). */
  readonly zipPath: string;
  /** Base64 SHA-256 of the zip: Lambda's CodeSha256, so an unchanged bundle plans no change. */
  readonly sha256Base64: string;
}

export type ProcessorRuntime = 'nodejs20.x' | 'nodejs22.x';
export type ProcessorArchitecture = 'arm64' | 'x86_64';

export interface DeviceEventPipelineProps {
  /** Physical names, from topology.names (deviceEventStream, deviceEventTable, streamProcessorFunction, streamDeadLetterQueue). */
  readonly names: GlobalResourceNames;
  /** Shard count, retention and the event source mapping's batching and retries, from topology.stream. */
  readonly settings: StreamSettings;
  /** The region's customer-managed key; it encrypts the stream, table, queue, log group and function environment. */
  readonly kmsKey: KmsKey;
  readonly processorBundle: ProcessorBundle;
  /** Run the processor in these private subnets. The subnets then need a route to DynamoDB (a gateway endpoint). @default not in a VPC */
  readonly vpcConfig?: { readonly subnetIds: string[]; readonly securityGroupIds: string[] };
  /** @default no extra tags (provider default tags still apply) */
  readonly tags?: Record<string, string>;
  /** Days DynamoDB keeps an event item before its time to live deletes it. @default 90 */
  readonly eventRetentionDays?: number;
  /** Days CloudWatch keeps the processor's logs. @default 30 */
  readonly logRetentionDays?: number;
  /**
   * Records older than this are not retried; their batch goes to the dead-letter queue. Kept well
   * under the stream's retention so a dead-lettered range can still be read back and replayed.
   * @default 21600 (6 hours)
   */
  readonly maximumRecordAgeSeconds?: number;
  /** @default 256 */
  readonly memorySizeMb?: number;
  /** @default 30 */
  readonly timeoutSeconds?: number;
  /** @default 'nodejs22.x' */
  readonly runtime?: ProcessorRuntime;
  /** @default 'arm64' */
  readonly architecture?: ProcessorArchitecture;
  /**
   * Concurrency reserved for (and capping) the processor. -1 leaves it unreserved.
   * @default shardCount x parallelizationFactor: exactly what the event source mapping can use
   */
  readonly reservedConcurrency?: number;
}

/** Props with every default filled in. */
export type ResolvedPipelineProps = DeviceEventPipelineProps &
  Required<Pick<DeviceEventPipelineProps, keyof typeof PIPELINE_DEFAULTS | 'reservedConcurrency'>>;

const SHA256_BASE64 = /^[A-Za-z0-9+/]{43}=$/;
const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

function check(condition: boolean, field: string, problem: string): void {
  if (!condition) throw new Error(`DeviceEventPipeline: ${field}: ${problem}`);
}

const isWhole = (value: number) => Number.isInteger(value);

/** Fills in the defaults and refuses props that AWS would refuse at apply time, naming the prop. */
export function resolvePipelineProps(props: DeviceEventPipelineProps): ResolvedPipelineProps {
  const { settings } = props;
  const resolved: ResolvedPipelineProps = {
    ...props,
    eventRetentionDays: props.eventRetentionDays ?? PIPELINE_DEFAULTS.eventRetentionDays,
    logRetentionDays: props.logRetentionDays ?? PIPELINE_DEFAULTS.logRetentionDays,
    maximumRecordAgeSeconds: props.maximumRecordAgeSeconds ?? PIPELINE_DEFAULTS.maximumRecordAgeSeconds,
    memorySizeMb: props.memorySizeMb ?? PIPELINE_DEFAULTS.memorySizeMb,
    timeoutSeconds: props.timeoutSeconds ?? PIPELINE_DEFAULTS.timeoutSeconds,
    runtime: props.runtime ?? PIPELINE_DEFAULTS.runtime,
    architecture: props.architecture ?? PIPELINE_DEFAULTS.architecture,
    reservedConcurrency: props.reservedConcurrency ?? settings.shardCount * settings.parallelizationFactor,
  };
  check(SHA256_BASE64.test(props.processorBundle.sha256Base64), 'processorBundle.sha256Base64', 'must be a base64 SHA-256 (44 characters ending in "=")');
  check(props.processorBundle.zipPath.endsWith('.zip'), 'processorBundle.zipPath', `must be a .zip file, got "${props.processorBundle.zipPath}"`);
  check(settings.parallelizationFactor >= 1 && settings.parallelizationFactor <= 10, 'settings.parallelizationFactor', 'must be 1 to 10');
  check(settings.maximumBatchingWindowSeconds <= 300, 'settings.maximumBatchingWindowSeconds', 'must be at most 300');
  const recordAge = resolved.maximumRecordAgeSeconds;
  check(isWhole(recordAge) && recordAge >= 60 && recordAge <= 604_800, 'maximumRecordAgeSeconds', 'must be 60 to 604800 seconds');
  check(recordAge < settings.retentionHours * 3600, 'maximumRecordAgeSeconds', `must be shorter than the stream's retention (${settings.retentionHours} h), or dead-lettered records could no longer be replayed`);
  check(isWhole(resolved.eventRetentionDays) && resolved.eventRetentionDays >= 1, 'eventRetentionDays', 'must be a whole number of days, at least 1');
  check(LOG_RETENTION_DAYS.includes(resolved.logRetentionDays), 'logRetentionDays', `must be one of CloudWatch's values: ${LOG_RETENTION_DAYS.join(', ')}`);
  check(isWhole(resolved.memorySizeMb) && resolved.memorySizeMb >= 128 && resolved.memorySizeMb <= 10_240, 'memorySizeMb', 'must be 128 to 10240');
  check(isWhole(resolved.timeoutSeconds) && resolved.timeoutSeconds >= 1 && resolved.timeoutSeconds <= 900, 'timeoutSeconds', 'must be 1 to 900');
  const reserved = resolved.reservedConcurrency;
  check(reserved === -1 || (isWhole(reserved) && reserved >= 1), 'reservedConcurrency', 'must be -1 or at least 1');
  if (props.vpcConfig) {
    check(props.vpcConfig.subnetIds.length > 0, 'vpcConfig.subnetIds', 'needs at least one subnet');
    check(props.vpcConfig.securityGroupIds.length > 0, 'vpcConfig.securityGroupIds', 'needs at least one security group');
  }
  return resolved;
}
