import type { AwsServices } from '../aws/services';
import type { SecondsBounds } from '../core/bounds';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import type { Fact, FactDeclaration } from './facts';

/** An AWS call (or a local change) a step may make, shown by the dry run. */
export interface PlannedCall {
  readonly service: 'rds' | 'ssm' | 'local';
  readonly region?: string;
  readonly operation: string;
  readonly input: unknown;
  /** The call is only made in this case, e.g. "if the stale replica still holds the identifier". */
  readonly when?: string;
}

export interface StepOutcome {
  readonly summary: string;
  /** Things left for a human or a later `--resume` (the run then ends with warnings). */
  readonly warnings?: readonly string[];
}

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** What a step remembers across processes, stored in the journal. */
export interface StepMemory {
  /** When this step (in any earlier attempt) recorded that it was about to send `key`. */
  intent(key: string): number | undefined;
  recordIntent(key: string): void;
  /** Facts shared by the whole run (promotedAt, lagAtPromotionSeconds, ...), declared by the step that writes them. */
  fact<T>(fact: Fact<T>): T | undefined;
  setFact<T extends JsonValue>(fact: Fact<T>, value: T): void;
}

/** Polling cadence. Derived from --poll-interval so that every wait scales together. */
export interface Timing {
  /** DescribeDBInstances per instance while waiting: 10 s keeps it at 6 calls a minute. */
  readonly pollIntervalMs: number;
  /** CloudWatch publishes ReplicaLag once a minute; polling faster only costs calls. */
  readonly lagPollIntervalMs: number;
  /** How long a request sent by an interrupted attempt may take to become visible before it is sent again. */
  readonly visibilityGraceMs: number;
  /** A progress line at least this often while a wait goes on. */
  readonly heartbeatMs: number;
}

export const DEFAULT_POLL_INTERVAL_MS = 10_000;
/** --poll-interval: below 1 s RDS throttles the polls; above 5 min a wait would notice a change too late. */
export const POLL_INTERVAL_BOUNDS: SecondsBounds = { min: 1, max: 300, maxInWords: '5 min' };

/**
 * Every wait scales with the poll interval, with caps so that a long interval cannot stretch a
 * wait past the steps' timeouts: ReplicaLag every 6 polls but at least once a minute; a request
 * that shows no effect is sent again after 18 polls or 3 min, whichever is shorter; a progress
 * line every 30 polls but at least every 5 min. (No cap is shorter than one poll.)
 */
export function timingFor(pollIntervalMs: number): Timing {
  return {
    pollIntervalMs,
    lagPollIntervalMs: Math.min(pollIntervalMs * 6, Math.max(pollIntervalMs, 60_000)),
    visibilityGraceMs: Math.min(pollIntervalMs * 18, Math.max(pollIntervalMs * 3, 180_000)),
    heartbeatMs: Math.min(pollIntervalMs * 30, Math.max(pollIntervalMs, 300_000)),
  };
}

export interface StepContext {
  readonly aws: AwsServices;
  readonly clock: Clock;
  readonly signal?: AbortSignal;
  /** Epoch ms after which the step has timed out. */
  readonly deadline: number;
  readonly timing: Timing;
  readonly memory: StepMemory;
  readonly log: Logger;
  /** A progress line under the step's own line. */
  progress(text: string): void;
}

/** One idempotent unit of a runbook: it checks the current state before it acts. */
export interface Step {
  readonly id: string;
  readonly title: string;
  readonly timeoutMs: number;
  readonly calls: readonly PlannedCall[];
  /** What the step waits for after its calls, in words. */
  readonly waitsFor?: string;
  /** Where things stand if this step fails, and what to do. */
  readonly ifItFails: string;
  /** The journal facts this step records; a resumed run checks the journal's facts against them. */
  readonly facts?: readonly FactDeclaration[];
  run(ctx: StepContext): Promise<StepOutcome>;
}
