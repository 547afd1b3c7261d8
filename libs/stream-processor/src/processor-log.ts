/** CloudWatch namespace of the metrics the processor emits (Embedded Metric Format, no API calls). */
export const PROCESSOR_METRICS_NAMESPACE = 'XYZ/DeviceEvents';

/** Metric names, dimensioned by FunctionName. RecordsQuarantined and RecordsFailed are worth an alarm. */
export const PROCESSOR_METRICS = {
  eventsWritten: 'EventsWritten',
  recordsQuarantined: 'RecordsQuarantined',
  recordsFailed: 'RecordsFailed',
} as const;

export interface BatchSummary {
  readonly records: number;
  readonly eventsWritten: number;
  readonly recordsQuarantined: number;
  readonly recordsFailed: number;
  readonly durationMs: number;
}

export interface RecordProblem {
  readonly level: 'warn' | 'error';
  readonly message: string;
  readonly shardId: string;
  readonly sequenceNumber: string;
  readonly reason: string;
}

/** Where the processor reports. The Lambda writes JSON lines to stdout; tests and the bench collect or drop them. */
export interface ProcessorLog {
  batch(summary: BatchSummary): void;
  record(problem: RecordProblem): void;
}

export const silentProcessorLog: ProcessorLog = { batch: () => undefined, record: () => undefined };

/**
 * JSON lines. The batch line is an Embedded Metric Format document, so CloudWatch turns it into
 * metrics without the function needing cloudwatch:PutMetricData.
 */
export function jsonLinesProcessorLog(writeLine: (line: string) => void, functionName: string, now: () => number = Date.now): ProcessorLog {
  return {
    batch(summary) {
      writeLine(
        JSON.stringify({
          _aws: {
            Timestamp: now(),
            CloudWatchMetrics: [
              {
                Namespace: PROCESSOR_METRICS_NAMESPACE,
                Dimensions: [['FunctionName']],
                Metrics: Object.values(PROCESSOR_METRICS).map((name) => ({ Name: name, Unit: 'Count' })),
              },
            ],
          },
          level: summary.recordsFailed > 0 ? 'warn' : 'info',
          message: 'batch processed',
          FunctionName: functionName,
          [PROCESSOR_METRICS.eventsWritten]: summary.eventsWritten,
          [PROCESSOR_METRICS.recordsQuarantined]: summary.recordsQuarantined,
          [PROCESSOR_METRICS.recordsFailed]: summary.recordsFailed,
          records: summary.records,
          durationMs: summary.durationMs,
        }),
      );
    },
    record(problem) {
      writeLine(JSON.stringify(problem));
    },
  };
}
