import type { AlarmThresholds, RegionRole } from '@xyz/topology';
import type { MetricRef, Statistic } from '../alarm-spec';
import type { MonitoredCache } from '../cache-alarms';
import type { MonitoredDatabase } from '../database-alarms';
import { type MonitoredStream, tableOperationsExpression } from '../stream-alarms';
import { type DashboardBody, expressionLine, flowLayout, GRID_WIDTH, type MetricLine, metricLine, type UnplacedWidget } from './widgets';

export interface RegionalDashboardInput {
  readonly region: string;
  readonly role: RegionRole;
  readonly thresholds: AlarmThresholds;
  readonly alertTopicName: string;
  readonly database: MonitoredDatabase;
  readonly cache: MonitoredCache;
  readonly stream?: MonitoredStream;
  /** ARNs of the region's alarms, shown in one status widget at the top. */
  readonly alarmArns: string[];
}

const GRAPH = { width: 8, height: 6 } as const;
const PERIOD_SECONDS = 60;

interface GraphOptions {
  readonly stat?: Statistic;
  /** Seconds per datapoint; alarms that sum over 5 minutes are graphed with the same period. */
  readonly period?: number;
  /** A horizontal line at the alarm threshold, so the graph shows how close the metric is. */
  readonly threshold?: number;
}

function graph(region: string, title: string, metrics: MetricLine[], options: GraphOptions = {}): UnplacedWidget {
  return {
    type: 'metric',
    ...GRAPH,
    properties: {
      title,
      region,
      view: 'timeSeries',
      stacked: false,
      period: options.period ?? PERIOD_SECONDS,
      stat: options.stat ?? 'Average',
      metrics,
      yAxis: { left: { min: 0 } },
      ...(options.threshold === undefined ? {} : { annotations: { horizontal: [{ label: 'alarm threshold', value: options.threshold }] } }),
    },
  };
}

function heading(markdown: string, height = 1): UnplacedWidget {
  return { type: 'text', width: GRID_WIDTH, height, properties: { markdown } };
}

function metric(namespace: string, metricName: string, dimensions: Record<string, string>, statistic: Statistic = 'Average'): MetricRef {
  return { namespace, metricName, dimensions, statistic };
}

function databaseWidgets(input: RegionalDashboardInput): UnplacedWidget[] {
  const { region, thresholds } = input;
  const rds = (metricName: string) => metric('AWS/RDS', metricName, { DBInstanceIdentifier: input.database.instanceIdentifier });
  const line = (metricName: string) => metricLine(rds(metricName));
  return [
    heading(`## MySQL \`${input.database.instanceIdentifier}\` (${input.database.role})`),
    graph(region, 'MySQL CPU %', [line('CPUUtilization')], { threshold: thresholds.rdsCpuPercent }),
    graph(region, 'MySQL connections', [line('DatabaseConnections')], { stat: 'Maximum', threshold: thresholds.rdsConnections }),
    graph(region, 'MySQL free storage (bytes)', [line('FreeStorageSpace')], { stat: 'Minimum', threshold: thresholds.rdsFreeStorageBytes }),
    graph(region, 'MySQL freeable memory (bytes)', [line('FreeableMemory')], { threshold: thresholds.rdsFreeableMemoryBytes }),
    graph(region, 'MySQL read / write latency (s)', [line('ReadLatency'), line('WriteLatency')]),
    input.database.role === 'replica'
      ? graph(region, 'MySQL replica lag (s)', [line('ReplicaLag')], { stat: 'Maximum', threshold: thresholds.rdsReplicaLagSeconds })
      : graph(region, 'MySQL read / write IOPS', [line('ReadIOPS'), line('WriteIOPS')]),
  ];
}

