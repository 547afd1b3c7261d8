import { type CostCategory, type CostLine, type ResourceCost, roundCents, sumUsd } from './model';

/** The case study's own monthly cost analysis (shared/seed, "Cost Analysis"): ~$285/month. */
export const CASE_STUDY_COSTS: readonly { readonly category: CostCategory; readonly label: string; readonly usd: number }[] = [
  { category: 'database', label: 'RDS primary (Multi-AZ t3.medium)', usd: 85 },
  { category: 'replica', label: 'Read replicas (2 × $70)', usd: 140 },
  { category: 'extended-support', label: 'RDS Extended Support (not in the case study)', usd: 0 },
  { category: 'cache', label: 'ElastiCache (Redis cluster)', usd: 25 },
  { category: 'stream', label: 'Kinesis (4 shards)', usd: 15 },
  { category: 'table', label: 'DynamoDB (on-demand)', usd: 20 },
  { category: 'other', label: 'Everything else', usd: 0 },
];

export interface CaseStudyRow {
  readonly category: CostCategory;
  readonly label: string;
  readonly caseStudyUsd: number;
  /** What the case study's scope costs at the price table (one cache cluster, no extras). */
  readonly comparableUsd: number;
  /** What this platform's plans cost in this category. */
  readonly platformUsd: number;
  readonly why: string;
}

export interface CaseStudyComparison {
  readonly rows: readonly CaseStudyRow[];
  readonly caseStudyUsd: number;
  readonly comparableUsd: number;
  readonly platformUsd: number;
}

const money = (usd: number) => `$${usd.toFixed(2)}`;

/** The part of one resource's cost that falls in one category (Extended Support is counted apart from its instance). */
interface CostPart {
  readonly category: CostCategory;
  readonly region: string;
  readonly lines: readonly CostLine[];
  readonly usd: number;
}

function partsOf(costs: readonly ResourceCost[]): CostPart[] {
  return costs.flatMap((cost) => {
    const byCategory = new Map<CostCategory, CostLine[]>();
    for (const line of cost.lines) {
      const category = line.category ?? cost.category;
      byCategory.set(category, [...(byCategory.get(category) ?? []), line]);
    }
    return [...byCategory].map(([category, lines]) => ({ category, region: cost.region, lines, usd: roundCents(sumUsd(lines)) }));
  });
}

function difference(costs: readonly CostPart[], caseStudyUsd: number, comparableUsd: number): string {
  if (costs.length === 0) return ' These plans create none.';
  const hourly = costs.flatMap((cost) => cost.lines.filter((line) => !line.assumption && line.prices.some((price) => price.unit === 'hour')));
  const hourlyUsd = roundCents(sumUsd(hourly));
  if (hourlyUsd > caseStudyUsd) {
    return ` The case study's ${money(caseStudyUsd)} is below the on-demand list price of the hours alone (${money(hourlyUsd)}) and shows no arithmetic; a discount or an older price would explain it.`;
  }
  if (comparableUsd < caseStudyUsd * 0.9) return ` The case study's ${money(caseStudyUsd)} is above these list prices and shows no arithmetic, so the difference cannot be traced.`;
  return '';
}

function why(category: CostCategory, costs: readonly CostPart[], caseStudyUsd: number, comparableUsd: number): string {
  const differs = difference(costs, caseStudyUsd, comparableUsd);
  switch (category) {
    case 'database':
      return `On-demand instance hours (Multi-AZ bills a standby too) plus storage.${differs}`;
    case 'replica':
      return `Each replica is a Single-AZ instance with its own storage, plus inter-region transfer of the binary log (usage-based).${differs}`;
    case 'extended-support':
      return costs.length === 0
        ? 'These plans run no engine version past the end of RDS standard support.'
        : 'MySQL 8.0 left RDS standard support on 2026-07-31, after the case study was written: each 8.0 instance now also pays per vCPU-hour (a Multi-AZ primary for its standby too). Upgrading to MySQL 8.4 ends the charge.';
    case 'cache':
      return `The case study prices one Redis cluster; these plans create ${costs.length}. The comparable column counts the one in the primary's region.`;
    case 'stream':
      return `Shard hours plus PUT payload units (usage-based).${differs}`;
    case 'table':
      return `Usage-based: on-demand requests, storage and point-in-time recovery at the stated assumptions.${costs.length === 0 ? differs : ''}`;
    case 'other':
      return 'Not in the case study: KMS keys, secrets, CloudWatch alarms and dashboards, Lambda, the state bucket.';
  }
}

/** Sets the platform's estimate beside the case study's ~$285/month, category by category. */
export function compareWithCaseStudy(costs: readonly ResourceCost[]): CaseStudyComparison {
  const databaseRegion = costs.find((cost) => cost.category === 'database')?.region;
  const parts = partsOf(costs);
  const rows = CASE_STUDY_COSTS.map(({ category, label, usd }) => {
    const inCategory = parts.filter((part) => part.category === category);
    const platformUsd = roundCents(sumUsd(inCategory));
    const oneCluster = inCategory.find((cost) => cost.region === databaseRegion) ?? inCategory[0];
    const comparableUsd = category === 'other' ? 0 : category === 'cache' ? (oneCluster?.usd ?? 0) : platformUsd;
    return { category, label, caseStudyUsd: usd, comparableUsd, platformUsd, why: why(category, inCategory, usd, comparableUsd) };
  });
  return {
    rows,
    caseStudyUsd: sumUsd(CASE_STUDY_COSTS),
    comparableUsd: roundCents(sumUsd(rows.map((row) => ({ usd: row.comparableUsd })))),
    platformUsd: roundCents(sumUsd(rows.map((row) => ({ usd: row.platformUsd })))),
  };
}
