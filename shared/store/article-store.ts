/**
 * The article store on DynamoDB: one table (table.ts), item layout in items.ts, written without
 * transactions so the local emulator (dynalite) and AWS behave alike.
 *
 * A write swaps the article item conditionally: it reads the item's state, and puts the new item only
 * if the state is still the one it read (`wid`) and no newer event is stored (`seq`, the S3 sequencer).
 * The new item lists in `old` what the replaced versions indexed; `syncIndex` (postings.ts) then makes
 * the postings match and cleans up. Reads check each posting against the article item.
 */
import { randomBytes } from 'node:crypto';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ArticleRecord } from '../model/article';
import type { StoryConfig } from '../stories/config';
import {
  decodeBody,
  decodeSummary,
  encodeBody,
  encodeSummary,
  joinChunks,
  splitChunks,
  summaryOf,
} from './codec';
import {
  deltaRequest,
  type FoldOptions,
  type FoldResult,
  foldCounters,
  type ReviewMark,
} from './counter-fold';
import { recountCounters, topCounters } from './counters';
import { recordIndex } from './facets';
import {
  BODY_SK_PREFIX,
  chunkRefs,
  chunkSk,
  encodeFacets,
  idOfPk,
  MAIN_SK,
  type MainItem,
  pkOf,
  postingRefs,
} from './items';
import { InvalidCursorError, listArticles } from './list-articles';
import { encodeCounted, readState, syncIndex } from './postings';
import type {
  ArticleFilter,
  ArticleReader,
  ArticleSummary,
  EntityCount,
  EntityType,
  Page,
  RelatedArticles,
  StoreCursor,
  StoryReader,
  StorySummary,
  StoryView,
  TopicCount,
} from './reader';
import { normalizeSequencer } from './sequencer';
import { StoryIndex } from './stories';
import { StoryListing } from './story-list';
import { memberRequest, type StoryFields } from './story-reads';
import { recountStoryHeads } from './story-recount';
import { TableIO } from './table-io';

export { InvalidCursorError };

export type WriteResult = 'applied' | 'stale';

export interface DynamoArticleStoreOptions {
  doc: DynamoDBDocumentClient;
  tableName: string;
  /** Attempts for BatchWrite/BatchGet unprocessed items before giving up (with exponential backoff). @default 8 */
  maxBatchAttempts?: number;
  /** BatchWriteItem calls in flight at once, shared by all of this store's writers. @default 4 */
  batchWritesInFlight?: number;
  /**
   * Stories and near-duplicates (stories.ts): off unless given. Ingest, the local stack and reindex give
   * them; bench row 7 prints what they cost per article.
   */
  stories?: StoryConfig;
  /** Wall clock (ms) of the story index's arrival items. @default Date.now */
  now?: () => number;
}

/** What `scanArticles` yields per live article: enough for reindex to decide and re-fetch. */
export interface StoredArticleRef {
  id: string;
  seq: string;
  status: ArticleRecord['status'];
  processorVersion: string;
  source: { bucket?: string; key: string };
  /** Written before bodies had their own items: the body is inline in the article item until rewritten. */
  inlineBody: boolean;
}

const isConditionFailure = (err: unknown) =>
  (err as { name?: string }).name === 'ConditionalCheckFailedException';
const newWriteId = () => randomBytes(8).toString('hex');
/** Conditional swaps of one article item lost to other writers before the write fails (and is retried). */
const MAX_SWAP_ATTEMPTS = 20;

export class DynamoArticleStore implements ArticleReader, StoryReader {
  private readonly io: TableIO;
  /** Story and near-duplicate items, kept beside the article items (stories.ts). */
  readonly stories: StoryIndex | null;
  private readonly storyListing: StoryListing | null;

  constructor(options: DynamoArticleStoreOptions) {
    this.io = new TableIO(options.doc, options.tableName, {
      maxAttempts: options.maxBatchAttempts ?? 8,
      ...(options.batchWritesInFlight !== undefined && { batchWritesInFlight: options.batchWritesInFlight }),
    });
    this.stories = options.stories ? new StoryIndex(this.io, options.stories, options.now) : null;
    this.storyListing = this.stories ? new StoryListing(this.io, this.stories) : null;
  }

  /** The table's name (tests and tools look at its items). */
  get table(): string {
    return this.io.table;
  }

  // ---------------------------------------------------------------- writes

