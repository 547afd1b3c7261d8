import { z } from 'zod';

/** Largest encoded event (UTF-8 JSON) the pipeline accepts; bigger records are quarantined. */
export const MAX_EVENT_BYTES = 8 * 1024;
/** How far ahead of its arrival in Kinesis an event may claim to have happened (device clock skew). */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
/** Events that claim to be older than this are treated as a device clock fault. */
export const EARLIEST_OCCURRED_AT = '2000-01-01T00:00:00.000Z';

const MAX_PAYLOAD_FIELDS = 50;
const MAX_PAYLOAD_STRING = 256;
// DynamoDB numbers are limited to 38 digits of precision between 1E-130 and 9.99E+125.
const MAX_NUMBER_MAGNITUDE = 1e125;
const MIN_NUMBER_MAGNITUDE = 1e-130;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// '#' is the separator inside the table's keys, so identifiers never contain it.
const identifier = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'letters, digits, ".", "_", ":" and "-", starting with a letter or digit');

const payloadValue = z.union([
  z
    .string()
    .max(MAX_PAYLOAD_STRING)
    .refine((value) => !LONE_SURROGATE.test(value), 'must be valid Unicode'),
  z
    .number()
    .refine((value) => value === 0 || (Math.abs(value) >= MIN_NUMBER_MAGNITUDE && Math.abs(value) <= MAX_NUMBER_MAGNITUDE), 'outside the range DynamoDB can store'),
  z.boolean(),
  z.null(),
]);

/**
 * A device event as producers put it on the Kinesis stream, version 1.
 * The human-readable description with an example is libs/stream/docs/device-events.md.
 */
export const deviceEventSchema = z.strictObject({
  schemaVersion: z.literal(1),
  /** Unique per event (a UUID is recommended); the idempotency key together with deviceId and occurredAt. */
  eventId: identifier(64),
  deviceId: identifier(64),
  branchId: identifier(32),
  eventType: z.string().regex(/^[a-z][a-z0-9_.-]{0,47}$/, 'lower-case letters, digits, "_", "." and "-", starting with a letter, at most 48 characters'),
  /** When the device observed the event: ISO-8601 with a time zone, e.g. 2025-03-14T09:26:53.589Z. */
  occurredAt: z.iso.datetime({ offset: true }),
  /** Flat readings: names to strings, numbers, booleans or null. */
  payload: z
    .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'a field name of letters, digits and "_", starting with a letter'), payloadValue)
    .refine((payload) => Object.keys(payload).length <= MAX_PAYLOAD_FIELDS, `at most ${MAX_PAYLOAD_FIELDS} fields`),
});

export type DeviceEventInput = z.infer<typeof deviceEventSchema>;

/** A validated event with occurredAt normalised to UTC with millisecond precision, so it sorts as a string. */
export interface DeviceEvent extends DeviceEventInput {
  readonly occurredAt: string;
}

export type DeviceEventParseResult = { readonly ok: true; readonly event: DeviceEvent } | { readonly ok: false; readonly reason: string };

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/**
 * Validates one decoded event. `arrivedAt` is when Kinesis accepted the record; using it (rather than
 * the clock) keeps the verdict the same when the record is replayed.
 */
export function parseDeviceEvent(input: unknown, arrivedAt: Date): DeviceEventParseResult {
  const parsed = deviceEventSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.slice(0, 3).map(describeIssue).join('; ') };
  const occurredAtMs = Date.parse(parsed.data.occurredAt);
  if (occurredAtMs < Date.parse(EARLIEST_OCCURRED_AT)) {
    return { ok: false, reason: `occurredAt: ${parsed.data.occurredAt} is before ${EARLIEST_OCCURRED_AT}` };
  }
  if (occurredAtMs > arrivedAt.getTime() + MAX_CLOCK_SKEW_MS) {
    return { ok: false, reason: `occurredAt: ${parsed.data.occurredAt} is more than ${MAX_CLOCK_SKEW_MS / 60000} minutes after the record reached Kinesis (${arrivedAt.toISOString()})` };
  }
  return { ok: true, event: { ...parsed.data, occurredAt: new Date(occurredAtMs).toISOString() } };
}
