import { loadTopology } from '@xyz/topology';
import { promoteStep } from './actions/promote';
import { DEFAULT_POLL_INTERVAL_MS, POLL_INTERVAL_BOUNDS, timingFor } from './step';

describe('timingFor', () => {
  it('keeps the default cadence: lag once a minute, re-send after 3 min, a heartbeat every 5 min', () => {
    expect(timingFor(DEFAULT_POLL_INTERVAL_MS)).toEqual({ pollIntervalMs: 10_000, lagPollIntervalMs: 60_000, visibilityGraceMs: 180_000, heartbeatMs: 300_000 });
  });

  it('scales down with a short poll interval', () => {
    expect(timingFor(POLL_INTERVAL_BOUNDS.min * 1000)).toEqual({ pollIntervalMs: 1000, lagPollIntervalMs: 6000, visibilityGraceMs: 18_000, heartbeatMs: 30_000 });
  });

  it('does not let the longest poll interval stretch the other waits out of reach', () => {
    const timing = timingFor(POLL_INTERVAL_BOUNDS.max * 1000);
    expect(timing).toEqual({ pollIntervalMs: 300_000, lagPollIntervalMs: 300_000, visibilityGraceMs: 900_000, heartbeatMs: 300_000 });
    // A promotion request that never reached AWS is still sent again well within the step's time.
    const promote = promoteStep({ region: 'us-west-2', id: 'xyz-prod-mysql-usw2' }, loadTopology('production'));
    expect(timing.visibilityGraceMs * 2).toBeLessThan(promote.timeoutMs);
  });
});
