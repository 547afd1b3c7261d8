import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { ElasticacheParameterGroup } from '@cdktf/provider-aws/lib/elasticache-parameter-group';
import { ElasticacheReplicationGroup } from '@cdktf/provider-aws/lib/elasticache-replication-group';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import type { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import type { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import type { CacheSettings, RegionTopology } from '@xyz/topology';
import { Construct } from 'constructs';
import { CacheNetwork } from './cache-network';
import { CacheUsers } from './cache-users';
import { connectPolicyJson } from './connect-policy';
import { memberClusterIds, parameterGroupFamily, REDIS_PORT, spreadOverZones } from './redis-engine';

export interface RegionalCacheProps {
  /** The region from the topology: its names and availability zones are used as they are. */
  readonly region: RegionTopology;
  /** Engine version, node type, node count and snapshot policy from the topology. */
  readonly settings: CacheSettings;
  readonly vpcId: string;
  /** Private subnets in at least two availability zones. The list length must be known at synth. */
  readonly subnetIds: string[];
  /** Security groups admitted on the Redis port; nothing else is. The list length must be known at synth. */
  readonly clientSecurityGroupIds: string[];
  /** The region's customer-managed key: encrypts the data at rest, the snapshots and the cache logs. */
  readonly kmsKey: KmsKey;
  /**
   * Days the slow log and the engine log are kept in CloudWatch Logs.
   * @default 365
   */
  readonly logRetentionDays?: number;
  /**
   * Redis ACL rules of the IAM-authenticated application user.
   * @default 'on ~* +@all -@dangerous' (every key and command except the administrative and blocking-prone ones)
   */
  readonly applicationAccessString?: string;
  /**
   * Eviction policy when memory is full.
   * @default 'allkeys-lru' (every key is a cache entry; writes never fail with OOM)
   */
  readonly maxmemoryPolicy?: string;
  /**
   * Weekly maintenance window, for example 'sun:06:00-sun:07:00' (UTC). Must not overlap the snapshot window.
   * @default ElastiCache picks a 60-minute window
   */
  readonly maintenanceWindow?: string;
  /**
   * Apply changes at once instead of in the next maintenance window.
   * @default false
   */
  readonly applyImmediately?: boolean;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

const DEFAULT_LOG_RETENTION_DAYS = 365;
const DEFAULT_ACCESS_STRING = 'on ~* +@all -@dangerous';

/**
 * The Redis cache of one region: a Multi-AZ replication group with automatic failover, encrypted at
 * rest with the region's key and in transit with TLS (required), reachable only from the client
 * security groups, with password-less IAM authentication, daily snapshots and its slow log and
 * engine log in CloudWatch Logs.
 */
export class RegionalCache extends Construct {
  readonly replicationGroup: ElasticacheReplicationGroup;
  /** The replication group id from the topology, as a plain string (usable in names and alarms). */
  readonly replicationGroupId: string;
  readonly securityGroup: SecurityGroup;
  readonly parameterGroup: ElasticacheParameterGroup;
  readonly users: CacheUsers;
  readonly slowLogGroup: CloudwatchLogGroup;
  readonly engineLogGroup: CloudwatchLogGroup;
  /** Ids of the member clusters ("<group>-001", ...): ElastiCache publishes node metrics per member. */
  readonly memberClusterIds: string[];
  /** The user name applications sign IAM authentication tokens for. */
  readonly applicationUserName: string;
  readonly port = REDIS_PORT;
  /** IAM policy (JSON) that allows connecting as the application user; see grantConnect. */
  readonly connectPolicyJson: string;

  constructor(scope: Construct, id: string, props: RegionalCacheProps) {
    super(scope, id);
    const { names } = props.region;
    const { settings } = props;
    if (settings.numCacheClusters < 2) {
      throw new Error(`RegionalCache: numCacheClusters must be at least 2 for Multi-AZ with automatic failover, got ${settings.numCacheClusters}`);
    }
    const family = parameterGroupFamily(settings.engineVersion);
    const groupId = names.cacheReplicationGroup;
    this.replicationGroupId = groupId;

    const network = new CacheNetwork(this, 'network', {
      vpcId: props.vpcId,
      subnetIds: props.subnetIds,
      clientSecurityGroupIds: props.clientSecurityGroupIds,
      securityGroupName: names.cacheSecurityGroup,
      subnetGroupName: names.cacheSubnetGroup,
      tags: props.tags,
    });
    this.securityGroup = network.securityGroup;

    this.parameterGroup = new ElasticacheParameterGroup(this, 'parameter-group', {
      name: names.cacheParameterGroup,
      family,
      description: `Redis ${settings.engineVersion} settings of ${groupId}`,
      parameter: [{ name: 'maxmemory-policy', value: props.maxmemoryPolicy ?? 'allkeys-lru' }],
      tags: props.tags,
    });

    this.users = new CacheUsers(this, 'users', {
      idPrefix: groupId,
      applicationAccessString: props.applicationAccessString ?? DEFAULT_ACCESS_STRING,
      tags: props.tags,
    });
    this.applicationUserName = this.users.applicationUserId;

    const logGroup = (logType: string) =>
      new CloudwatchLogGroup(this, logType, {
        name: `/aws/elasticache/${groupId}/${logType}`,
        retentionInDays: props.logRetentionDays ?? DEFAULT_LOG_RETENTION_DAYS,
        kmsKeyId: props.kmsKey.arn,
        tags: props.tags,
      });
    this.slowLogGroup = logGroup('slow-log');
    this.engineLogGroup = logGroup('engine-log');

    this.replicationGroup = new ElasticacheReplicationGroup(this, 'replication-group', {
      replicationGroupId: groupId,
      description: `Redis cache of ${names.prefix} in ${props.region.region}`,
      engine: 'redis',
      engineVersion: settings.engineVersion,
      nodeType: settings.nodeType,
      port: REDIS_PORT,
      numCacheClusters: settings.numCacheClusters,
      preferredCacheClusterAzs: spreadOverZones(props.region.availabilityZones, settings.numCacheClusters),
      multiAzEnabled: true,
      automaticFailoverEnabled: true,
      parameterGroupName: this.parameterGroup.name,
      subnetGroupName: network.subnetGroup.name,
      securityGroupIds: [network.securityGroup.id],
      atRestEncryptionEnabled: 'true',
      kmsKeyId: props.kmsKey.arn,
      transitEncryptionEnabled: true,
      transitEncryptionMode: 'required',
      userGroupIds: [this.users.userGroup.userGroupId],
      snapshotRetentionLimit: settings.snapshotRetentionDays,
      snapshotWindow: settings.snapshotWindow,
      finalSnapshotIdentifier: `${groupId}-final`,
      maintenanceWindow: props.maintenanceWindow,
      autoMinorVersionUpgrade: 'true',
      applyImmediately: props.applyImmediately ?? false,
      logDeliveryConfiguration: [
        { logType: 'slow-log', destinationType: 'cloudwatch-logs', destination: this.slowLogGroup.name, logFormat: 'json' },
        { logType: 'engine-log', destinationType: 'cloudwatch-logs', destination: this.engineLogGroup.name, logFormat: 'json' },
      ],
      tags: props.tags,
    });
    this.memberClusterIds = memberClusterIds(groupId, settings.numCacheClusters);
    this.connectPolicyJson = connectPolicyJson({
      replicationGroupArn: this.replicationGroup.arn,
      userArn: this.users.applicationUser.arn,
    });
  }

  /** The address writes go to; it follows the primary through a failover. */
  get primaryEndpointAddress(): string {
    return this.replicationGroup.primaryEndpointAddress;
  }

  /** The address that spreads reads over the replicas. */
  get readerEndpointAddress(): string {
    return this.replicationGroup.readerEndpointAddress;
  }

  /**
   * Lets an IAM role connect as the application user (elasticache:Connect on this replication group
   * and user only). The policy is an inline policy of the role, created in this construct.
   */
  grantConnect(id: string, role: { readonly name: string }): IamRolePolicy {
    return new IamRolePolicy(this, `connect-${id}`, {
      name: `${this.replicationGroupId}-connect`,
      role: role.name,
      policy: this.connectPolicyJson,
    });
  }
}
