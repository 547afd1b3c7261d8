export { AWS_REGIONS, type AwsRegion, isAwsRegion, regionShortCode } from './aws-regions';
export { parseCidr, rangesOverlap, subnetCidr } from './cidr';
export {
  allDatabaseTags,
  DATABASE_LOG_EXPORTS,
  databaseInstanceSettings,
  type DatabaseInstanceSettings,
  type PrimaryRoleSettings,
  type ReplicaRoleSettings,
} from './database-instance';
export { TopologyError } from './errors';
export {
  availableEnvironments,
  DEFAULT_ENVIRONMENT,
  ENVIRONMENT_VARIABLE,
  ENVIRONMENTS_DIR,
  loadSelectedTopology,
  loadTopology,
  loadTopologyFile,
  TOPOLOGY_DIR_VARIABLE,
  topologyFile,
} from './load';
export type {
  AlarmThresholds,
  CacheSettings,
  DatabaseSettings,
  RegionalStateStore,
  RegionRole,
  RegionTopology,
  StateBackendSettings,
  StreamSettings,
  SubnetPlan,
  Topology,
} from './model';
export type { GlobalResourceNames, RegionResourceNames } from './naming';
export { type PlatformStack, platformStacks } from './platform-stacks';
export {
  isPlatformRegion,
  primaryRegionOf,
  regionByName,
  regionForStack,
  replicaRegionsOf,
  replicatedStateLocation,
  stateKey,
  stateLocation,
  type StateLocation,
  stateRegionOf,
  stateStoreOf,
} from './queries';
export { resolveTopology, STATE_BACKEND_STACK } from './resolve';
export { type TopologyDocument, topologySchema } from './schema';
export { providerDefaultTags, stackTags } from './tags';
