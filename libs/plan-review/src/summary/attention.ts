import { replicaPromotion } from '../plan/rds-changes';
import type { ResourceChange } from '@xyz/terraform-schema';

/** An in-place change that the guard lets through but a reviewer must see: its effect outlasts the apply. */
export interface AttentionItem {
  readonly address: string;
  readonly kind: 'promotion';
  readonly explanation: string;
}

/**
 * A promotion is not blocked: it is what the code says after a failover, when the topology names
 * the replica's region as the primary. It is called out because it cannot be undone.
 */
export function attentionItem(change: ResourceChange): AttentionItem | undefined {
  const promotion = replicaPromotion(change);
  if (!promotion) return undefined;
  const replica = promotion.identifier ? `Read replica ${promotion.identifier}` : 'This read replica';
  return {
    address: change.address,
    kind: 'promotion',
    explanation:
      `${replica} stops replicating from ${promotion.source} and becomes a standalone, writable database. ` +
      'Promotion is one-way: it cannot become a replica again, only be rebuilt from a snapshot, and the other replicas stay attached to the old source until they are rebuilt from the new primary. ' +
      'Expected after a failover (the topology now names this region as the primary); in any other pull request the two databases diverge from here on.',
  };
}
