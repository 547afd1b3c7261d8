import type { KinesisStreamRecord } from 'aws-lambda';
import { kinesisRecord } from '@xyz/stream-processor/testing';
import { type DeliveryHandler, type DeliverySettings, type DeliveryTarget, type DiscardedBatchRecord, deliverBatch } from './batch-delivery';

const settings: DeliverySettings = {
  maximumRetryAttempts: 2,
  bisectBatchOnFunctionError: true,
  reportBatchItemFailures: true,
  maximumRecordAgeSeconds: -1,
  functionTimeoutMs: 1000,
};

interface Harness {
  readonly target: DeliveryTarget;
  readonly invocations: string[][];
  readonly checkpoints: string[];
  readonly discarded: DiscardedBatchRecord[];
}

function harness(handler: DeliveryHandler, overrides: Partial<DeliverySettings> = {}, now?: () => number): Harness {
  const invocations: string[][] = [];
  const checkpoints: string[] = [];
  const discarded: DiscardedBatchRecord[] = [];
  const target: DeliveryTarget = {
    shardId: 'shardId-000000000001',
    streamArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/s',
    settings: { ...settings, ...overrides },
    handler: async (event) => {
      invocations.push(event.Records.map(label));
      return handler(event);
    },
    checkpoint: (sequenceNumber) => checkpoints.push(sequenceNumber),
    discard: (record) => discarded.push(record),
    counters: { invocations: 0, functionErrors: 0, partialFailures: 0, retries: 0, bisections: 0, discardedRecords: 0 },
    now,
  };
  return { target, invocations, checkpoints, discarded };
}

const records = (...labels: string[]) => labels.map((label, i) => kinesisRecord(label, { sequenceNumber: String(1000 + i) }));
const label = (record: KinesisStreamRecord) => Buffer.from(record.kinesis.data, 'base64').toString();
const seq = (all: KinesisStreamRecord[], name: string) => all.find((record) => label(record) === name)!.kinesis.sequenceNumber;

