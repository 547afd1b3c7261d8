// The processor against a real DynamoDB wire protocol: dynalite on 127.0.0.1, started by this test.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { KinesisStreamRecord } from 'aws-lambda';
import { branchEventsQuery, latestDeviceEventQuery, quarantinedRecordsQuery } from '@xyz/stream/contracts';
import { type BatchSummary, createDeviceEventProcessor, DynamoDbItemWriter, type KinesisBatchHandler } from '@xyz/stream-processor';
import { batch, deviceEvent, eventRecord, kinesisRecord } from '@xyz/stream-processor/testing';
import { type RunningEmulator, startDynalite } from '../src/emulators';
import { localDocumentClient, localDynamoDbClient } from '../src/local-clients';
import { createDeviceEventTable } from '../src/local-resources';

jest.setTimeout(30_000);

let dynamo: RunningEmulator;
let client: DynamoDBClient;
let documents: DynamoDBDocumentClient;
let tableNumber = 0;

beforeAll(async () => {
  dynamo = await startDynalite();
  client = localDynamoDbClient(dynamo.endpoint);
  documents = localDocumentClient(client);
});

afterAll(async () => {
  client.destroy();
  await dynamo.stop();
});

/** A fresh table and a processor writing to it through its own client. */
async function freshProcessor(configure?: (processorClient: DynamoDBClient) => void) {
  const tableName = `device-events-${++tableNumber}`;
  await createDeviceEventTable(client, tableName);
  const processorClient = localDynamoDbClient(dynamo.endpoint);
  configure?.(processorClient);
  const summaries: BatchSummary[] = [];
  const handler: KinesisBatchHandler = createDeviceEventProcessor({
    writer: new DynamoDbItemWriter(localDocumentClient(processorClient), tableName, { retryBaseDelayMs: 1 }),
    retentionDays: 90,
    log: { batch: (summary) => summaries.push(summary), record: () => undefined },
  });
  return { tableName, handler, summaries, close: () => processorClient.destroy() };
}

async function allItems(tableName: string): Promise<Record<string, unknown>[]> {
  const output = await documents.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
  return output.Items ?? [];
}

const sequenceNumbers = (records: KinesisStreamRecord[]) => records.map((record) => ({ itemIdentifier: record.kinesis.sequenceNumber }));

