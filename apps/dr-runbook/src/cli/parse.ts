import { InvalidArgumentError } from 'commander';
import { boundsText, type SecondsBounds, withinBounds } from '../core/bounds';
import { IDENTIFIER_PROBLEM, isRdsIdentifier, ISO_TIME_PROBLEM, readIsoTime } from '../commands/request-fields';

/*
 * Option parsers: from the typed text to a value, with the same rules as the request schemas
 * (commands/request-fields.ts) that also check a journal's saved request on --resume.
 */

/** A number of seconds inside `bounds`; a huge value would quietly switch a check or a wait off. */
export function secondsIn(bounds: SecondsBounds): (value: string) => number {
  return (value) => {
    const seconds = Number(value);
    if (!/^\d+(\.\d+)?$/.test(value.trim()) || !Number.isFinite(seconds)) throw new InvalidArgumentError(`"${value}" is not a number of seconds`);
    if (!withinBounds(seconds, bounds)) throw new InvalidArgumentError(`"${value}" is out of range: ${boundsText(bounds)}`);
    return seconds;
  };
}

/** An ISO-8601 date-time with an explicit zone (Z or +hh:mm), e.g. 2025-03-01T02:15:00Z, as UTC. */
export function parseIsoTime(value: string): string {
  const time = readIsoTime(value);
  if (time === undefined) throw new InvalidArgumentError(`"${value}" is ${ISO_TIME_PROBLEM}`);
  return time;
}

/** RDS identifier rules: 1-63 characters, letters, digits and hyphens, starts with a letter, no -- or trailing -. */
export function dbIdentifier(value: string): string {
  if (!isRdsIdentifier(value)) throw new InvalidArgumentError(`"${value}" is ${IDENTIFIER_PROBLEM}`);
  return value.toLowerCase();
}
