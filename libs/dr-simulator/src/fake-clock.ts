import type { SimClock } from './clock';

export interface FakeClockOptions {
  /** Epoch ms the clock starts at. */
  readonly start?: number;
  /**
   * What a sleep rejects with when its signal aborts. The runbook tells an interruption from a
   * failure by its own error class, so its tests pass that class in.
   */
  readonly abortError?: () => Error;
}

const defaultAbortError = () => Object.assign(new Error('interrupted'), { name: 'AbortedError' });

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly resolve: () => void;
  readonly cancel?: () => void;
}

/**
 * A discrete-event clock: `sleep` registers a timer, and once every pending promise callback has
 * run (setImmediate), time jumps to the earliest timer and fires it. Concurrent sleeps therefore
 * overlap exactly as they would in real time, and hours of RDS waiting take milliseconds.
 */
export class FakeClock implements SimClock {
  private current: number;
  private timers: Timer[] = [];
  private seq = 0;
  private scheduled = false;
  private readonly abortError: () => Error;

  constructor(options: FakeClockOptions = {}) {
    this.current = options.start ?? Date.parse('2025-03-01T03:00:00Z');
    this.abortError = options.abortError ?? defaultAbortError;
  }

  now(): number {
    return this.current;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(this.abortError());
        return;
      }
      const onAbort = () => {
        this.timers = this.timers.filter((timer) => timer !== entry);
        reject(this.abortError());
      };
      const entry: Timer = {
        at: this.current + Math.max(0, ms),
        seq: this.seq++,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.timers.push(entry);
      this.schedule();
    });
  }

  /** Lets simulated time pass (e.g. while a killed run is being restarted). */
  async advance(ms: number): Promise<void> {
    await this.sleep(ms);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.fireNext();
    });
  }

  private fireNext(): void {
    if (this.timers.length === 0) return;
    this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = this.timers.shift();
    if (!next) return;
    this.current = Math.max(this.current, next.at);
    next.resolve();
    if (this.timers.length > 0) this.schedule();
  }
}

/**
 * One simulated process's view of the clock. `kill()` makes every later sleep hang forever, which
 * is what a SIGKILL does to a run: nothing after that point executes, the journal stays as it was.
 */
export class ProcessClock implements SimClock {
  private killed = false;

  constructor(private readonly base: FakeClock) {}

  now(): number {
    return this.base.now();
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (this.killed) return new Promise<void>(() => undefined);
    return this.base.sleep(ms, signal).then(() => (this.killed ? new Promise<void>(() => undefined) : undefined));
  }

  kill(): void {
    this.killed = true;
  }
}
