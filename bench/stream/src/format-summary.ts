import type { BenchResult } from './run-bench';

const P99_TARGET_MS = 2000;

/** Human-readable lines; the JSON line that follows them carries the same figures. */
export function formatSummary(result: BenchResult): string[] {
  const { latencyMs: latency } = result;
  const met = latency.p99 < P99_TARGET_MS && result.lost === 0 && result.duplicated === 0 && result.deadLetteredRecords === 0;
  return [
    '',
    `Offered ${result.offeredRatePerSecond} records/s over ${result.shards} shards for ${result.durationSeconds} s (+${result.warmupSeconds} s warm-up); put ${result.recordsPut} at ${result.putRatePerSecond}/s`,
    `Throughput: ${result.throughputRecordsPerSecond} events/s made visible (${result.eventsVisible} of ${result.eventsPut} events)`,
    `Put-to-visible latency over ${latency.count} measured events: p50 ${latency.p50} ms, p90 ${latency.p90} ms, p99 ${latency.p99} ms, max ${latency.max} ms`,
    `Lost ${result.lost}, duplicated ${result.duplicated}, dead-lettered ${result.deadLetteredRecords}; ${result.rewrites} idempotent rewrites after ${result.retries} retries`,
    `Malformed records put ${result.malformedPut}, quarantined ${result.quarantined}`,
    `Machine: ${result.cpus} CPUs, load average ${result.loadAverageAtStart} when the run started; this process used ${result.processCpuPercent}% of one CPU during the load`,
    `Target (p99 < ${P99_TARGET_MS} ms, nothing lost or duplicated): ${met ? 'met' : 'NOT met'}`,
  ];
}
