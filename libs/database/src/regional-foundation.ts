import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group';
import type { DbInstanceConfig } from '@cdktf/provider-aws/lib/db-instance';
import type { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import type { DatabaseInstanceSettings } from '@xyz/topology';
import { Construct } from 'constructs';
import { EnhancedMonitoringRole } from './monitoring-role';
import { MysqlParameterGroup } from './parameter-group';

/** What both roles of a regional MySQL instance need: placement, encryption and telemetry. */
export interface RegionalDatabaseProps {
  /**
   * The instance as the topology describes it (`databaseInstanceSettings` of @xyz/topology). The
   * DR runbook builds the replicas and restores it creates from the same description.
   */
  readonly settings: DatabaseInstanceSettings;
  /** Private subnets in at least two availability zones. */
  readonly subnetIds: string[];
  /** The security group that admits MySQL from the application group only (the one `settings.securityGroupName` names). */
  readonly securityGroupId: string;
  /** The region's customer-managed key (the one `settings.storage.kmsKeyAlias` names): storage and Performance Insights. */
  readonly kmsKey: KmsKey;
}

/**
 * Creates the subnet group, parameter group and monitoring role, and returns the instance
 * arguments that do not depend on the role. Primary and replica share them, so a promotion
 * changes only the role-specific arguments and Terraform updates the instance in place.
 */
export function createRegionalFoundation(scope: Construct, props: RegionalDatabaseProps): Omit<DbInstanceConfig, 'instanceClass'> & { instanceClass: string } {
  const { settings } = props;
  const tags = { ...settings.tags };
  const subnetGroup = new DbSubnetGroup(scope, 'subnet-group', {
    name: settings.subnetGroupName,
    description: `Private subnets of ${settings.identifier}`,
    subnetIds: props.subnetIds,
    tags,
  });
  const parameterGroup = new MysqlParameterGroup(scope, 'parameters', { name: settings.parameterGroupName, tags });
  const monitoring = new EnhancedMonitoringRole(scope, 'monitoring-role', { name: settings.enhancedMonitoring.roleName, tags });
  return {
    identifier: settings.identifier,
    instanceClass: settings.instanceClass,
    storageType: settings.storage.type,
    maxAllocatedStorage: settings.storage.maxAllocatedGb,
    storageEncrypted: settings.storage.encrypted,
    kmsKeyId: props.kmsKey.arn,
    dbSubnetGroupName: subnetGroup.name,
    vpcSecurityGroupIds: [props.securityGroupId],
    parameterGroupName: parameterGroup.group.name,
    publiclyAccessible: settings.publiclyAccessible,
    iamDatabaseAuthenticationEnabled: settings.iamDatabaseAuthentication,
    caCertIdentifier: settings.caCertificateIdentifier,
    autoMinorVersionUpgrade: settings.autoMinorVersionUpgrade,
    deletionProtection: settings.deletionProtection,
    copyTagsToSnapshot: settings.copyTagsToSnapshot,
    maintenanceWindow: settings.maintenanceWindow,
    performanceInsightsEnabled: settings.performanceInsights.enabled,
    performanceInsightsKmsKeyId: props.kmsKey.arn,
    performanceInsightsRetentionPeriod: settings.performanceInsights.retentionDays,
    monitoringInterval: settings.enhancedMonitoring.intervalSeconds,
    monitoringRoleArn: monitoring.role.arn,
    enabledCloudwatchLogsExports: [...settings.logExports],
    tags,
  };
}
