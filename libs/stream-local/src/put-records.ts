import { type KinesisClient, PutRecordsCommand, type PutRecordsRequestEntry } from '@aws-sdk/client-kinesis';
import type { DeviceEventInput } from '@xyz/stream/contracts';

/** PutRecords' largest request. */
export const PUT_RECORDS_LIMIT = 500;

export interface PutOutcome {
  /** Entries Kinesis still refused after the retries, in input order. */
  readonly refused: PutRecordsRequestEntry[];
}

/** The entry a producer should put for an event: JSON, partitioned by device so a device's events stay in order. */
export function deviceEventEntry(event: DeviceEventInput): PutRecordsRequestEntry {
  return { Data: Buffer.from(JSON.stringify(event)), PartitionKey: event.deviceId };
}

/** Puts entries in PutRecords calls of at most 500, re-sending the ones Kinesis refused (throttling). */
export async function putRecords(kinesis: KinesisClient, streamName: string, entries: readonly PutRecordsRequestEntry[], attempts = 3): Promise<PutOutcome> {
  const refused: PutRecordsRequestEntry[] = [];
  for (let start = 0; start < entries.length; start += PUT_RECORDS_LIMIT) {
    let pending = entries.slice(start, start + PUT_RECORDS_LIMIT);
    for (let attempt = 1; pending.length > 0 && attempt <= attempts; attempt++) {
      const output = await kinesis.send(new PutRecordsCommand({ StreamName: streamName, Records: pending }));
      const results = output.Records ?? [];
      pending = pending.filter((_, i) => results[i]?.ErrorCode !== undefined || results[i]?.SequenceNumber === undefined);
    }
    refused.push(...pending);
  }
  return { refused };
}
