/** The port Redis listens on; the security group opens only this one. */
export const REDIS_PORT = 6379;

/** IAM authentication for ElastiCache users needs Redis OSS 7.0 or later. */
const MIN_MAJOR_VERSION = 7;

/** The major version of a Redis engine version such as "7.1", or a clear error. */
export function redisMajorVersion(engineVersion: string): number {
  const match = /^(\d+)\.(\d+|x)$/.exec(engineVersion);
  if (!match) throw new Error(`cache engine version "${engineVersion}" is not of the form 7.1`);
  const major = Number(match[1]);
  if (major < MIN_MAJOR_VERSION) {
    throw new Error(`cache engine version "${engineVersion}" is too old: IAM authentication needs Redis ${MIN_MAJOR_VERSION}.0 or later`);
  }
  return major;
}

/** The parameter group family of an engine version ("7.1" -> "redis7"). */
export function parameterGroupFamily(engineVersion: string): string {
  return `redis${redisMajorVersion(engineVersion)}`;
}

/**
 * The ids ElastiCache gives the member clusters of a replication group created with
 * num_cache_clusters: "<group>-001", "<group>-002", ... They are known at synth, so alarms can be
 * declared per member (ElastiCache publishes node metrics per CacheClusterId).
 */
export function memberClusterIds(replicationGroupId: string, numCacheClusters: number): string[] {
  return Array.from({ length: numCacheClusters }, (_, i) => `${replicationGroupId}-${String(i + 1).padStart(3, '0')}`);
}

/** One availability zone per node, round-robin: with at least as many zones as nodes, no two nodes share a zone. */
export function spreadOverZones(zones: readonly string[], numCacheClusters: number): string[] {
  if (zones.length === 0) throw new Error('the region lists no availability zones');
  return Array.from({ length: numCacheClusters }, (_, i) => zones[i % zones.length]);
}
