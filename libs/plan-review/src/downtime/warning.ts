/** A change that takes something clients use offline for a while. It does not block the review. */
export interface DowntimeWarning {
  readonly address: string;
  /** What changes, with its values: `instance class db.t3.medium → db.t3.large`. */
  readonly change: string;
  /** What happens to the service. */
  readonly effect: string;
  /** For about how long. */
  readonly duration: string;
  /** When it happens: during the apply, or in the next maintenance window. */
  readonly when: string;
}

export function fromTo(before: unknown, after: unknown): string {
  return `${before === undefined || before === null ? 'not set' : String(before)} → ${after === undefined || after === null ? 'not set' : String(after)}`;
}

/** RDS and ElastiCache apply a modification at once only with apply_immediately; otherwise in the maintenance window. */
export function whenApplied(after: unknown, maintenanceWindowKey: string): string {
  const values = (after ?? {}) as Record<string, unknown>;
  if (values['apply_immediately'] === true) return 'during this apply (apply_immediately is true)';
  const window = values[maintenanceWindowKey];
  return `in the next maintenance window${typeof window === 'string' && window !== '' ? ` (${window})` : ''}, unless applied immediately`;
}
