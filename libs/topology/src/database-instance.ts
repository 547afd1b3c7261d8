import type { AwsRegion } from './aws-regions';
import type { Topology } from './model';
import { regionByName } from './queries';
import { providerDefaultTags, stackTags } from './tags';

/** The MySQL logs exported to CloudWatch Logs (the parameter group turns the slow-query log on). */
export const DATABASE_LOG_EXPORTS: readonly string[] = ['error', 'slowquery'];

/** What only the writable instance has. */
export interface PrimaryRoleSettings {
  readonly multiAz: boolean;
  readonly masterUsername: string;
  readonly backupRetentionDays: number;
  readonly backupWindow: string;
  /** Taken when the primary is deleted (RDS cannot snapshot a replica on deletion). */
  readonly finalSnapshotIdentifier: string;
}

/** What a cross-region read replica has until it is promoted. */
export interface ReplicaRoleSettings {
  /** The runbook turns Multi-AZ on after a promotion. */
  readonly multiAz: boolean;
  /** RDS creates replicas with backups off; the primary's retention applies once promoted. */
  readonly backupRetentionDays: number;
}

/**
 * One region's MySQL instance as the platform wants it, whatever its role today. The Terraform
 * constructs (libs/database) and the DR runbook (the replicas it rebuilds, the instances it
 * restores) both derive their arguments from this, so an instance the runbook creates has the
 * settings Terraform would give it. Values only AWS knows at run time (key ARN, security group
 * id, role ARN) are named here by alias or name.
 */
export interface DatabaseInstanceSettings {
  readonly region: AwsRegion;
  /** The stack whose state manages the instance. */
  readonly stackName: string;
  readonly identifier: string;
  readonly instanceClass: string;
  readonly engine: {
    readonly name: 'mysql';
    readonly version: string;
    /** Extended support or not once the version leaves RDS standard support; replicas follow their source. */
    readonly lifecycleSupport: string;
  };
  readonly storage: {
    readonly type: 'gp3';
    readonly encrypted: boolean;
    /** The region's customer-managed key, by alias (RDS accepts an alias wherever it takes a key id). */
    readonly kmsKeyAlias: string;
    /** Only a new primary sets it; a replica gets its source's size. */
    readonly allocatedGb: number;
    /** Storage autoscaling ceiling. */
    readonly maxAllocatedGb: number;
  };
  readonly parameterGroupName: string;
  readonly subnetGroupName: string;
  /** The group that admits MySQL from the application group only; its id exists only in AWS. */
  readonly securityGroupName: string;
  readonly publiclyAccessible: boolean;
  readonly iamDatabaseAuthentication: boolean;
  readonly deletionProtection: boolean;
  readonly autoMinorVersionUpgrade: boolean;
  readonly copyTagsToSnapshot: boolean;
  readonly caCertificateIdentifier: string;
  readonly maintenanceWindow: string;
  readonly enhancedMonitoring: {
    readonly intervalSeconds: number;
    readonly roleName: string;
    /** IAM role ARNs follow from the account and the name (the role has the default path). */
    readonly roleArn: string;
  };
  readonly performanceInsights: {
    readonly enabled: boolean;
    readonly kmsKeyAlias: string;
    readonly retentionDays: number;
  };
  readonly logExports: readonly string[];
  /** The instance's own tags (Terraform's `tags`). */
  readonly tags: Readonly<Record<string, string>>;
  /** The tags the stack's AWS provider adds (`default_tags`); an instance created by API call must carry them itself. */
  readonly inheritedTags: Readonly<Record<string, string>>;
  readonly primary: PrimaryRoleSettings;
  readonly replica: ReplicaRoleSettings;
}

/** The description of the MySQL instance of one region of the platform. */
export function databaseInstanceSettings(topology: Topology, region: string): DatabaseInstanceSettings {
  const entry = regionByName(topology, region);
  const { names } = entry;
  const db = topology.database;
  return {
    region: entry.region,
    stackName: entry.stackName,
    identifier: names.dbInstanceIdentifier,
    instanceClass: db.instanceClass,
    engine: { name: 'mysql', version: db.engineVersion, lifecycleSupport: db.engineLifecycleSupport },
    storage: { type: 'gp3', encrypted: true, kmsKeyAlias: names.kmsAlias, allocatedGb: db.allocatedStorageGb, maxAllocatedGb: db.maxAllocatedStorageGb },
    parameterGroupName: names.dbParameterGroup,
    subnetGroupName: names.dbSubnetGroup,
    securityGroupName: names.dbSecurityGroup,
    publiclyAccessible: false,
    iamDatabaseAuthentication: true,
    deletionProtection: true,
    autoMinorVersionUpgrade: true,
    copyTagsToSnapshot: true,
    caCertificateIdentifier: db.caCertificateIdentifier,
    maintenanceWindow: db.maintenanceWindow,
    enhancedMonitoring: {
      intervalSeconds: db.monitoringIntervalSeconds,
      roleName: names.monitoringRole,
      roleArn: `arn:aws:iam::${topology.accountId}:role/${names.monitoringRole}`,
    },
    performanceInsights: { enabled: true, kmsKeyAlias: names.kmsAlias, retentionDays: db.performanceInsightsRetentionDays },
    logExports: DATABASE_LOG_EXPORTS,
    tags: stackTags(entry.stackName),
    inheritedTags: providerDefaultTags(topology, entry.region),
    primary: {
      multiAz: true,
      masterUsername: db.masterUsername,
      backupRetentionDays: db.backupRetentionDays,
      backupWindow: db.backupWindow,
      finalSnapshotIdentifier: `${names.dbInstanceIdentifier}-final`,
    },
    replica: { multiAz: false, backupRetentionDays: 0 },
  };
}

/** Every tag the instance carries in AWS: the inherited ones and its own. */
export function allDatabaseTags(settings: DatabaseInstanceSettings): Record<string, string> {
  return { ...settings.inheritedTags, ...settings.tags };
}
