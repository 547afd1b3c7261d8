/** The signal of one call, and how to let go of it once the call has ended. */
export interface CallSignal {
  readonly signal?: AbortSignal;
  release(): void;
}

/**
 * Gives every call its own AbortSignal, all aborted together when the run's signal aborts (Ctrl-C).
 *
 * The AWS SDK adds 'abort' listeners to the signal of every request it sends (its HTTP handler
 * and its retry middleware). Handing it the run's one signal puts a listener per call in flight
 * on that signal, and Node prints a MaxListenersExceededWarning once more than 10 are attached.
 * Here the run's signal carries exactly one listener however many calls are in flight; each
 * call's listeners sit on its own signal, which is dropped when the call ends.
 */
export class AbortFanout {
  private readonly open = new Set<AbortController>();
  private readonly abortAll = () => {
    this.open.forEach((controller) => controller.abort(this.parent?.reason));
    this.open.clear();
  };

  constructor(private readonly parent?: AbortSignal) {
    parent?.addEventListener('abort', this.abortAll, { once: true });
  }

  /** A signal for one call; `release()` it when the call has ended (also when it failed). */
  signalFor(): CallSignal {
    if (!this.parent) return { signal: undefined, release: () => undefined };
    const controller = new AbortController();
    if (this.parent.aborted) controller.abort(this.parent.reason);
    else this.open.add(controller);
    return { signal: controller.signal, release: () => this.open.delete(controller) };
  }

  /** Number of calls holding a signal (for tests and diagnostics). */
  get inFlight(): number {
    return this.open.size;
  }

  /** Stops listening to the run's signal (when the command is over). */
  close(): void {
    this.parent?.removeEventListener('abort', this.abortAll);
    this.open.clear();
  }
}
