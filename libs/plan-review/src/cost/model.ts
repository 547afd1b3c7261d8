import type { Price } from './prices';

/**
 * Groups that match the case study's cost analysis, so the two can be compared. RDS Extended
 * Support has its own: the case study predates it.
 */
export type CostCategory = 'database' | 'replica' | 'extended-support' | 'cache' | 'stream' | 'table' | 'other';

/** One billed item of a resource: its monthly amount and the prices it comes from. */
export interface CostLine {
  readonly label: string;
  readonly usd: number;
  readonly prices: readonly Price[];
  /**
   * How many times the price is billed per unit the label names, when more than once: 2 for a
   * Multi-AZ instance (the standby bills like the primary), the node or shard count. Shown in the rate.
   */
  readonly multiplier?: number;
  /** Set on usage-based items: the assumption the amount rests on. */
  readonly assumption?: string;
  /** Set when the case-study comparison counts this line apart from its resource's category. */
  readonly category?: CostCategory;
}

export interface ResourceCost {
  readonly address: string;
  readonly type: string;
  readonly region: string;
  readonly category: CostCategory;
  readonly description: string;
  readonly lines: readonly CostLine[];
  readonly usd: number;
  /** Removed from the state by this plan but not destroyed: still billed, no longer managed. */
  readonly forgotten?: boolean;
}

/** How the model treats a resource: priced, known to cost nothing by itself, or not in the table. */
export type PricingOutcome =
  | {
      readonly kind: 'priced';
      readonly category: CostCategory;
      readonly description: string;
      readonly lines: readonly CostLine[];
      /** Parts of the resource that cost money but cannot be priced from the plan. */
      readonly notPriced?: readonly string[];
    }
  | { readonly kind: 'free' }
  | { readonly kind: 'unpriced'; readonly why: string };

export function sumUsd(items: readonly { readonly usd: number }[]): number {
  return items.reduce((total, item) => total + item.usd, 0);
}

/** Cents are the precision of a bill; rounding here keeps totals and their parts consistent. */
export function roundCents(usd: number): number {
  return Math.round(usd * 100) / 100;
}
