import type { GuardAction, GuardFinding, GuardResult } from '../guard/guard';
import type { AttentionItem } from './attention';
import type { ChangeDetail, StackReview } from './review';
import { cell, code, details, limitedList, plural, table } from './format';

/** How much of each list the summary shows; lowered when the comment would be too long. */
export interface DetailLevel {
  /** List every create (they are the bulk of a first plan) or only count them. */
  readonly listCreates: boolean;
  /** Longest list of resources shown in any one place. */
  readonly listLimit: number;
  readonly perStackDetails: boolean;
}

export const ALLOW_FILE = '.plan-review/allow.json';

const ACTION_NOUNS: Readonly<Record<GuardAction, readonly [string, string]>> = {
  replace: ['replacement', 'replacements'],
  delete: ['deletion', 'deletions'],
  rename: ['rename', 'renames'],
};

/** "1 replacement, 2 deletions and 1 rename". */
export function countByAction(findings: readonly GuardFinding[]): string {
  const parts = (Object.keys(ACTION_NOUNS) as GuardAction[])
    .map((action) => [action, findings.filter((finding) => finding.action === action).length] as const)
    .filter(([, count]) => count > 0)
    .map(([action, count]) => plural(count, ...ACTION_NOUNS[action]));
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : (parts[0] ?? 'nothing');
}

export function guardSection(guard: GuardResult): string {
  if (guard.findings.length === 0 && guard.unusedAllows.length === 0) return '';
  const rows = guard.findings.map((finding) => [
    finding.allowedBy ? '✅ allowed' : '⛔ **blocked**',
    code(finding.key),
    finding.action,
    cell(finding.reason),
    cell(finding.allowedBy ? `${finding.cause}; allowed: “${finding.allowedBy.reason}”` : finding.cause),
  ]);
  const parts = ['### Stateful resources replaced, deleted or renamed'];
  if (rows.length > 0) parts.push(table(['', 'Resource', 'Action', 'Why it matters', 'Cause'], ['l', 'l', 'l', 'l', 'l'], rows));
  if (guard.blocked.length > 0) {
    parts.push(`If a change above is intended, add its exact address with a reason to ${code(ALLOW_FILE)} in this pull request (see the plan-review README); otherwise change the code so that it keeps the resource, and its name, as they are.`);
  }
  if (guard.unusedAllows.length > 0) {
    const unused = guard.unusedAllows.map((entry) => `${code(entry.address)} (“${entry.reason}”)`);
    parts.push(`Allow entries that match no replacement, deletion or rename in these plans (remove them, or fix the address):\n${unused.map((entry) => `- ${entry}`).join('\n')}`);
  }
  return parts.join('\n\n');
}

const ATTENTION_LABELS: Readonly<Record<AttentionItem['kind'], string>> = { promotion: 'Promotion' };

export function attentionSection(stacks: readonly StackReview[]): string {
  const items = stacks.flatMap((review) => review.attention.map((item) => `- **${ATTENTION_LABELS[item.kind]}** of ${code(`${review.stack}:${item.address}`)}: ${item.explanation}`));
  if (items.length === 0) return '';
  return ['### Needs attention', 'Allowed, but these changes cannot be undone once applied.', items.join('\n')].join('\n\n');
}

export function securitySection(stacks: readonly StackReview[], level: DetailLevel): string {
  const items = stacks.flatMap((review) =>
    review.security.map((change) => {
      const attributes = change.attributes.map((name) => (change.sensitive.includes(name) ? `${code(name)} (sensitive, value hidden)` : code(name)));
      return `${code(`${review.stack}:${change.address}`)} ${change.kind}${attributes.length > 0 ? `: ${attributes.join(', ')}` : ' (a security control)'}`;
    }),
  );
  if (items.length === 0) return '';
  return `### Security-relevant changes\n\n${limitedList(items, level.listLimit, 'security-relevant changes (see the job log)')}`;
}

export function driftSection(stacks: readonly StackReview[], level: DetailLevel): string {
  const items = stacks.flatMap((review) =>
    review.drift.map((change) => `${code(`${review.stack}:${change.address}`)} ${change.kind === 'delete' ? 'was deleted' : 'changed'}${change.attributes.length > 0 ? `: ${change.attributes.map(code).join(', ')}` : ''}`),
  );
  if (items.length === 0) return '';
  return [
    '### Drift: changed outside Terraform',
    'These objects no longer match the state. Applying this plan puts the code’s values back, unless the code is changed to match.',
    limitedList(items, level.listLimit, 'drifted resources (see the job log)'),
  ].join('\n\n');
}

function describe(change: ChangeDetail): string {
  if (change.kind === 'replace') {
    const cause = change.forcedBy.length > 0 ? `forced by ${change.forcedBy.map(code).join(', ')}` : (change.reason ?? 'no reason given');
    return `${code(change.address)}: ${cause}`;
  }
  if (change.kind === 'update') return `${code(change.address)}: ${change.attributes.map(code).join(', ')}`;
  return `${code(change.address)}${change.reason ? `: ${change.reason}` : ''}`;
}

const KIND_HEADINGS: readonly [ChangeDetail['kind'], string][] = [
  ['replace', 'Replace'],
  ['delete', 'Delete'],
  ['update', 'Update in place'],
  ['forget', 'Forget (removed from state, not destroyed)'],
  ['create', 'Create'],
];

export function stackHeadline(review: StackReview): string {
  const parts = KIND_HEADINGS.filter(([kind]) => review.counts[kind] > 0).map(([kind]) => `${review.counts[kind]} to ${kind}`);
  return parts.length > 0 ? parts.join(', ') : 'no changes';
}

export function stackSection(review: StackReview, level: DetailLevel): string {
  const typeRows = review.byType
    .filter(({ counts }) => counts.create + counts.update + counts.replace + counts.delete + counts.forget > 0)
    .map(({ type, counts }) => [code(type), String(counts.create), String(counts.update), String(counts.replace), String(counts.delete)]);
  const parts = typeRows.length > 0 ? [table(['Resource type', 'Create', 'Update', 'Replace', 'Delete'], ['l', 'r', 'r', 'r', 'r'], typeRows)] : ['No resource changes.'];
  for (const [kind, heading] of KIND_HEADINGS) {
    const items = review.changes.filter((change) => change.kind === kind);
    if (items.length === 0) continue;
    if (kind === 'create' && !level.listCreates) {
      parts.push(`**${heading}:** ${plural(items.length, 'resource')} (counted by type above).`);
      continue;
    }
    parts.push(`**${heading}**\n\n${limitedList(items.map(describe), level.listLimit, `(see the job log)`)}`);
  }
  return details(`<b>${review.stack}</b>: ${stackHeadline(review)}`, parts.join('\n\n'));
}
