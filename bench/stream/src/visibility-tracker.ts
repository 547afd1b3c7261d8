import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

type AttributeValue = string | { S?: string } | undefined;
type PutRequest = { PutRequest?: { Item?: Record<string, AttributeValue> } };

function text(value: AttributeValue): string | undefined {
  return typeof value === 'string' ? value : value?.S;
}

function keyOf(item: Record<string, AttributeValue>): string {
  return `${text(item['pk'])}\n${text(item['sk'])}`;
}

/**
 * Times each event from the moment its PutRecords call was made to the moment DynamoDB acknowledged
 * the processor's write of its item; from then on a strongly consistent read returns the item. It
 * watches the processor's own DynamoDB client, so it adds no reads to the table under test.
 */
export class VisibilityTracker {
  private readonly putAt = new Map<string, number>();
  private readonly visibleAt = new Map<string, number>();
  private readonly acknowledgedWrites = new Map<string, number>();
  private readonly quarantineKeys = new Set<string>();
  /** [visible at, latency] in the order items became visible. */
  private readonly timeline: [number, number][] = [];
  private firstPut = Number.POSITIVE_INFINITY;
  private lastVisible = Number.NEGATIVE_INFINITY;

  constructor(private readonly clock: () => number) {}

  /** Call just before the PutRecords call that carries these events. */
  putting(eventIds: readonly string[]): void {
    const now = this.clock();
    this.firstPut = Math.min(this.firstPut, now);
    for (const id of eventIds) if (!this.putAt.has(id)) this.putAt.set(id, now);
  }

  /** Installs the observer on the processor's DynamoDB client. */
  observe(client: DynamoDBClient): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        if (context.commandName === 'BatchWriteItemCommand' || context.commandName === 'PutItemCommand') this.acknowledged(args.input, result.output);
        return result;
      },
      { step: 'initialize', name: 'benchVisibilityTracker' },
    );
  }

  private acknowledged(input: unknown, output: unknown): void {
    const now = this.clock();
    const requests = Object.values((input as { RequestItems?: Record<string, PutRequest[]> }).RequestItems ?? {}).flat();
    const single = (input as { Item?: Record<string, AttributeValue> }).Item;
    const items = single ? [single] : requests.map((request) => request.PutRequest?.Item ?? {});
    const unprocessed = new Set(
      Object.values((output as { UnprocessedItems?: Record<string, PutRequest[]> }).UnprocessedItems ?? {})
        .flat()
        .map((request) => keyOf(request.PutRequest?.Item ?? {})),
    );
    for (const item of items) {
      if (unprocessed.has(keyOf(item))) continue;
      if (text(item['entityType']) === 'quarantine') this.quarantineKeys.add(keyOf(item));
      const eventId = text(item['eventId']);
      if (!eventId || text(item['entityType']) !== 'event') continue;
      this.acknowledgedWrites.set(eventId, (this.acknowledgedWrites.get(eventId) ?? 0) + 1);
      const put = this.putAt.get(eventId);
      if (put !== undefined && !this.visibleAt.has(eventId)) {
        this.visibleAt.set(eventId, now);
        this.lastVisible = Math.max(this.lastVisible, now);
        this.timeline.push([now, now - put]);
      }
    }
  }

  get putCount(): number {
    return this.putAt.size;
  }

  /** Events put whose item has been acknowledged. */
  get visibleCount(): number {
    return this.visibleAt.size;
  }

  /** Distinct quarantine items acknowledged (a retried batch writes the same one again). */
  get quarantinedCount(): number {
    return this.quarantineKeys.size;
  }

  /** Events put whose item is not yet acknowledged. */
  pending(): number {
    return this.putAt.size - this.visibleAt.size;
  }

  /** Latencies of the events that became visible since `since` (clock time): for progress lines. */
  recentLatencies(since: number): number[] {
    const values: number[] = [];
    for (let i = this.timeline.length - 1; i >= 0 && this.timeline[i][0] >= since; i--) values.push(this.timeline[i][1]);
    return values;
  }

  /** Put-to-visible latencies in milliseconds, of events put since `since` (clock time). */
  latencies(since = Number.NEGATIVE_INFINITY): number[] {
    const values: number[] = [];
    for (const [id, visible] of this.visibleAt) {
      const put = this.putAt.get(id);
      if (put !== undefined && put >= since) values.push(visible - put);
    }
    return values;
  }

  /** Acknowledged writes beyond the first, per event: replays and retries (harmless overwrites). */
  rewrites(): number {
    let extra = 0;
    for (const count of this.acknowledgedWrites.values()) extra += count - 1;
    return extra;
  }

  /** Visible events per second from the first put to the last acknowledgement. */
  throughput(): number {
    const seconds = (this.lastVisible - this.firstPut) / 1000;
    return seconds > 0 ? this.visibleAt.size / seconds : 0;
  }

  hasPut(eventId: string): boolean {
    return this.putAt.has(eventId);
  }

  putEventIds(): IterableIterator<string> {
    return this.putAt.keys();
  }
}
