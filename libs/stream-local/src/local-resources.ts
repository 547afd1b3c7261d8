import { CreateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateStreamCommand, DescribeStreamSummaryCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { BRANCH_TIME_INDEX, DEVICE_EVENT_TABLE_KEYS } from '@xyz/stream/contracts';

/** Creates the device event table with the same keys and index as the construct's. */
export async function createDeviceEventTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const { partitionKey, sortKey } = DEVICE_EVENT_TABLE_KEYS;
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [partitionKey, sortKey, BRANCH_TIME_INDEX.partitionKey, BRANCH_TIME_INDEX.sortKey].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: partitionKey, KeyType: 'HASH' },
        { AttributeName: sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: BRANCH_TIME_INDEX.name,
          KeySchema: [
            { AttributeName: BRANCH_TIME_INDEX.partitionKey, KeyType: 'HASH' },
            { AttributeName: BRANCH_TIME_INDEX.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    }),
  );
}

/** Creates a stream and waits until it is ACTIVE; returns its ARN. */
export async function createDeviceEventStream(client: KinesisClient, streamName: string, shardCount: number): Promise<string> {
  await client.send(new CreateStreamCommand({ StreamName: streamName, ShardCount: shardCount }));
  for (let attempt = 0; attempt < 100; attempt++) {
    const { StreamDescriptionSummary: summary } = await client.send(new DescribeStreamSummaryCommand({ StreamName: streamName }));
    if (summary?.StreamStatus === 'ACTIVE' && summary.StreamARN) return summary.StreamARN;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`stream ${streamName} did not become ACTIVE`);
}
