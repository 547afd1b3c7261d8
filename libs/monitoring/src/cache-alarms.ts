import type { AlarmThresholds } from '@xyz/topology';
import { alarmSpec, type AlarmSpec, metricSource } from './alarm-spec';

export interface MonitoredCache {
  readonly replicationGroupId: string;
  /** ElastiCache publishes node metrics per CacheClusterId, so every member gets its own alarms. */
  readonly memberClusterIds: string[];
}

/** Alarms on every member of the region's Redis replication group: CPU, engine CPU, evictions, memory. */
export function cacheAlarms(cache: MonitoredCache, thresholds: AlarmThresholds): AlarmSpec[] {
  return cache.memberClusterIds.flatMap((member) => {
    const redis = (metricName: string, statistic: 'Average' | 'Sum') =>
      metricSource('AWS/ElastiCache', metricName, { CacheClusterId: member }, statistic);
    return [
      alarmSpec(`${member}-cpu-high`, `Redis ${member}: host CPU at or above ${thresholds.redisCpuPercent}% for 5 minutes`, redis('CPUUtilization', 'Average'), {
        threshold: thresholds.redisCpuPercent,
        comparison: 'GreaterThanOrEqualToThreshold',
        periodSeconds: 60,
        datapoints: 5,
        treatMissingData: 'missing',
      }),
      alarmSpec(
        `${member}-engine-cpu-high`,
        `Redis ${member}: engine thread CPU at or above ${thresholds.redisEngineCpuPercent}% for 5 minutes`,
        redis('EngineCPUUtilization', 'Average'),
        { threshold: thresholds.redisEngineCpuPercent, comparison: 'GreaterThanOrEqualToThreshold', periodSeconds: 60, datapoints: 5, treatMissingData: 'missing' },
      ),
      alarmSpec(`${member}-evictions`, `Redis ${member}: ${thresholds.redisEvictions} or more keys evicted in 5 minutes`, redis('Evictions', 'Sum'), {
        threshold: thresholds.redisEvictions,
        comparison: 'GreaterThanOrEqualToThreshold',
        periodSeconds: 300,
        datapoints: 1,
        treatMissingData: 'notBreaching',
      }),
      alarmSpec(
        `${member}-memory-high`,
        `Redis ${member}: memory use at or above ${thresholds.redisMemoryPercent}% for 5 minutes`,
        redis('DatabaseMemoryUsagePercentage', 'Average'),
        { threshold: thresholds.redisMemoryPercent, comparison: 'GreaterThanOrEqualToThreshold', periodSeconds: 60, datapoints: 5, treatMissingData: 'missing' },
      ),
    ];
  });
}
