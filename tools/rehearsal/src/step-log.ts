/** One step of the rehearsal, as the summary reports it. */
export interface StepRecord {
  readonly title: string;
  readonly seconds: number;
  readonly outcome: 'ok' | 'failed';
  readonly detail?: string;
}

/** Prints each step before and after it runs, and keeps the timings for the summary. */
export class StepLog {
  readonly steps: StepRecord[] = [];

  async run<T>(title: string, action: () => Promise<T>, describe?: (result: T) => string): Promise<T> {
    const started = Date.now();
    console.log(`\n▶ ${title}`);
    try {
      const result = await action();
      const seconds = (Date.now() - started) / 1000;
      const detail = describe?.(result);
      this.steps.push({ title, seconds, outcome: 'ok', detail });
      console.log(`✔ ${title} (${seconds.toFixed(1)}s)${detail ? `: ${detail}` : ''}`);
      return result;
    } catch (error) {
      const seconds = (Date.now() - started) / 1000;
      this.steps.push({ title, seconds, outcome: 'failed', detail: error instanceof Error ? error.message : String(error) });
      console.log(`✖ ${title} (${seconds.toFixed(1)}s)`);
      throw error;
    }
  }
}
