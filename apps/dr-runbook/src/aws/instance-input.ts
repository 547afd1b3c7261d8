import type { DatabaseInstanceSettings } from '@xyz/topology';

/**
 * What every instance the runbook creates (a replica, a restored copy) takes from the topology's
 * description of the region's database, as the Terraform constructs do: class, storage, groups,
 * certificate, logs and protection. The callers add what differs: source, key, Multi-AZ, tags.
 */
export function describedInstanceFields(settings: DatabaseInstanceSettings, securityGroupIds: readonly string[]) {
  return {
    DBInstanceClass: settings.instanceClass,
    StorageType: settings.storage.type,
    MaxAllocatedStorage: settings.storage.maxAllocatedGb,
    DBSubnetGroupName: settings.subnetGroupName,
    DBParameterGroupName: settings.parameterGroupName,
    VpcSecurityGroupIds: [...securityGroupIds],
    PubliclyAccessible: settings.publiclyAccessible,
    AutoMinorVersionUpgrade: settings.autoMinorVersionUpgrade,
    CopyTagsToSnapshot: settings.copyTagsToSnapshot,
    DeletionProtection: settings.deletionProtection,
    EnableIAMDatabaseAuthentication: settings.iamDatabaseAuthentication,
    CACertificateIdentifier: settings.caCertificateIdentifier,
    EnableCloudwatchLogsExports: [...settings.logExports],
  };
}