describe('deliverBatch (the event source mapping rules)', () => {
  it('checkpoints after the last record of a successful batch', async () => {
    const batch = records('a', 'b', 'c');
    const h = harness(async () => ({ batchItemFailures: [] }));
    await deliverBatch(h.target, batch);
    expect(h.invocations).toEqual([['a', 'b', 'c']]);
    expect(h.checkpoints).toEqual([seq(batch, 'c')]);
    expect(h.discarded).toEqual([]);
  });

  it('on batchItemFailures checkpoints before the lowest failure and retries from it', async () => {
    const batch = records('a', 'b', 'c', 'd');
    let calls = 0;
    const h = harness(async () => {
      calls++;
      // First call: c and d fail (reported out of order); second call: everything succeeds.
      return calls === 1 ? { batchItemFailures: [{ itemIdentifier: seq(batch, 'd') }, { itemIdentifier: seq(batch, 'c') }] } : { batchItemFailures: [] };
    });
    await deliverBatch(h.target, batch);
    expect(h.invocations).toEqual([
      ['a', 'b', 'c', 'd'],
      ['c', 'd'],
    ]);
    expect(h.checkpoints).toEqual([seq(batch, 'b'), seq(batch, 'd')]);
    expect(h.target.counters.partialFailures).toBe(1);
  });

  it('sends a record that keeps failing to the on-failure destination after the retries, then moves on', async () => {
    const batch = records('a', 'poison', 'c');
    const h = harness(async (event) => ({
      batchItemFailures: event.Records.filter((record) => label(record) === 'poison').map((record) => ({ itemIdentifier: record.kinesis.sequenceNumber })),
    }));
    await deliverBatch(h.target, batch);
    // One try and two retries of the remainder, then it is discarded (c included: Lambda retries from the checkpoint).
    expect(h.invocations).toEqual([['a', 'poison', 'c'], ['poison', 'c'], ['poison', 'c']]);
    expect(h.discarded).toHaveLength(1);
    expect(h.discarded[0].requestContext.condition).toBe('RetryAttemptsExhausted');
    expect(h.discarded[0].KinesisBatchInfo).toMatchObject({
      shardId: 'shardId-000000000001',
      startSequenceNumber: seq(batch, 'poison'),
      endSequenceNumber: seq(batch, 'c'),
      batchSize: 2,
    });
    expect(h.checkpoints.at(-1)).toBe(seq(batch, 'c'));
  });

  it('bisects a batch whose invocation throws until the bad record is alone, without using up retries', async () => {
    const batch = records('a', 'b', 'poison', 'd');
    const h = harness(async (event) => {
      if (event.Records.some((record) => label(record) === 'poison')) throw new Error('boom');
      return undefined;
    });
    await deliverBatch(h.target, batch);
    expect(h.invocations).toEqual([
      ['a', 'b', 'poison', 'd'],
      ['a', 'b'],
      ['poison', 'd'],
      ['poison'],
      ['poison'],
      ['poison'],
      ['d'],
    ]);
    expect(h.discarded.map((record) => record.KinesisBatchInfo.startSequenceNumber)).toEqual([seq(batch, 'poison')]);
    expect(h.checkpoints).toEqual([seq(batch, 'b'), seq(batch, 'poison'), seq(batch, 'd')]);
    expect(h.target.counters.bisections).toBe(2);
  });

  it('retries the whole batch without bisecting when bisection is off', async () => {
    const batch = records('a', 'b');
    const h = harness(
      async () => {
        throw new Error('boom');
      },
      { bisectBatchOnFunctionError: false, maximumRetryAttempts: 1 },
    );
    await deliverBatch(h.target, batch);
    expect(h.invocations).toEqual([
      ['a', 'b'],
      ['a', 'b'],
    ]);
    expect(h.discarded[0].KinesisBatchInfo.batchSize).toBe(2);
  });

  it('treats an unknown or empty itemIdentifier as a failure of the whole batch', async () => {
    const batch = records('a', 'b');
    let calls = 0;
    const h = harness(async () => (++calls === 1 ? { batchItemFailures: [{ itemIdentifier: '' }] } : { batchItemFailures: [] }), { bisectBatchOnFunctionError: false });
    await deliverBatch(h.target, batch);
    expect(h.invocations).toEqual([
      ['a', 'b'],
      ['a', 'b'],
    ]);
    expect(h.target.counters.functionErrors).toBe(1);
  });

  it('counts an invocation that outlives the function timeout as an error', async () => {
    const batch = records('a');
    let calls = 0;
    const h = harness(
      () => (++calls === 1 ? new Promise((resolve) => setTimeout(resolve, 200)) : Promise.resolve(undefined)),
      { functionTimeoutMs: 20 },
    );
    await deliverBatch(h.target, batch);
    expect(h.invocations).toHaveLength(2);
    expect(h.target.counters.functionErrors).toBe(1);
    expect(h.discarded).toEqual([]);
  });

  it('discards records older than the maximum record age without invoking the function', async () => {
    const now = Date.now();
    const batch = [kinesisRecord('old', { arrivedAt: new Date(now - 120_000), sequenceNumber: '1' }), kinesisRecord('fresh', { arrivedAt: new Date(now), sequenceNumber: '2' })];
    const h = harness(async () => undefined, { maximumRecordAgeSeconds: 60 }, () => now);
    await deliverBatch(h.target, batch);
    expect(h.invocations).toEqual([['fresh']]);
    expect(h.discarded).toHaveLength(1);
    expect(h.discarded[0].requestContext.condition).toBe('RecordAgeExceeded');
    expect(h.discarded[0].KinesisBatchInfo.startSequenceNumber).toBe('1');
    expect(h.checkpoints).toEqual(['1', '2']);
  });

  it('ignores batchItemFailures when the mapping does not report batch item failures', async () => {
    const batch = records('a', 'b');
    const h = harness(async () => ({ batchItemFailures: [{ itemIdentifier: seq(batch, 'a') }] }), { reportBatchItemFailures: false });
    await deliverBatch(h.target, batch);
    expect(h.invocations).toHaveLength(1);
    expect(h.checkpoints).toEqual([seq(batch, 'b')]);
  });
});
