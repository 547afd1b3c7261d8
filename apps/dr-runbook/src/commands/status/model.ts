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
  readonly reachable: boolean;
  readonly error?: string;
  readonly instance?: InstanceSummary;
  readonly lagSeconds: number | null;
  readonly lagAt?: string;
  readonly writerEndpointParameter: string;
  /** The parameter's value; null when it does not exist, undefined when it could not be read. */
  readonly writerEndpoint?: string | null;
  /** Instances the runbook left next to the standard one (renamed stale instances, restores). */
  readonly leftovers: readonly string[];
}

export interface Finding {
  readonly severity: 'error' | 'warning';
  readonly region: string;
  readonly message: string;
}

export interface StatusReport {
  readonly environment: string;
  readonly topologyFile: string;
  readonly primaryRegion: string;
  readonly generatedAt: string;
  readonly healthy: boolean;
  readonly regions: readonly RegionStatus[];
  readonly findings: readonly Finding[];
}
