import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import type { AlarmThresholds } from '@xyz/topology';
import { Token } from 'cdktf';
import { only, pipeline, replicaRegion, synthMonitoring, topology } from './fixture';

type Alarm = Record<string, unknown>;

describe('alarms', () => {
  const primary = synthMonitoring('primary');
  const replica = synthMonitoring('replica');
  const alarmsOf = (resources: typeof primary.resources) => Object.values(resources['aws_cloudwatch_metric_alarm']) as Alarm[];
  const byName = (alarms: Alarm[], name: string) => {
    const found = alarms.find((alarm) => alarm['alarm_name'] === name);
    if (!found) throw new Error(`no alarm named ${name}`);
    return found;
  };
  const primaryAlarms = alarmsOf(primary.resources);
  const replicaAlarms = alarmsOf(replica.resources);

  it('send both ALARM and OK to the alert topic, and nothing else', () => {
    [primary, replica].forEach(({ resources }) => {
      const [topicId] = only(resources, 'aws_sns_topic');
      alarmsOf(resources).forEach((alarm) => {
        expect(alarm['alarm_actions']).toEqual([`\${aws_sns_topic.${topicId}.arn}`]);
        expect(alarm['ok_actions']).toEqual([`\${aws_sns_topic.${topicId}.arn}`]);
        expect(alarm).not.toHaveProperty('insufficient_data_actions');
      });
    });
  });

  it('use every threshold of the topology in the primary region, except replica lag', () => {
    const thresholds = Object.entries(topology.alarms) as Array<[keyof AlarmThresholds, number]>;
    const used = new Set(primaryAlarms.map((alarm) => alarm['threshold']));
    thresholds.filter(([key]) => key !== 'rdsReplicaLagSeconds').forEach(([, value]) => expect(used).toContain(value));
    expect(primaryAlarms.map((a) => a['alarm_name'])).not.toContainEqual(expect.stringContaining('replica-lag'));
  });

  it('watch replica lag on a replica, and count silence as lag', () => {
    const lag = byName(replicaAlarms, `${replicaRegion.names.dbInstanceIdentifier}-replica-lag-high`);
    expect(lag).toMatchObject({
      namespace: 'AWS/RDS',
      metric_name: 'ReplicaLag',
      dimensions: { DBInstanceIdentifier: replicaRegion.names.dbInstanceIdentifier },
      threshold: topology.alarms.rdsReplicaLagSeconds,
      comparison_operator: 'GreaterThanOrEqualToThreshold',
      treat_missing_data: 'breaching',
    });
  });

  it('watch RDS storage and memory from below', () => {
    const id = replicaRegion.names.dbInstanceIdentifier;
    expect(byName(replicaAlarms, `${id}-free-storage-low`)).toMatchObject({ metric_name: 'FreeStorageSpace', statistic: 'Minimum', comparison_operator: 'LessThanOrEqualToThreshold' });
    expect(byName(replicaAlarms, `${id}-freeable-memory-low`)).toMatchObject({ metric_name: 'FreeableMemory', comparison_operator: 'LessThanOrEqualToThreshold' });
  });

  it('watch every Redis member cluster separately, on the metrics ElastiCache publishes per CacheClusterId', () => {
    const redis = replicaAlarms.filter((alarm) => alarm['namespace'] === 'AWS/ElastiCache');
    const members = [`${replicaRegion.names.cacheReplicationGroup}-001`, `${replicaRegion.names.cacheReplicationGroup}-002`];
    expect(redis).toHaveLength(4 * members.length);
    members.forEach((member) => {
      const ofMember = redis.filter((alarm) => (alarm['dimensions'] as Record<string, string>)['CacheClusterId'] === member);
      expect(ofMember.map((alarm) => alarm['metric_name']).sort()).toEqual(['CPUUtilization', 'DatabaseMemoryUsagePercentage', 'EngineCPUUtilization', 'Evictions']);
    });
  });

  it('cover the device event pipeline only where it runs', () => {
    const namespaces = (alarms: Alarm[]) => new Set(alarms.map((alarm) => alarm['namespace']));
    expect(namespaces(primaryAlarms)).toEqual(new Set(['AWS/RDS', 'AWS/ElastiCache', 'AWS/Kinesis', 'AWS/Lambda', 'AWS/SQS', undefined]));
    expect(namespaces(replicaAlarms)).toEqual(new Set(['AWS/RDS', 'AWS/ElastiCache']));
    expect(primaryAlarms).toHaveLength(4 + 8 + 7);
    expect(replicaAlarms).toHaveLength(5 + 8);
  });

  it('watch Kinesis iterator age and write throttling, Lambda errors and iterator age, and the DLQ', () => {
    expect(byName(primaryAlarms, `${pipeline.streamName}-kinesis-iterator-age-high`)).toMatchObject({
      metric_name: 'GetRecords.IteratorAgeMilliseconds',
      dimensions: { StreamName: pipeline.streamName },
      statistic: 'Maximum',
      threshold: topology.alarms.kinesisIteratorAgeMs,
    });
    expect(byName(primaryAlarms, `${pipeline.streamName}-kinesis-write-throttled`)).toMatchObject({ metric_name: 'WriteProvisionedThroughputExceeded', statistic: 'Sum' });
    expect(byName(primaryAlarms, `${pipeline.functionName}-errors`)).toMatchObject({ metric_name: 'Errors', dimensions: { FunctionName: pipeline.functionName } });
    expect(byName(primaryAlarms, `${pipeline.functionName}-iterator-age-high`)).toMatchObject({ metric_name: 'IteratorAge', threshold: topology.alarms.lambdaIteratorAgeMs });
    expect(byName(primaryAlarms, `${pipeline.deadLetterQueueName}-not-empty`)).toMatchObject({
      namespace: 'AWS/SQS',
      metric_name: 'ApproximateNumberOfMessagesVisible',
      dimensions: { QueueName: pipeline.deadLetterQueueName },
      threshold: topology.alarms.dlqDepth,
    });
  });

  it('sum DynamoDB throttles and system errors over every operation with a Metrics Insights query', () => {
    (['throttles', 'system-errors'] as const).forEach((suffix) => {
      const alarm = byName(primaryAlarms, `${pipeline.tableName}-dynamodb-${suffix}`);
      const metric = suffix === 'throttles' ? 'ThrottledRequests' : 'SystemErrors';
      expect(alarm).not.toHaveProperty('namespace');
      expect(alarm['metric_query']).toEqual([
        {
          id: 'q1',
          expression: `SELECT SUM(${metric}) FROM SCHEMA("AWS/DynamoDB", Operation, TableName) WHERE TableName = '${pipeline.tableName}'`,
          label: `${metric} (all operations)`,
          period: 300,
          return_data: true,
        },
      ]);
    });
  });

  it('treat missing data as not breaching for counters and ages that only exist while something happens', () => {
    const counters = primaryAlarms.filter((alarm) => ['Sum'].includes(alarm['statistic'] as string) || alarm['metric_query'] || /IteratorAge|ApproximateNumberOfMessagesVisible/.test(String(alarm['metric_name'])));
    expect(counters.length).toBeGreaterThanOrEqual(9);
    counters.forEach((alarm) => expect(alarm['treat_missing_data']).toBe('notBreaching'));
  });

  it('lets a gap in a gauge neither raise nor clear an alarm', () => {
    const gauges = primaryAlarms.filter((alarm) => /Utilization|FreeStorageSpace|FreeableMemory|DatabaseConnections|MemoryUsagePercentage/.test(String(alarm['metric_name'])));
    expect(gauges).toHaveLength(4 + 3 * 2);
    gauges.forEach((alarm) => expect(alarm['treat_missing_data']).toBe('missing'));
  });

  it('are exposed as resources and as data in the same order', () => {
    expect(primary.monitoring.alarms).toHaveLength(primary.monitoring.alarmSpecs.length);
    expect(primary.synth).toHaveResourceWithProperties(CloudwatchMetricAlarm, { alarm_name: primary.monitoring.alarmSpecs[0].name });
  });

  it('refuse two monitored resources with the same name', () => {
    const cache = { replicationGroupId: 'redis', memberClusterIds: ['redis-001', 'redis-001'] };
    expect(() => synthMonitoring('replica', { cache })).toThrow('two alarms would be named "redis-001-cpu-high"');
  });

  it('refuse names only known after apply, since alarm names are construct ids', () => {
    const stream = { ...pipeline, functionName: Token.asString({ resolve: () => 'later' }) };
    expect(() => synthMonitoring('primary', { stream })).toThrow('contains a token; pass the resource names from the topology');
  });

  it('refuse a table name that would break the Metrics Insights query', () => {
    expect(() => synthMonitoring('primary', { stream: { ...pipeline, tableName: "x' OR '1'='1" } })).toThrow('is not a DynamoDB table name');
  });
});
