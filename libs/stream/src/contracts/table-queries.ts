import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { BRANCH_TIME_INDEX, EVENT_SORT_KEY_PREFIX, branchPartitionKey, devicePartitionKey, quarantinePartitionKey } from './item-layout';

/**
 * Query inputs (for the DynamoDB document client) for the reads the table is designed for.
 * Time windows are half-open, [from, to): every sort key is a timestamp followed by "#...", so a
 * bare timestamp sorts before all keys of that instant.
 */

/** The device's newest event, by the time it occurred (not by arrival): its latest state. */
export function latestDeviceEventQuery(tableName: string, deviceId: string): QueryCommandInput {
  return {
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :events)',
    ExpressionAttributeValues: { ':pk': devicePartitionKey(deviceId), ':events': EVENT_SORT_KEY_PREFIX },
    ScanIndexForward: false,
    Limit: 1,
  };
}

/** A device's events that occurred in [from, to), oldest first. */
export function deviceEventsQuery(tableName: string, deviceId: string, from: Date, to: Date): QueryCommandInput {
  return {
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: {
      ':pk': devicePartitionKey(deviceId),
      ':from': `${EVENT_SORT_KEY_PREFIX}${from.toISOString()}`,
      ':to': `${EVENT_SORT_KEY_PREFIX}${to.toISOString()}`,
    },
  };
}

/** A branch's events (from all its devices) that occurred in [from, to), oldest first. */
export function branchEventsQuery(tableName: string, branchId: string, from: Date, to: Date): QueryCommandInput {
  return {
    TableName: tableName,
    IndexName: BRANCH_TIME_INDEX.name,
    KeyConditionExpression: 'gsi1pk = :branch AND gsi1sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':branch': branchPartitionKey(branchId), ':from': from.toISOString(), ':to': to.toISOString() },
  };
}

/** Records quarantined on one (UTC) day of arrival. */
export function quarantinedRecordsQuery(tableName: string, day: Date): QueryCommandInput {
  return {
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': quarantinePartitionKey(day) },
  };
}
