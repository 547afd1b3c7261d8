import type { Clock } from '../core/clock';

/** The CLI's connection to the outside world; replaced in tests. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Asks a question; resolves undefined when input has ended. */
  readonly prompt: (question: string) => Promise<string | undefined>;
  readonly clock: Clock;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborted on Ctrl-C. */
  readonly signal?: AbortSignal;
  /** Backoff jitter; tests fix it. */
  readonly random?: () => number;
  /** Repository root: default journal directory and how paths are shown. */
  readonly repoRoot: string;
}

/** Where lines go: progress to stdout, unless stdout is reserved for a JSON document. */
export interface Printer {
  line(text: string): void;
  error(text: string): void;
  document(value: unknown): void;
}

export function printerFor(io: CliIo, json: boolean): Printer {
  return {
    line: (text) => (json ? io.stderr : io.stdout)(`${text}\n`),
    error: (text) => io.stderr(`${text}\n`),
    document: (value) => io.stdout(`${JSON.stringify(value, null, 2)}\n`),
  };
}
