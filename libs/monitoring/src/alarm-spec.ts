export type Statistic = 'Average' | 'Maximum' | 'Minimum' | 'Sum';

/** One CloudWatch metric, named exactly as the service publishes it. */
export interface MetricRef {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly statistic: Statistic;
}

/** A CloudWatch Metrics Insights query, for metrics only published per operation (DynamoDB). */
export interface InsightsQuery {
  readonly expression: string;
  readonly label: string;
}

export type AlarmSource = { readonly kind: 'metric'; readonly metric: MetricRef } | { readonly kind: 'query'; readonly query: InsightsQuery };

/**
 * How missing data counts:
 * - 'notBreaching' for counters and ages that are only published while something happens
 *   (errors, throttles, evictions, iterator ages, messages in a queue);
 * - 'missing' for gauges a healthy resource always publishes, so a gap neither raises nor clears;
 * - 'breaching' where silence itself is the failure (a replica that stops reporting its lag).
 */
export type MissingData = 'missing' | 'notBreaching' | 'breaching';

/** Alarms fire when the threshold is reached: at or above it, or at or below it. */
export type Comparison = 'GreaterThanOrEqualToThreshold' | 'LessThanOrEqualToThreshold';

/** Everything one alarm needs, as plain data: tested directly and turned into a resource in one place. */
export interface AlarmSpec {
  readonly name: string;
  readonly description: string;
  readonly source: AlarmSource;
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  /** How many of the evaluated periods must breach. */
  readonly datapointsToAlarm: number;
  readonly threshold: number;
  readonly comparison: Comparison;
  readonly treatMissingData: MissingData;
}

export interface AlarmRule {
  readonly threshold: number;
  readonly comparison: Comparison;
  readonly periodSeconds: number;
  /** Consecutive periods that must reach the threshold. */
  readonly datapoints: number;
  readonly treatMissingData: MissingData;
}

export function alarmSpec(name: string, description: string, source: AlarmSource, rule: AlarmRule): AlarmSpec {
  return {
    name,
    description,
    source,
    periodSeconds: rule.periodSeconds,
    evaluationPeriods: rule.datapoints,
    datapointsToAlarm: rule.datapoints,
    threshold: rule.threshold,
    comparison: rule.comparison,
    treatMissingData: rule.treatMissingData,
  };
}

export function metricSource(namespace: string, metricName: string, dimensions: Record<string, string>, statistic: Statistic): AlarmSource {
  return { kind: 'metric', metric: { namespace, metricName, dimensions, statistic } };
}
