// The bench's own accounting, on short runs of the real local pipeline.
import { loadTopology } from '@xyz/topology';
import type { BenchOptions } from './bench-options';
import { runStreamBench } from './run-bench';

jest.setTimeout(120_000);

const production = loadTopology('production').stream;
const shortRun: BenchOptions = { rate: 300, duration: 2, warmup: 0, devices: 60, branches: 6, pollInterval: 100, drainTimeout: 30, faultRate: 0, malformedRate: 0 };
const quiet = () => undefined;

describe('runStreamBench', () => {
  it('accounts for every record under injected write faults and malformed records', async () => {
    const result = await runStreamBench({ ...shortRun, faultRate: 0.05, malformedRate: 0.05 }, production, quiet);
    expect(result.recordsPut).toBe(600);
    expect(result.eventsPut + result.malformedPut).toBe(600);
    expect(result.malformedPut).toBeGreaterThan(0);
    expect(result.quarantined).toBe(result.malformedPut);
    expect(result).toMatchObject({ lost: 0, duplicated: 0, deadLetteredRecords: 0, refusedByKinesis: 0 });
    expect(result.eventsVisible).toBe(result.eventsPut);
    expect(result.latencyMs.count).toBe(result.eventsPut);
    expect(result.retries).toBeGreaterThan(0);
  });

  it('reports the loss when the mapping gives up on records (no retries, half the writes failing)', async () => {
    const result = await runStreamBench({ ...shortRun, faultRate: 0.5 }, { ...production, maximumRetryAttempts: 0 }, quiet);
    expect(result.deadLetteredRecords).toBeGreaterThan(0);
    expect(result.lost).toBeGreaterThan(0);
    // Every lost event is one the dead-letter queue knows about: nothing vanished silently.
    expect(result.lost).toBeLessThanOrEqual(result.deadLetteredRecords);
    expect(result.duplicated).toBe(0);
  });
});
