/**
 * The few multi-item DynamoDB calls the store makes, with the retries DynamoDB asks for: BatchWriteItem
 * and BatchGetItem may leave part of a request undone (UnprocessedItems/Keys), Query pages. Item writes
 * and single-item reads of concurrent writers share calls (write-batch.ts, read-batch.ts).
 */
import {
  BatchGetCommand,
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
  type ScanCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ReadBatch } from './read-batch';
import { WriteBatch, type WriteRequest } from './write-batch';

export type { WriteRequest };

type Item = Record<string, unknown>;

export interface TableIOOptions {
  /** Attempts for unprocessed items before giving up. */
  maxAttempts: number;
  /** BatchWriteItem calls in flight at once, for all writers together. @default 4 */
  batchWritesInFlight?: number;
  /** BatchGetItem calls of `getBatched` in flight at once. @default 2 */
  batchGetsInFlight?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const backoff = (attempt: number) => Math.min(1000, 25 * 2 ** attempt);

export class TableIO {
  private readonly maxAttempts: number;
  private readonly writes: WriteBatch;
  private readonly reads = new Map<string, ReadBatch>();
  private readonly batchGetsInFlight: number;

  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly table: string,
    options: TableIOOptions,
  ) {
    this.maxAttempts = options.maxAttempts;
    this.batchGetsInFlight = options.batchGetsInFlight ?? 2;
    this.writes = new WriteBatch(
      async (pending) => {
        const res = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.table]: pending } }));
        return res.UnprocessedItems?.[this.table] ?? [];
      },
      { parallel: options.batchWritesInFlight ?? 4, maxAttempts: this.maxAttempts },
    );
  }

  /**
   * Puts and deletes items, unconditionally: BatchWriteItem calls of 25 shared with the other writers
   * of this table (write-batch.ts), unprocessed items retried with exponential backoff. Resolves once
   * every one is written.
   */
  batchWrite(requests: WriteRequest[]): Promise<void> {
    return this.writes.write(requests);
  }

  /**
   * One item by key, read consistently in a BatchGetItem shared with the other reads of the same
   * projection asked for meanwhile (read-batch.ts); sees every write finished before the call. Without
   * a projection, the whole item.
   */
  getBatched<T extends Item>(
    key: { pk: string; sk: string },
    projection?: string,
    names?: Record<string, string>,
  ): Promise<T | undefined> {
    const id = `${projection ?? '*'}\u0000${JSON.stringify(names ?? {})}`;
    let reads = this.reads.get(id);
    if (!reads) {
      // The answers are matched to their keys: read the key too.
      const paths = projection?.split(',').map((p) => p.trim());
      const withKey = paths && [...['pk', 'sk'].filter((k) => !paths.includes(k)), ...paths].join(', ');
      reads = new ReadBatch((keys) => this.batchGet(keys, withKey, names), this.batchGetsInFlight);
      this.reads.set(id, reads);
    }
    return reads.get(key) as Promise<T | undefined>;
  }

  /** BatchGetItem (consistent) of many keys, 100 at a time, retrying unprocessed keys; no projection: whole items. */
  async batchGet<T extends Item>(
    keys: Item[],
    projection: string | undefined,
    names?: Record<string, string>,
  ): Promise<T[]> {
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
              ...(projection !== undefined && { ProjectionExpression: projection }),
              ...(names && { ExpressionAttributeNames: names }),
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

  /** Scans the whole table, a page of items at a time (for recounts and reindex, never on a request's path). */
  async *scanPages<T>(input: Omit<ScanCommandInput, 'TableName' | 'ExclusiveStartKey'>): AsyncGenerator<T[]> {
    let startKey: Record<string, unknown> | undefined;
    do {
      const res = await this.doc.send(
        new ScanCommand({
          ...input,
          TableName: this.table,
          ...(startKey && { ExclusiveStartKey: startKey }),
        }),
      );
      yield (res.Items ?? []) as T[];
      startKey = res.LastEvaluatedKey;
    } while (startKey);
  }
}
