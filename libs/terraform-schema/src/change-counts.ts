import { CHANGE_KINDS_IN_ORDER, changeKind, type ChangeKind, type PlanAction } from './actions';

export type ChangeCounts = Record<ChangeKind, number>;

/** What counting needs of a resource change (a parsed plan's resource_changes have it). */
export interface CountableChange {
  readonly address: string;
  readonly mode: string;
  readonly change: { readonly actions: readonly PlanAction[] };
}

export function emptyChangeCounts(): ChangeCounts {
  return { create: 0, update: 0, replace: 0, delete: 0, forget: 0, read: 0, 'no-op': 0 };
}

/** How many managed resources each kind of change touches (data sources are read, not changed). */
export function countChanges(changes: readonly CountableChange[]): ChangeCounts {
  const counts = emptyChangeCounts();
  for (const change of changes) if (change.mode === 'managed') counts[changeKind(change)] += 1;
  return counts;
}

export function addChangeCounts(into: ChangeCounts, from: ChangeCounts): void {
  for (const kind of CHANGE_KINDS_IN_ORDER) into[kind] += from[kind];
}

/** `3 to create, 1 to update, 0 to replace, 0 to delete`, and the forgotten ones when there are any. */
export function describeChangeCounts(counts: ChangeCounts): string {
  const forget = counts.forget > 0 ? `, ${counts.forget} to forget` : '';
  return `${counts.create} to create, ${counts.update} to update, ${counts.replace} to replace, ${counts.delete} to delete${forget}`;
}
