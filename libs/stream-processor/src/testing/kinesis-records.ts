// For tests (@xyz/stream-processor/testing): device events, and Kinesis records shaped as Lambda delivers them.
import type { KinesisStreamEvent, KinesisStreamRecord } from 'aws-lambda';
import type { DeviceEventInput } from '@xyz/stream/contracts';

let sequence = 49_600_000_000_000_000_000_000_000_000_000_000_000_000_000_000n;

export function kinesisRecord(data: string | Uint8Array, options: { shardId?: string; partitionKey?: string; arrivedAt?: Date; sequenceNumber?: string } = {}): KinesisStreamRecord {
  const sequenceNumber = options.sequenceNumber ?? String((sequence += 1n));
  const shardId = options.shardId ?? 'shardId-000000000000';
  return {
    kinesis: {
      kinesisSchemaVersion: '1.0',
      partitionKey: options.partitionKey ?? 'pk',
      sequenceNumber,
      data: Buffer.from(data).toString('base64'),
      approximateArrivalTimestamp: (options.arrivedAt ?? new Date()).getTime() / 1000,
    },
    eventSource: 'aws:kinesis',
    eventVersion: '1.0',
    eventID: `${shardId}:${sequenceNumber}`,
    eventName: 'aws:kinesis:record',
    invokeIdentityArn: 'arn:aws:iam::000000000000:role/test',
    awsRegion: 'us-east-1',
    eventSourceARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/device-events',
  };
}

export function eventRecord(event: DeviceEventInput, options: Parameters<typeof kinesisRecord>[1] = {}): KinesisStreamRecord {
  return kinesisRecord(JSON.stringify(event), { partitionKey: event.deviceId, ...options });
}

export function batch(...records: KinesisStreamRecord[]): KinesisStreamEvent {
  return { Records: records };
}

let counter = 0;

export function deviceEvent(overrides: Partial<DeviceEventInput> = {}): DeviceEventInput {
  counter += 1;
  return {
    schemaVersion: 1,
    eventId: `evt-${String(counter).padStart(6, '0')}`,
    deviceId: 'dev-001',
    branchId: 'branch-001',
    eventType: 'reading',
    occurredAt: new Date(Date.now() - 60_000 + counter).toISOString(),
    payload: { temperatureC: 4.5, doorOpen: false },
    ...overrides,
  };
}
