import type { DeviceEvent } from './device-event';

/**
 * The device event table's key schema. libs/stream/docs/item-layout.md explains the layout and the
 * reads it serves; the construct and the local pipeline both build the table from these names.
 */
export const DEVICE_EVENT_TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

/** Global secondary index for "events of a branch over a time window". */
export const BRANCH_TIME_INDEX = { name: 'byBranchTime', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' } as const;

/** Epoch-seconds attribute that DynamoDB's time to live deletes items by. */
export const TTL_ATTRIBUTE = 'expiresAt';

/** Quarantined records keep at most this many raw bytes, so the item stays under DynamoDB's 400 KB. */
export const MAX_QUARANTINE_RAW_BYTES = 350_000;

const DEVICE_PREFIX = 'DEVICE#';
/** Sort-key prefix of the event items in a device's partition. */
export const EVENT_SORT_KEY_PREFIX = 'EVENT#';
const BRANCH_PREFIX = 'BRANCH#';
const QUARANTINE_PREFIX = 'QUARANTINE#';
const SECONDS_PER_DAY = 86_400;

/** Where a record came from on the stream. */
export interface RecordOrigin {
  readonly shardId: string;
  readonly sequenceNumber: string;
  readonly partitionKey: string;
  /** When Kinesis accepted the record (approximateArrivalTimestamp). */
  readonly arrivedAt: Date;
}

export interface ItemKey {
  readonly pk: string;
  readonly sk: string;
}

export type DeviceEventItem = ItemKey & {
  readonly entityType: 'event';
  readonly gsi1pk: string;
  readonly gsi1sk: string;
  readonly schemaVersion: 1;
  readonly eventId: string;
  readonly deviceId: string;
  readonly branchId: string;
  readonly eventType: string;
  readonly occurredAt: string;
  readonly arrivedAt: string;
  readonly payload: DeviceEvent['payload'];
  readonly shardId: string;
  readonly sequenceNumber: string;
  readonly expiresAt?: number;
};

export type QuarantineItem = ItemKey & {
  readonly entityType: 'quarantine';
  readonly reason: string;
  readonly shardId: string;
  readonly sequenceNumber: string;
  readonly partitionKey: string;
  readonly arrivedAt: string;
  readonly rawBytes: number;
  readonly raw: Uint8Array;
  readonly expiresAt?: number;
};

export type TableItem = DeviceEventItem | QuarantineItem;

export function devicePartitionKey(deviceId: string): string {
  return `${DEVICE_PREFIX}${deviceId}`;
}

export function branchPartitionKey(branchId: string): string {
  return `${BRANCH_PREFIX}${branchId}`;
}

export function quarantinePartitionKey(day: Date): string {
  return `${QUARANTINE_PREFIX}${day.toISOString().slice(0, 10)}`;
}

/** The key is a function of the event alone, so a replayed or re-sent event lands on the same item. */
export function deviceEventKey(event: Pick<DeviceEvent, 'deviceId' | 'occurredAt' | 'eventId'>): ItemKey {
  return { pk: devicePartitionKey(event.deviceId), sk: `${EVENT_SORT_KEY_PREFIX}${event.occurredAt}#${event.eventId}` };
}

function expiry(from: Date, retentionDays: number | undefined): { expiresAt?: number } {
  if (retentionDays === undefined) return {};
  return { expiresAt: Math.floor(from.getTime() / 1000) + retentionDays * SECONDS_PER_DAY };
}

export function deviceEventItem(event: DeviceEvent, origin: RecordOrigin, retentionDays?: number): DeviceEventItem {
  return {
    ...deviceEventKey(event),
    entityType: 'event',
    gsi1pk: branchPartitionKey(event.branchId),
    gsi1sk: `${event.occurredAt}#${event.deviceId}#${event.eventId}`,
    schemaVersion: event.schemaVersion,
    eventId: event.eventId,
    deviceId: event.deviceId,
    branchId: event.branchId,
    eventType: event.eventType,
    occurredAt: event.occurredAt,
    arrivedAt: origin.arrivedAt.toISOString(),
    payload: event.payload,
    shardId: origin.shardId,
    sequenceNumber: origin.sequenceNumber,
    ...expiry(new Date(event.occurredAt), retentionDays),
  };
}

/**
 * A record that failed validation, kept with its raw bytes so it can be inspected and replayed after
 * the stream's retention has passed. Keyed by its stream position, so a replay overwrites itself.
 */
export function quarantineItem(raw: Uint8Array, reason: string, origin: RecordOrigin, retentionDays?: number): QuarantineItem {
  if (raw.byteLength > MAX_QUARANTINE_RAW_BYTES) {
    throw new RangeError(`a record of ${raw.byteLength} bytes is larger than the ${MAX_QUARANTINE_RAW_BYTES} bytes a quarantine item holds`);
  }
  return {
    pk: quarantinePartitionKey(origin.arrivedAt),
    sk: `${origin.shardId}#${origin.sequenceNumber}`,
    entityType: 'quarantine',
    reason: reason.slice(0, 1024),
    shardId: origin.shardId,
    sequenceNumber: origin.sequenceNumber,
    partitionKey: origin.partitionKey,
    arrivedAt: origin.arrivedAt.toISOString(),
    rawBytes: raw.byteLength,
    raw,
    ...expiry(origin.arrivedAt, retentionDays),
  };
}

export function itemKeyString(key: ItemKey): string {
  return `${key.pk}\n${key.sk}`;
}
