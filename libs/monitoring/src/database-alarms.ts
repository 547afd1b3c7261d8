import type { AlarmThresholds } from '@xyz/topology';
import { alarmSpec, type AlarmSpec, metricSource } from './alarm-spec';

export interface MonitoredDatabase {
  readonly instanceIdentifier: string;
  /** Replica lag is watched on replicas only; a primary does not publish it. */
  readonly role: 'primary' | 'replica';
}

/** Alarms on the region's MySQL instance: CPU, storage, memory, connections and, on a replica, lag. */
export function databaseAlarms(database: MonitoredDatabase, thresholds: AlarmThresholds): AlarmSpec[] {
  const id = database.instanceIdentifier;
  const rds = (metricName: string, statistic: 'Average' | 'Maximum' | 'Minimum') =>
    metricSource('AWS/RDS', metricName, { DBInstanceIdentifier: id }, statistic);
  const alarms = [
    alarmSpec(`${id}-cpu-high`, `MySQL ${id}: CPU at or above ${thresholds.rdsCpuPercent}% for 5 minutes`, rds('CPUUtilization', 'Average'), {
      threshold: thresholds.rdsCpuPercent,
      comparison: 'GreaterThanOrEqualToThreshold',
      periodSeconds: 60,
      datapoints: 5,
      treatMissingData: 'missing',
    }),
    alarmSpec(`${id}-free-storage-low`, `MySQL ${id}: free storage at or below ${thresholds.rdsFreeStorageBytes} bytes`, rds('FreeStorageSpace', 'Minimum'), {
      threshold: thresholds.rdsFreeStorageBytes,
      comparison: 'LessThanOrEqualToThreshold',
      periodSeconds: 300,
      datapoints: 1,
      treatMissingData: 'missing',
    }),
    alarmSpec(`${id}-freeable-memory-low`, `MySQL ${id}: freeable memory at or below ${thresholds.rdsFreeableMemoryBytes} bytes for 10 minutes`, rds('FreeableMemory', 'Average'), {
      threshold: thresholds.rdsFreeableMemoryBytes,
      comparison: 'LessThanOrEqualToThreshold',
      periodSeconds: 300,
      datapoints: 2,
      treatMissingData: 'missing',
    }),
    alarmSpec(`${id}-connections-high`, `MySQL ${id}: ${thresholds.rdsConnections} or more connections for 5 minutes`, rds('DatabaseConnections', 'Maximum'), {
      threshold: thresholds.rdsConnections,
      comparison: 'GreaterThanOrEqualToThreshold',
      periodSeconds: 60,
      datapoints: 5,
      treatMissingData: 'missing',
    }),
  ];
  if (database.role === 'replica') {
    alarms.push(
      alarmSpec(
        `${id}-replica-lag-high`,
        `MySQL replica ${id}: ${thresholds.rdsReplicaLagSeconds} s or more behind its source for 5 minutes, or not reporting lag (replication stopped)`,
        rds('ReplicaLag', 'Maximum'),
        { threshold: thresholds.rdsReplicaLagSeconds, comparison: 'GreaterThanOrEqualToThreshold', periodSeconds: 60, datapoints: 5, treatMissingData: 'breaching' },
      ),
    );
  }
  return alarms;
}
