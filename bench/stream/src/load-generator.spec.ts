import { deviceEventSchema } from '@xyz/stream/contracts';
import { createRecordFactory, runPacedLoad } from './load-generator';

describe('createRecordFactory', () => {
  it('makes events that pass the documented schema, partitioned by device', () => {
    const next = createRecordFactory({ devices: 10, branches: 3, malformedRate: 0 });
    for (let i = 0; i < 50; i++) {
      const record = next();
      const event = JSON.parse(Buffer.from(record.entry.Data!).toString());
      expect(deviceEventSchema.safeParse(event).success).toBe(true);
      expect(record.eventId).toBe(event.eventId);
      expect(record.entry.PartitionKey).toBe(event.deviceId);
    }
  });

  it('makes malformed records, without an event id to expect, at the asked rate', () => {
    const next = createRecordFactory({ devices: 10, branches: 3, malformedRate: 0.999 }, () => 0.5);
    const record = next();
    expect(record.eventId).toBeUndefined();
    expect(deviceEventSchema.safeParse(JSON.parse(Buffer.from(record.entry.Data!).toString())).success).toBe(false);
  });
});

describe('runPacedLoad', () => {
  it('offers rate x duration records in ticks, catching up after a slow send', async () => {
    const sends: number[] = [];
    let slowOnce = true;
    const offered = await runPacedLoad({
      ratePerSecond: 2000,
      durationMs: 400,
      tickMs: 20,
      clock: () => performance.now(),
      send: async (count) => {
        sends.push(count);
        if (slowOnce) {
          slowOnce = false;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      },
    });
    expect(offered).toBe(800);
    expect(sends.reduce((sum, count) => sum + count, 0)).toBe(800);
    // The 100 ms stall is made up in one larger send rather than dropped.
    expect(Math.max(...sends.slice(1))).toBeGreaterThanOrEqual(150);
  });
});
