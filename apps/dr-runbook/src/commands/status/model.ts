import type { FiringAlarm } from '../../aws/alarms';
import type { CacheGroupView } from '../../aws/cache-groups';
import type { StreamView } from '../../aws/device-stream';
import type { EventSourceMappingView } from '../../aws/event-source-mappings';
import type { TableView } from '../../aws/tables';

export interface InstanceSummary {
  readonly id: string;
  readonly status: string;
  readonly role: 'primary' | 'replica';
  /** ARN of the replication source, for a replica. */
  readonly source?: string;
  readonly multiAZ: boolean;
  readonly pendingMultiAZ: boolean;
  readonly backupRetentionDays: number;
  readonly latestRestorableTime?: string;
  readonly endpoint?: string;
}

export interface RegionStatus {
  readonly region: string;
  readonly stack: string;
  readonly expectedRole: 'primary' | 'replica';
  readonly expectedInstance: string;
  readonly expectedSource?: string;
  /** RDS answered in this region. */
  readonly reachable: boolean;
  /** Why RDS could not be read (no credentials, access denied, no answer): the region cannot be checked. */
  readonly error?: string;
  readonly instance?: InstanceSummary;
  readonly lagSeconds: number | null;
  readonly lagAt?: string;
  /** Why CloudWatch could not be read (as opposed to: it has no datapoint). */
  readonly lagError?: string;
  readonly writerEndpointParameter: string;
  /** The parameter's value; null when it does not exist, undefined when it could not be read. */
  readonly writerEndpoint?: string | null;
  /** Why the parameter could not be read. */
  readonly writerEndpointError?: string;
  /** Instances the runbook left next to the standard one (renamed stale instances, restores). */
  readonly leftovers: readonly string[];
  /** The region's other services: cache, device event pipeline (stream home region), alarms. */
  readonly services: RegionServices;
}

/** One resource of the platform as read from AWS, named by the topology. */
export interface ServiceRead<T> {
  readonly name: string;
  /** What AWS reports; null when it does not exist; absent when it could not be read (see error). */
  readonly observed?: T | null;
  /** Why it could not be read (no credentials, access denied, no answer). */
  readonly error?: string;
}

export interface DevicePipeline {
  readonly stream: ServiceRead<StreamView>;
  /** Named by the processor function; observed is its mapping from the stream. */
  readonly eventSourceMapping: ServiceRead<EventSourceMappingView>;
  readonly table: ServiceRead<TableView>;
}

export interface AlarmsRead {
  /** The platform's alarms are those whose name starts with this. */
  readonly prefix: string;
  /** The platform's alarms in ALARM; absent when CloudWatch could not be read (see error). */
  readonly firing?: readonly FiringAlarm[];
  readonly error?: string;
}

export interface RegionServices {
  readonly cache: ServiceRead<CacheGroupView>;
  /** In the stream's home region only. */
  readonly pipeline?: DevicePipeline;
  readonly alarms: AlarmsRead;
}

/**
 * error: AWS shows something wrong (unhealthy). warning: worth a look, not wrong. cannot-check:
 * AWS could not be asked (no credentials, access denied, no answer), which says nothing either way.
 */
export type Severity = 'error' | 'warning' | 'cannot-check';

export interface Finding {
  readonly severity: Severity;
  readonly region: string;
  readonly message: string;
}

export interface StatusReport {
  readonly environment: string;
  readonly topologyFile: string;
  readonly primaryRegion: string;
  readonly generatedAt: string;
  /**
   * unhealthy: at least one error (exit 3), whatever could not be checked. cannot-check: no error in
   * what could be read, but something could not be checked (exit 7). healthy: everything checked, no error (exit 0).
   */
  readonly health: 'healthy' | 'unhealthy' | 'cannot-check';
  /** health is healthy. */
  readonly healthy: boolean;
  /** The regions where something could not be checked. */
  readonly cannotCheck: readonly string[];
  readonly regions: readonly RegionStatus[];
  readonly findings: readonly Finding[];
}
