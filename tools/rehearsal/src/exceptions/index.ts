import { rdsReplicaLagMetric } from './cloudwatch';
import { cacheClusterCount, cacheMemberClusters, cacheParameterGroup, cacheUserGroup } from './elasticache';
import { crossRegionReplicaSubnetGroup, rdsKeyAliases, rdsParameterReset, rdsPromotionKeepsSource, rdsReplicaResourceIds } from './rds';
import { conditionalDenies, lifecycleTransitionSize, stateReplication } from './s3';
import type { MotoException } from './types';

export type { ExceptionContext, ExchangePatch, GateRequest, MotoChannel, MotoException } from './types';

/**
 * What moto does not model, and what the rehearsal does instead: the one list, applied only through
 * its hooks, in this order, and printed by every run.
 */
export const MOTO_EXCEPTIONS: readonly MotoException[] = [
  lifecycleTransitionSize,
  conditionalDenies,
  stateReplication,
  rdsPromotionKeepsSource,
  rdsKeyAliases,
  rdsReplicaResourceIds,
  rdsParameterReset,
  rdsReplicaLagMetric,
  crossRegionReplicaSubnetGroup,
  cacheParameterGroup,
  cacheUserGroup,
  cacheClusterCount,
  cacheMemberClusters,
];
