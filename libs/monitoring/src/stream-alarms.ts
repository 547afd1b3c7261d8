import type { AlarmThresholds } from '@xyz/topology';
import { Token } from 'cdktf';
import { alarmSpec, type AlarmSource, type AlarmSpec, metricSource } from './alarm-spec';

/** The real-time pipeline of the primary region, by name. */
export interface MonitoredStream {
  readonly streamName: string;
  readonly functionName: string;
  readonly deadLetterQueueName: string;
  readonly tableName: string;
}

const TABLE_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;

/**
 * DynamoDB publishes ThrottledRequests and SystemErrors per (TableName, Operation) only, so one
 * alarm or graph over every operation of the table needs a Metrics Insights query.
 */
export function tableOperationsExpression(metricName: 'ThrottledRequests' | 'SystemErrors', tableName: string): string {
  if (!Token.isUnresolved(tableName) && !TABLE_NAME.test(tableName)) {
    throw new Error(`RegionalMonitoring: "${tableName}" is not a DynamoDB table name`);
  }
  return `SELECT SUM(${metricName}) FROM SCHEMA("AWS/DynamoDB", Operation, TableName) WHERE TableName = '${tableName}'`;
}

function tableOperationsQuery(metricName: 'ThrottledRequests' | 'SystemErrors', tableName: string): AlarmSource {
  return { kind: 'query', query: { expression: tableOperationsExpression(metricName, tableName), label: `${metricName} (all operations)` } };
}

/** Alarms on Kinesis, the stream processor, its dead-letter queue and the DynamoDB table. */
export function streamAlarms(stream: MonitoredStream, thresholds: AlarmThresholds): AlarmSpec[] {
  const { streamName, functionName, deadLetterQueueName, tableName } = stream;
  return [
    alarmSpec(
      `${streamName}-kinesis-iterator-age-high`,
      `Kinesis ${streamName}: oldest unread record ${thresholds.kinesisIteratorAgeMs} ms old or more for 3 minutes (the processor is falling behind)`,
      metricSource('AWS/Kinesis', 'GetRecords.IteratorAgeMilliseconds', { StreamName: streamName }, 'Maximum'),
      { threshold: thresholds.kinesisIteratorAgeMs, comparison: 'GreaterThanOrEqualToThreshold', periodSeconds: 60, datapoints: 3, treatMissingData: 'notBreaching' },
    ),
    alarmSpec(
      `${streamName}-kinesis-write-throttled`,
      `Kinesis ${streamName}: ${thresholds.kinesisWriteThrottles} or more records throttled on write in 5 minutes (devices are being refused)`,
      metricSource('AWS/Kinesis', 'WriteProvisionedThroughputExceeded', { StreamName: streamName }, 'Sum'),
      { threshold: thresholds.kinesisWriteThrottles, comparison: 'GreaterThanOrEqualToThreshold', periodSeconds: 300, datapoints: 1, treatMissingData: 'notBreaching' },
    ),
    alarmSpec(
      `${functionName}-errors`,
      `Lambda ${functionName}: ${thresholds.lambdaErrors} or more failed invocations in 5 minutes`,
      metricSource('AWS/Lambda', 'Errors', { FunctionName: functionName }, 'Sum'),
      { threshold: thresholds.lambdaErrors, comparison: 'GreaterThanOrEqualToThreshold', periodSeconds: 300, datapoints: 1, treatMissingData: 'notBreaching' },
    ),
    alarmSpec(
      `${functionName}-iterator-age-high`,
      `Lambda ${functionName}: last record of a batch ${thresholds.lambdaIteratorAgeMs} ms old or more for 3 minutes (end-to-end latency is over target)`,
      metricSource('AWS/Lambda', 'IteratorAge', { FunctionName: functionName }, 'Maximum'),
      { threshold: thresholds.lambdaIteratorAgeMs, comparison: 'GreaterThanOrEqualToThreshold', periodSeconds: 60, datapoints: 3, treatMissingData: 'notBreaching' },
    ),
    alarmSpec(
      `${deadLetterQueueName}-not-empty`,
      `Dead-letter queue ${deadLetterQueueName}: ${thresholds.dlqDepth} or more device event batches could not be processed`,
      metricSource('AWS/SQS', 'ApproximateNumberOfMessagesVisible', { QueueName: deadLetterQueueName }, 'Maximum'),
      { threshold: thresholds.dlqDepth, comparison: 'GreaterThanOrEqualToThreshold', periodSeconds: 300, datapoints: 1, treatMissingData: 'notBreaching' },
    ),
    alarmSpec(
      `${tableName}-dynamodb-throttles`,
      `DynamoDB ${tableName}: ${thresholds.dynamodbThrottles} or more throttled requests in 5 minutes`,
      tableOperationsQuery('ThrottledRequests', tableName),
      { threshold: thresholds.dynamodbThrottles, comparison: 'GreaterThanOrEqualToThreshold', periodSeconds: 300, datapoints: 1, treatMissingData: 'notBreaching' },
    ),
    alarmSpec(
      `${tableName}-dynamodb-system-errors`,
      `DynamoDB ${tableName}: ${thresholds.dynamodbSystemErrors} or more requests failed inside DynamoDB in 5 minutes`,
      tableOperationsQuery('SystemErrors', tableName),
      { threshold: thresholds.dynamodbSystemErrors, comparison: 'GreaterThanOrEqualToThreshold', periodSeconds: 300, datapoints: 1, treatMissingData: 'notBreaching' },
    ),
  ];
}
