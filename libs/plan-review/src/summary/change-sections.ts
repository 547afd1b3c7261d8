import type { AttentionItem } from './attention';
import type { ChangeDetail, StackReview } from './review';
import { code, details, limitedList, plural, table } from './format';

/** How much of each list the summary shows; lowered when the comment would be too long. */
export interface DetailLevel {
  /** List every create (they are the bulk of a first plan) or only count them. */
  readonly listCreates: boolean;
  /** Longest list of resources shown in any one place. */
  readonly listLimit: number;
  readonly perStackDetails: boolean;
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

/** The kinds every count table shows, in this order. */
export const COUNTED_KINDS = ['create', 'update', 'replace', 'delete', 'forget'] as const;
export const COUNTED_KIND_LABELS = ['Create', 'Update', 'Replace', 'Delete', 'Forget'];

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
    .map(({ type, counts }) => [code(type), ...COUNTED_KINDS.map((kind) => String(counts[kind]))]);
  const parts = typeRows.length > 0 ? [table(['Resource type', ...COUNTED_KIND_LABELS], ['l', 'r', 'r', 'r', 'r', 'r'], typeRows)] : ['No resource changes.'];
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
