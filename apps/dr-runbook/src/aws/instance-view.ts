import type { DBInstance } from '@aws-sdk/client-rds';
import { dbInstanceArn, parseDbInstanceArn } from './arn';

/** What the runbook needs to know about one DB instance, normalised from DescribeDBInstances. */
export interface InstanceView {
  readonly id: string;
  readonly region: string;
  readonly arn: string;
  readonly status: string;
  readonly multiAZ: boolean;
  /** A Multi-AZ conversion has been requested and not finished. */
  readonly pendingMultiAZ: boolean;
  readonly availabilityZone?: string;
  readonly secondaryAvailabilityZone?: string;
  readonly backupRetentionDays: number;
  readonly latestRestorableTime?: string;
  /** The ARN of the instance this one replicates from; absent for a standalone (primary) instance. */
  readonly sourceArn?: string;
  readonly replicaIds: readonly string[];
  readonly endpointAddress?: string;
  readonly port?: number;
  readonly securityGroupIds: readonly string[];
  readonly parameterGroup?: string;
  readonly parameterApplyStatus?: string;
  readonly subnetGroup?: string;
  readonly kmsKeyId?: string;
  readonly storageEncrypted: boolean;
  readonly instanceClass?: string;
  readonly logExports: readonly string[];
  readonly monitoringInterval?: number;
  readonly monitoringRoleArn?: string;
  readonly iamAuth: boolean;
  readonly deletionProtection: boolean;
  readonly performanceInsights: boolean;
  readonly performanceInsightsKmsKeyId?: string;
  readonly performanceInsightsRetentionDays?: number;
  readonly tags: Readonly<Record<string, string>>;
}

export const WRITABLE_STATUSES: readonly string[] = ['available', 'backing-up'];
/** A standalone instance in these states accepts connections (e.g. during its Multi-AZ conversion). */
export const SERVING_STATUSES: readonly string[] = [...WRITABLE_STATUSES, 'modifying', 'configuring-enhanced-monitoring', 'configuring-log-exports', 'storage-optimization'];

export function isStandalone(view: InstanceView): boolean {
  return view.sourceArn === undefined;
}

/** Promotion is over: no replication source left and the instance accepts connections. */
export function isWritablePrimary(view: InstanceView | undefined): boolean {
  return view !== undefined && isStandalone(view) && WRITABLE_STATUSES.includes(view.status);
}

/** A standalone instance that serves writes, possibly while a change (Multi-AZ) is applied to it. */
export function isServingPrimary(view: InstanceView | undefined): boolean {
  return view !== undefined && isStandalone(view) && SERVING_STATUSES.includes(view.status);
}

function sourceArnOf(db: DBInstance, region: string, accountId: string | undefined): string | undefined {
  const source = db.ReadReplicaSourceDBInstanceIdentifier;
  if (!source) return undefined;
  if (source.startsWith('arn:')) return source;
  return accountId ? dbInstanceArn(region, accountId, source) : source;
}

export function toInstanceView(db: DBInstance, region: string): InstanceView {
  const id = db.DBInstanceIdentifier ?? '(unnamed)';
  const accountId = db.DBInstanceArn ? parseDbInstanceArn(db.DBInstanceArn)?.accountId : undefined;
  const parameterGroup = db.DBParameterGroups?.[0];
  const tags: Record<string, string> = {};
  (db.TagList ?? []).forEach((tag) => {
    if (tag.Key && tag.Value !== undefined) tags[tag.Key] = tag.Value;
  });
  return {
    id,
    region,
    arn: db.DBInstanceArn ?? (accountId ? dbInstanceArn(region, accountId, id) : id),
    status: db.DBInstanceStatus ?? 'unknown',
    multiAZ: db.MultiAZ === true,
    pendingMultiAZ: db.PendingModifiedValues?.MultiAZ === true,
    availabilityZone: db.AvailabilityZone,
    secondaryAvailabilityZone: db.SecondaryAvailabilityZone,
    backupRetentionDays: db.BackupRetentionPeriod ?? 0,
    latestRestorableTime: db.LatestRestorableTime?.toISOString(),
    sourceArn: sourceArnOf(db, region, accountId),
    replicaIds: db.ReadReplicaDBInstanceIdentifiers ?? [],
    endpointAddress: db.Endpoint?.Address,
    port: db.Endpoint?.Port,
    securityGroupIds: (db.VpcSecurityGroups ?? []).map((group) => group.VpcSecurityGroupId ?? '').filter((groupId) => groupId !== ''),
    parameterGroup: parameterGroup?.DBParameterGroupName,
    parameterApplyStatus: parameterGroup?.ParameterApplyStatus,
    subnetGroup: db.DBSubnetGroup?.DBSubnetGroupName,
    kmsKeyId: db.KmsKeyId,
    storageEncrypted: db.StorageEncrypted === true,
    instanceClass: db.DBInstanceClass,
    logExports: db.EnabledCloudwatchLogsExports ?? [],
    monitoringInterval: db.MonitoringInterval,
    monitoringRoleArn: db.MonitoringRoleArn,
    iamAuth: db.IAMDatabaseAuthenticationEnabled === true,
    deletionProtection: db.DeletionProtection === true,
    performanceInsights: db.PerformanceInsightsEnabled === true,
    performanceInsightsKmsKeyId: db.PerformanceInsightsKMSKeyId,
    performanceInsightsRetentionDays: db.PerformanceInsightsRetentionPeriod,
    tags,
  };
}