describe('the device event processor against dynalite', () => {
  it('writes valid events so that both designed reads answer correctly', async () => {
    const p = await freshProcessor();
    const older = deviceEvent({ deviceId: 'dev-a', branchId: 'branch-1', occurredAt: '2025-03-14T09:00:00.000Z', payload: { temperatureC: 3 } });
    const newer = deviceEvent({ deviceId: 'dev-a', branchId: 'branch-1', occurredAt: '2025-03-14T09:05:00.000Z', payload: { temperatureC: 7 } });
    const otherDevice = deviceEvent({ deviceId: 'dev-b', branchId: 'branch-1', occurredAt: '2025-03-14T09:10:00.000Z' });
    const otherBranch = deviceEvent({ deviceId: 'dev-c', branchId: 'branch-2', occurredAt: '2025-03-14T09:02:00.000Z' });
    const arrivedAt = new Date('2025-03-14T09:10:01.000Z');
    // The newer reading arrives first: the latest state must still be the newer one.
    const response = await p.handler(batch(...[newer, older, otherDevice, otherBranch].map((event) => eventRecord(event, { arrivedAt }))));
    expect(response).toEqual({ batchItemFailures: [] });

    const latest = await documents.send(new QueryCommand(latestDeviceEventQuery(p.tableName, 'dev-a')));
    expect(latest.Items).toEqual([
      expect.objectContaining({ eventId: newer.eventId, payload: { temperatureC: 7 }, branchId: 'branch-1', arrivedAt: arrivedAt.toISOString(), entityType: 'event' }),
    ]);
    expect(latest.Items![0]['expiresAt']).toBe(Date.parse(newer.occurredAt) / 1000 + 90 * 86_400);

    const window = await documents.send(new QueryCommand(branchEventsQuery(p.tableName, 'branch-1', new Date('2025-03-14T09:00:00.000Z'), new Date('2025-03-14T09:10:00.000Z'))));
    // Half-open window: 09:00 is in, 09:10 is out, branch-2 never.
    expect(window.Items!.map((item) => item['eventId'])).toEqual([older.eventId, newer.eventId]);
    expect(p.summaries).toEqual([expect.objectContaining({ records: 4, eventsWritten: 4, recordsQuarantined: 0, recordsFailed: 0 })]);
    p.close();
  });

  it('quarantines malformed records with their raw bytes and reason, and reports no failure for them', async () => {
    const p = await freshProcessor();
    const arrivedAt = new Date('2025-03-14T12:00:00.000Z');
    const good = eventRecord(deviceEvent({ occurredAt: '2025-03-14T11:59:59.000Z' }), { arrivedAt });
    const notJson = kinesisRecord('temperature=4.5', { arrivedAt });
    const notUtf8 = kinesisRecord(Uint8Array.from([0xff, 0xfe, 0x7b]), { arrivedAt });
    const invalid = eventRecord({ ...deviceEvent(), eventType: 'Has Spaces' }, { arrivedAt });
    const tooLargeForAnEvent = kinesisRecord(JSON.stringify({ ...deviceEvent(), payload: { blob: 'x'.repeat(9000) } }), { arrivedAt });
    const response = await p.handler(batch(good, notJson, notUtf8, invalid, tooLargeForAnEvent));
    expect(response.batchItemFailures).toEqual([]);

    const quarantined = await documents.send(new QueryCommand(quarantinedRecordsQuery(p.tableName, arrivedAt)));
    const bySequence = new Map((quarantined.Items ?? []).map((item) => [item['sequenceNumber'], item]));
    expect(bySequence.size).toBe(4);
    for (const [record, reason] of [
      [notJson, /not JSON/],
      [notUtf8, /not UTF-8/],
      [invalid, /eventType/],
      [tooLargeForAnEvent, /events are at most 8192 bytes/],
    ] as const) {
      const item = bySequence.get(record.kinesis.sequenceNumber)!;
      expect(item['reason']).toMatch(reason);
      expect(Buffer.from(item['raw'] as Uint8Array).equals(Buffer.from(record.kinesis.data, 'base64'))).toBe(true);
      expect(item).toMatchObject({ entityType: 'quarantine', shardId: 'shardId-000000000000', partitionKey: record.kinesis.partitionKey });
    }
    const events = (await allItems(p.tableName)).filter((item) => item['entityType'] === 'event');
    expect(events).toHaveLength(1);
    expect(p.summaries[0]).toMatchObject({ eventsWritten: 1, recordsQuarantined: 4, recordsFailed: 0 });
    p.close();
  });

  it('reports a record too large even to quarantine as failed, so the mapping sends it to the dead-letter queue', async () => {
    const p = await freshProcessor();
    const huge = kinesisRecord('x'.repeat(400_000));
    const good = eventRecord(deviceEvent());
    const response = await p.handler(batch(good, huge));
    expect(response.batchItemFailures).toEqual(sequenceNumbers([huge]));
    expect(await allItems(p.tableName)).toHaveLength(1);
    p.close();
  });

  it('reports exactly the records whose items DynamoDB kept leaving unprocessed', async () => {
    const stuck = new Set<string>();
    // Stand-in for throttling on some partitions: those items always come back in UnprocessedItems.
    const p = await freshProcessor((processorClient) =>
      processorClient.middlewareStack.add(
        (next, context) => async (args) => {
          if (context.commandName !== 'BatchWriteItemCommand') return next(args);
          const input = args.input as { RequestItems: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> };
          const [table, requests] = Object.entries(input.RequestItems)[0];
          const held = requests.filter((request) => stuck.has(String(request.PutRequest.Item['eventId'])));
          input.RequestItems[table] = requests.filter((request) => !held.includes(request));
          const result = input.RequestItems[table].length > 0 ? await next(args) : { output: { $metadata: {} }, response: {} };
          (result.output as { UnprocessedItems?: unknown }).UnprocessedItems = held.length ? { [table]: held } : {};
          return result;
        },
        { step: 'initialize', name: 'holdSomeItems' },
      ),
    );
    const events = Array.from({ length: 30 }, (_, i) => deviceEvent({ deviceId: `dev-${i % 4}` }));
    const records = events.map((event) => eventRecord(event));
    stuck.add(events[3].eventId).add(events[27].eventId);

    const response = await p.handler(batch(...records));
    expect(response.batchItemFailures).toEqual(sequenceNumbers([records[3], records[27]]));
    const written = new Set((await allItems(p.tableName)).map((item) => item['eventId']));
    expect(written.size).toBe(28);
    expect(written.has(events[3].eventId) || written.has(events[27].eventId)).toBe(false);
    expect(p.summaries[0]).toMatchObject({ eventsWritten: 28, recordsFailed: 2 });

    // Lambda retries from the lowest failed record: the replay writes the rest and duplicates nothing.
    stuck.clear();
    const retry = await p.handler(batch(...records.slice(3)));
    expect(retry.batchItemFailures).toEqual([]);
    const items = await allItems(p.tableName);
    expect(items).toHaveLength(30);
    expect(new Set(items.map((item) => item['eventId'])).size).toBe(30);
    p.close();
  });

  it('is idempotent: replayed batches and producer duplicates leave one item per event', async () => {
    const p = await freshProcessor();
    const events = Array.from({ length: 10 }, (_, i) => deviceEvent({ deviceId: `dev-${i % 3}` }));
    const records = events.map((event) => eventRecord(event));
    // A producer retry put events[0] on the stream a second time, as another record of the same batch.
    const producerDuplicate = eventRecord(events[0]);

    expect((await p.handler(batch(...records, producerDuplicate))).batchItemFailures).toEqual([]);
    const first = await allItems(p.tableName);
    expect(first).toHaveLength(10);

    // The whole batch again (Lambda retrying after a timeout), then an older part of it on its own.
    expect((await p.handler(batch(...records, producerDuplicate))).batchItemFailures).toEqual([]);
    expect((await p.handler(batch(...records.slice(0, 4)))).batchItemFailures).toEqual([]);
    const after = await allItems(p.tableName);
    expect(after).toHaveLength(10);
    const byKey = (items: Record<string, unknown>[]) => new Map(items.map((item) => [`${item['pk']} ${item['sk']}`, item]));
    expect(byKey(after)).toEqual(byKey(first));

    // Replaying an old event does not move a device's latest state backwards.
    const latestBefore = await documents.send(new QueryCommand(latestDeviceEventQuery(p.tableName, 'dev-0')));
    await p.handler(batch(eventRecord(events[0])));
    const latestAfter = await documents.send(new QueryCommand(latestDeviceEventQuery(p.tableName, 'dev-0')));
    expect(latestAfter.Items).toEqual(latestBefore.Items);
    expect(latestAfter.Items![0]['eventId']).toBe(events[9].eventId);
    p.close();
  });
});

