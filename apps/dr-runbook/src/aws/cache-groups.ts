import { DescribeReplicationGroupsCommand } from '@aws-sdk/client-elasticache';
import type { AwsClients } from './clients';
import { AwsCallError, type AwsGateway, type CallOptions } from './gateway';

/** What `status` needs to know about a region's Redis replication group. */
export interface CacheGroupView {
  readonly id: string;
  readonly status: string;
  /** 'enabled' or 'disabled', as ElastiCache reports it. */
  readonly multiAZ: string;
  /** 'enabled', 'disabled', 'enabling' or 'disabling'. */
  readonly automaticFailover: string;
  readonly memberClusters: number;
}

export class CacheReplicationGroups {
  constructor(
    private readonly gateway: AwsGateway,
    private readonly clients: AwsClients,
  ) {}

  /** The replication group, or undefined when ElastiCache says it does not exist. */
  async describe(region: string, id: string, options?: CallOptions): Promise<CacheGroupView | undefined> {
    try {
      const out = await this.gateway.call('elasticache', region, 'DescribeReplicationGroups', (abortSignal) => this.clients.elastiCache(region).send(new DescribeReplicationGroupsCommand({ ReplicationGroupId: id }), { abortSignal }), options);
      const group = out.ReplicationGroups?.find((entry) => entry.ReplicationGroupId === id);
      if (!group) return undefined;
      return {
        id,
        status: group.Status ?? 'unknown',
        multiAZ: group.MultiAZ ?? 'disabled',
        automaticFailover: group.AutomaticFailover ?? 'disabled',
        memberClusters: group.MemberClusters?.length ?? 0,
      };
    } catch (error) {
      if (error instanceof AwsCallError && error.kind === 'not-found') return undefined;
      throw error;
    }
  }
}
