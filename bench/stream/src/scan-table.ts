import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';

export interface TableContents {
  /** Event items per eventId: anything but 1 is a duplicate. */
  readonly eventItemsById: Map<string, number>;
  readonly quarantineItems: number;
}

/** Reads the whole table with strongly consistent reads (keys and ids only). */
export async function scanTable(client: DynamoDBDocumentClient, tableName: string): Promise<TableContents> {
  const eventItemsById = new Map<string, number>();
  let quarantineItems = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: tableName, ConsistentRead: true, ProjectionExpression: 'eventId, entityType', ExclusiveStartKey: startKey }),
    );
    for (const item of page.Items ?? []) {
      if (item['entityType'] === 'quarantine') quarantineItems++;
      else if (item['entityType'] === 'event') eventItemsById.set(String(item['eventId']), (eventItemsById.get(String(item['eventId'])) ?? 0) + 1);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return { eventItemsById, quarantineItems };
}
