import { changeKind, type ResourceChange } from '@xyz/terraform-schema';
import { field, text } from './values';

/**
 * In-place updates of an RDS instance that outlast the apply. AWS provider 5.x makes both without
 * replacing the instance, so the destructive-change check alone would not see them.
 */

function isDatabaseUpdate(change: ResourceChange): boolean {
  return change.mode === 'managed' && change.type === 'aws_db_instance' && changeKind(change) === 'update';
}

export interface DatabaseRename {
  readonly from: string;
  /** Undefined when the new name is known only after apply. */
  readonly to?: string;
}

/** A change of `identifier`: the instance is renamed, and with it its endpoint and ARN. */
export function databaseRename(change: ResourceChange): DatabaseRename | undefined {
  if (!isDatabaseUpdate(change)) return undefined;
  const from = text(change.change.before, 'identifier');
  if (!from) return undefined;
  if (field(change.change.after_unknown, 'identifier') === true) return { from };
  const to = text(change.change.after, 'identifier');
  return to === from ? undefined : { from, to };
}

export interface ReplicaPromotion {
  readonly identifier?: string;
  /** The source the replica stops replicating from. */
  readonly source: string;
}

/** The removal of `replicate_source_db`: the read replica is promoted to a standalone database. */
export function replicaPromotion(change: ResourceChange): ReplicaPromotion | undefined {
  if (!isDatabaseUpdate(change)) return undefined;
  const source = text(change.change.before, 'replicate_source_db');
  if (!source || field(change.change.after_unknown, 'replicate_source_db') === true) return undefined;
  if (text(change.change.after, 'replicate_source_db')) return undefined;
  return { identifier: text(change.change.before, 'identifier'), source };
}
