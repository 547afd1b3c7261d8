import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group';
import type { DbInstanceConfig } from '@cdktf/provider-aws/lib/db-instance';
import type { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import type { DatabaseSettings, RegionResourceNames } from '@xyz/topology';
import { Construct } from 'constructs';
import { EnhancedMonitoringRole } from './monitoring-role';
import { MysqlParameterGroup } from './parameter-group';

/** What both roles of a regional MySQL instance need: placement, encryption and telemetry. */
export interface RegionalDatabaseProps {
  /** The region's resource names (identifier, parameter group, subnet group, monitoring role). */
  readonly names: RegionResourceNames;
  /** Sizes, windows and versions from the topology. */
  readonly settings: DatabaseSettings;
  /** Private subnets in at least two availability zones. */
  readonly subnetIds: string[];
  /** The security group that admits MySQL from the application group only. */
  readonly securityGroupId: string;
  /** The region's customer-managed key: storage and Performance Insights. */
  readonly kmsKey: KmsKey;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

export const LOG_EXPORTS = ['error', 'slowquery'];

/**
 * Creates the subnet group, parameter group and monitoring role, and returns the instance
 * arguments that do not depend on the role. Primary and replica share them, so a promotion
 * changes only the role-specific arguments and Terraform updates the instance in place.
 */
export function createRegionalFoundation(scope: Construct, props: RegionalDatabaseProps): Omit<DbInstanceConfig, 'instanceClass'> & { instanceClass: string } {
  const { names, settings, tags } = props;
  const subnetGroup = new DbSubnetGroup(scope, 'subnet-group', {
    name: names.dbSubnetGroup,
    description: `Private subnets of ${names.dbInstanceIdentifier}`,
    subnetIds: props.subnetIds,
    tags,
  });
  const parameterGroup = new MysqlParameterGroup(scope, 'parameters', { name: names.dbParameterGroup, tags });
  const monitoring = new EnhancedMonitoringRole(scope, 'monitoring-role', { name: names.monitoringRole, tags });
  return {
    identifier: names.dbInstanceIdentifier,
    instanceClass: settings.instanceClass,
    storageType: 'gp3',
    maxAllocatedStorage: settings.maxAllocatedStorageGb,
    storageEncrypted: true,
    kmsKeyId: props.kmsKey.arn,
    dbSubnetGroupName: subnetGroup.name,
    vpcSecurityGroupIds: [props.securityGroupId],
    parameterGroupName: parameterGroup.group.name,
    publiclyAccessible: false,
    iamDatabaseAuthenticationEnabled: true,
    caCertIdentifier: settings.caCertificateIdentifier,
    autoMinorVersionUpgrade: true,
    deletionProtection: true,
    copyTagsToSnapshot: true,
    maintenanceWindow: settings.maintenanceWindow,
    performanceInsightsEnabled: true,
    performanceInsightsKmsKeyId: props.kmsKey.arn,
    performanceInsightsRetentionPeriod: settings.performanceInsightsRetentionDays,
    monitoringInterval: settings.monitoringIntervalSeconds,
    monitoringRoleArn: monitoring.role.arn,
    enabledCloudwatchLogsExports: LOG_EXPORTS,
    tags,
  };
}
