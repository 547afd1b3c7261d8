import { attentionSection, COUNTED_KIND_LABELS, COUNTED_KINDS, type DetailLevel, driftSection, securitySection, stackSection } from './change-sections';
import { costSection } from './cost-section';
import { downtimeSection } from './downtime-section';
import { countByAction, guardSection } from './guard-section';
import { code, plural, table, usd, usdDelta } from './format';
import type { Review } from './review';

/** The hidden first line the pull-request workflow looks for to update its comment in place. */
export const COMMENT_MARKER = '<!-- xyz-plan-review -->';

/** GitHub rejects issue comments longer than 65,536 characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;

const EVERYTHING: DetailLevel = { listCreates: true, listLimit: Number.POSITIVE_INFINITY, perStackDetails: true };

const LEVELS: readonly DetailLevel[] = [
  { listCreates: true, listLimit: 200, perStackDetails: true },
  { listCreates: false, listLimit: 50, perStackDetails: true },
  { listCreates: false, listLimit: 20, perStackDetails: false },
];

function guardVerdict(review: Review): string {
  const { blocked, findings } = review.guard;
  if (blocked.length > 0) return `⛔ **Not allowed: ${countByAction(blocked)}.** This review fails until each is allowed or removed (below).`;
  if (findings.length > 0) return `✅ ${countByAction(findings)}, each explicitly allowed.`;
  return '✅ Nothing that holds or protects data is replaced, deleted, forgotten or renamed; no protection is weakened and nothing is opened.';
}

function verdict(review: Review): string {
  const lines = [guardVerdict(review)];
  const downtime = review.stacks.reduce((count, stack) => count + stack.downtime.length, 0);
  if (downtime > 0) lines.push(`⏱️ **${plural(downtime, 'change causes', 'changes cause')} downtime** (below): allowed, but plan when to apply.`);
  const attention = review.stacks.reduce((count, stack) => count + stack.attention.length, 0);
  if (attention === 1) lines.push('⚠️ **1 change needs attention** (below): the guard lets it through, but it cannot be undone.');
  if (attention > 1) lines.push(`⚠️ **${attention} changes need attention** (below): the guard lets them through, but they cannot be undone.`);
  return lines.join('\n\n');
}

function overview(review: Review): string {
  const rows = review.stacks.map((stack) => [
    stack.stack,
    ...COUNTED_KINDS.map((kind) => String(stack.counts[kind])),
    `${usd(stack.beforeUsd)}${stack.beforeFrom === 'baseline' ? ' (baseline)' : ''}`,
    usd(stack.cost.afterUsd),
    usdDelta(stack.cost.afterUsd - stack.beforeUsd),
  ]);
  const { counts } = review;
  rows.push(['**Total**', ...COUNTED_KINDS.map((kind) => `**${counts[kind]}**`), `**${usd(review.beforeUsd)}**`, `**${usd(review.afterUsd)}**`, `**${usdDelta(review.afterUsd - review.beforeUsd)}**`]);
  return table(['Stack', ...COUNTED_KIND_LABELS, 'Before $/month', 'After $/month', 'Change'], ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'], rows);
}

function render(review: Review, level: DetailLevel, note: string): string {
  const sections = [
    COMMENT_MARKER,
    `## Terraform plan review: ${plural(review.stacks.length, 'stack')}`,
    verdict(review),
    overview(review),
    guardSection(review.guard),
    downtimeSection(review.stacks),
    attentionSection(review.stacks),
    securitySection(review.stacks, level),
    driftSection(review.stacks, level),
    costSection(review, level),
    level.perStackDetails ? `### Changes by stack\n\n${review.stacks.map((stack) => stackSection(stack, level)).join('\n\n')}` : '',
    note,
  ];
  return `${sections.filter((section) => section !== '').join('\n\n')}\n`;
}

/**
 * The review as Markdown for a pull-request comment. Long plans are folded and, if still too long,
 * shown with less detail, so the comment always fits under `maxLength`. With an infinite
 * `maxLength` nothing is left out (for the terminal and the CI log).
 */
export function renderMarkdown(review: Review, maxLength = GITHUB_COMMENT_LIMIT - 1_000): string {
  if (maxLength === Number.POSITIVE_INFINITY) return render(review, EVERYTHING, '');
  for (const [i, level] of LEVELS.entries()) {
    const note = i === 0 ? '' : `_Shortened to fit a pull-request comment; the job log and the ${code('plan-review.json')} artifact have every detail._`;
    const markdown = render(review, level, note);
    if (markdown.length <= maxLength) return markdown;
  }
  const cut = render(review, LEVELS[LEVELS.length - 1], '');
  const tail = '\n\n_…cut to fit a pull-request comment; the job log has the full review._\n';
  return cut.slice(0, maxLength - tail.length) + tail;
}
