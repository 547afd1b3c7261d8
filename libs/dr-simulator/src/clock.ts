/**
 * Time as the simulation sees it: the same shape as the runbook's Clock, so one fake clock drives
 * both the runbook and the AWS it talks to.
 */
export interface SimClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}
