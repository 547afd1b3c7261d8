import { type CaseStudyComparison, compareWithCaseStudy } from '../cost/case-study';
import { type DowntimeWarning, downtimeWarnings } from '../downtime/downtime';
import { estimateStack, type StackCost } from '../cost/estimate';
import { roundCents, sumUsd } from '../cost/model';
import { DEFAULT_USAGE, type UsageAssumptions } from '../cost/usage';
import type { AllowEntry } from '../guard/allow';
import { type GuardResult, runGuard, type StackPlan } from '../guard/guard';
import { addChangeCounts, type ChangeCounts, type ChangeKind, changeKind, countChanges, emptyChangeCounts, type ResourceChange } from '@xyz/terraform-schema';
import { actionReason, replacementAttributes } from '../plan/changes';
import { type AttentionItem, attentionItem } from './attention';
import { changedAttributes, SECURITY_ATTRIBUTES, SECURITY_TYPES, sensitiveAttributes } from './attributes';

export interface ChangeDetail {
  readonly address: string;
  readonly type: string;
  readonly kind: ChangeKind;
  /** Top-level attributes that change (for updates, replacements and drift). */
  readonly attributes: readonly string[];
  /** For a replacement: the attributes that force it. */
  readonly forcedBy: readonly string[];
  readonly reason?: string;
}

export interface SecurityChange {
  readonly address: string;
  readonly kind: ChangeKind;
  /** Security-relevant attributes that change; empty when the whole resource is a security control. */
  readonly attributes: readonly string[];
  /** Of those, the ones Terraform marks sensitive (their values are never shown). */
  readonly sensitive: readonly string[];
}

export interface TypeCounts {
  readonly type: string;
  readonly counts: ChangeCounts;
}

export interface StackReview {
  readonly stack: string;
  readonly counts: ChangeCounts;
  readonly byType: readonly TypeCounts[];
  /** Every resource that changes (no-ops and reads left out). */
  readonly changes: readonly ChangeDetail[];
  /** Changes made outside Terraform that the plan detected while refreshing. */
  readonly drift: readonly ChangeDetail[];
  readonly security: readonly SecurityChange[];
  /** In-place changes that are allowed but cannot be undone (a replica's promotion). */
  readonly attention: readonly AttentionItem[];
  /** Changes that take a database, a cache, a stream or a named endpoint offline for a while (not blocking). */
  readonly downtime: readonly DowntimeWarning[];
  readonly cost: StackCost;
  /** The "before" cost shown: from the baseline when one was given, else from the plan's prior state. */
  readonly beforeUsd: number;
  readonly beforeFrom: 'plan' | 'baseline';
}

export interface Review {
  readonly stacks: readonly StackReview[];
  readonly guard: GuardResult;
  readonly counts: ChangeCounts;
  readonly beforeUsd: number;
  readonly afterUsd: number;
  readonly usage: UsageAssumptions;
  /** Present when the plans include the primary and a replica, i.e. a whole-platform review. */
  readonly caseStudy?: CaseStudyComparison;
}

export interface ReviewOptions {
  readonly allow?: readonly AllowEntry[];
  readonly usage?: UsageAssumptions;
  /** Region of each stack, for resources whose provider region is not a constant in the plan. */
  readonly stackRegions?: Readonly<Record<string, string>>;
  /** The Terraform state buckets (one per region), so their reasons can say so. */
  readonly stateBuckets?: readonly string[];
  /** Storage of read replicas whose size the plan leaves to their source (from the topology). */
  readonly replicaStorageGb?: number;
  /** Engine version of read replicas whose plan leaves it to their source (from the topology). */
  readonly replicaEngineVersion?: string;
  /** Monthly cost per stack before the change, from an earlier review (`--baseline`). */
  readonly baseline?: Readonly<Record<string, number>>;
}

function detail(change: ResourceChange): ChangeDetail {
  const kind = changeKind(change);
  const { before, after, after_unknown } = change.change;
  const attributes = kind === 'update' || kind === 'replace' ? changedAttributes(before, after, after_unknown) : [];
  return { address: change.address, type: change.type, kind, attributes, forcedBy: replacementAttributes(change), reason: actionReason(change) };
}

