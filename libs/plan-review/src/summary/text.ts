import { ALLOW_FILE } from '../guard/allow-file';
import type { GuardResult } from '../guard/guard';
import { COUNTED_KIND_LABELS, COUNTED_KINDS, stackHeadline } from './change-sections';
import { plural, usd, usdDelta } from './format';
import { countByAction } from './guard-section';
import type { ChangeDetail, Review, StackReview } from './review';
import { alignColumns } from './text-columns';

// The review as plain text for a person at a terminal: the verdict first, then only what needs a
// decision. The Markdown (--format markdown) and the JSON (--json) have every detail.

const INDENT = '  ';

function total(stacks: readonly StackReview[], count: (stack: StackReview) => number): number {
  return stacks.reduce((sum, stack) => sum + count(stack), 0);
}

function verdict(review: Review): string[] {
  const { blocked, findings } = review.guard;
  const lines = [
    blocked.length > 0
      ? `BLOCKED: ${countByAction(blocked)} not allowed. The review fails until each is allowed in ${ALLOW_FILE} or removed.`
      : findings.length > 0
        ? `OK: ${countByAction(findings)}, each explicitly allowed.`
        : 'OK: nothing that holds or protects data is replaced, deleted, forgotten or renamed; no protection is weakened and nothing is opened.',
  ];
  const downtime = total(review.stacks, (stack) => stack.downtime.length);
  if (downtime > 0) lines.push(`DOWNTIME: ${plural(downtime, 'change causes', 'changes cause')} downtime; allowed, but choose when to apply.`);
  const attention = total(review.stacks, (stack) => stack.attention.length);
  if (attention > 0) lines.push(`ATTENTION: ${plural(attention, 'change')} cannot be undone once applied.`);
  return lines;
}

function overview(review: Review): string[] {
  const money = (before: number, after: number) => [usd(before), usd(after), usdDelta(after - before)];
  const rows = [
    ['Stack', ...COUNTED_KIND_LABELS, 'Before $/month', 'After $/month', 'Change'],
    ...review.stacks.map((stack) => [stack.stack, ...COUNTED_KINDS.map((kind) => String(stack.counts[kind])), ...money(stack.beforeUsd, stack.cost.afterUsd)]),
  ];
  if (review.stacks.length > 1) rows.push(['Total', ...COUNTED_KINDS.map((kind) => String(review.counts[kind])), ...money(review.beforeUsd, review.afterUsd)]);
  return alignColumns(rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r']);
}

function guardLines(guard: GuardResult): string[] {
  const lines = guard.findings.flatMap((finding) => [
    `${INDENT}${finding.allowedBy ? 'allowed' : 'BLOCKED'} ${finding.action} of ${finding.key}`,
    `${INDENT.repeat(2)}why: ${finding.reason}`,
    `${INDENT.repeat(2)}cause: ${finding.cause}${finding.allowedBy ? `; allowed: "${finding.allowedBy.reason}"` : ''}`,
  ]);
  if (guard.unusedAllows.length > 0) {
    lines.push(`${INDENT}Allow entries that match nothing in these plans (remove them, or fix the address or the action):`);
    lines.push(...guard.unusedAllows.map((entry) => `${INDENT.repeat(2)}${entry.address} ${entry.action} ("${entry.reason}")`));
  }
  return lines;
}

function perStack<T>(stacks: readonly StackReview[], items: (stack: StackReview) => readonly T[], line: (stack: string, item: T) => string[]): string[] {
  return stacks.flatMap((stack) => items(stack).flatMap((item) => line(stack.stack, item)));
}

function describe(change: ChangeDetail): string {
  if (change.kind === 'replace') return change.forcedBy.length > 0 ? `forced by ${change.forcedBy.join(', ')}` : (change.reason ?? '');
  if (change.kind === 'update') return change.attributes.join(', ');
  return change.reason ?? '';
}

function stackLines(stack: StackReview): string[] {
  const rows = (['replace', 'delete', 'update', 'forget'] as const).flatMap((kind) =>
    stack.changes.filter((change) => change.kind === kind).map((change) => [kind, change.address, describe(change)]),
  );
  // Creates are only counted here (and in the table above): a first plan has hundreds.
  if (rows.length === 0) return [];
  return [`${INDENT}${stack.stack}: ${stackHeadline(stack)}`, ...alignColumns(rows, ['l', 'l', 'l'], INDENT.repeat(2))];
}

function costLines(review: Review): string[] {
  const lines = [`Cost: ${usd(review.beforeUsd)} before, ${usd(review.afterUsd)} after, a month (${usdDelta(review.afterUsd - review.beforeUsd)}), at on-demand list prices.`];
  const forgotten = perStack(review.stacks, (stack) => stack.cost.after.filter((cost) => cost.forgotten), (stack, cost) => [`${stack}:${cost.address}`]);
  if (forgotten.length > 0) lines.push(`${INDENT}Forgotten by these plans but still billed: ${forgotten.join(', ')}.`);
  const unpriced = total(review.stacks, (stack) => stack.cost.unpriced.length);
  if (unpriced > 0) lines.push(`${INDENT}Not priced: ${plural(unpriced, 'resource')}.`);
  return lines;
}

function section(title: string, lines: readonly string[]): string {
  return lines.length === 0 ? '' : [title, ...lines].join('\n');
}

/** The review as plain text, for a terminal. */
export function renderText(review: Review): string {
  const sections = [
    `Terraform plan review: ${plural(review.stacks.length, 'stack')}`,
    verdict(review).join('\n'),
    overview(review).join('\n'),
    section('Guard: data at risk, protection weakened, platform opened', guardLines(review.guard)),
    section(
      'Causes downtime (not blocking)',
      perStack(review.stacks, (stack) => stack.downtime, (stack, warning) => [
        `${INDENT}${stack}:${warning.address}: ${warning.change}`,
        `${INDENT.repeat(2)}${warning.effect}`,
        `${INDENT.repeat(2)}how long: ${warning.duration}; when: ${warning.when}`,
      ]),
    ),
    section(
      'Needs attention (cannot be undone)',
      perStack(review.stacks, (stack) => stack.attention, (stack, item) => [`${INDENT}${item.kind} of ${stack}:${item.address}`, `${INDENT.repeat(2)}${item.explanation}`]),
    ),
    section(
      'Security-relevant changes',
      perStack(review.stacks, (stack) => stack.security, (stack, change) => [
        `${INDENT}${stack}:${change.address} ${change.kind}${change.attributes.length > 0 ? `: ${change.attributes.map((name) => (change.sensitive.includes(name) ? `${name} (sensitive)` : name)).join(', ')}` : ' (a security control)'}`,
      ]),
    ),
    section(
      'Drift: changed outside Terraform',
      perStack(review.stacks, (stack) => stack.drift, (stack, change) => [`${INDENT}${stack}:${change.address} ${change.kind === 'delete' ? 'was deleted' : 'changed'}${change.attributes.length > 0 ? `: ${change.attributes.join(', ')}` : ''}`]),
    ),
    section('Changes to existing resources', review.stacks.flatMap(stackLines)),
    costLines(review).join('\n'),
    'Every detail (created resources, rates and their sources, usage assumptions): --format markdown, or --json.',
  ];
  return `${sections.filter((part) => part !== '').join('\n\n')}\n`;
}
