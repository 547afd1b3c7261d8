import { getEventListeners } from 'node:events';
import { AbortFanout } from './abort-fanout';

describe('AbortFanout', () => {
  it('puts one listener on the run signal however many call signals are open', () => {
    const run = new AbortController();
    const fanout = new AbortFanout(run.signal);
    const calls = Array.from({ length: 25 }, () => fanout.signalFor());
    expect(getEventListeners(run.signal, 'abort')).toHaveLength(1);
    expect(fanout.inFlight).toBe(25);
    calls.forEach((call) => call.release());
    expect(fanout.inFlight).toBe(0);
  });

  it('aborts every open call signal, with the reason, when the run signal aborts', () => {
    const run = new AbortController();
    const fanout = new AbortFanout(run.signal);
    const open = [fanout.signalFor(), fanout.signalFor()];
    const released = fanout.signalFor();
    released.release();
    run.abort(new Error('Ctrl-C'));
    expect(open.map((call) => call.signal?.aborted)).toEqual([true, true]);
    expect((open[0].signal?.reason as Error).message).toBe('Ctrl-C');
    expect(released.signal?.aborted).toBe(false);
    expect(fanout.signalFor().signal?.aborted).toBe(true);
  });

  it('stops listening when closed, and gives no signal when the run has none', () => {
    const run = new AbortController();
    const fanout = new AbortFanout(run.signal);
    fanout.close();
    expect(getEventListeners(run.signal, 'abort')).toHaveLength(0);
    expect(new AbortFanout().signalFor().signal).toBeUndefined();
  });
});