function securityChange(change: ResourceChange, item: ChangeDetail): SecurityChange | undefined {
  if (item.kind === 'create' || item.kind === 'no-op' || item.kind === 'read') return undefined;
  if (item.kind === 'delete' || item.kind === 'forget') return SECURITY_TYPES.has(change.type) ? { address: change.address, kind: item.kind, attributes: [], sensitive: [] } : undefined;
  const known = changedAttributes(change.change.before, change.change.after, change.change.after_unknown, true);
  const attributes = known.filter((name) => SECURITY_ATTRIBUTES.has(name));
  const sensitive = sensitiveAttributes(change.change.before_sensitive, change.change.after_sensitive, item.attributes);
  const flagged = [...new Set([...attributes, ...sensitive])].sort();
  if (flagged.length === 0 && !SECURITY_TYPES.has(change.type)) return undefined;
  return { address: change.address, kind: item.kind, attributes: flagged, sensitive };
}

/** The change counts of each resource type, by type name. */
function countsByType(changes: readonly ResourceChange[]): TypeCounts[] {
  const types = [...new Set(changes.map((change) => change.type))].sort((a, b) => a.localeCompare(b));
  return types.map((type) => ({ type, counts: countChanges(changes.filter((change) => change.type === type)) }));
}

function reviewStack({ stack, plan }: StackPlan, options: ReviewOptions, usage: UsageAssumptions): StackReview {
  const changes: ChangeDetail[] = [];
  const security: SecurityChange[] = [];
  const attention: AttentionItem[] = [];
  for (const change of plan.resource_changes) {
    if (change.mode !== 'managed') continue;
    const item = detail(change);
    if (item.kind !== 'no-op') changes.push(item);
    const flagged = securityChange(change, item);
    if (flagged) security.push(flagged);
    const noteworthy = attentionItem(change);
    if (noteworthy) attention.push(noteworthy);
  }
  const drift = plan.resource_drift
    .filter((change) => change.mode === 'managed')
    .map((change) => ({ ...detail(change), attributes: changedAttributes(change.change.before, change.change.after) }));
  const cost = estimateStack(stack, plan, { usage, stackRegion: options.stackRegions?.[stack], replicaStorageGb: options.replicaStorageGb, replicaEngineVersion: options.replicaEngineVersion });
  const baseline = options.baseline?.[stack];
  return {
    stack,
    counts: countChanges(plan.resource_changes),
    byType: countsByType(plan.resource_changes.filter((change) => change.mode === 'managed')),
    changes,
    drift,
    security,
    attention,
    downtime: downtimeWarnings(plan.resource_changes),
    cost,
    beforeUsd: baseline ?? cost.beforeUsd,
    beforeFrom: baseline === undefined ? 'plan' : 'baseline',
  };
}

/** Reviews the plans of one or more stacks: change summary, destructive-change guard and cost. */
export function reviewPlans(stacks: readonly StackPlan[], options: ReviewOptions = {}): Review {
  const usage = options.usage ?? DEFAULT_USAGE;
  const reviews = stacks.map((stack) => reviewStack(stack, options, usage));
  const counts = emptyChangeCounts();
  reviews.forEach((review) => addChangeCounts(counts, review.counts));
  const costs = reviews.flatMap((review) => review.cost.after);
  return {
    stacks: reviews,
    guard: runGuard(stacks, { allow: options.allow, stateBuckets: options.stateBuckets }),
    counts,
    beforeUsd: roundCents(sumUsd(reviews.map((review) => ({ usd: review.beforeUsd })))),
    afterUsd: roundCents(sumUsd(reviews.map((review) => ({ usd: review.cost.afterUsd })))),
    usage,
    caseStudy: costs.some((cost) => cost.category === 'database') && costs.some((cost) => cost.category === 'replica') ? compareWithCaseStudy(costs) : undefined,
  };
}
