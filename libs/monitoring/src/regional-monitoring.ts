import { CloudwatchDashboard } from '@cdktf/provider-aws/lib/cloudwatch-dashboard';
import { CloudwatchMetricAlarm, type CloudwatchMetricAlarmConfig } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import type { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import type { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import type { AlarmThresholds, RegionTopology } from '@xyz/topology';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import type { AlarmSpec } from './alarm-spec';
import { AlertTopic } from './alert-topic';
import { cacheAlarms, type MonitoredCache } from './cache-alarms';
import { regionalDashboardBody } from './dashboard/regional-dashboard';
import { databaseAlarms, type MonitoredDatabase } from './database-alarms';
import { type MonitoredStream, streamAlarms } from './stream-alarms';

export interface RegionalMonitoringProps {
  /** The region from the topology: names.alertTopic, names.dashboard, region. */
  readonly region: RegionTopology;
  /** Alarm thresholds from the topology. */
  readonly thresholds: AlarmThresholds;
  /** The region's customer-managed key; encrypts the alert topic. Its policy must let cloudwatch.amazonaws.com use it. */
  readonly kmsKey: KmsKey;
  /** The region's MySQL instance; replica lag is watched when its role is 'replica'. */
  readonly database: MonitoredDatabase;
  /** The region's Redis replication group and its member clusters (RegionalCache.memberClusterIds). */
  readonly cache: MonitoredCache;
  /**
   * The device event pipeline, in the region that runs it.
   * @default no stream alarms or graphs (replica regions)
   */
  readonly stream?: MonitoredStream;
  /**
   * An e-mail address subscribed to the alert topic; the subscription must be confirmed from the mailbox.
   * @default no subscription
   */
  readonly alertEmail?: string;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * What tells on-call that a region is unwell: an encrypted SNS topic, alarms on the database, the
 * cache and (where it runs) the device event pipeline, each sending both ALARM and OK to the topic,
 * and one dashboard with the alarm states and the graphs to look at first.
 */
export class RegionalMonitoring extends Construct {
  readonly alertTopic: SnsTopic;
  readonly alarms: CloudwatchMetricAlarm[];
  readonly dashboard: CloudwatchDashboard;
  /** The alarms as plain data, in the order they were created. */
  readonly alarmSpecs: AlarmSpec[];

  constructor(scope: Construct, id: string, props: RegionalMonitoringProps) {
    super(scope, id);
    const { names } = props.region;
    this.alertTopic = new AlertTopic(this, 'alerts', {
      name: names.alertTopic,
      kmsKey: props.kmsKey,
      email: props.alertEmail,
      tags: props.tags,
    }).topic;

    this.alarmSpecs = [
      ...databaseAlarms(props.database, props.thresholds),
      ...cacheAlarms(props.cache, props.thresholds),
      ...(props.stream ? streamAlarms(props.stream, props.thresholds) : []),
    ];
    checkAlarmNames(this.alarmSpecs);
    const actions = [this.alertTopic.arn];
    this.alarms = this.alarmSpecs.map(
      (spec) => new CloudwatchMetricAlarm(this, `alarm-${spec.name}`, { ...alarmConfig(spec), alarmActions: actions, okActions: actions, tags: props.tags }),
    );

    const body = regionalDashboardBody({
      region: props.region.region,
      role: props.region.role,
      thresholds: props.thresholds,
      alertTopicName: names.alertTopic,
      database: props.database,
      cache: props.cache,
      stream: props.stream,
      alarmArns: this.alarms.map((alarm) => alarm.arn),
    });
    this.dashboard = new CloudwatchDashboard(this, 'dashboard', {
      dashboardName: names.dashboard,
      dashboardBody: JSON.stringify(body),
    });
  }
}

/** The resource arguments of one alarm, without its actions. */
export function alarmConfig(spec: AlarmSpec): Omit<CloudwatchMetricAlarmConfig, 'alarmActions' | 'okActions'> {
  const common = {
    alarmName: spec.name,
    alarmDescription: spec.description,
    comparisonOperator: spec.comparison,
    threshold: spec.threshold,
    evaluationPeriods: spec.evaluationPeriods,
    datapointsToAlarm: spec.datapointsToAlarm,
    treatMissingData: spec.treatMissingData,
  };
  if (spec.source.kind === 'metric') {
    const { metric } = spec.source;
    return {
      ...common,
      namespace: metric.namespace,
      metricName: metric.metricName,
      dimensions: { ...metric.dimensions },
      statistic: metric.statistic,
      period: spec.periodSeconds,
    };
  }
  return {
    ...common,
    metricQuery: [{ id: 'q1', expression: spec.source.query.expression, label: spec.source.query.label, period: spec.periodSeconds, returnData: true }],
  };
}

/** Alarm names are construct ids too, so they must be known at synth and unique. */
function checkAlarmNames(specs: readonly AlarmSpec[]): void {
  const seen = new Set<string>();
  for (const spec of specs) {
    if (Token.isUnresolved(spec.name)) {
      throw new Error(`RegionalMonitoring: alarm name "${spec.name}" contains a token; pass the resource names from the topology, not resource attributes`);
    }
    if (seen.has(spec.name)) throw new Error(`RegionalMonitoring: two alarms would be named "${spec.name}"; give the monitored resources distinct names`);
    seen.add(spec.name);
  }
}
