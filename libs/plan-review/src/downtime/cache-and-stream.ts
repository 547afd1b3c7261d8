import { field } from '../plan/values';
import type { ResourceChange } from '@xyz/terraform-schema';
import { type DowntimeWarning, fromTo, whenApplied } from './warning';

function changedValues(change: ResourceChange, attribute: string): [unknown, unknown] | undefined {
  const before = field(change.change.before, attribute);
  const after = field(change.change.after, attribute);
  if (change.change.actions.join() !== 'update' || field(change.change.after_unknown, attribute) === true || after === undefined || before === after) return undefined;
  return [before, after];
}

/** Node type and engine version changes of a Redis replication group. */
export function cacheDowntime(change: ResourceChange): DowntimeWarning[] {
  if (change.type !== 'aws_elasticache_replication_group') return [];
  const when = whenApplied(change.change.after, 'maintenance_window');
  const withReplica = Number(field(change.change.after, 'num_cache_clusters') ?? 1) > 1 || Number(field(change.change.after, 'replicas_per_node_group') ?? 0) > 0;
  const warnings: DowntimeWarning[] = [];
  const nodeType = changedValues(change, 'node_type');
  // AWS: online vertical scaling creates nodes of the new type, syncs them and switches DNS to them; the
  // switch interrupts writes for about a second with a replica (Redis 5.0.6+), about 60 s for a single node.
  if (nodeType) {
    warnings.push({
      address: change.address,
      change: `node type ${fromTo(...nodeType)}`,
      effect: 'ElastiCache builds nodes of the new type, copies the data and switches the endpoint to them: writes fail at the switch',
      duration: withReplica ? 'about a second of failed writes at the switch (the resize itself takes longer)' : 'about a minute for a single node',
      when,
    });
  }
  const version = changedValues(change, 'engine_version');
  // AWS: an engine upgrade launches new nodes, copies the data and fails over; reads continue, writes stop
  // for the few seconds of the failover (Redis 5.0.5+; 30-60 s before). A single node is unavailable throughout.
  if (version) {
    warnings.push({
      address: change.address,
      change: `engine version ${fromTo(...version)}`,
      effect: withReplica ? 'new nodes with the new engine take over through a failover: reads continue, writes fail during the failover' : 'a single node serves nothing while it is upgraded',
      duration: withReplica ? 'a few seconds of failed writes' : 'the whole upgrade, minutes',
      when,
    });
  }
  return warnings;
}

/**
 * AWS: UpdateShardCount reshards by splitting or merging shards; the stream is UPDATING for a few minutes
 * (longer for big streams), reads and writes continue, and consumers move from the closed parent shards
 * to the child shards. Each shard takes 1 MB/s (1,000 records/s) in and gives 2 MB/s out; resharding is
 * limited per day and to doubling or halving at a time.
 */
export function streamDowntime(change: ResourceChange): DowntimeWarning[] {
  if (change.type !== 'aws_kinesis_stream') return [];
  const shards = changedValues(change, 'shard_count');
  if (!shards) return [];
  return [
    {
      address: change.address,
      change: `shard count ${fromTo(...shards)}`,
      effect: `the stream reshards (UPDATING): reads and writes continue, but parent shards close and consumers move to the child shards; capacity becomes ${String(shards[1])} × 1 MB/s in and 2 MB/s out, and the number of reshards per day is limited`,
      duration: 'a few minutes, longer for big streams',
      when: 'during this apply',
    },
  ];
}
