import { leavesAt } from '../plan/attribute-paths';
import { changeKind } from '@xyz/terraform-schema';
import type { ResourceChange } from '@xyz/terraform-schema';
import { WEAKENING_RULES, type WeakeningRule } from './weakening-rules';

export interface Weakening {
  /** `<type>.<path>`: the row of the weakening table. */
  readonly rule: string;
  readonly why: string;
  /** The attribute and its values: `deletion_protection: true → false`. */
  readonly change: string;
}

export function ruleId(rule: WeakeningRule): string {
  return `${rule.type}.${rule.path}`;
}

function show(values: readonly unknown[]): string {
  if (values.length === 0) return 'not set';
  return values.map((value) => (value === null || value === undefined ? 'not set' : JSON.stringify(value))).join(', ');
}

function weakeningBy(rule: WeakeningRule, change: ResourceChange): Weakening | undefined {
  const { before, after, after_unknown } = change.change;
  if (rule.appliesTo && !rule.appliesTo.test(after)) return undefined;
  const afterLeaves = leavesAt(after, rule.path, after_unknown);
  // A value Terraform learns only during the apply cannot be judged here.
  if (afterLeaves.some((leaf) => leaf.unknown)) return undefined;
  const beforeValues = leavesAt(before, rule.path).map((leaf) => leaf.value);
  const afterValues = afterLeaves.map((leaf) => leaf.value);
  if (!rule.weaker.weakens(beforeValues, afterValues)) return undefined;
  const detail = rule.weaker.describe?.(beforeValues, afterValues) ?? `${show(beforeValues)} → ${show(afterValues)}`;
  return { rule: ruleId(rule), why: rule.why, change: `${rule.path}: ${detail}` };
}

/** The rows of the weakening table that an update or a replacement of this resource breaks. */
export function weakeningsOf(change: ResourceChange): Weakening[] {
  if (change.mode !== 'managed') return [];
  const kind = changeKind(change);
  if (kind !== 'update' && kind !== 'replace') return [];
  return WEAKENING_RULES.filter((rule) => rule.type === change.type).flatMap((rule) => weakeningBy(rule, change) ?? []);
}
