import { actionReason, changeKind, replacementAttributes } from '../plan/changes';
import type { ResourceChange, TerraformPlan } from '../plan/schema';
import type { AllowEntry } from './allow';
import { statefulContext, statefulReason } from './stateful';

export interface StackPlan {
  readonly stack: string;
  readonly plan: TerraformPlan;
}

/** One replacement or deletion of a stateful resource. */
export interface GuardFinding {
  readonly stack: string;
  readonly address: string;
  /** `<stack>:<address>`, the key an allow entry must match exactly. */
  readonly key: string;
  readonly type: string;
  readonly action: 'replace' | 'delete';
  /** Why the resource holds state. */
  readonly reason: string;
  /** What causes the replacement or deletion: the forcing attributes, or Terraform's reason. */
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

/** Finds every delete or replace of a stateful resource and checks it against the allow list. */
export function runGuard(stacks: readonly StackPlan[], options: GuardOptions = {}): GuardResult {
  const allow = options.allow ?? [];
  const used = new Set<string>();
  const findings: GuardFinding[] = [];
  for (const { stack, plan } of stacks) {
    const context = statefulContext(plan.resource_changes, options.stateBucket);
    for (const change of plan.resource_changes) {
      const kind = changeKind(change);
      if (kind !== 'replace' && kind !== 'delete') continue;
      const reason = statefulReason(change, context);
      if (!reason) continue;
      const key = `${stack}:${change.address}`;
      const allowedBy = allow.find((entry) => entry.address === key && (!entry.action || entry.action === kind));
      if (allowedBy) used.add(allowedBy.address);
      findings.push({ stack, address: change.address, key, type: change.type, action: kind, reason, cause: causeOf(change), allowedBy });
    }
  }
  return {
    findings,
    blocked: findings.filter((finding) => !finding.allowedBy),
    unusedAllows: allow.filter((entry) => !used.has(entry.address)),
  };
}