  /** Stores the record if `sequencer` is not older than what is stored for its id. */
  async putArticle(record: ArticleRecord, sequencer: string): Promise<WriteResult> {
    const seq = normalizeSequencer(sequencer);
    const pk = pkOf(record.id);
    const index = recordIndex(record);
    // The body lives in its own items (listings read the article item and never need it), written first
    // and keyed by seq: the article item never points at a body that is not there yet, and a retry of a
    // write that died before its article item rewrites the same body items instead of leaving others.
    const chunks = splitChunks(encodeBody(record.body));
    // A stored article's story is looked up meanwhile (the first look), and its link goes in the item.
    const [, plan] = await Promise.all([
      this.io.batchWrite(
        chunks.map((dt, n) => ({ PutRequest: { Item: { pk, sk: chunkSk(seq, n), seq, dt } } })),
      ),
      record.status === 'stored' ? this.stories?.plan(record, seq) : undefined,
    ]);
    const item: MainItem = {
      pk,
      sk: MAIN_SK,
      seq,
      wid: newWriteId(),
      st: record.status,
      ts: index.sortTime,
      fac: encodeFacets(index.facets),
      cf: encodeCounted(index.counted),
      txt: index.searchText,
      sm: encodeSummary(summaryOf(record)),
      ck: chunks.length,
      pv: record.processorVersion,
      key: record.source.key,
      ...(record.source.bucket !== undefined && { bkt: record.source.bucket }),
      ...plan?.fields,
    };
    // Most puts are of new articles (a burst of uploads): try the create first, read only if it exists.
    const swapped = await this.swapMain(item, { assumeNew: true }, plan?.review);
    if (!swapped) {
      // Ours and never referenced: a newer event holds the article, and its body items carry its seq.
      await this.io.batchWrite(
        chunks.map((_, n) => ({ DeleteRequest: { Key: { pk, sk: chunkSk(seq, n) } } })),
      );
      return 'stale';
    }
    // The story's writes need the member item (written with the delta item), not the postings: they run
    // beside the index sync. With stories on, the delta item goes after the digest entry (stories.ts).
    await Promise.all([
      syncIndex(this.io, record.id, swapped.item),
      this.stories
        ? this.stories.linked(swapped.prev, swapped.item, plan, swapped.writeDelta)
        : swapped.writeDelta(),
    ]);
    return 'applied';
  }

  /** Deletes the article (leaving a tombstone with the sequencer) unless a newer event is stored. */
  async deleteArticle(id: string, sequencer: string): Promise<WriteResult> {
    const seq = normalizeSequencer(sequencer);
    const swapped = await this.swapMain({ pk: pkOf(id), sk: MAIN_SK, seq, wid: newWriteId(), del: true });
    if (!swapped) return 'stale';
    await Promise.all([syncIndex(this.io, id, swapped.item), swapped.writeDelta()]);
    await this.stories?.linked(swapped.prev, swapped.item);
    return 'applied';
  }

  /**
   * Replaces the article item unless a newer event is stored (an equal one is replaced on purpose: a
   * redelivered event finishes an earlier attempt that died half-way). The new item carries forward in
   * `old` what the replaced one indexed. Returns the written item, the one it replaced and the write of
   * its delta item (its counter and story moves and `review` mark, counter-fold.ts) with its member item,
   * for the caller to start when its order allows, or null when stale.
   * `assumeNew` skips the first read: the first attempt is the create (`attribute_not_exists`), which
   * fails harmlessly, and falls back to read-and-swap, when the article exists.
   */
  private async swapMain<T extends MainItem>(
    next: T,
    hint: { assumeNew?: boolean } = {},
    review?: ReviewMark,
  ): Promise<{ item: T; prev: MainItem | undefined; writeDelta: () => Promise<void> } | null> {
    const id = idOfPk(next.pk);
    for (let attempt = 0; ; attempt++) {
      if (attempt >= MAX_SWAP_ATTEMPTS)
        throw new Error(`article ${id}: its item keeps changing under other writers`);
      const prev = attempt === 0 && hint.assumeNew ? undefined : await readState(this.io, id);
      // Mirrors shouldApply() in shared/store/sequencer.ts.
      if (prev && prev.seq > next.seq) return null;
      const keep = new Set([...postingRefs(next), ...chunkRefs(next)]);
      const old = prev
        ? [...new Set([...(prev.old ?? []), ...postingRefs(prev), ...chunkRefs(prev)])].filter(
            (r) => !keep.has(r),
          )
        : [];
      const item = { ...next, ...(old.length > 0 && { old }) };
      let swapped = false;
      try {
        await this.io.doc.send(
          new PutCommand({
            TableName: this.io.table,
            Item: item,
            ...(prev
              ? { ConditionExpression: 'wid = :wid', ExpressionAttributeValues: { ':wid': prev.wid } }
              : { ConditionExpression: 'attribute_not_exists(pk)' }),
          }),
        );
        swapped = true;
      } catch (err) {
        if (!isConditionFailure(err)) throw err; // another writer swapped it first: look again
      }
      if (swapped) {
        // This swap is ours alone: so is recording its counter moves (folded later, counter-fold.ts).
        // With stories on, the member item of the story its link names goes with it (story-reads.ts).
        const delta = deltaRequest(prev, item, review);
        const writes = [...(delta ? [delta] : []), ...memberRequest(item)];
        return { item, prev, writeDelta: () => this.io.batchWrite(writes) };
      }
    }
  }

  /**
   * Folds the pending counter deltas into the counters (counter-fold.ts): what the counter aggregator
   * runs, in AWS on the table's stream and locally on a timer.
   */
  foldCounters(options?: FoldOptions): Promise<FoldResult> {
    // With stories on, the fold reviews the stories of the versions its deltas mark (stories.ts).
    return foldCounters(this.io, { ...(this.stories && { reviewer: this.stories }), ...options });
  }

