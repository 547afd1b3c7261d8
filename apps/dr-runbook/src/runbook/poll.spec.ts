import { FakeClock } from '@xyz/dr-simulator';
import { silentLogger } from '../core/logger';
import type { AwsServices } from '../aws/services';
import { StepTimeoutError } from '../core/errors';
import { pollUntil } from './poll';
import { type StepContext, timingFor } from './step';

function context(clock: FakeClock, deadlineMs: number, lines: string[]): StepContext {
  return {
    aws: {} as AwsServices,
    clock,
    deadline: clock.now() + deadlineMs,
    timing: timingFor(10_000),
    memory: { intent: () => undefined, recordIntent: () => undefined, fact: () => undefined, setFact: () => undefined },
    log: silentLogger,
    progress: (text) => lines.push(text),
  };
}

describe('pollUntil', () => {
  it('does not accept the end state before the change has been seen to start', async () => {
    const clock = new FakeClock();
    const states = ['available', 'available', 'rebooting', 'rebooting', 'available'];
    let probes = 0;
    const lines: string[] = [];
    const result = await pollUntil(context(clock, 600_000, lines), {
      what: 'reboot',
      probe: async () => states[Math.min(probes++, states.length - 1)],
      started: (status) => status !== 'available',
      done: (status, started) => started && status === 'available',
      show: (status) => status,
    });
    expect(result).toBe('available');
    expect(probes).toBe(5);
    expect(lines).toEqual(['reboot: available (0ms)', 'reboot: rebooting (20s)']);
  });

  it('polls once per interval and times out at the deadline with the last state', async () => {
    const clock = new FakeClock();
    const start = clock.now();
    let probes = 0;
    const promise = pollUntil(context(clock, 55_000, []), { what: 'promotion', probe: async () => ++probes, done: () => false, show: (n) => `probe ${n}` });
    await expect(promise).rejects.toThrow(new StepTimeoutError('timed out waiting for promotion after 55s; last seen: probe 7'));
    expect(probes).toBe(7);
    expect(clock.now() - start).toBe(55_000);
  });
});
