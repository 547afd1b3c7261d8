import { BatchWriteItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { VisibilityTracker } from './visibility-tracker';

/** A client whose BatchWriteItem calls never leave the process: the stub answers with the given unprocessed items. */
function stubbedClient(tracker: VisibilityTracker, unprocessed: () => Record<string, unknown>[]) {
  const client = new DynamoDBClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
  tracker.observe(client);
  client.middlewareStack.add(
    () => async () => ({ output: { UnprocessedItems: { t: unprocessed().map((Item) => ({ PutRequest: { Item } })) }, $metadata: {} }, response: {} }),
    { step: 'initialize', name: 'stub' },
  );
  return client;
}

const eventItem = (eventId: string) => ({ pk: `DEVICE#d`, sk: `EVENT#${eventId}`, entityType: 'event', eventId });

describe('VisibilityTracker', () => {
  it('times each event from its put to the first acknowledged write, skipping unprocessed items', async () => {
    let now = 1000;
    const tracker = new VisibilityTracker(() => now);
    let held: Record<string, unknown>[] = [eventItem('b')];
    const client = stubbedClient(tracker, () => held);
    const write = (...ids: string[]) => client.send(new BatchWriteItemCommand({ RequestItems: { t: ids.map((id) => ({ PutRequest: { Item: eventItem(id) as never } })) } }));

    tracker.putting(['a', 'b', 'c']);
    now = 1400;
    await write('a', 'b');
    expect(tracker.pending()).toBe(2);
    held = [];
    now = 1900;
    await write('b', 'c');
    now = 2500;
    await write('a'); // a replay: counted as a rewrite, not as a new visibility

    expect(tracker.latencies().sort((x, y) => x - y)).toEqual([400, 900, 900]);
    expect(tracker.pending()).toBe(0);
    expect(tracker.rewrites()).toBe(1);
    expect(tracker.throughput()).toBeCloseTo(3 / 0.9);
    client.destroy();
  });

  it('ignores quarantine items and events nobody put', async () => {
    const tracker = new VisibilityTracker(() => 0);
    const client = stubbedClient(tracker, () => []);
    tracker.putting(['a']);
    await client.send(
      new BatchWriteItemCommand({
        RequestItems: { t: [{ PutRequest: { Item: { pk: 'Q', sk: '1', entityType: 'quarantine' } as never } }, { PutRequest: { Item: eventItem('stranger') as never } }] },
      }),
    );
    expect(tracker.visibleCount).toBe(0);
    expect(tracker.pending()).toBe(1);
    expect(tracker.latencies()).toEqual([]);
    client.destroy();
  });
});
