import { changeKind } from '@xyz/terraform-schema';
import type { ResourceChange } from '@xyz/terraform-schema';
import { OPENING_RULES, type OpeningContext, type OpeningRule } from './opening-rules';

export interface Opening {
  readonly rule: string;
  readonly consequence: string;
  /** What is opened, with the attribute: `cidr_ipv4 0.0.0.0/0 (tcp 3306)`. */
  readonly detail: string;
}

export function openingContext(changes: readonly ResourceChange[]): OpeningContext {
  return { createsInternetGateway: changes.some((change) => change.mode === 'managed' && change.type === 'aws_internet_gateway' && change.change.actions.includes('create')) };
}

function openedBy(rule: OpeningRule, change: ResourceChange, context: OpeningContext): Opening[] {
  const { before, after, after_unknown } = change.change;
  const already = new Set(before ? rule.opens(change.type, { values: before, unknown: undefined }, context) : []);
  return rule
    .opens(change.type, { values: after, unknown: after_unknown }, context)
    .filter((detail) => !already.has(detail))
    .map((detail) => ({ rule: rule.id, consequence: rule.consequence, detail }));
}

/** What a create, update or replacement opens that was not open before. */
export function openingsOf(change: ResourceChange, context: OpeningContext): Opening[] {
  if (change.mode !== 'managed') return [];
  const kind = changeKind(change);
  if (kind !== 'create' && kind !== 'update' && kind !== 'replace') return [];
  return OPENING_RULES.filter((rule) => rule.types.includes(change.type)).flatMap((rule) => openedBy(rule, change, context));
}
