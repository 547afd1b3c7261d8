/** The formats `--format` accepts. `--json` is its own flag and wins over both. */
export const OUTPUT_FORMATS = ['text', 'markdown'] as const;
export type RequestedFormat = (typeof OUTPUT_FORMATS)[number];
export type OutputFormat = RequestedFormat | 'json';

/** Where the review is printed. */
export interface OutputContext {
  /** Whether stdout is an interactive terminal (a person reads it). */
  readonly stdoutIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** CI services set CI (GitHub Actions: CI=true); unset, empty, "false" or "0" is not CI. */
export function inCi(env: OutputContext['env']): boolean {
  const value = env['CI']?.trim().toLowerCase();
  return value !== undefined && !['', 'false', '0'].includes(value);
}

/**
 * `--json`, then `--format`; otherwise plain text for a person at a terminal, and Markdown in CI
 * and wherever stdout is not a terminal (pipes, files, the workflow logs).
 */
export function chooseOutputFormat(options: { readonly json: boolean; readonly format?: RequestedFormat }, context: OutputContext): OutputFormat {
  if (options.json) return 'json';
  if (options.format) return options.format;
  return context.stdoutIsTTY && !inCi(context.env) ? 'text' : 'markdown';
}
