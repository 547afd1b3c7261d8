import type { CaseStudyComparison } from '../cost/case-study';
import type { CostLine } from '../cost/model';
import { HOURS_PER_MONTH, type Price } from '../cost/prices';
import type { Review } from './review';
import type { DetailLevel } from './change-sections';
import { cell, code, details, table, usd, usdDelta } from './format';

function linkOf(price: Price): string {
  return `[$${price.usd}/${price.unit}](${price.source})`;
}

/** The rate as billed: "2 × $0.068/hour" for a Multi-AZ instance, so the amount can be checked by hand. */
function rateOf(line: CostLine): string {
  return `${line.multiplier ? `${line.multiplier} × ` : ''}${line.prices.map(linkOf).join(' + ')}`;
}

/** One row per billed item; identical items of one type in one stack (alarms) share a row. */
function costTable(review: Review, level: DetailLevel): string {
  const rows = new Map<string, { stack: string; resource: string; count: number; region: string; item: string; rate: string; usd: number }>();
  for (const stack of review.stacks) {
    for (const resource of stack.cost.after) {
      for (const line of resource.lines) {
        const item = `${line.label}${line.assumption ? ' *(usage-based)*' : ''}`;
        const rate = rateOf(line);
        const key = [stack.stack, resource.type, resource.region, item, rate, line.usd].join('|');
        const row = rows.get(key);
        if (row) {
          row.count += 1;
          row.usd += line.usd;
          row.resource = `${code(resource.type)} × ${row.count}`;
        } else {
          rows.set(key, { stack: stack.stack, resource: code(resource.address), count: 1, region: resource.region, item, rate, usd: line.usd });
        }
      }
    }
  }
  const all = [...rows.values()].map((row) => [row.stack, row.resource, row.region, cell(row.item), row.rate, usd(row.usd)]);
  const shown = all.slice(0, level.listLimit * 2);
  const note = all.length > shown.length ? `\n\n…and ${all.length - shown.length} more items (see the job log).` : '';
  return table(['Stack', 'Resource', 'Region', 'Item', 'Rate', '$/month'], ['l', 'l', 'l', 'l', 'l', 'r'], shown) + note;
}

/** Prices that carry a caveat about where the figure comes from. */
function priceNotes(review: Review): string {
  const notes = new Map<string, string>();
  for (const line of review.stacks.flatMap((stack) => stack.cost.after.flatMap((resource) => resource.lines))) {
    for (const price of line.prices) if (price.note) notes.set(linkOf(price), price.note);
  }
  if (notes.size === 0) return '';
  return `About these rates:\n\n${[...notes].map(([rate, note]) => `- ${rate}: ${note}`).join('\n')}`;
}

function assumptions(review: Review): string {
  const seen = new Map<string, string>();
  for (const stack of review.stacks) {
    for (const resource of stack.cost.after) {
      for (const line of resource.lines) {
        if (line.assumption && !seen.has(`${resource.type} ${line.label}`)) seen.set(`${resource.type} ${line.label}`, `${code(resource.type)} ${line.label}: ${line.assumption}`);
      }
    }
  }
  if (seen.size === 0) return '';
  const items = [...seen.values()].map((item) => `- ${item}`).join('\n');
  return `Usage-based items rest on these assumptions (override them with \`--usage <file>\`):\n\n${items}`;
}

function caseStudyTable(comparison: CaseStudyComparison): string {
  const rows = comparison.rows.map((row) => [row.label, usd(row.caseStudyUsd), usd(row.comparableUsd), usd(row.platformUsd), cell(row.why)]);
  rows.push(['**Total**', `**${usd(comparison.caseStudyUsd)}**`, `**${usd(comparison.comparableUsd)}**`, `**${usd(comparison.platformUsd)}**`, '']);
  const intro =
    `The case study estimates about ${usd(comparison.caseStudyUsd)}/month. "Same scope" prices what it counted (the primary, two replicas, one Redis cluster, Kinesis, DynamoDB) ` +
    `at the list prices above: ${usd(comparison.comparableUsd)} (${usdDelta(comparison.comparableUsd - comparison.caseStudyUsd)}). ` +
    `"This platform" is everything these plans create.`;
  return `${intro}\n\n${table(['Item', 'Case study', 'Same scope, list prices', 'This platform', 'Why they differ'], ['l', 'r', 'r', 'r', 'l'], rows)}`;
}

export function costSection(review: Review, level: DetailLevel): string {
  const parts = [
    '### Cost estimate',
    `Monthly, in USD, at on-demand list prices (${HOURS_PER_MONTH} hours a month) from the price table in \`libs/plan-review/src/cost/prices.ts\`; every rate links to its source. ` +
      `Before: ${usd(review.beforeUsd)}, after: ${usd(review.afterUsd)} (${usdDelta(review.afterUsd - review.beforeUsd)}).`,
  ];
  const forgotten = review.stacks.flatMap((stack) => stack.cost.after.filter((cost) => cost.forgotten).map((cost) => `${code(`${stack.stack}:${cost.address}`)} (${usd(cost.usd)}/month)`));
  if (forgotten.length > 0) {
    parts.push(`Forgotten by these plans but still running, so still in the "after" cost: ${forgotten.join(', ')}. Terraform stops managing them; AWS keeps billing them until someone deletes them.`);
  }
  const hasItems = review.stacks.some((stack) => stack.cost.after.length > 0);
  const notes = priceNotes(review);
  if (notes) parts.push(notes);
  if (hasItems) parts.push(details('Cost by resource after the change', costTable(review, level)));
  const usage = assumptions(review);
  if (usage) parts.push(details('Usage assumptions', usage));
  if (review.caseStudy) parts.push(details('Compared with the case study’s ~$285/month', caseStudyTable(review.caseStudy)));
  const unpriced = review.stacks.flatMap((stack) => stack.cost.unpriced.map((item) => `${code(`${stack.stack}:${item.address}`)}: ${item.why}`));
  if (unpriced.length > 0) parts.push(`Not priced (the estimate leaves these out):\n\n${unpriced.map((item) => `- ${item}`).join('\n')}`);
  return parts.join('\n\n');
}
