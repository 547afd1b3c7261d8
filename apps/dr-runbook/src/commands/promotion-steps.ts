import type { Topology } from '@xyz/topology';
import { switchEndpointStep } from '../runbook/actions/endpoint';
import { requestMultiAzStep, waitMultiAzStep } from '../runbook/actions/multi-az';
import { promoteStep } from '../runbook/actions/promote';
import { rebuildReplicasStep, type ReplicaSpec } from '../runbook/actions/replica';
import { topologyStep } from '../runbook/actions/topology-change';
import type { CommandEnv } from '../runbook/command';
import type { Step } from '../runbook/step';

export interface Promotion {
  readonly to: string;
  readonly toId: string;
  readonly toEndpoint?: string;
  readonly replicas: readonly ReplicaSpec[];
}

/**
 * What failover and failback share once a replica is ready to become the primary: promote it,
 * start Multi-AZ, switch the writer endpoint, wait for Multi-AZ, rebuild the other replicas from
 * it, and change the topology.
 */
export function promotionSteps(env: Pick<CommandEnv, 'topology' | 'topologyFile' | 'topologyFileShown'>, promotion: Promotion, writeTopology: boolean): Step[] {
  const topology: Topology = env.topology;
  const target = { region: promotion.to, id: promotion.toId };
  return [
    promoteStep(target, topology),
    requestMultiAzStep(target, topology),
    switchEndpointStep(target, promotion.toEndpoint, topology),
    waitMultiAzStep(target, topology),
    ...(promotion.replicas.length > 0 ? [rebuildReplicasStep(promotion.replicas, topology)] : []),
    topologyStep(env.topologyFile, promotion.to, writeTopology, env.topologyFileShown),
  ];
}
