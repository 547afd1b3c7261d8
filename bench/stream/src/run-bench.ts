import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import * as local from '@xyz/stream-local';
import type { StreamSettings } from '@xyz/topology';
import type { BenchOptions } from './bench-options';
import { createRecordFactory, runPacedLoad } from './load-generator';
import { type LatencySummary, summarise } from './percentiles';
import { scanTable } from './scan-table';
import { VisibilityTracker } from './visibility-tracker';

export interface BenchResult {
  readonly offeredRatePerSecond: number;
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
  readonly shards: number;
  readonly batchSize: number;
  readonly maximumBatchingWindowSeconds: number;
  readonly pollIntervalMs: number;
  readonly recordsPut: number;
  readonly putRatePerSecond: number;
  readonly eventsPut: number;
  readonly eventsVisible: number;
  readonly throughputRecordsPerSecond: number;
  readonly latencyMs: LatencySummary;
  readonly lost: number;
  readonly duplicated: number;
  readonly rewrites: number;
  readonly malformedPut: number;
  readonly quarantined: number;
  readonly deadLetteredRecords: number;
  readonly refusedByKinesis: number;
  readonly getRecordsErrors: number;
  readonly invocations: number;
  readonly retries: number;
  readonly bisections: number;
  readonly faultRate: number;
  /** The machine's 1-minute load average when the run started, and its CPU count: the figures depend on both. */
  readonly loadAverageAtStart: number;
  readonly cpus: number;
  /** CPU time this process (all its threads) used during the load, as a percentage of one CPU. */
  readonly processCpuPercent: number;
}

const round = (value: number, digits = 1) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : value);

/** Makes a fraction of the processor's BatchWriteItem calls fail as a DynamoDB server error would. */
function injectWriteFaults(client: DynamoDBClient, faultRate: number): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'BatchWriteItemCommand' && Math.random() < faultRate) {
        throw Object.assign(new Error('injected by bench:stream --fault-rate'), { name: 'InternalServerError' });
      }
      return next(args);
    },
    { step: 'initialize', name: 'benchFaultInjection' },
  );
}

/**
 * Waits until every record is visible or quarantined; or, once records have gone to the dead-letter
 * queue, until nothing has moved for a while (those records will never show up); or the deadline.
 */
async function drain(tracker: VisibilityTracker, malformedPut: number, mapping: { counters: local.DeliveryCounters }, timeoutMs: number, quietPeriodMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  const mark = () => `${tracker.visibleCount}/${tracker.quarantinedCount}/${mapping.counters.discardedRecords}`;
  let lastMark = mark();
  let lastChange = performance.now();
  while (performance.now() < deadline && (tracker.pending() > 0 || tracker.quarantinedCount < malformedPut)) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (mark() !== lastMark) [lastMark, lastChange] = [mark(), performance.now()];
    else if (mapping.counters.discardedRecords > 0 && performance.now() - lastChange > quietPeriodMs) return;
  }
}

