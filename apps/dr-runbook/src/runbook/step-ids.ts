/** The ids of the steps: keys in the journal, and what a pre-check guards (CheckResult.guards). */
export const STEP = {
  fence: 'fence-writes',
  promote: 'promote',
  requestMultiAz: 'request-multi-az',
  switchEndpoint: 'switch-endpoint',
  waitMultiAz: 'wait-multi-az',
  rebuildReplicas: 'rebuild-replicas',
  topology: 'topology',
  createReplica: 'create-replica',
  catchUp: 'catch-up',
  drain: 'drain',
  forcedFailover: 'forced-failover',
  restore: 'restore',
} as const;
