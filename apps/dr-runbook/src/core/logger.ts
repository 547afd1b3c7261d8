import type { Clock } from './clock';

export type LogFields = Record<string, string | number | boolean | null | undefined | readonly string[]>;

/** Structured logs: one JSON object per line. Off unless the user asks (--log-file, --verbose). */
export interface Logger {
  log(event: string, fields?: LogFields): void;
}

export const silentLogger: Logger = { log: () => undefined };

export function jsonLinesLogger(clock: Clock, sinks: readonly ((line: string) => void)[]): Logger {
  if (sinks.length === 0) return silentLogger;
  return {
    log(event, fields = {}) {
      const line = JSON.stringify({ time: new Date(clock.now()).toISOString(), event, ...fields });
      sinks.forEach((sink) => sink(line));
    },
  };
}
