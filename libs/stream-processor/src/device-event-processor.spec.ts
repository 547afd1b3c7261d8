import { type TableItem, itemKeyString } from '@xyz/stream/contracts';
import { createDeviceEventProcessor } from './device-event-processor';
import type { ItemWriter, WriteOutcome } from './item-writer';
import { jsonLinesProcessorLog, PROCESSOR_METRICS_NAMESPACE } from './processor-log';
import { batch, deviceEvent, eventRecord } from './testing/kinesis-records';

/** A writer that refuses items by a rule and remembers what it was asked to write. */
function scriptedWriter(verdict: (item: TableItem) => 'ok' | 'fail' | 'reject'): ItemWriter & { calls: TableItem[][] } {
  const calls: TableItem[][] = [];
  return {
    calls,
    async write(items): Promise<WriteOutcome> {
      calls.push([...items]);
      const failed = new Set<string>();
      const rejected = new Map<string, string>();
      for (const item of items) {
        const outcome = verdict(item);
        if (outcome === 'fail') failed.add(itemKeyString(item));
        if (outcome === 'reject') rejected.set(itemKeyString(item), 'Item size has exceeded the maximum allowed size');
      }
      return { failed, rejected };
    },
  };
}

describe('createDeviceEventProcessor', () => {
  it('quarantines an event DynamoDB refuses as invalid instead of blocking the shard with it', async () => {
    const refused = deviceEvent();
    const fine = deviceEvent();
    const writer = scriptedWriter((item) => (item.entityType === 'event' && item.eventId === refused.eventId ? 'reject' : 'ok'));
    const handler = createDeviceEventProcessor({ writer });
    const response = await handler(batch(eventRecord(refused), eventRecord(fine)));
    expect(response.batchItemFailures).toEqual([]);
    expect(writer.calls).toHaveLength(2);
    expect(writer.calls[1]).toEqual([expect.objectContaining({ entityType: 'quarantine', reason: expect.stringContaining('DynamoDB rejected the item: Item size') })]);
    expect(Buffer.from((writer.calls[1][0] as { raw: Uint8Array }).raw).toString()).toBe(JSON.stringify(refused));
  });

  it('reports the record when its quarantine item cannot be written either', async () => {
    const refused = deviceEvent();
    const record = eventRecord(refused);
    const writer = scriptedWriter((item) => (item.entityType === 'event' ? 'reject' : 'fail'));
    const response = await createDeviceEventProcessor({ writer })(batch(record));
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: record.kinesis.sequenceNumber }]);
  });

  it('reports every record that shares an item that failed, in stream order', async () => {
    const event = deviceEvent();
    const first = eventRecord(event);
    const other = eventRecord(deviceEvent());
    const again = eventRecord(event);
    const writer = scriptedWriter((item) => (item.entityType === 'event' && item.eventId === event.eventId ? 'fail' : 'ok'));
    const response = await createDeviceEventProcessor({ writer })(batch(first, other, again));
    // One item for both records of the event (BatchWriteItem refuses duplicate keys in one request).
    expect(writer.calls[0]).toHaveLength(2);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: first.kinesis.sequenceNumber }, { itemIdentifier: again.kinesis.sequenceNumber }]);
  });
});

describe('jsonLinesProcessorLog', () => {
  it('writes the batch summary as an Embedded Metric Format document', () => {
    const lines: string[] = [];
    jsonLinesProcessorLog((line) => lines.push(line), 'xyz-prod-device-event-processor', () => 1_700_000_000_000).batch({
      records: 10,
      eventsWritten: 7,
      recordsQuarantined: 2,
      recordsFailed: 1,
      durationMs: 12,
    });
    const document = JSON.parse(lines[0]);
    expect(document._aws).toEqual({
      Timestamp: 1_700_000_000_000,
      CloudWatchMetrics: [
        {
          Namespace: PROCESSOR_METRICS_NAMESPACE,
          Dimensions: [['FunctionName']],
          Metrics: [
            { Name: 'EventsWritten', Unit: 'Count' },
            { Name: 'RecordsQuarantined', Unit: 'Count' },
            { Name: 'RecordsFailed', Unit: 'Count' },
          ],
        },
      ],
    });
    expect(document).toMatchObject({ FunctionName: 'xyz-prod-device-event-processor', EventsWritten: 7, RecordsQuarantined: 2, RecordsFailed: 1, level: 'warn' });
  });
});
