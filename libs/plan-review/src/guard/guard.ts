import { changeKind } from '@xyz/terraform-schema';
import { actionReason, replacementAttributes } from '../plan/changes';
import { databaseRename } from '../plan/rds-changes';
import type { ResourceChange, TerraformPlan } from '@xyz/terraform-schema';
import { type AllowEntry, allowing, type GuardAction } from './allow';
import { openingContext, openingsOf } from './opening';
import type { OpeningContext } from './opening-rules';
import { renameReason, type StatefulContext, statefulContext, statefulReason } from './stateful';
import { weakeningsOf } from './weakening';

export type { GuardAction } from './allow';

export interface StackPlan {
  readonly stack: string;
  readonly plan: TerraformPlan;
}

/** One change the guard stops unless it is allowed. */
export interface GuardFinding {
  readonly stack: string;
  readonly address: string;
  /** `<stack>:<address>`, the key an allow entry must match exactly (with the action). */
  readonly key: string;
  readonly type: string;
  readonly action: GuardAction;
  /** The rule behind a weakening or an opening (`aws_db_instance.deletion_protection`, `ingress-from-internet`). */
  readonly rule?: string;
  /** Why the change matters: what the resource holds, what a rename breaks, what is weakened or opened. */
  readonly reason: string;
  /** What causes it: the forcing attributes, Terraform's reason, the old and new name or value. */
  readonly cause: string;
  /** The allow entry that lets it through, if any. */
  readonly allowedBy?: AllowEntry;
}

export interface GuardResult {
  readonly findings: readonly GuardFinding[];
  /** Findings no allow entry covers: any one of them fails the review. */
  readonly blocked: readonly GuardFinding[];
  /** Allow entries that match nothing in these plans (stale, or a typo in the address or the action). */
  readonly unusedAllows: readonly AllowEntry[];
}

export interface GuardOptions {
  readonly allow?: readonly AllowEntry[];
  readonly stateBuckets?: readonly string[];
}

type Finding = Pick<GuardFinding, 'action' | 'reason' | 'cause' | 'rule'>;

function causeOf(change: ResourceChange): string {
  const attributes = replacementAttributes(change);
  if (attributes.length > 0) return `forced by a change to ${attributes.join(', ')}`;
  return actionReason(change) ?? 'no reason given in the plan';
}

const FORGET_CAUSE = 'removed from the state without being destroyed (a removed block with destroy = false): it keeps running and billing, but no plan manages or protects it any more';

/** Replacements, deletions and forgets of what holds or protects data, and renames of a live database. */
function destructive(change: ResourceChange, context: StatefulContext): Finding[] {
  const kind = changeKind(change);
  if (kind === 'replace' || kind === 'delete' || kind === 'forget') {
    const reason = statefulReason(change, context);
    return reason ? [{ action: kind, reason, cause: kind === 'forget' ? FORGET_CAUSE : causeOf(change) }] : [];
  }
  const rename = databaseRename(change);
  return rename ? [{ action: 'rename', reason: renameReason(change, rename), cause: `identifier ${rename.from} → ${rename.to ?? '(known after apply)'}` }] : [];
}

function findingsOf(change: ResourceChange, stateful: StatefulContext, opening: OpeningContext): Finding[] {
  return [
    ...destructive(change, stateful),
    ...weakeningsOf(change).map((weakening): Finding => ({ action: 'weaken', rule: weakening.rule, reason: weakening.why, cause: weakening.change })),
    ...openingsOf(change, opening).map((opening): Finding => ({ action: 'open', rule: opening.rule, reason: opening.consequence, cause: opening.detail })),
  ];
}

/**
 * Finds every change that destroys, forgets, weakens or opens what the platform protects, and every
 * rename of a live database, and checks each against the allow list.
 */
export function runGuard(stacks: readonly StackPlan[], options: GuardOptions = {}): GuardResult {
  const allow = options.allow ?? [];
  const used = new Set<AllowEntry>();
  const findings: GuardFinding[] = [];
  for (const { stack, plan } of stacks) {
    const stateful = statefulContext(plan.resource_changes, options.stateBuckets);
    const opening = openingContext(plan.resource_changes);
    for (const change of plan.resource_changes) {
      for (const finding of findingsOf(change, stateful, opening)) {
        const key = `${stack}:${change.address}`;
        const allowedBy = allowing(allow, key, finding.action);
        if (allowedBy) used.add(allowedBy);
        findings.push({ stack, address: change.address, key, type: change.type, ...finding, allowedBy });
      }
    }
  }
  return {
    findings,
    blocked: findings.filter((finding) => !finding.allowedBy),
    unusedAllows: allow.filter((entry) => !used.has(entry)),
  };
}
