import { randomUUID } from 'node:crypto';
import type { KinesisStreamBatchResponse, KinesisStreamEvent, KinesisStreamRecord } from 'aws-lambda';

/** The event source mapping settings that decide how a batch is retried. */
export interface DeliverySettings {
  readonly maximumRetryAttempts: number;
  readonly bisectBatchOnFunctionError: boolean;
  /** FunctionResponseTypes includes ReportBatchItemFailures. */
  readonly reportBatchItemFailures: boolean;
  /** -1 for no limit. */
  readonly maximumRecordAgeSeconds: number;
  /** The function's timeout: an invocation still running after this counts as a function error. */
  readonly functionTimeoutMs: number;
}

export type DeliveryHandler = (event: KinesisStreamEvent) => Promise<KinesisStreamBatchResponse | void | null | undefined>;

/** What Lambda sends to an on-failure destination for a Kinesis batch: metadata, not the records. */
export interface DiscardedBatchRecord {
  readonly requestContext: { readonly requestId: string; readonly condition: 'RetryAttemptsExhausted' | 'RecordAgeExceeded'; readonly approximateInvokeCount: number };
  readonly timestamp: string;
  readonly KinesisBatchInfo: {
    readonly shardId: string;
    readonly startSequenceNumber: string;
    readonly endSequenceNumber: string;
    readonly approximateArrivalOfFirstRecord: string;
    readonly approximateArrivalOfLastRecord: string;
    readonly batchSize: number;
    readonly streamArn: string;
  };
}

export interface DeliveryCounters {
  invocations: number;
  functionErrors: number;
  partialFailures: number;
  retries: number;
  bisections: number;
  discardedRecords: number;
}

export interface DeliveryTarget {
  readonly shardId: string;
  readonly streamArn: string;
  readonly handler: DeliveryHandler;
  readonly settings: DeliverySettings;
  /** Everything up to and including this sequence number is done. */
  checkpoint(sequenceNumber: string): void;
  discard(record: DiscardedBatchRecord): void;
  readonly counters: DeliveryCounters;
  readonly now?: () => number;
}

type InvocationResult = { readonly kind: 'success' } | { readonly kind: 'partial'; readonly failedFrom: number } | { readonly kind: 'error'; readonly message: string };

/** Reads a handler's response the way Lambda does with ReportBatchItemFailures. */
function interpretResponse(batch: readonly KinesisStreamRecord[], response: unknown, settings: DeliverySettings): InvocationResult {
  if (!settings.reportBatchItemFailures || response === null || response === undefined) return { kind: 'success' };
  const failures = (response as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === null || failures === undefined) return { kind: 'success' };
  if (!Array.isArray(failures)) return { kind: 'error', message: 'batchItemFailures is not a list' };
  if (failures.length === 0) return { kind: 'success' };
  let lowest = batch.length;
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    const index = typeof id === 'string' && id ? batch.findIndex((record) => record.kinesis.sequenceNumber === id) : -1;
    // An empty, missing or unknown identifier makes Lambda treat the whole batch as failed.
    if (index < 0) return { kind: 'error', message: `invalid itemIdentifier ${JSON.stringify(id)}` };
    lowest = Math.min(lowest, index);
  }
  return { kind: 'partial', failedFrom: lowest };
}

async function invoke(target: DeliveryTarget, batch: readonly KinesisStreamRecord[]): Promise<InvocationResult> {
  target.counters.invocations++;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Task timed out after ${target.settings.functionTimeoutMs} ms`)), target.settings.functionTimeoutMs);
  });
  try {
    const response = await Promise.race([target.handler({ Records: [...batch] }), timeout]);
    return interpretResponse(batch, response, target.settings);
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

function discard(target: DeliveryTarget, records: readonly KinesisStreamRecord[], condition: DiscardedBatchRecord['requestContext']['condition'], invokeCount: number): void {
  const first = records[0];
  const last = records[records.length - 1];
  const arrival = (record: KinesisStreamRecord) => new Date(record.kinesis.approximateArrivalTimestamp * 1000).toISOString();
  target.counters.discardedRecords += records.length;
  target.discard({
    requestContext: { requestId: randomUUID(), condition, approximateInvokeCount: invokeCount },
    timestamp: new Date((target.now ?? Date.now)()).toISOString(),
    KinesisBatchInfo: {
      shardId: target.shardId,
      startSequenceNumber: first.kinesis.sequenceNumber,
      endSequenceNumber: last.kinesis.sequenceNumber,
      approximateArrivalOfFirstRecord: arrival(first),
      approximateArrivalOfLastRecord: arrival(last),
      batchSize: records.length,
      streamArn: target.streamArn,
    },
  });
  target.checkpoint(last.kinesis.sequenceNumber);
}

function expiredPrefixLength(target: DeliveryTarget, batch: readonly KinesisStreamRecord[]): number {
  const maxAge = target.settings.maximumRecordAgeSeconds;
  if (maxAge < 0) return 0;
  const oldestAllowed = (target.now ?? Date.now)() / 1000 - maxAge;
  const firstFresh = batch.findIndex((record) => record.kinesis.approximateArrivalTimestamp >= oldestAllowed);
  return firstFresh < 0 ? batch.length : firstFresh;
}

/**
 * Delivers one batch of a shard to the handler the way Lambda's Kinesis event source mapping does:
 *
 * - success: checkpoint after the last record;
 * - batchItemFailures: checkpoint before the lowest reported record and retry from it (with bisection
 *   on, Lambda splits at that record, which is the same thing);
 * - a function error (throw, timeout, invalid response): with bisection on, split the batch in two and
 *   deliver each half (splitting does not use up retries), otherwise retry the batch;
 * - retries exhausted, or records older than the maximum record age: send a discarded-batch record to
 *   the on-failure destination and checkpoint past the records.
 *
 * Retry attempts count consecutive invocations that made no progress: a retry that gets further along
 * the batch starts a fresh count for the rest.
 */
export async function deliverBatch(target: DeliveryTarget, batch: readonly KinesisStreamRecord[]): Promise<void> {
  let pending = batch;
  let retries = 0;
  let invokeCount = 0;
  while (pending.length > 0) {
    const expired = expiredPrefixLength(target, pending);
    if (expired > 0) {
      discard(target, pending.slice(0, expired), 'RecordAgeExceeded', invokeCount);
      pending = pending.slice(expired);
      continue;
    }
    invokeCount++;
    const result = await invoke(target, pending);
    if (result.kind === 'success') {
      target.checkpoint(pending[pending.length - 1].kinesis.sequenceNumber);
      return;
    }
    if (result.kind === 'partial') {
      target.counters.partialFailures++;
      if (result.failedFrom > 0) {
        target.checkpoint(pending[result.failedFrom - 1].kinesis.sequenceNumber);
        pending = pending.slice(result.failedFrom);
        retries = 0;
      }
    } else {
      target.counters.functionErrors++;
      if (target.settings.bisectBatchOnFunctionError && pending.length > 1) {
        target.counters.bisections++;
        const middle = Math.ceil(pending.length / 2);
        await deliverBatch(target, pending.slice(0, middle));
        await deliverBatch(target, pending.slice(middle));
        return;
      }
    }
    if (retries >= target.settings.maximumRetryAttempts) {
      discard(target, pending, 'RetryAttemptsExhausted', invokeCount);
      return;
    }
    retries++;
    target.counters.retries++;
  }
}
