/**
 * IAM policy documents as plans carry them: JSON strings (normalized by the AWS provider). Only what
 * the guard judges is read: who a statement lets in, what it allows on what, and its Deny statements.
 */

export interface Statement {
  readonly Sid?: unknown;
  readonly Effect?: unknown;
  readonly Principal?: unknown;
  readonly NotPrincipal?: unknown;
  readonly Action?: unknown;
  readonly NotAction?: unknown;
  readonly Resource?: unknown;
  readonly NotResource?: unknown;
  readonly Condition?: unknown;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** The statements of a policy document, or undefined when the value is not a JSON policy (unknown, empty, malformed). */
export function statementsOf(policy: unknown): Statement[] | undefined {
  if (typeof policy !== 'string' || policy.trim() === '') return undefined;
  try {
    const document = JSON.parse(policy) as { Statement?: unknown };
    return list(document.Statement).filter((statement): statement is Statement => statement !== null && typeof statement === 'object');
  } catch {
    return undefined;
  }
}

export function statementName(statement: Statement, index: number): string {
  return typeof statement.Sid === 'string' && statement.Sid !== '' ? `statement ${statement.Sid}` : `statement ${index + 1}`;
}

const isAllow = (statement: Statement) => statement.Effect === 'Allow';

function hasCondition(statement: Statement): boolean {
  return statement.Condition !== null && typeof statement.Condition === 'object' && Object.keys(statement.Condition).length > 0;
}

/** `"*"`, `{"AWS": "*"}` or a list with `"*"` in it: every principal, in any account. */
function isEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  if (principal === null || typeof principal !== 'object') return false;
  return list((principal as Record<string, unknown>)['AWS']).includes('*');
}

/** An Allow statement that lets anyone in without a condition (NotPrincipal allows all but the named). */
export function allowsEveryone(statement: Statement): boolean {
  return isAllow(statement) && (isEveryone(statement.Principal) || statement.NotPrincipal !== undefined) && !hasCondition(statement);
}

const ALL_ACTIONS = ['*', '*:*'];

/** An Allow statement of every action on every resource: administrator access. */
export function allowsEverything(statement: Statement): boolean {
  const everyAction = list(statement.Action).some((action) => ALL_ACTIONS.includes(String(action))) || statement.NotAction !== undefined;
  const everyResource = list(statement.Resource).includes('*') || statement.NotResource !== undefined;
  return isAllow(statement) && everyAction && everyResource;
}

/** JSON with sorted keys and one-element lists as their element, so equal statements compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return value.length === 1 ? canonical(value[0]) : `[${value.map(canonical).sort().join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The Deny statements of `before` that `after` no longer has (a changed statement counts as removed). */
export function removedDenies(before: unknown, after: unknown): string[] {
  const beforeStatements = statementsOf(before) ?? [];
  const kept = new Set((statementsOf(after) ?? []).map(canonical));
  return beforeStatements.flatMap((statement, i) => (statement.Effect === 'Deny' && !kept.has(canonical(statement)) ? [statementName(statement, i)] : []));
}
