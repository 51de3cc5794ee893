/**
 * Loads many article records into the table fast, with exactly the items `DynamoArticleStore.putArticle`
 * writes: each record goes through the real `putArticle` against a recording client (the article table is
 * empty, so every conditional write would succeed), and the items it writes are then sent to the real
 * table with parallel BatchWriteItem calls, counter-delta items included; the store's own counter fold
 * then folds those into the counters. No item layout is written here.
 */
import {
  BatchGetCommand,
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import type { ArticleRecord } from '../shared/model/article';
import { DynamoArticleStore } from '../shared/store/index';
import { pool } from './pool';

type Item = Record<string, unknown>;

/** A document client stand-in that records the store's writes and answers its reads as an empty table would. */
class RecordingClient {
  items: Item[] = [];
  private mains = new Map<string, Item>();

  async send(command: unknown): Promise<unknown> {
    if (command instanceof PutCommand) {
      const item = command.input.Item as Item;
      this.items.push(item);
      if (item.sk === '#') this.mains.set(String(item.pk), item);
      return {};
    }
    if (command instanceof BatchWriteCommand) {
      for (const requests of Object.values(command.input.RequestItems ?? {})) {
        for (const r of requests) if (r.PutRequest?.Item) this.items.push(r.PutRequest.Item as Item);
      }
      return {};
    }
    if (command instanceof QueryCommand) return { Items: [] }; // no index entries yet
    if (command instanceof GetCommand) return { Item: this.mains.get(String(command.input.Key?.pk)) };
    if (command instanceof BatchGetCommand) {
      const [table, request] = Object.entries(command.input.RequestItems ?? {})[0]!;
      const found = (request.Keys ?? []).map((k) => this.mains.get(String(k.pk))).filter(Boolean);
      return { Responses: { [table]: found } };
    }
    throw new Error(`bulk load: unexpected command ${(command as object).constructor.name}`);
  }

  /** Forget what was recorded (after it was written). */
  flushItems(): Item[] {
    const out = this.items;
    this.items = [];
    this.mains.clear();
    return out;
  }
}

async function batchWriteAll(doc: DynamoDBDocumentClient, table: string, items: Item[], concurrency: number) {
  const groups: Item[][] = [];
  for (let i = 0; i < items.length; i += 25) groups.push(items.slice(i, i + 25));
  await pool(groups, concurrency, async (group) => {
    let pending = group.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 10) throw new Error('bulk load: unprocessed items after retries');
      if (attempt > 0) await new Promise((r) => setTimeout(r, 20 * attempt));
      const res = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
      pending = (res.UnprocessedItems?.[table] ?? []) as typeof pending;
    }
  });
}

export interface BulkLoadResult {
  records: number;
  items: number;
  counters: number;
}

/**
 * Writes up to `count` records made by `make(n)` in chunks (so memory stays flat), `concurrency` BatchWrite
 * calls in flight.
 */
export async function bulkLoad(options: {
  doc: DynamoDBDocumentClient;
  tableName: string;
  count: number;
  make: (n: number) => ArticleRecord;
  concurrency?: number;
  chunk?: number;
  onProgress?: (done: number) => void;
  /** Checked after each chunk: true stops the load early (the result says how many were written). */
  stop?: () => boolean;
}): Promise<BulkLoadResult> {
  const recorder = new RecordingClient();
  const store = new DynamoArticleStore({
    doc: recorder as unknown as DynamoDBDocumentClient,
    tableName: options.tableName,
  });
  const chunk = options.chunk ?? 2000;
  let items = 0;
  let records = 0;
  for (let start = 0; start < options.count; start += chunk) {
    const end = Math.min(options.count, start + chunk);
    for (let n = start; n < end; n++) {
      // Distinct sequencers per record, as S3 would give.
      await store.putArticle(options.make(n), (n + 1).toString(16).padStart(16, '0'));
    }
    const written = recorder.flushItems();
    items += written.length;
    await batchWriteAll(options.doc, options.tableName, written, options.concurrency ?? 8);
    records = end;
    options.onProgress?.(end);
    if (options.stop?.()) break;
  }
  const folded = await new DynamoArticleStore({
    doc: options.doc,
    tableName: options.tableName,
  }).foldCounters();
  return { records, items, counters: folded.counters };
}