describe('DynamoDbItemWriter against dynalite', () => {
  it('isolates an item DynamoDB refuses, writing the rest of its chunk', async () => {
    const small = await startDynalite(2);
    const smallClient = localDynamoDbClient(small.endpoint);
    try {
      await createDeviceEventTable(smallClient, 'small-items');
      const writer = new DynamoDbItemWriter(localDocumentClient(smallClient), 'small-items');
      const item = (sk: string, size: number) =>
        ({ pk: 'DEVICE#d', sk, entityType: 'quarantine', reason: 'r', shardId: 's', sequenceNumber: sk, partitionKey: 'p', arrivedAt: 'a', rawBytes: size, raw: new Uint8Array(size) }) as const;
      const outcome = await writer.write([item('1', 10), item('2', 4000), item('3', 10)]);
      expect([...outcome.rejected.keys()]).toEqual(['DEVICE#d\n2']);
      expect(outcome.rejected.get('DEVICE#d\n2')).toMatch(/size/i);
      expect(outcome.failed.size).toBe(0);
      const stored = await localDocumentClient(smallClient).send(new ScanCommand({ TableName: 'small-items' }));
      expect(stored.Items!.map((stored) => stored['sk']).sort()).toEqual(['1', '3']);
    } finally {
      smallClient.destroy();
      await small.stop();
    }
  });
});
