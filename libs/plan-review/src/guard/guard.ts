import { actionReason, changeKind, replacementAttributes } from '../plan/changes';
import { databaseRename } from '../plan/rds-changes';
import type { ResourceChange, TerraformPlan } from '../plan/schema';
import type { AllowEntry } from './allow';
import { renameReason, type StatefulContext, statefulContext, statefulReason } from './stateful';

export interface StackPlan {
  readonly stack: string;
  readonly plan: TerraformPlan;
}

/** What the guard stops: a replacement or deletion of a stateful resource, or a rename of a live database. */
export type GuardAction = 'replace' | 'delete' | 'rename';

/** One change the guard stops unless it is allowed. */
export interface GuardFinding {
  readonly stack: string;
  readonly address: string;
  /** `<stack>:<address>`, the key an allow entry must match exactly. */
  readonly key: string;
  readonly type: string;
  readonly action: GuardAction;
  /** Why the change matters: what the resource holds, or what a rename breaks. */
  readonly reason: string;
  /** What causes it: the forcing attributes, Terraform's reason, or the old and new name. */
  readonly cause: string;
  /** The allow entry that lets it through, if any. */
  readonly allowedBy?: AllowEntry;
}

export interface GuardResult {
  readonly findings: readonly GuardFinding[];
  /** Findings no allow entry covers: any one of them fails the review. */
  readonly blocked: readonly GuardFinding[];
  /** Allow entries that match nothing in these plans (stale, or a typo in the address). */
  readonly unusedAllows: readonly AllowEntry[];
}

export interface GuardOptions {
  readonly allow?: readonly AllowEntry[];
  readonly stateBucket?: string;
}

function causeOf(change: ResourceChange): string {
  const attributes = replacementAttributes(change);
  if (attributes.length > 0) return `forced by a change to ${attributes.join(', ')}`;
  return actionReason(change) ?? 'no reason given in the plan';
}

type Finding = Pick<GuardFinding, 'action' | 'reason' | 'cause'>;

function findingOf(change: ResourceChange, context: StatefulContext): Finding | undefined {
  const kind = changeKind(change);
  if (kind === 'replace' || kind === 'delete') {
    const reason = statefulReason(change, context);
    return reason ? { action: kind, reason, cause: causeOf(change) } : undefined;
  }
  const rename = databaseRename(change);
  return rename ? { action: 'rename', reason: renameReason(change, rename), cause: `identifier ${rename.from} → ${rename.to ?? '(known after apply)'}` } : undefined;
}

/**
 * Finds every replace or delete of a stateful resource, and every rename of a live database, and
 * checks each against the allow list.
 */
export function runGuard(stacks: readonly StackPlan[], options: GuardOptions = {}): GuardResult {
  const allow = options.allow ?? [];
  const used = new Set<string>();
  const findings: GuardFinding[] = [];
  for (const { stack, plan } of stacks) {
    const context = statefulContext(plan.resource_changes, options.stateBucket);
    for (const change of plan.resource_changes) {
      const finding = findingOf(change, context);
      if (!finding) continue;
      const key = `${stack}:${change.address}`;
      const allowedBy = allow.find((entry) => entry.address === key && (!entry.action || entry.action === finding.action));
      if (allowedBy) used.add(allowedBy.address);
      findings.push({ stack, address: change.address, key, type: change.type, ...finding, allowedBy });
    }
  }
  return {
    findings,
    blocked: findings.filter((finding) => !finding.allowedBy),
    unusedAllows: allow.filter((entry) => !used.has(entry.address)),
  };
}
