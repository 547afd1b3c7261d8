import type { KinesisStreamRecord } from 'aws-lambda';
import { type DeviceEvent, MAX_EVENT_BYTES, parseDeviceEvent, type RecordOrigin } from '@xyz/stream/contracts';

export type DecodedRecord =
  | { readonly kind: 'event'; readonly origin: RecordOrigin; readonly raw: Uint8Array; readonly event: DeviceEvent }
  | { readonly kind: 'malformed'; readonly origin: RecordOrigin; readonly raw: Uint8Array; readonly reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The shard a record came from: Lambda sets eventID to "<shardId>:<sequenceNumber>". */
export function shardIdOf(record: KinesisStreamRecord): string {
  const separator = record.eventID.indexOf(':');
  return separator > 0 ? record.eventID.slice(0, separator) : 'unknown-shard';
}

export function originOf(record: KinesisStreamRecord): RecordOrigin {
  return {
    shardId: shardIdOf(record),
    sequenceNumber: record.kinesis.sequenceNumber,
    partitionKey: record.kinesis.partitionKey,
    arrivedAt: new Date(Math.round(record.kinesis.approximateArrivalTimestamp * 1000)),
  };
}

/** Decodes and validates one stream record. Never throws: anything unusable is 'malformed' with a reason. */
export function decodeRecord(record: KinesisStreamRecord): DecodedRecord {
  const origin = originOf(record);
  const raw = Buffer.from(record.kinesis.data, 'base64');
  const malformed = (reason: string): DecodedRecord => ({ kind: 'malformed', origin, raw, reason });
  if (raw.byteLength > MAX_EVENT_BYTES) return malformed(`record is ${raw.byteLength} bytes; events are at most ${MAX_EVENT_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(utf8.decode(raw));
  } catch (error) {
    return malformed(error instanceof SyntaxError ? `not JSON: ${error.message}` : 'not UTF-8 text');
  }
  const parsed = parseDeviceEvent(json, origin.arrivedAt);
  return parsed.ok ? { kind: 'event', origin, raw, event: parsed.event } : malformed(parsed.reason);
}
