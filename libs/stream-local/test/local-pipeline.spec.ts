// End to end on this machine: kinesalite -> emulated event source mapping -> the processor -> dynalite.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { DeviceEventInput } from '@xyz/stream/contracts';
import { deviceEvent } from '@xyz/stream-processor/testing';
import { loadTopology } from '@xyz/topology';
import { type LocalPipeline, type LocalPipelineOptions, startLocalPipeline } from '../src/local-pipeline';
import { deviceEventEntry, putRecords } from '../src/put-records';

jest.setTimeout(60_000);

/** The production settings (4 shards, batches of 100, 3 retries), with a faster poll so the test does not wait a second per batch. */
const settings = loadTopology('production').stream;
const POLL_INTERVAL_MS = 100;

let pipeline: LocalPipeline | undefined;

async function start(options: Partial<LocalPipelineOptions> = {}): Promise<LocalPipeline> {
  pipeline = await startLocalPipeline({ settings, pollIntervalMs: POLL_INTERVAL_MS, ...options });
  return pipeline;
}

afterEach(async () => {
  await pipeline?.stop();
  pipeline = undefined;
});

async function tableItems(p: LocalPipeline): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await p.documentClient.send(new ScanCommand({ TableName: p.tableName, ConsistentRead: true, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function fleetEvents(count: number, devices = 40): DeviceEventInput[] {
  return Array.from({ length: count }, (_, i) => deviceEvent({ deviceId: `dev-${i % devices}`, branchId: `branch-${i % 5}` }));
}

async function put(p: LocalPipeline, events: readonly DeviceEventInput[]): Promise<void> {
  const { refused } = await putRecords(p.kinesis, p.streamName, events.map(deviceEventEntry));
  expect(refused).toEqual([]);
}

/** eventId -> number of event items. */
function eventCounts(items: Record<string, unknown>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) if (item['entityType'] === 'event') counts.set(String(item['eventId']), (counts.get(String(item['eventId'])) ?? 0) + 1);
  return counts;
}

function expectExactlyOnce(items: Record<string, unknown>[], events: readonly DeviceEventInput[]): void {
  const counts = eventCounts(items);
  expect(counts.size).toBe(events.length);
  expect([...counts.values()].every((count) => count === 1)).toBe(true);
  expect(events.every((event) => counts.has(event.eventId))).toBe(true);
}

describe('the local pipeline', () => {
  it('carries events from all four shards into the table exactly once and checkpoints every shard', async () => {
    const p = await start();
    const events = fleetEvents(400);
    await put(p, events);
    const items = await eventually(() => tableItems(p), (found) => found.length >= events.length);
    expectExactlyOnce(items, events);
    expect(new Set(items.map((item) => item['shardId']))).toEqual(new Set(['shardId-000000000000', 'shardId-000000000001', 'shardId-000000000002', 'shardId-000000000003']));
    expect(p.mapping.checkpoints.size).toBe(4);
    expect(p.mapping.deadLetters).toEqual([]);
  });

  it('retries the records a batch reported as failed, and the replays duplicate nothing', async () => {
    const events = fleetEvents(200);
    // Each flaky event's first two BatchWriteItem calls fail as a DynamoDB server error would; with 3
    // retries allowed, the third attempt gets through.
    const faultsLeft = new Map([
      [events[10].eventId, 2],
      [events[150].eventId, 2],
    ]);
    const p = await start({
      configureProcessorClient: (client) =>
        client.middlewareStack.add(
          (next, context) => async (args) => {
            const requests = Object.values((args.input as { RequestItems?: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> }).RequestItems ?? {}).flat();
            const flaky = requests.map((request) => String(request.PutRequest.Item['eventId'])).filter((id) => (faultsLeft.get(id) ?? 0) > 0);
            if (context.commandName === 'BatchWriteItemCommand' && flaky.length > 0) {
              flaky.forEach((id) => faultsLeft.set(id, (faultsLeft.get(id) ?? 0) - 1));
              throw Object.assign(new Error('injected'), { name: 'InternalServerError' });
            }
            return next(args);
          },
          { step: 'initialize', name: 'injectFaults' },
        ),
    });
    await put(p, events);
    const items = await eventually(() => tableItems(p), (found) => found.length >= events.length);
    expectExactlyOnce(items, events);
    expect([...faultsLeft.values()]).toEqual([0, 0]);
    expect(p.mapping.counters.partialFailures).toBeGreaterThanOrEqual(2);
    expect(p.mapping.counters.retries).toBeGreaterThanOrEqual(2);
    expect(p.mapping.deadLetters).toEqual([]);
  });

  it('bisects a batch whose invocation crashes and dead-letters only the record that causes it', async () => {
    const events = fleetEvents(60, 1); // one device, so one shard and one ordered batch
    const poison = events[37];
    const p = await start({
      wrapHandler: (processor) => async (event) => {
        if (event.Records.some((record) => Buffer.from(record.kinesis.data, 'base64').toString().includes(poison.eventId))) throw new Error('processor crashed');
        return processor(event);
      },
    });
    await put(p, events);
    await eventually(
      async () => p.mapping.deadLetters.length,
      (count) => count > 0,
    );
    const items = await eventually(() => tableItems(p), (found) => found.length >= events.length - 1);
    expectExactlyOnce(
      items,
      events.filter((event) => event !== poison),
    );
    expect(p.mapping.counters.bisections).toBeGreaterThan(0);
    expect(p.mapping.deadLetters).toHaveLength(1);
    const [dead] = p.mapping.deadLetters;
    expect(dead.requestContext.condition).toBe('RetryAttemptsExhausted');
    expect(dead.KinesisBatchInfo.batchSize).toBe(1);
    expect(dead.KinesisBatchInfo.streamArn).toBe(p.streamArn);
  });

  it('quarantines a malformed record without holding up the events behind it', async () => {
    const p = await start();
    const before = fleetEvents(20, 1);
    const after = fleetEvents(20, 1);
    await putRecords(p.kinesis, p.streamName, [...before.map(deviceEventEntry), { Data: Buffer.from('{"schemaVersion":1'), PartitionKey: 'dev-0' }, ...after.map(deviceEventEntry)]);
    const items = await eventually(() => tableItems(p), (found) => found.length >= 41);
    expectExactlyOnce(items, [...before, ...after]);
    expect(items.filter((item) => item['entityType'] === 'quarantine')).toEqual([expect.objectContaining({ reason: expect.stringMatching(/^not JSON/), partitionKey: 'dev-0' })]);
    expect(p.mapping.deadLetters).toEqual([]);
  });

  it('resumes after its checkpoints when restarted, and re-reading the whole stream duplicates nothing', async () => {
    const delivered: string[] = [];
    const p = await start({
      wrapHandler: (processor) => (event) => {
        delivered.push(...event.Records.map((record) => JSON.parse(Buffer.from(record.kinesis.data, 'base64').toString()).eventId));
        return processor(event);
      },
    });
    const first = fleetEvents(100);
    await put(p, first);
    await eventually(() => tableItems(p), (found) => found.length >= first.length);
    await p.mapping.stop();

    const second = fleetEvents(100);
    await put(p, second);
    delivered.length = 0;
    await p.restart();
    const items = await eventually(() => tableItems(p), (found) => found.length >= first.length + second.length);
    expectExactlyOnce(items, [...first, ...second]);
    // Only what came after the checkpoints was delivered again.
    expect(new Set(delivered)).toEqual(new Set(second.map((event) => event.eventId)));

    // Lost checkpoints: the stream is read again from TRIM_HORIZON and every record is processed twice.
    delivered.length = 0;
    await p.restart(new Map());
    await eventually(
      async () => new Set(delivered).size,
      (size) => size === first.length + second.length,
    );
    expect(new Set(delivered).size).toBe(first.length + second.length);
    expectExactlyOnce(await tableItems(p), [...first, ...second]);
  });
});
