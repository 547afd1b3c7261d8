import { z } from 'zod';

/** The actions of a planned change, as `terraform show -json` writes them. */
export const planActionSchema = z.enum(['no-op', 'create', 'read', 'update', 'delete', 'forget']);
export type PlanAction = z.infer<typeof planActionSchema>;

/** What a resource change does, in the words a reviewer uses. */
export type ChangeKind = 'create' | 'update' | 'replace' | 'delete' | 'read' | 'forget' | 'no-op';

export const CHANGE_KINDS_IN_ORDER: readonly ChangeKind[] = ['create', 'update', 'replace', 'delete', 'forget', 'read', 'no-op'];

/** One action, or a replacement in either order (create before destroy, or destroy first); undefined for any other list. */
export function kindOfActions(actions: readonly PlanAction[]): ChangeKind | undefined {
  if (actions.length === 2 && actions.includes('create') && actions.includes('delete')) return 'replace';
  return actions.length === 1 ? actions[0] : undefined;
}

/** The kind of one resource change; a change that was not checked by the plan schema may still hold an odd action list. */
export function changeKind(change: { readonly address: string; readonly change: { readonly actions: readonly PlanAction[] } }): ChangeKind {
  const kind = kindOfActions(change.change.actions);
  if (!kind) throw new Error(`${change.address}: unexpected action list ${JSON.stringify(change.change.actions)}; is this a terraform show -json plan?`);
  return kind;
}