  /**
   * Rebuilds every counter from the counted postings (counters.ts) and, with stories on, every story
   * head from the article items' links (story-recount.ts), after folding the pending deltas (which the
   * recount would otherwise count twice). Returns how many items it corrected.
   */
  async recountCounters(): Promise<number> {
    const fold = await this.foldCounters({ waitMs: 60_000 });
    if (fold.busy) throw new Error('another counter fold is still open; try again');
    const counters = await recountCounters(this.io);
    return counters + (this.stories ? await recountStoryHeads(this.io) : 0);
  }

  // ---------------------------------------------------------------- reads

  async getArticle(id: string): Promise<ArticleRecord | null> {
    const record = await this.readArticle(id);
    return record && (await this.withStories([record]))[0]!;
  }

  /** The records with the story and duplicate fields the story items give them. */
  private async withStories<T extends ArticleSummary>(records: T[]): Promise<T[]> {
    if (!this.stories) return records;
    const fields = await this.stories.fieldsOf(records.filter((r) => r.status === 'stored').map((r) => r.id));
    return records.map((r) => {
      const f: StoryFields | undefined = fields.get(r.id);
      return f ? { ...r, duplicateOf: f.duplicateOf, ...(f.story && { story: f.story }) } : r;
    });
  }

  private async readArticle(id: string): Promise<ArticleRecord | null> {
    // One Query reads the article item and its body items together (`#` < `B#…`; the story link `S` is
    // not in the range). A concurrent overwrite may have swapped the body: then read again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const items = await this.io.queryAll<MainItem & { dt?: Uint8Array }>({
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :main AND :body',
        ExpressionAttributeValues: { ':pk': pkOf(id), ':main': MAIN_SK, ':body': `${BODY_SK_PREFIX}~` },
        ConsistentRead: true,
      });
      const main = items.find((it) => it.sk === MAIN_SK);
      if (!main || main.del || !main.sm) return null;
      const summary = decodeSummary(main.sm);
      // An article item written before bodies had their own items holds its body (`bd`).
      if (main.bd) return { ...summary, body: decodeBody(main.bd) } as ArticleRecord;
      const prefix = `${BODY_SK_PREFIX}${main.seq}#`;
      const chunks = items.filter((it) => it.sk.startsWith(prefix));
      if (chunks.length === main.ck) {
        return { ...summary, body: decodeBody(joinChunks(chunks.map((c) => c.dt!))) } as ArticleRecord;
      }
    }
    throw new Error(`article ${id}: its body keeps changing under concurrent writes`);
  }

  async listArticles(
    filter: ArticleFilter,
    page: { limit: number; cursor?: StoreCursor },
  ): Promise<Page<ArticleSummary>> {
    const listed = await listArticles(this.io, filter, page);
    return { ...listed, items: await this.withStories(listed.items) };
  }

  async topEntities(type: EntityType, options: { prefix?: string; limit: number }): Promise<EntityCount[]> {
    const rows = await topCounters(this.io, type, options);
    return rows.map((r) => ({ name: r.name, count: r.gsi2sk, ...(r.province && { province: r.province }) }));
  }

  async topTopics(options: { limit: number }): Promise<TopicCount[]> {
    const rows = await topCounters(this.io, 'topic', options);
    return rows.map((r) => ({ code: r.sk, label: r.label ?? r.sk, count: r.gsi2sk }));
  }

  // Without the story items (stories off) there are no stories: lists are empty, related lists too.

  async listStories(
    filter: Omit<ArticleFilter, 'status'>,
    page: { limit: number; cursor?: StoreCursor },
  ): Promise<Page<StorySummary>> {
    if (!this.storyListing) return { items: [], next: null };
    return this.storyListing.listStories(filter, page);
  }

  async getStory(id: string): Promise<StoryView | null> {
    return this.storyListing ? this.storyListing.getStory(id) : null;
  }

  async relatedArticles(id: string): Promise<RelatedArticles | null> {
    if (this.storyListing) return this.storyListing.relatedArticles(id);
    const record = await this.readArticle(id);
    return record && { id, story: null, duplicateOf: null, items: [] };
  }

  /** Every live article (not deleted), for reindex; reads only small attributes. */
  async *scanArticles(options: { pageSize?: number } = {}): AsyncGenerator<StoredArticleRef> {
    for await (const page of this.io.scanPages<MainItem>({
      FilterExpression: 'sk = :main AND attribute_not_exists(del)',
      ExpressionAttributeValues: { ':main': MAIN_SK },
      ProjectionExpression: 'pk, seq, st, pv, bkt, #key, ck',
      ExpressionAttributeNames: { '#key': 'key' },
      Limit: options.pageSize ?? 500,
    })) {
      for (const it of page) {
        if (!it.key || !it.pv || !it.st) continue;
        yield {
          id: idOfPk(it.pk),
          seq: it.seq,
          status: it.st as ArticleRecord['status'],
          processorVersion: it.pv,
          source: { key: it.key, ...(it.bkt !== undefined && { bucket: it.bkt }) },
          inlineBody: it.ck === undefined,
        };
      }
    }
  }
}
