import { type SimInstanceData, type SimPhases, statusOf } from './state';

/** One simulated DB instance: its data plus the operations in flight on it. */
export class SimInstance {
  phases: SimPhases = { creating: false, backingUp: false, parameterApply: 'in-sync' };
  constructor(public data: SimInstanceData, private readonly accountId: string) {}

  get arn(): string {
    return `arn:aws:rds:${this.data.region}:${this.accountId}:db:${this.data.id}`;
  }

  get status(): string {
    return statusOf(this.data, this.phases);
  }
}

/** The instance as DescribeDBInstances returns it. */
export function toDbInstance(instance: SimInstance, replicas: readonly SimInstance[], now: number): Record<string, unknown> {
  const { data, phases } = instance;
  const replicaIds = replicas.map((entry) => (entry.data.region === data.region ? entry.data.id : entry.arn));
  const source = data.sourceArn && data.sourceArn.split(':')[3] === data.region ? data.sourceArn.split(':').pop() : data.sourceArn;
  return {
    DBInstanceIdentifier: data.id,
    DBInstanceArn: instance.arn,
    DBInstanceStatus: instance.status,
    DBInstanceClass: data.instanceClass,
    Engine: 'mysql',
    MultiAZ: data.multiAZ,
    AvailabilityZone: data.availabilityZone,
    SecondaryAvailabilityZone: data.multiAZ ? data.secondaryAvailabilityZone : undefined,
    BackupRetentionPeriod: data.backupRetention,
    LatestRestorableTime: data.backupRetention > 0 && !phases.creating ? new Date(now - 5 * 60_000) : undefined,
    ReadReplicaSourceDBInstanceIdentifier: source,
    ReadReplicaDBInstanceIdentifiers: replicaIds,
    Endpoint: phases.creating ? undefined : { Address: data.endpointAddress, Port: 3306 },
    VpcSecurityGroups: data.securityGroupIds.map((id) => ({ VpcSecurityGroupId: id, Status: 'active' })),
    DBParameterGroups: [{ DBParameterGroupName: data.parameterGroup, ParameterApplyStatus: phases.parameterApply }],
    DBSubnetGroup: { DBSubnetGroupName: data.subnetGroup },
    KmsKeyId: data.kmsKeyId,
    StorageEncrypted: true,
    PendingModifiedValues: phases.multiAz ? { MultiAZ: true } : {},
    EnabledCloudwatchLogsExports: data.logExports,
    MonitoringInterval: data.monitoringInterval,
    MonitoringRoleArn: data.monitoringRoleArn,
    IAMDatabaseAuthenticationEnabled: data.iamAuth,
    DeletionProtection: data.deletionProtection,
    PerformanceInsightsEnabled: data.performanceInsights,
    PerformanceInsightsRetentionPeriod: data.performanceInsightsRetention,
    TagList: Object.entries(data.tags).map(([Key, Value]) => ({ Key, Value })),
  };
}

/** A new instance's data from a CreateDBInstanceReadReplica / RestoreDBInstanceToPointInTime request. */
export function instanceDataFromRequest(region: string, accountId: string, input: Record<string, unknown>, base: Partial<SimInstanceData>): SimInstanceData {
  const id = String(input.DBInstanceIdentifier ?? input.TargetDBInstanceIdentifier);
  const kms = typeof input.KmsKeyId === 'string' ? `arn:aws:kms:${region}:${accountId}:key/${input.KmsKeyId.replace('alias/', '')}` : `arn:aws:kms:${region}:${accountId}:key/default`;
  return {
    id,
    region,
    baseStatus: 'available',
    multiAZ: input.MultiAZ === true,
    availabilityZone: `${region}a`,
    secondaryAvailabilityZone: input.MultiAZ === true ? `${region}b` : undefined,
    backupRetention: 0,
    endpointAddress: `${id}.c9sim0000000.${region}.rds.amazonaws.com`,
    securityGroupIds: (input.VpcSecurityGroupIds as string[] | undefined) ?? ['sg-default'],
    parameterGroup: typeof input.DBParameterGroupName === 'string' ? input.DBParameterGroupName : 'default.mysql8.0',
    subnetGroup: typeof input.DBSubnetGroupName === 'string' ? input.DBSubnetGroupName : 'default',
    kmsKeyId: kms,
    instanceClass: typeof input.DBInstanceClass === 'string' ? input.DBInstanceClass : 'db.t3.medium',
    tags: Object.fromEntries(((input.Tags as { Key: string; Value: string }[] | undefined) ?? []).map((tag) => [tag.Key, tag.Value])),
    lagSeconds: 0,
    logExports: (input.EnableCloudwatchLogsExports as string[] | undefined) ?? [],
    monitoringInterval: typeof input.MonitoringInterval === 'number' ? input.MonitoringInterval : 0,
    monitoringRoleArn: typeof input.MonitoringRoleArn === 'string' ? input.MonitoringRoleArn : undefined,
    iamAuth: input.EnableIAMDatabaseAuthentication === true,
    deletionProtection: input.DeletionProtection === true,
    performanceInsights: input.EnablePerformanceInsights === true,
    performanceInsightsRetention: typeof input.PerformanceInsightsRetentionPeriod === 'number' ? input.PerformanceInsightsRetentionPeriod : undefined,
    ...base,
  };
}
