import { providerRegion, type ResourceChange, type TerraformPlan } from '@xyz/terraform-schema';
import { type ResourceCost, roundCents, sumUsd } from './model';
import { priceResource } from './resources';
import type { UsageAssumptions } from './usage';

export interface UnpricedResource {
  readonly address: string;
  readonly type: string;
  readonly why: string;
}

/** The monthly cost of one stack before and after its plan is applied. */
export interface StackCost {
  readonly stack: string;
  readonly before: readonly ResourceCost[];
  readonly after: readonly ResourceCost[];
  readonly beforeUsd: number;
  readonly afterUsd: number;
  /** Resources (or parts of them) after the change that may cost money but are not priced. */
  readonly unpriced: readonly UnpricedResource[];
}

export interface EstimateOptions {
  readonly usage: UsageAssumptions;
  /** Region for resources whose provider region is not a constant in the plan (from the topology). */
  readonly stackRegion?: string;
  /** Storage of read replicas whose size the plan leaves to their source. */
  readonly replicaStorageGb?: number;
  /** Engine version of read replicas whose plan leaves it to their source. */
  readonly replicaEngineVersion?: string;
}

function isObject(value: unknown): boolean {
  return value !== null && typeof value === 'object';
}

function side(plan: TerraformPlan, changes: readonly ResourceChange[], which: 'before' | 'after', options: EstimateOptions) {
  const costs: ResourceCost[] = [];
  const unpriced: UnpricedResource[] = [];
  for (const change of changes) {
    // A forgotten resource leaves the state, not AWS: it keeps running, and billing, as it was.
    const forgotten = which === 'after' && change.change.actions.join() === 'forget';
    const values = forgotten ? change.change.before : change.change[which];
    if (change.mode !== 'managed' || !isObject(values)) continue;
    const region = providerRegion(plan, change) ?? options.stackRegion ?? '';
    const unknown = which === 'after' && !forgotten ? change.change.after_unknown : undefined;
    const outcome = priceResource({ type: change.type, values, unknown, region, usage: options.usage, replicaStorageGb: options.replicaStorageGb, replicaEngineVersion: options.replicaEngineVersion });
    if (outcome.kind === 'unpriced') unpriced.push({ address: change.address, type: change.type, why: outcome.why });
    if (outcome.kind !== 'priced') continue;
    for (const why of outcome.notPriced ?? []) unpriced.push({ address: change.address, type: change.type, why });
    const lines = outcome.lines.map((line) => ({ ...line, usd: roundCents(line.usd) }));
    costs.push({ address: change.address, type: change.type, region, category: outcome.category, description: outcome.description, lines, usd: roundCents(sumUsd(lines)), ...(forgotten ? { forgotten } : {}) });
  }
  return { costs, unpriced };
}

export function estimateStack(stack: string, plan: TerraformPlan, options: EstimateOptions): StackCost {
  const before = side(plan, plan.resource_changes, 'before', options);
  const after = side(plan, plan.resource_changes, 'after', options);
  return {
    stack,
    before: before.costs,
    after: after.costs,
    beforeUsd: roundCents(sumUsd(before.costs)),
    afterUsd: roundCents(sumUsd(after.costs)),
    unpriced: after.unpriced,
  };
}
