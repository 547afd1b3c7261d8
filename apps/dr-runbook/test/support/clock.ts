import { FakeClock } from '@xyz/dr-simulator';
import { AbortedError } from '../../src/core/errors';

/** A fake clock whose interrupted sleeps reject as the runbook's own clock does (see core/clock.ts). */
export function runbookClock(): FakeClock {
  return new FakeClock({ abortError: () => new AbortedError() });
}
