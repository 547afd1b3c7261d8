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
