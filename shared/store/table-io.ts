/**
 * The few multi-item DynamoDB calls the store makes, with the retries DynamoDB asks for: BatchWriteItem
 * and BatchGetItem may leave part of a request undone (UnprocessedItems/Keys), Query pages.
 */
import {
  BatchGetCommand,
  BatchWriteCommand,
  type BatchWriteCommandInput,
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';

export type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];
type Item = Record<string, unknown>;

/** BatchWriteItem groups (of 25) in flight at once for one call. */
const BATCH_WRITE_PARALLEL = 4;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const backoff = (attempt: number) => Math.min(1000, 25 * 2 ** attempt);

export class TableIO {
  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly table: string,
    /** Attempts for unprocessed items before giving up. */
    private readonly maxAttempts: number,
  ) {}

  /**
   * BatchWriteItem in groups of 25 (a few groups at once), retrying each group's unprocessed items with
   * exponential backoff: BatchWriteItem is not atomic and may leave part of a group undone.
   */
  async batchWrite(requests: WriteRequest[]): Promise<void> {
    const groups: WriteRequest[][] = [];
    for (let i = 0; i < requests.length; i += 25) groups.push(requests.slice(i, i + 25));
    const writeGroup = async (group: WriteRequest[]) => {
      let pending = group;
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt >= this.maxAttempts) throw new Error('BatchWriteItem: unprocessed items after retries');
        if (attempt > 0) await sleep(backoff(attempt));
        const res = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.table]: pending } }));
        pending = res.UnprocessedItems?.[this.table] ?? [];
      }
    };
    for (let i = 0; i < groups.length; i += BATCH_WRITE_PARALLEL) {
      await Promise.all(groups.slice(i, i + BATCH_WRITE_PARALLEL).map(writeGroup));
    }
  }

  /** BatchGetItem (consistent) of many keys, 100 at a time, retrying unprocessed keys. */
  async batchGet<T extends Item>(keys: Item[], projection: string): Promise<T[]> {
    const out: T[] = [];
    let pending = keys;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= this.maxAttempts) throw new Error('BatchGetItem: unprocessed keys after retries');
      if (attempt > 0) await sleep(backoff(attempt));
      const res = await this.doc.send(
        new BatchGetCommand({
          RequestItems: {
            [this.table]: {
              Keys: pending.slice(0, 100),
              ProjectionExpression: projection,
              ConsistentRead: true,
            },
          },
        }),
      );
      out.push(...((res.Responses?.[this.table] ?? []) as T[]));
      const unprocessed = (res.UnprocessedKeys?.[this.table]?.Keys ?? []) as Item[];
      pending = [...unprocessed, ...pending.slice(100)];
      if (unprocessed.length === 0) attempt = -1; // progress: reset the backoff
    }
    return out;
  }

  /** Every page of a Query, up to `max` items. */
  async queryAll<T>(
    input: Omit<QueryCommandInput, 'TableName'>,
    max = Number.POSITIVE_INFINITY,
  ): Promise<T[]> {
    const out: T[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const res = await this.doc.send(
        new QueryCommand({
          ...input,
          TableName: this.table,
          ...(startKey && { ExclusiveStartKey: startKey }),
        }),
      );
      out.push(...((res.Items ?? []) as T[]));
      startKey = res.LastEvaluatedKey;
    } while (startKey && out.length < max);
    return out;
  }
}
