/** How long the simulated AWS takes for each thing, in (simulated) milliseconds. */
export interface SimDelays {
  readonly apiLatencyMs: number;
  /** A call to a region that is down fails with a connection timeout after this long. */
  readonly downRegionMs: number;
  /** After PromoteReadReplica the instance still says "available" (and is still a replica) this long. */
  readonly promoteVisibleMs: number;
  readonly promoteModifyingMs: number;
  /** Then "rebooting"; at its end the instance is standalone and writable ("backing-up"). */
  readonly promoteRebootMs: number;
  readonly promoteBackupMs: number;
  readonly multiAzVisibleMs: number;
  readonly multiAzMs: number;
  readonly failoverVisibleMs: number;
  /** A forced Multi-AZ failover, request to available. */
  readonly failoverMs: number;
  readonly replicaCreateMs: number;
  /** A new replica's lag when it becomes available, and how long it takes to catch up. */
  readonly newReplicaLagSeconds: number;
  readonly replicaCatchUpMs: number;
  readonly renameVisibleMs: number;
  readonly renameMs: number;
  readonly restoreMs: number;
  readonly parameterApplyVisibleMs: number;
  readonly parameterApplyMs: number;
  /** After the primary's writes are fenced, its replicas reach lag 0 after this long. */
  readonly drainMs: number;
  readonly metricPeriodMs: number;
  readonly metricDelayMs: number;
}

/** What RDS takes in real life: minutes for a promotion, ~90 s for a Multi-AZ failover, tens of minutes for a replica. */
export const REALISTIC_DELAYS: SimDelays = {
  apiLatencyMs: 200,
  downRegionMs: 5_000,
  promoteVisibleMs: 30_000,
  promoteModifyingMs: 300_000,
  promoteRebootMs: 90_000,
  promoteBackupMs: 180_000,
  multiAzVisibleMs: 20_000,
  multiAzMs: 15 * 60_000,
  failoverVisibleMs: 5_000,
  failoverMs: 90_000,
  replicaCreateMs: 30 * 60_000,
  newReplicaLagSeconds: 45,
  replicaCatchUpMs: 5 * 60_000,
  renameVisibleMs: 10_000,
  renameMs: 60_000,
  restoreMs: 25 * 60_000,
  parameterApplyVisibleMs: 2_000,
  parameterApplyMs: 15_000,
  drainMs: 20_000,
  metricPeriodMs: 60_000,
  metricDelayMs: 60_000,
};

/** The same shape scaled down to real milliseconds, for runs of the real CLI in a child process. */
export const QUICK_DELAYS: SimDelays = {
  apiLatencyMs: 2,
  downRegionMs: 30,
  promoteVisibleMs: 60,
  promoteModifyingMs: 150,
  promoteRebootMs: 60,
  promoteBackupMs: 60,
  multiAzVisibleMs: 30,
  multiAzMs: 200,
  failoverVisibleMs: 30,
  failoverMs: 150,
  replicaCreateMs: 250,
  newReplicaLagSeconds: 5,
  replicaCatchUpMs: 100,
  renameVisibleMs: 30,
  renameMs: 80,
  restoreMs: 250,
  parameterApplyVisibleMs: 20,
  parameterApplyMs: 60,
  drainMs: 50,
  metricPeriodMs: 50,
  metricDelayMs: 0,
};
