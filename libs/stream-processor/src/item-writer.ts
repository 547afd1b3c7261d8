import { BatchWriteCommand, type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type TableItem, itemKeyString } from '@xyz/stream/contracts';

/** DynamoDB's limit of put requests in one BatchWriteItem call. */
const BATCH_WRITE_LIMIT = 25;

export interface ItemWriterOptions {
  /** Rounds of re-sending the UnprocessedItems a BatchWriteItem call hands back. @default 3 */
  readonly unprocessedRetries?: number;
  /** Delay before the first re-send; doubles each round. @default 50 */
  readonly retryBaseDelayMs?: number;
  /** BatchWriteItem calls in flight at once. @default 8 */
  readonly concurrency?: number;
}

export interface WriteOutcome {
  /** Keys (itemKeyString) that were not written; the caller reports their records as failed. */
  readonly failed: ReadonlySet<string>;
  /** Keys DynamoDB refused as invalid (ValidationException), with its message. Retrying cannot help. */
  readonly rejected: ReadonlyMap<string, string>;
}

/** Writes items by key, so writing the same item twice leaves one item: the basis of idempotency. */
export interface ItemWriter {
  write(items: readonly TableItem[]): Promise<WriteOutcome>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function isValidationError(error: unknown): error is Error {
  return error instanceof Error && error.name === 'ValidationException';
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * Puts items with BatchWriteItem. Unprocessed items are re-sent with backoff; a chunk DynamoDB
 * rejects as invalid is retried item by item so one bad item cannot fail its 24 neighbours.
 */
export class DynamoDbItemWriter implements ItemWriter {
  private readonly unprocessedRetries: number;
  private readonly retryBaseDelayMs: number;
  private readonly concurrency: number;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: ItemWriterOptions = {},
  ) {
    this.unprocessedRetries = options.unprocessedRetries ?? 3;
    this.retryBaseDelayMs = options.retryBaseDelayMs ?? 50;
    this.concurrency = options.concurrency ?? 8;
  }

  async write(items: readonly TableItem[]): Promise<WriteOutcome> {
    const failed = new Set<string>();
    const rejected = new Map<string, string>();
    const queue = chunk(items, BATCH_WRITE_LIMIT);
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await this.writeChunk(next, failed, rejected);
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, queue.length) }, worker));
    return { failed, rejected };
  }

  private async writeChunk(items: readonly TableItem[], failed: Set<string>, rejected: Map<string, string>): Promise<void> {
    let pending: readonly TableItem[] = items;
    for (let round = 0; pending.length > 0; round++) {
      if (round > 0) {
        if (round > this.unprocessedRetries) break;
        await sleep(this.retryBaseDelayMs * 2 ** (round - 1));
      }
      try {
        pending = await this.batchWrite(pending);
      } catch (error) {
        if (isValidationError(error)) return this.writeOneByOne(pending, failed, rejected);
        break;
      }
    }
    for (const item of pending) failed.add(itemKeyString(item));
  }

  /** Returns the items DynamoDB did not process. */
  private async batchWrite(items: readonly TableItem[]): Promise<TableItem[]> {
    const output = await this.client.send(
      new BatchWriteCommand({ RequestItems: { [this.tableName]: items.map((item) => ({ PutRequest: { Item: item } })) } }),
    );
    const unprocessed = output.UnprocessedItems?.[this.tableName] ?? [];
    if (unprocessed.length === 0) return [];
    const unprocessedKeys = new Set(
      unprocessed.map((request) => {
        const item = request.PutRequest?.Item ?? {};
        return itemKeyString({ pk: String(item['pk']), sk: String(item['sk']) });
      }),
    );
    const again = items.filter((item) => unprocessedKeys.has(itemKeyString(item)));
    // Should DynamoDB ever hand back something we cannot match, re-sending everything is safe: puts are idempotent.
    return again.length === unprocessed.length ? again : [...items];
  }

  private async writeOneByOne(items: readonly TableItem[], failed: Set<string>, rejected: Map<string, string>): Promise<void> {
    await Promise.all(
      items.map(async (item) => {
        try {
          await this.client.send(new PutCommand({ TableName: this.tableName, Item: item }));
        } catch (error) {
          if (isValidationError(error)) rejected.set(itemKeyString(item), error.message);
          else failed.add(itemKeyString(item));
        }
      }),
    );
  }
}
