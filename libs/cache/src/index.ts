export { CacheNetwork, type CacheNetworkProps } from './cache-network';
export { CacheUsers, type CacheUsersProps } from './cache-users';
export { connectPolicyJson, type ConnectPolicyInput } from './connect-policy';
export { memberClusterIds, parameterGroupFamily, REDIS_PORT } from './redis-engine';
export { RegionalCache, type RegionalCacheProps } from './regional-cache';
