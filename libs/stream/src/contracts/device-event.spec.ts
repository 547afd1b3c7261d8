import { type DeviceEventInput, parseDeviceEvent } from './device-event';

const arrivedAt = new Date('2025-03-14T09:30:00.000Z');

/** A valid event that occurred a minute before it arrived; each case changes one thing. */
const deviceEvent = (overrides: Partial<DeviceEventInput> = {}): DeviceEventInput => ({
  schemaVersion: 1,
  eventId: 'evt-000001',
  deviceId: 'dev-001',
  branchId: 'branch-001',
  eventType: 'reading',
  occurredAt: '2025-03-14T09:29:00.000Z',
  payload: { temperatureC: 4.5, doorOpen: false },
  ...overrides,
});

function reasonFor(input: unknown): string {
  const result = parseDeviceEvent(input, arrivedAt);
  if (result.ok) throw new Error('expected the event to be refused');
  return result.reason;
}

describe('parseDeviceEvent', () => {
  it('accepts the documented example and normalises occurredAt to UTC milliseconds', () => {
    const result = parseDeviceEvent(
      {
        schemaVersion: 1,
        eventId: '7d7e3c1e-3a0b-4c55-9b1e-2f1f5f0f6c11',
        deviceId: 'fridge-0042',
        branchId: 'branch-017',
        eventType: 'reading',
        occurredAt: '2025-03-14T10:26:53.5+01:00',
        payload: { temperatureC: 4.5, doorOpen: false, firmware: '2.4.1', errorCode: null },
      },
      arrivedAt,
    );
    expect(result).toEqual({ ok: true, event: expect.objectContaining({ occurredAt: '2025-03-14T09:26:53.500Z', deviceId: 'fridge-0042' }) });
  });

  it.each([
    ['a missing field', { ...deviceEvent(), branchId: undefined }, 'branchId'],
    ['an unknown field', { ...deviceEvent(), extra: 1 }, 'extra'],
    ['another schema version', { ...deviceEvent(), schemaVersion: 2 }, 'schemaVersion'],
    ['a "#" in an id (the key separator)', deviceEvent({ deviceId: 'dev#1' }), 'deviceId'],
    ['a time without a zone', deviceEvent({ occurredAt: '2025-03-14T09:00:00' }), 'occurredAt'],
    ['a nested payload', { ...deviceEvent(), payload: { nested: { a: 1 } } }, 'payload.nested'],
    ['a number DynamoDB cannot store', deviceEvent({ payload: { huge: 1e200 } }), 'payload.huge'],
    ['a lone surrogate in a string', deviceEvent({ payload: { text: '\ud800' } }), 'payload.text'],
    ['too many payload fields', deviceEvent({ payload: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`f${i}`, i])) }), 'payload'],
  ])('refuses %s, naming the field', (_, input, field) => {
    expect(reasonFor(input)).toContain(field);
  });

  it('refuses an event claiming to be more than 5 minutes after its arrival (it would pin the latest state)', () => {
    expect(reasonFor(deviceEvent({ occurredAt: '2025-03-14T09:36:00.000Z' }))).toMatch(/after the record reached Kinesis/);
    expect(parseDeviceEvent(deviceEvent({ occurredAt: '2025-03-14T09:34:00.000Z' }), arrivedAt).ok).toBe(true);
  });

  it('refuses an event from before 2000 (a device clock that was never set)', () => {
    expect(reasonFor(deviceEvent({ occurredAt: '1970-01-01T00:00:00.000Z' }))).toMatch(/before 2000/);
  });

  it('judges skew against the arrival time, not the clock, so a replay a day later gets the same verdict', () => {
    const event = deviceEvent({ occurredAt: '2025-03-14T09:40:00.000Z' });
    jest.useFakeTimers();
    try {
      jest.setSystemTime(arrivedAt);
      const first = parseDeviceEvent(event, arrivedAt);
      jest.setSystemTime(new Date(arrivedAt.getTime() + 86_400_000));
      expect(first.ok).toBe(false);
      expect(parseDeviceEvent(event, arrivedAt)).toEqual(first);
    } finally {
      jest.useRealTimers();
    }
  });
});
