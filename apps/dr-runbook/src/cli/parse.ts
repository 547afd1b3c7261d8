import { InvalidArgumentError } from 'commander';

export function positiveSeconds(value: string): number {
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !Number.isFinite(seconds) || seconds <= 0) throw new InvalidArgumentError(`"${value}" is not a positive number of seconds`);
  return seconds;
}

export function nonNegativeSeconds(value: string): number {
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !Number.isFinite(seconds)) throw new InvalidArgumentError(`"${value}" is not a number of seconds`);
  return seconds;
}

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * An ISO-8601 date-time with an explicit zone (Z or +hh:mm), e.g. 2025-03-01T02:15:00Z. A time
 * without a zone is refused: at 3 a.m. nobody should have to guess which zone was meant.
 */
export function parseIsoTime(value: string): string {
  const match = ISO_8601.exec(value.trim());
  const problem = `"${value}" is not an ISO-8601 time with a zone, such as 2025-03-01T02:15:00Z`;
  if (!match) throw new InvalidArgumentError(problem);
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) throw new InvalidArgumentError(problem);
  const ms = Date.parse(value.trim());
  if (Number.isNaN(ms)) throw new InvalidArgumentError(problem);
  return new Date(ms).toISOString();
}

/** RDS identifier rules: 1-63 characters, letters, digits and hyphens, starts with a letter, no -- or trailing -. */
export function dbIdentifier(value: string): string {
  if (!/^[a-zA-Z][a-zA-Z0-9-]{0,62}$/.test(value) || value.includes('--') || value.endsWith('-')) {
    throw new InvalidArgumentError(`"${value}" is not a valid RDS instance identifier (1-63 letters, digits or hyphens, starting with a letter, no "--", not ending in "-")`);
  }
  return value.toLowerCase();
}
