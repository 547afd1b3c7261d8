export { CrossRegionReplica, type CrossRegionReplicaProps } from './cross-region-replica';
export { MasterCredential, type MasterCredentialProps } from './master-credential';
export { EnhancedMonitoringRole, type EnhancedMonitoringRoleProps } from './monitoring-role';
export { MysqlParameterGroup, type MysqlParameterGroupProps } from './parameter-group';
export { PrimaryDatabase, type PrimaryDatabaseProps } from './primary-database';
export type { RegionalDatabaseProps } from './regional-foundation';