function cacheWidgets(input: RegionalDashboardInput): UnplacedWidget[] {
  const { region, thresholds, cache } = input;
  const perMember = (metricName: string) =>
    cache.memberClusterIds.map((member) => metricLine(metric('AWS/ElastiCache', metricName, { CacheClusterId: member }), { label: member }));
  return [
    heading(`## Redis \`${cache.replicationGroupId}\``),
    graph(region, 'Redis engine CPU %', perMember('EngineCPUUtilization'), { threshold: thresholds.redisEngineCpuPercent }),
    graph(region, 'Redis host CPU %', perMember('CPUUtilization'), { threshold: thresholds.redisCpuPercent }),
    graph(region, 'Redis memory used %', perMember('DatabaseMemoryUsagePercentage'), { threshold: thresholds.redisMemoryPercent }),
    graph(region, 'Redis evictions', perMember('Evictions'), { stat: 'Sum', period: 300, threshold: thresholds.redisEvictions }),
    graph(region, 'Redis client connections', perMember('CurrConnections'), { stat: 'Maximum' }),
    graph(region, 'Redis cache hit rate %', perMember('CacheHitRate')),
  ];
}

function streamWidgets(region: string, thresholds: AlarmThresholds, stream: MonitoredStream): UnplacedWidget[] {
  const kinesis = (metricName: string) => metricLine(metric('AWS/Kinesis', metricName, { StreamName: stream.streamName }));
  const lambda = (metricName: string, stat?: 'p99') => metricLine(metric('AWS/Lambda', metricName, { FunctionName: stream.functionName }), stat ? { stat } : {});
  const table = (metricName: string) => metricLine(metric('AWS/DynamoDB', metricName, { TableName: stream.tableName }));
  const tableQuery = (id: string, metricName: 'ThrottledRequests' | 'SystemErrors') =>
    expressionLine(id, tableOperationsExpression(metricName, stream.tableName), `${metricName} (all operations)`);
  return [
    heading(`## Device events: Kinesis \`${stream.streamName}\` → Lambda \`${stream.functionName}\` → DynamoDB \`${stream.tableName}\``),
    graph(region, 'Kinesis records in', [kinesis('IncomingRecords')], { stat: 'Sum' }),
    graph(region, 'Kinesis iterator age (ms)', [kinesis('GetRecords.IteratorAgeMilliseconds')], { stat: 'Maximum', threshold: thresholds.kinesisIteratorAgeMs }),
    graph(region, 'Kinesis write throttles', [kinesis('WriteProvisionedThroughputExceeded')], { stat: 'Sum', period: 300, threshold: thresholds.kinesisWriteThrottles }),
    graph(region, 'Processor invocations / errors', [lambda('Invocations'), lambda('Errors')], { stat: 'Sum', period: 300, threshold: thresholds.lambdaErrors }),
    graph(region, 'Processor iterator age (ms)', [lambda('IteratorAge')], { stat: 'Maximum', threshold: thresholds.lambdaIteratorAgeMs }),
    graph(region, 'Processor duration (ms), average and p99', [lambda('Duration'), lambda('Duration', 'p99')]),
    graph(region, 'Dead-letter queue depth', [metricLine(metric('AWS/SQS', 'ApproximateNumberOfMessagesVisible', { QueueName: stream.deadLetterQueueName }))], {
      stat: 'Maximum',
      threshold: thresholds.dlqDepth,
    }),
    graph(region, 'DynamoDB throttled requests / system errors', [tableQuery('throttles', 'ThrottledRequests'), tableQuery('systemErrors', 'SystemErrors')], {
      stat: 'Sum',
      period: 300,
    }),
    graph(region, 'DynamoDB consumed capacity units', [table('ConsumedWriteCapacityUnits'), table('ConsumedReadCapacityUnits')], { stat: 'Sum' }),
  ];
}

/**
 * The one dashboard on-call opens first for a region: alarm states on top, then the database, the
 * cache and, in the primary region, the device event pipeline. Alarmed metrics carry their
 * threshold as a horizontal line.
 */
export function regionalDashboardBody(input: RegionalDashboardInput): DashboardBody {
  const widgets: UnplacedWidget[] = [
    heading(`# ${input.region} (${input.role})\nAlarms notify the SNS topic \`${input.alertTopicName}\`. Lines on the graphs are alarm thresholds.`, 2),
    { type: 'alarm', width: GRID_WIDTH, height: 4, properties: { title: 'Alarms', alarms: input.alarmArns, sortBy: 'stateUpdatedTimestamp' } },
    ...databaseWidgets(input),
    ...cacheWidgets(input),
    ...(input.stream ? streamWidgets(input.region, input.thresholds, input.stream) : []),
  ];
  return { start: '-PT3H', periodOverride: 'inherit', widgets: flowLayout(widgets) };
}