export async function runStreamBench(options: BenchOptions, topologySettings: StreamSettings, print: (line: string) => void): Promise<BenchResult> {
  const settings: StreamSettings = { ...topologySettings, shardCount: options.shards ?? topologySettings.shardCount };
  const clock = () => performance.now();
  const tracker = new VisibilityTracker(clock);
  const counts = { malformedPut: 0, refused: 0, pollErrors: 0 };

  const [loadAverageAtStart] = loadavg();
  const cpus = availableParallelism();
  if (loadAverageAtStart > cpus / 2) print(`Note: the machine is busy (load average ${loadAverageAtStart.toFixed(1)} on ${cpus} CPUs); the figures will show it.`);
  print(
    `Local pipeline: ${settings.shardCount} shards, batch size ${settings.batchSize}, batching window ${settings.maximumBatchingWindowSeconds} s, ` +
      `${settings.maximumRetryAttempts} retries, bisect on error, ReportBatchItemFailures, poll interval ${options.pollInterval} ms`,
  );
  const pipeline = await local.startLocalPipeline({
    settings,
    pollIntervalMs: options.pollInterval,
    onPollError: (error) => {
      if (++counts.pollErrors === 1) print(`GetRecords failed, retried at the next poll (reported once): ${error instanceof Error ? error.message : String(error)}`);
    },
    configureProcessorClient: (client) => {
      tracker.observe(client);
      if (options.faultRate > 0) injectWriteFaults(client, options.faultRate);
    },
  });

  try {
    const nextRecord = createRecordFactory({ devices: options.devices, branches: options.branches, malformedRate: options.malformedRate });
    const send = async (count: number) => {
      for (let sent = 0; sent < count; sent += local.PUT_RECORDS_LIMIT) {
        const records = Array.from({ length: Math.min(local.PUT_RECORDS_LIMIT, count - sent) }, nextRecord);
        const eventIds = records.flatMap((record) => (record.eventId ? [record.eventId] : []));
        counts.malformedPut += records.length - eventIds.length;
        tracker.putting(eventIds);
        const { refused } = await local.putRecords(pipeline.kinesis, pipeline.streamName, records.map((record) => record.entry));
        counts.refused += refused.length;
      }
    };

    const loadStarted = clock();
    const cpuAtStart = process.cpuUsage();
    const measuredFrom = loadStarted + options.warmup * 1000;
    const progress = setInterval(() => {
      const elapsed = (clock() - loadStarted) / 1000;
      const recent = summarise(tracker.recentLatencies(clock() - 1000));
      const phase = elapsed < options.warmup ? 'warm-up ' : '';
      print(
        `[${elapsed.toFixed(0).padStart(4)} s] ${phase}put ${tracker.putCount} events, visible ${tracker.visibleCount}, pending ${tracker.pending()}, ` +
          `made visible in the last second: p50 ${round(recent.p50, 0)} ms, p99 ${round(recent.p99, 0)} ms, invocations ${pipeline.mapping.counters.invocations}, retries ${pipeline.mapping.counters.retries}`,
      );
    }, 1000);
    print(`Offering ${options.rate} records/s for ${options.warmup} s warm-up + ${options.duration} s measured ...`);
    const recordsPut = await runPacedLoad({ ratePerSecond: options.rate, durationMs: (options.warmup + options.duration) * 1000, clock, send });
    const loadSeconds = (clock() - loadStarted) / 1000;
    const cpuUsed = process.cpuUsage(cpuAtStart);
    const processCpuPercent = (cpuUsed.user + cpuUsed.system) / 1e6 / loadSeconds * 100;

    print(`Load done: ${recordsPut} records put in ${loadSeconds.toFixed(1)} s. Draining (up to ${options.drainTimeout} s) ...`);
    await drain(tracker, counts.malformedPut, pipeline.mapping, options.drainTimeout * 1000, 3 * options.pollInterval + 2000);
    clearInterval(progress);
    await pipeline.mapping.stop();

    print('Verifying the table (consistent scan) ...');
    const table = await scanTable(pipeline.documentClient, pipeline.tableName);
    let lost = 0;
    for (const eventId of tracker.putEventIds()) if (!table.eventItemsById.has(eventId)) lost++;
    let duplicated = 0;
    for (const [eventId, items] of table.eventItemsById) {
      // An item for an event nobody put is as wrong as a second item for one that was.
      duplicated += tracker.hasPut(eventId) ? items - 1 : items;
    }

    return {
      offeredRatePerSecond: options.rate,
      durationSeconds: options.duration,
      warmupSeconds: options.warmup,
      shards: settings.shardCount,
      batchSize: settings.batchSize,
      maximumBatchingWindowSeconds: settings.maximumBatchingWindowSeconds,
      pollIntervalMs: options.pollInterval,
      recordsPut,
      putRatePerSecond: round(recordsPut / loadSeconds),
      eventsPut: tracker.putCount,
      eventsVisible: tracker.visibleCount,
      throughputRecordsPerSecond: round(tracker.throughput()),
      latencyMs: (({ count, p50, p90, p99, max }) => ({ count, p50: round(p50), p90: round(p90), p99: round(p99), max: round(max) }))(summarise(tracker.latencies(measuredFrom))),
      lost,
      duplicated,
      rewrites: tracker.rewrites(),
      malformedPut: counts.malformedPut,
      quarantined: table.quarantineItems,
      deadLetteredRecords: pipeline.mapping.counters.discardedRecords,
      refusedByKinesis: counts.refused,
      getRecordsErrors: counts.pollErrors,
      invocations: pipeline.mapping.counters.invocations,
      retries: pipeline.mapping.counters.retries,
      bisections: pipeline.mapping.counters.bisections,
      faultRate: options.faultRate,
      loadAverageAtStart: round(loadAverageAtStart, 2),
      cpus,
      processCpuPercent: round(processCpuPercent, 0),
    };
  } finally {
    await pipeline.stop();
  }
}
