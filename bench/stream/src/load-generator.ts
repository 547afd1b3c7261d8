import { randomUUID } from 'node:crypto';
import type { PutRecordsRequestEntry } from '@aws-sdk/client-kinesis';
import type { DeviceEventInput } from '@xyz/stream/contracts';

export interface FleetShape {
  readonly devices: number;
  readonly branches: number;
  /** Fraction of records made deliberately malformed (they must end up quarantined). */
  readonly malformedRate: number;
}

export interface GeneratedRecord {
  readonly entry: PutRecordsRequestEntry;
  /** Set for valid events, which must become exactly one item each. */
  readonly eventId?: string;
}

/** A fleet of devices spread over branches; each call makes the next record of a random device. */
export function createRecordFactory(fleet: FleetShape, random: () => number = Math.random): () => GeneratedRecord {
  const deviceIds = Array.from({ length: fleet.devices }, (_, i) => `dev-${String(i + 1).padStart(5, '0')}`);
  return () => {
    const index = Math.floor(random() * fleet.devices);
    const deviceId = deviceIds[index];
    const event: DeviceEventInput = {
      schemaVersion: 1,
      eventId: randomUUID(),
      deviceId,
      branchId: `branch-${String((index % fleet.branches) + 1).padStart(3, '0')}`,
      eventType: 'reading',
      occurredAt: new Date().toISOString(),
      payload: { temperatureC: Math.round(random() * 400) / 10, doorOpen: random() < 0.1, firmware: '2.4.1' },
    };
    if (random() < fleet.malformedRate) {
      // Valid JSON, invalid event: branchId is missing.
      const malformed: Record<string, unknown> = { ...event };
      delete malformed['branchId'];
      return { entry: { Data: Buffer.from(JSON.stringify(malformed)), PartitionKey: deviceId } };
    }
    return { entry: { Data: Buffer.from(JSON.stringify(event)), PartitionKey: deviceId }, eventId: event.eventId };
  };
}

export interface PacedLoadOptions {
  readonly ratePerSecond: number;
  readonly durationMs: number;
  /** How often a PutRecords call goes out. @default 50 */
  readonly tickMs?: number;
  readonly clock: () => number;
  /** Sends one tick's records; resolves when the PutRecords call returned. */
  send(count: number): Promise<void>;
}

/**
 * Offers `ratePerSecond` records for `durationMs`, one PutRecords call per tick, scheduled against the
 * clock so that a slow call is made up for at the next tick rather than lowering the offered load
 * silently. Returns the number of records offered.
 */
export async function runPacedLoad(options: PacedLoadOptions): Promise<number> {
  const tickMs = options.tickMs ?? 50;
  const started = options.clock();
  const total = Math.round((options.ratePerSecond * options.durationMs) / 1000);
  let offered = 0;
  while (offered < total) {
    const elapsed = options.clock() - started;
    const due = Math.min(total, Math.floor((options.ratePerSecond * elapsed) / 1000)) - offered;
    if (due > 0) {
      offered += due;
      await options.send(due);
    }
    const nextTick = started + (Math.floor(elapsed / tickMs) + 1) * tickMs;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, nextTick - options.clock())));
  }
  return offered;
}
