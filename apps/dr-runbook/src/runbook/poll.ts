import { StepError, StepTimeoutError } from '../core/errors';
import { formatDuration } from '../core/format';
import type { StepContext } from './step';

export interface PollSpec<T> {
  /** What is being waited for, e.g. "promotion of xyz-prod-mysql-usw2". */
  readonly what: string;
  /** The instance being polled, for the structured log (wait.begin / wait.end). */
  readonly subject?: { readonly region: string; readonly id: string };
  readonly intervalMs?: number;
  probe(): Promise<T>;
  /**
   * Has the change visibly started? RDS can report an instance as `available` for a while after a
   * promote or modify, so "available" alone must never end a wait: see `done`.
   */
  started?(value: T): boolean;
  done(value: T, started: boolean): boolean;
  /** The current state in a few words, for progress lines and timeout messages. */
  show(value: T): string;
  /** Runs on every poll that is not done yet; may act (e.g. re-send a lost request). */
  onPending?(value: T, elapsedMs: number): Promise<void>;
}

/**
 * Polls once per interval until `done`, printing a line when the state changes and a heartbeat
 * otherwise. Throws StepTimeoutError at the step's deadline with the last state seen.
 */
export async function pollUntil<T>(ctx: StepContext, spec: PollSpec<T>): Promise<T> {
  const { clock } = ctx;
  const interval = spec.intervalMs ?? ctx.timing.pollIntervalMs;
  const begin = clock.now();
  let started = false;
  let lastShown: string | undefined;
  let lastPrintedAt = begin;
  const subject = { what: spec.what, region: spec.subject?.region, instance: spec.subject?.id };
  ctx.log.log('wait.begin', subject);
  for (;;) {
    const value = await spec.probe();
    if (spec.started?.(value)) started = true;
    if (spec.done(value, started)) {
      ctx.log.log('wait.end', { ...subject, ms: clock.now() - begin });
      return value;
    }
    const now = clock.now();
    const shown = spec.show(value);
    if (shown !== lastShown || now - lastPrintedAt >= ctx.timing.heartbeatMs) {
      ctx.progress(`${spec.what}: ${shown} (${formatDuration(now - begin)})`);
      lastShown = shown;
      lastPrintedAt = now;
    }
    if (now >= ctx.deadline) {
      throw new StepTimeoutError(`timed out waiting for ${spec.what} after ${formatDuration(now - begin)}; last seen: ${shown}`);
    }
    await spec.onPending?.(value, now - begin);
    await clock.sleep(Math.min(interval, Math.max(0, ctx.deadline - clock.now())), ctx.signal);
  }
}

/** The instance a wait ended on; it cannot have vanished when `done` required it, but say so if it did. */
export function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new StepError(`${what} disappeared while the runbook was waiting for it`);
  return value;
}
