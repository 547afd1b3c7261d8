import { FakeClock, ProcessClock } from '../src/fake-clock';

describe('FakeClock', () => {
  it('lets concurrent sleeps overlap as they would in real time', async () => {
    const clock = new FakeClock({ start: 0 });
    const woke: [string, number][] = [];
    await Promise.all([
      clock.sleep(60_000).then(() => woke.push(['long', clock.now()])),
      clock.sleep(10_000).then(() => woke.push(['short', clock.now()])),
    ]);
    expect(woke).toEqual([
      ['short', 10_000],
      ['long', 60_000],
    ]);
  });

  it('rejects an interrupted sleep with the error it was given', async () => {
    class Interrupted extends Error {}
    const clock = new FakeClock({ abortError: () => new Interrupted('stop') });
    const controller = new AbortController();
    const sleeping = clock.sleep(1000, controller.signal);
    controller.abort();
    await expect(sleeping).rejects.toBeInstanceOf(Interrupted);
    await expect(clock.sleep(1000, controller.signal)).rejects.toBeInstanceOf(Interrupted);
  });
});

describe('ProcessClock', () => {
  it('never wakes a killed process again, while time goes on for the others', async () => {
    const base = new FakeClock({ start: 0 });
    const process = new ProcessClock(base);
    let woke = false;
    void process.sleep(1000).then(() => (woke = true));
    process.kill();
    await base.advance(5000);
    expect(woke).toBe(false);
    expect(base.now()).toBe(5000);
  });
});
