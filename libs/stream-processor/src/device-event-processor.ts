import type { KinesisStreamBatchResponse, KinesisStreamEvent } from 'aws-lambda';
import { MAX_QUARANTINE_RAW_BYTES, type TableItem, deviceEventItem, itemKeyString, quarantineItem } from '@xyz/stream/contracts';
import { type DecodedRecord, decodeRecord } from './decode-record';
import type { ItemWriter } from './item-writer';
import { type ProcessorLog, type RecordProblem, silentProcessorLog } from './processor-log';

export interface DeviceEventProcessorOptions {
  readonly writer: ItemWriter;
  /** Days after occurredAt (arrival, for quarantined records) that DynamoDB's TTL deletes an item. @default kept forever */
  readonly retentionDays?: number;
  /** @default silent */
  readonly log?: ProcessorLog;
  /** @default Date.now */
  readonly now?: () => number;
}

export type KinesisBatchHandler = (event: KinesisStreamEvent) => Promise<KinesisStreamBatchResponse>;

/** One item to write and the records (indexes in the batch) that depend on it. */
interface PlannedWrite {
  item: TableItem;
  readonly source: DecodedRecord;
  readonly recordIndexes: number[];
  failed: boolean;
}

/**
 * Builds the Lambda handler for the device event stream (FunctionResponseTypes ReportBatchItemFailures).
 *
 * - Every record is validated against the device event schema.
 * - A valid event becomes one item whose key is derived from the event, so replays and producer
 *   retries overwrite the same item: no duplicates, nothing counted twice.
 * - A malformed record is quarantined (an item with its raw bytes and the reason), so the shard keeps
 *   flowing and nothing is dropped silently.
 * - Only records whose writes failed are reported; Lambda retries from the lowest of them and, once the
 *   mapping's retries are spent, sends the range to the dead-letter queue.
 */
export function createDeviceEventProcessor(options: DeviceEventProcessorOptions): KinesisBatchHandler {
  const log = options.log ?? silentProcessorLog;
  const now = options.now ?? Date.now;

  return async (event) => {
    const started = now();
    const records = event.Records;
    const unwritable: number[] = [];
    const plan = new Map<string, PlannedWrite>();

    records.map(decodeRecord).forEach((source, index) => {
      if (source.raw.byteLength > MAX_QUARANTINE_RAW_BYTES) {
        unwritable.push(index);
        log.record(problem('error', 'record too large to quarantine; reported as failed so it reaches the dead-letter queue', source));
        return;
      }
      const item = source.kind === 'event' ? deviceEventItem(source.event, source.origin, options.retentionDays) : quarantine(source, source.reason, options, log);
      // A batch can hold the same event twice (a producer retry), and BatchWriteItem refuses duplicate keys.
      const key = itemKeyString(item);
      const existing = plan.get(key);
      if (existing) existing.recordIndexes.push(index);
      else plan.set(key, { item, source, recordIndexes: [index], failed: false });
    });

    const writes = [...plan.values()];
    await writeAll(writes, options, log);

    const failedIndexes = [...unwritable, ...writes.filter((write) => write.failed).flatMap((write) => write.recordIndexes)].sort((a, b) => a - b);
    const succeeded = writes.filter((write) => !write.failed);
    log.batch({
      records: records.length,
      eventsWritten: succeeded.filter((write) => write.item.entityType === 'event').reduce((sum, write) => sum + write.recordIndexes.length, 0),
      recordsQuarantined: succeeded.filter((write) => write.item.entityType === 'quarantine').reduce((sum, write) => sum + write.recordIndexes.length, 0),
      recordsFailed: failedIndexes.length,
      durationMs: now() - started,
    });
    return { batchItemFailures: failedIndexes.map((index) => ({ itemIdentifier: records[index].kinesis.sequenceNumber })) };
  };
}

function problem(level: RecordProblem['level'], message: string, source: DecodedRecord, reason = ''): RecordProblem {
  return { level, message, shardId: source.origin.shardId, sequenceNumber: source.origin.sequenceNumber, reason };
}

function quarantine(source: DecodedRecord, reason: string, options: DeviceEventProcessorOptions, log: ProcessorLog): TableItem {
  log.record(problem('warn', 'record quarantined', source, reason));
  return quarantineItem(source.raw, reason, source.origin, options.retentionDays);
}

/**
 * Writes the planned items. Items DynamoDB refuses as invalid (the schema should prevent that; this is
 * defence in depth) are quarantined with DynamoDB's message instead, so they do not block the shard.
 */
async function writeAll(writes: PlannedWrite[], options: DeviceEventProcessorOptions, log: ProcessorLog): Promise<void> {
  const first = await options.writer.write(writes.map((write) => write.item));
  const retry: PlannedWrite[] = [];
  for (const write of writes) {
    const key = itemKeyString(write.item);
    const rejection = first.rejected.get(key);
    if (rejection !== undefined && write.item.entityType === 'event') {
      write.item = quarantine(write.source, `DynamoDB rejected the item: ${rejection}`, options, log);
      retry.push(write);
    } else if (first.failed.has(key) || rejection !== undefined) {
      write.failed = true;
    }
  }
  if (retry.length === 0) return;
  const second = await options.writer.write(retry.map((write) => write.item));
  for (const write of retry) {
    const key = itemKeyString(write.item);
    if (second.failed.has(key) || second.rejected.has(key)) write.failed = true;
  }
}
