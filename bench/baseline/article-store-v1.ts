/**
 * The store as it was before posting lists (one index item per facet under the article, in a byFacet GSI;
 * every syllable and pair of title, keywords, names and lede). Kept unchanged as the write-cost baseline of
 * `npm run bench` row 7; not used by newsdrop itself.
 */
/**
 * The article store on DynamoDB: one table (see table.ts), written without transactions so the local
 * emulator (dynalite) and AWS behave alike. Item layout, all under pk = `A#<id>`:
 *
 * - main item, sk `#`: `seq` (padded S3 sequencer), the record (gzipped summary `sm`, gzipped body `bd`
 *   or chunk count `ck`), what reads filter on (`fac` facets, `txt` search text, `ts` sort time), or a
 *   tombstone (`del`) after a delete so a late older create never resurrects the article;
 * - index items, sk `I#<facet>`: gsi1pk = facet, gsi1sk = `<ts>#<id>`, for the `byFacet` index;
 * - body chunks, sk `B#<seq>#<n>`, when the gzipped body is over 300 KB.
 *
 * Counter items pk `C#<kind>` (person, organization, place, topic) carry article counts, listed by count
 * through the sparse `byCount` index (gsi2pk, gsi2sk = count).
 *
 * Write order: conditional put of the main item on `seq` (the newest event wins), then the index is
 * synced to the main item and the main item re-read; if it changed meanwhile the sync repeats. Every
 * stale index item a slower writer leaves is cleaned by that writer's own re-read, and reads check each
 * index hit against the main item, so a list never shows a deleted article or one under a facet it
 * no longer has.
 */
import { randomBytes } from 'node:crypto';
import {
  BatchGetCommand,
  BatchWriteCommand,
  type BatchWriteCommandInput,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { ArticleRecord, Province } from '../../shared/model/article';
import {
  decodeBody,
  decodeSummary,
  encodeBody,
  encodeSummary,
  joinChunks,
  splitChunks,
  summaryOf,
} from '../../shared/store/codec';
import type {
  ArticleFilter,
  ArticleReader,
  ArticleSummary,
  EntityCount,
  EntityType,
  Page,
  StoreCursor,
  TopicCount,
} from '../../shared/store/reader';
import { normalizeSequencer } from '../../shared/store/sequencer';

/** Largest gzipped body this layout kept inside the main item; larger bodies went to chunk items. */
const INLINE_BODY_BYTES = 300 * 1024;

import { searchKey } from '../../shared/text/vietnamese';
import { type CountedFacet, matchesPhrase, planFilter, recordIndex } from './facets-v1';
import { ARTICLE_TABLE } from './table-v1';

export type WriteResult = 'applied' | 'stale';

export interface DynamoArticleStoreOptions {
  doc: DynamoDBDocumentClient;
  tableName: string;
  /** Attempts for BatchWrite/BatchGet unprocessed items before giving up (with exponential backoff). @default 8 */
  maxBatchAttempts?: number;
}

/** A cursor that this store did not hand out for this filter. */
export class InvalidCursorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidCursorError';
  }
}

/** What `scanArticles` yields per live article: enough for reindex to decide and re-fetch. */
export interface StoredArticleRef {
  id: string;
  seq: string;
  status: ArticleRecord['status'];
  processorVersion: string;
  source: { bucket?: string; key: string };
}

const BY_FACET = ARTICLE_TABLE.globalSecondaryIndexes.find((i) => i.indexName === 'byFacet')!.indexName;
const BY_COUNT = 'byCount';
const MAIN_SK = '#';
const MAX_LIMIT = 1000;
const MAX_PREFIX_COUNTERS = 5000;
/** BatchWriteItem groups in flight at once for one article. */
const BATCH_WRITE_PARALLEL = 4;
/** Items a partition-size probe counts at most. */
const PROBE_LIMIT = 300;

const pkOf = (id: string) => `A#${id}`;
const idOf = (pk: string) => pk.slice(2);
const counterPk = (kind: CountedFacet['kind']) => `C#${kind}`;

interface MainItem {
  pk: string;
  sk: string;
  seq: string;
  del?: boolean;
  st?: string;
  ts?: string;
  fac?: string[];
  cf?: string;
  txt?: string;
  sm?: Uint8Array;
  bd?: Uint8Array;
  ck?: number;
  /** Write id: changes with every write, so an index entry can tell it was made from this exact item. */
  wid?: string;
  pv?: string;
  bkt?: string;
  key?: string;
}

interface IndexItem {
  pk: string;
  sk: string;
  seq?: string;
  wid?: string;
  gsi1pk?: string;
  gsi1sk?: string;
  cpk?: string;
  csk?: string;
}

function isConditionFailure(err: unknown): boolean {
  return (err as { name?: string }).name === 'ConditionalCheckFailedException';
}

const newWriteId = () => randomBytes(8).toString('hex');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class DynamoArticleStore implements ArticleReader {
  private readonly doc: DynamoDBDocumentClient;
  private readonly table: string;
  private readonly maxBatchAttempts: number;

  constructor(options: DynamoArticleStoreOptions) {
    this.doc = options.doc;
    this.table = options.tableName;
    this.maxBatchAttempts = options.maxBatchAttempts ?? 8;
  }

  // ---------------------------------------------------------------- writes

  /** Stores the record if `sequencer` is not older than what is stored for its id. */
  async putArticle(record: ArticleRecord, sequencer: string): Promise<WriteResult> {
    const seq = normalizeSequencer(sequencer);
    const pk = pkOf(record.id);
    const index = recordIndex(record);
    const body = encodeBody(record.body);
    const chunked = body.length > INLINE_BODY_BYTES;
    const chunks = chunked ? splitChunks(body) : [];
    if (chunked) {
      // Chunks first, keyed by seq: the main item never points at chunks that are not there yet.
      await this.batchWrite(
        chunks.map((data, n) => ({
          PutRequest: { Item: { pk, sk: `B#${seq}#${String(n).padStart(4, '0')}`, seq, dt: data } },
        })),
      );
    }
    const item: MainItem = {
      pk,
      sk: MAIN_SK,
      seq,
      wid: newWriteId(),
      st: record.status,
      ts: index.sortTime,
      fac: index.facets,
      cf: JSON.stringify(index.counted),
      txt: index.searchText,
      sm: encodeSummary(summaryOf(record)),
      ...(chunked ? { ck: chunks.length } : { bd: body }),
      pv: record.processorVersion,
      key: record.source.key,
      ...(record.source.bucket !== undefined && { bkt: record.source.bucket }),
    };
    if (!(await this.putMain(item))) {
      if (chunked) await this.deleteChunks(pk, (s) => s === seq); // ours, never referenced
      return 'stale';
    }
    await this.syncIndex(record.id, item);
    return 'applied';
  }

  /** Deletes the article (leaving a tombstone with the sequencer) unless a newer event is stored. */
  async deleteArticle(id: string, sequencer: string): Promise<WriteResult> {
    const seq = normalizeSequencer(sequencer);
    const item: MainItem = { pk: pkOf(id), sk: MAIN_SK, seq, wid: newWriteId(), del: true };
    if (!(await this.putMain(item))) return 'stale';
    await this.syncIndex(id, item);
    return 'applied';
  }

  private async putMain(item: MainItem): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: item,
          // Mirrors shouldApply() in shared/store/sequencer.ts.
          ConditionExpression: 'attribute_not_exists(seq) OR seq <= :seq',
          ExpressionAttributeValues: { ':seq': item.seq },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false; // an equal or newer event is stored: nothing to do
      throw err;
    }
  }

  /**
   * Makes the index items (and chunks) of one article match its main item, then re-reads the main item
   * and repeats if another writer changed it meanwhile, so the last writer to finish leaves it right.
   */
  private async syncIndex(id: string, main: MainItem): Promise<void> {
    let current: MainItem | undefined = main;
    for (let round = 0; current && round < 5; round++) {
      await this.syncIndexOnce(id, current);
      const latest = await this.getMain(id, 'pk, sk, seq, wid, del, st, ts, fac, cf');
      // wid, not seq: a redelivered event may rewrite the same seq with new content.
      if (!latest || latest.wid === current.wid) return;
      current = latest;
    }
  }

  private async syncIndexOnce(id: string, main: MainItem): Promise<void> {
    const pk = pkOf(id);
    const existing = await this.queryAll<IndexItem>({
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND sk > :main',
      ExpressionAttributeValues: { ':pk': pk, ':main': MAIN_SK },
      ProjectionExpression: 'pk, sk, seq, wid, gsi1sk, cpk, csk',
      ConsistentRead: true,
    });
    const live = main.del ? [] : (main.fac ?? []);
    const counted = new Map<string, CountedFacet>(
      main.del || !main.cf ? [] : (JSON.parse(main.cf) as CountedFacet[]).map((c) => [c.facet, c]),
    );
    const gsi1sk = `${main.ts}#${id}`;
    const have = new Map<string, IndexItem>();
    const plainWrites: NonNullable<BatchWriteCommandInput['RequestItems']>[string] = [];
    const countedDeletes: IndexItem[] = [];
    for (const it of existing) {
      if (it.sk.startsWith('B#')) {
        // Chunks of older events only: a newer writer may be writing its chunks right now.
        const chunkSeq = it.sk.slice(2, it.sk.lastIndexOf('#'));
        if (main.del || main.ck === undefined ? chunkSeq <= main.seq : chunkSeq < main.seq) {
          plainWrites.push({ DeleteRequest: { Key: { pk, sk: it.sk } } });
        }
        continue;
      }
      if (!it.sk.startsWith('I#')) continue;
      const f = it.sk.slice(2);
      have.set(f, it);
      if (!live.includes(f)) {
        if (it.cpk) countedDeletes.push(it);
        else plainWrites.push({ DeleteRequest: { Key: { pk, sk: it.sk } } });
      }
    }
    const countedWrites: { item: IndexItem; exists: boolean }[] = [];
    for (const f of live) {
      const old = have.get(f);
      if (old && old.wid === main.wid && old.gsi1sk === gsi1sk) continue;
      const c = counted.get(f);
      const item = {
        pk,
        sk: `I#${f}`,
        gsi1pk: f,
        gsi1sk,
        seq: main.seq,
        wid: main.wid,
        // Counted entries name their counter and carry the facet, so a recount can rebuild it.
        ...(c && { cpk: counterPk(c.kind), csk: c.counterKey, cf: JSON.stringify(c) }),
      };
      if (c) countedWrites.push({ item, exists: old !== undefined });
      else plainWrites.push({ PutRequest: { Item: item } });
    }
    await this.batchWrite(plainWrites);
    // Counted facets change counters, so they are created/removed one by one, conditionally: exactly
    // one writer sees the transition and moves the counter.
    await Promise.all([
      ...countedWrites.map(({ item, exists }) => this.putCounted(item, exists, counted.get(item.gsi1pk!)!)),
      ...countedDeletes.map(async (item) => {
        try {
          await this.doc.send(
            new DeleteCommand({
              TableName: this.table,
              Key: { pk: item.pk, sk: item.sk },
              ConditionExpression: 'attribute_exists(pk)',
            }),
          );
        } catch (err) {
          if (isConditionFailure(err)) return;
          throw err;
        }
        await this.doc.send(
          new UpdateCommand({
            TableName: this.table,
            Key: { pk: item.cpk!, sk: item.csk! },
            UpdateExpression: 'ADD gsi2sk :d',
            ExpressionAttributeValues: { ':d': -1 },
          }),
        );
      }),
    ]);
  }

  /**
   * Writes a counted index entry so that its counter moves exactly when the entry comes into being:
   * an existing entry is only overwritten while it still exists (a plain put could resurrect one that
   * another writer just deleted, uncounted), a missing one is only created while still missing.
   */
  private async putCounted(item: IndexItem, exists: boolean, c: CountedFacet): Promise<void> {
    let expectExists = exists;
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        await this.doc.send(
          new PutCommand({
            TableName: this.table,
            Item: item,
            ConditionExpression: expectExists ? 'attribute_exists(pk)' : 'attribute_not_exists(pk)',
          }),
        );
      } catch (err) {
        if (!isConditionFailure(err)) throw err;
        expectExists = !expectExists; // another writer got there first: try the other transition
        continue;
      }
      if (!expectExists) await this.bumpCounter(c, 1);
      return;
    }
    // Four lost races in a row: the writers behind them re-sync this article after their own writes.
  }

  /**
   * Rebuilds every counter from the counted index entries (a full table scan). Counters can drift by
   * one when a writer dies between an index entry and its counter update; run this when ingest is quiet.
   * Returns how many counters changed.
   */
  async recountCounters(): Promise<number> {
    const truth = new Map<string, { c: CountedFacet; n: number }>();
    let startKey: Record<string, unknown> | undefined;
    do {
      const res = await this.doc.send(
        new ScanCommand({
          TableName: this.table,
          FilterExpression: 'attribute_exists(cpk)',
          ProjectionExpression: 'cpk, csk, cf',
          ...(startKey && { ExclusiveStartKey: startKey }),
        }),
      );
      for (const it of (res.Items ?? []) as { cpk: string; csk: string; cf?: string }[]) {
        const id = `${it.cpk}\u0000${it.csk}`;
        const known = truth.get(id);
        if (known) known.n++;
        else if (it.cf) truth.set(id, { c: JSON.parse(it.cf) as CountedFacet, n: 1 });
      }
      startKey = res.LastEvaluatedKey;
    } while (startKey);
    let changed = 0;
    for (const kind of ['person', 'organization', 'place', 'topic'] as const) {
      const counters = await this.queryAll<{ pk: string; sk: string; gsi2sk?: number }>({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': counterPk(kind) },
        ProjectionExpression: 'pk, sk, gsi2sk',
      });
      const stored = new Map(counters.map((c) => [`${c.pk}\u0000${c.sk}`, c.gsi2sk ?? 0]));
      const ids = new Set([
        ...stored.keys(),
        ...[...truth.keys()].filter((k) => k.startsWith(`${counterPk(kind)}\u0000`)),
      ]);
      for (const id of ids) {
        const want = truth.get(id)?.n ?? 0;
        if (stored.get(id) === want) continue;
        const entry = truth.get(id);
        if (entry) await this.bumpCounter(entry.c, 0, want);
        else {
          const [pk, sk] = id.split('\u0000') as [string, string];
          await this.doc.send(
            new UpdateCommand({
              TableName: this.table,
              Key: { pk, sk },
              UpdateExpression: 'SET gsi2sk = :zero',
              ExpressionAttributeValues: { ':zero': 0 },
            }),
          );
        }
        changed++;
      }
    }
    return changed;
  }

  /** Adds `delta` to a counter, or sets it to `exact` (recount). */
  private async bumpCounter(c: CountedFacet, delta: number, exact?: number): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: counterPk(c.kind), sk: c.counterKey },
        UpdateExpression:
          'SET gsi2pk = :gp, #name = if_not_exists(#name, :name)' +
          (c.label ? ', label = if_not_exists(label, :label)' : '') +
          (c.province ? ', province = if_not_exists(province, :province)' : '') +
          (exact === undefined ? ' ADD gsi2sk :d' : ', gsi2sk = :d'),
        ExpressionAttributeNames: { '#name': 'name' },
        ExpressionAttributeValues: {
          ':gp': counterPk(c.kind),
          ':name': c.name,
          ':d': exact ?? delta,
          ...(c.label && { ':label': c.label }),
          ...(c.province && { ':province': c.province }),
        },
      }),
    );
  }

  private async deleteChunks(pk: string, which: (seq: string) => boolean): Promise<void> {
    const items = await this.queryAll<IndexItem>({
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :b)',
      ExpressionAttributeValues: { ':pk': pk, ':b': 'B#' },
      ProjectionExpression: 'pk, sk',
    });
    await this.batchWrite(
      items
        .filter((it) => which(it.sk.slice(2, it.sk.lastIndexOf('#'))))
        .map((it) => ({ DeleteRequest: { Key: { pk, sk: it.sk } } })),
    );
  }

  // ---------------------------------------------------------------- reads

  async getArticle(id: string): Promise<ArticleRecord | null> {
    // A concurrent overwrite may remove the chunks we are about to read: read the main item again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const main = await this.getMain(id);
      if (!main || main.del || !main.sm) return null;
      const summary = decodeSummary(main.sm);
      if (main.bd) return { ...summary, body: decodeBody(main.bd) } as ArticleRecord;
      const chunks = await this.queryAll<{ sk: string; dt: Uint8Array }>({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :b)',
        ExpressionAttributeValues: { ':pk': pkOf(id), ':b': `B#${main.seq}#` },
        ConsistentRead: true,
      });
      if (chunks.length === main.ck) {
        return { ...summary, body: decodeBody(joinChunks(chunks.map((c) => c.dt))) } as ArticleRecord;
      }
    }
    throw new Error(`article ${id}: body chunks keep changing under concurrent writes`);
  }

  async listArticles(
    filter: ArticleFilter,
    page: { limit: number; cursor?: StoreCursor },
  ): Promise<Page<ArticleSummary>> {
    const limit = page.limit;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw new RangeError(`limit must be a whole number from 1 to ${MAX_LIMIT}`);
    }
    const plan = planFilter(filter);
    let partition: string;
    let startKey: Record<string, string> | undefined;
    if (page.cursor !== undefined) {
      const c = page.cursor;
      if (
        typeof c !== 'object' ||
        c === null ||
        c.v !== 1 ||
        typeof c.p !== 'string' ||
        !plan.required.includes(c.p) ||
        typeof c.k !== 'string' ||
        typeof c.id !== 'string' ||
        !c.k.endsWith(`#${c.id}`)
      ) {
        throw new InvalidCursorError('cursor does not belong to this filter');
      }
      // Later pages keep reading the partition the first page chose.
      partition = c.p;
      startKey = { gsi1pk: partition, gsi1sk: c.k, pk: pkOf(c.id), sk: `I#${partition}` };
    }
    const range: string[] = [];
    const values: Record<string, string> = {};
    if (plan.lower && plan.upper) {
      range.push('gsi1sk BETWEEN :lo AND :hi');
      Object.assign(values, { ':lo': plan.lower, ':hi': plan.upper });
    } else if (plan.lower) {
      range.push('gsi1sk >= :lo');
      values[':lo'] = plan.lower;
    } else if (plan.upper) {
      range.push('gsi1sk <= :hi');
      values[':hi'] = plan.upper;
    }
    partition ??= await this.smallestPartition(plan, range, values);
    const conditions = ['gsi1pk = :p', ...range];
    values[':p'] = partition;
    // One extra match tells whether another page exists, so the last page has next = null.
    const want = limit + 1;
    // An index entry made from the article item as it is now (same wid) is right about its facet and
    // its day; only entries of other facets, a phrase, or an article changing under us need more.
    const needFacets = plan.required.some((f) => f !== partition);
    const projection = [
      'pk',
      'wid',
      'del',
      'sm',
      ...(needFacets ? ['fac', 'ts'] : []),
      ...(plan.phrase ? ['txt'] : []),
    ];
    const batch = Math.min(100, needFacets || plan.phrase ? Math.max(20, want * 2) : want);
    const matches: { summary: ArticleSummary; k: string; id: string }[] = [];
    for (;;) {
      const res = await this.doc.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: BY_FACET,
          KeyConditionExpression: conditions.join(' AND '),
          ExpressionAttributeValues: values,
          ProjectionExpression: 'pk, gsi1sk, wid',
          ScanIndexForward: false,
          Limit: batch,
          ...(startKey && { ExclusiveStartKey: startKey }),
        }),
      );
      const hits = (res.Items ?? []) as { pk: string; gsi1sk: string; wid?: string }[];
      const mains = await this.batchGetMain(
        hits.map((h) => idOf(h.pk)),
        projection.join(', '),
      );
      if (!needFacets) {
        // Mid-update entries: fetch what the check needs for those few only.
        const changing = hits.filter((h) => {
          const m = mains.get(idOf(h.pk));
          return m && !m.del && m.wid !== h.wid;
        });
        if (changing.length > 0) {
          const more = await this.batchGetMain(
            changing.map((h) => idOf(h.pk)),
            'pk, wid, del, sm, fac, ts',
          );
          for (const [id, m] of more) mains.set(id, m);
        }
      }
      for (const hit of hits) {
        const id = idOf(hit.pk);
        const main = mains.get(id);
        if (!main || main.del || !main.sm) continue;
        if (main.fac) {
          const facets = new Set(main.fac);
          if (!plan.required.every((f) => facets.has(f))) continue;
          if (main.ts && ((plan.lower && main.ts < plan.lower) || (plan.upper && main.ts > plan.upper)))
            continue;
        } else if (main.wid !== hit.wid) continue;
        if (plan.phrase !== undefined && !matchesPhrase(main.txt ?? '', plan.phrase)) continue;
        matches.push({ summary: decodeSummary(main.sm), k: hit.gsi1sk, id });
        if (matches.length >= want) break;
      }
      if (matches.length >= want || !res.LastEvaluatedKey) break;
      startKey = res.LastEvaluatedKey as Record<string, string>;
    }
    const items = matches.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((m) => m.summary),
      next: matches.length > limit && last ? { v: 1, p: partition, k: last.k, id: last.id } : null,
    };
  }

  /**
   * With several facets to AND, reads the one with the fewest items in the date range: a quick
   * keys-only count of each (capped at PROBE_LIMIT) beats guessing which facet is rare.
   */
  private async smallestPartition(
    plan: ReturnType<typeof planFilter>,
    range: string[],
    values: Record<string, string>,
  ): Promise<string> {
    const candidates = plan.required.filter((f) => !f.startsWith('s#'));
    if (candidates.length <= 1) return plan.partition;
    const counts = await Promise.all(
      candidates.map(async (f) => {
        const res = await this.doc.send(
          new QueryCommand({
            TableName: this.table,
            IndexName: BY_FACET,
            KeyConditionExpression: ['gsi1pk = :p', ...range].join(' AND '),
            ExpressionAttributeValues: { ...values, ':p': f },
            Select: 'COUNT',
            Limit: PROBE_LIMIT,
          }),
        );
        return res.Count ?? 0;
      }),
    );
    let best = 0;
    for (let i = 1; i < candidates.length; i++) if (counts[i]! < counts[best]!) best = i;
    return candidates[best]!;
  }

  async topEntities(type: EntityType, options: { prefix?: string; limit: number }): Promise<EntityCount[]> {
    const rows = await this.topCounters(type, options);
    return rows.map((r) => ({
      name: r.name,
      count: r.gsi2sk,
      ...(r.province && { province: r.province }),
    }));
  }

  async topTopics(options: { limit: number }): Promise<TopicCount[]> {
    const rows = await this.topCounters('topic', options);
    return rows.map((r) => ({ code: r.sk, label: r.label ?? r.sk, count: r.gsi2sk }));
  }

  private async topCounters(
    kind: CountedFacet['kind'],
    options: { prefix?: string; limit: number },
  ): Promise<{ sk: string; name: string; label?: string; province?: Province; gsi2sk: number }[]> {
    type Row = { sk: string; name: string; label?: string; province?: Province; gsi2sk: number };
    const limit = options.limit;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw new RangeError(`limit must be a whole number from 1 to ${MAX_LIMIT}`);
    }
    const prefix = options.prefix !== undefined ? searchKey(options.prefix) : '';
    if (prefix) {
      const rows = await this.queryAll<Row>(
        {
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': counterPk(kind), ':prefix': prefix },
        },
        MAX_PREFIX_COUNTERS,
      );
      return rows
        .filter((r) => r.gsi2sk > 0)
        .sort((a, b) => b.gsi2sk - a.gsi2sk || a.sk.localeCompare(b.sk))
        .slice(0, limit);
    }
    const out: Row[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const res = await this.doc.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: BY_COUNT,
          KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk > :zero',
          ExpressionAttributeValues: { ':pk': counterPk(kind), ':zero': 0 },
          ScanIndexForward: false,
          Limit: limit - out.length,
          ...(startKey && { ExclusiveStartKey: startKey }),
        }),
      );
      out.push(...((res.Items ?? []) as Row[]));
      startKey = res.LastEvaluatedKey;
    } while (startKey && out.length < limit);
    // Equal counts come back in index order; make ties deterministic by key.
    return out.sort((a, b) => b.gsi2sk - a.gsi2sk || a.sk.localeCompare(b.sk));
  }

  /** Every live article (not deleted), for reindex; reads only small attributes. */
  async *scanArticles(options: { pageSize?: number } = {}): AsyncGenerator<StoredArticleRef> {
    let startKey: Record<string, unknown> | undefined;
    do {
      const res = await this.doc.send(
        new ScanCommand({
          TableName: this.table,
          FilterExpression: 'sk = :main AND attribute_not_exists(del)',
          ExpressionAttributeValues: { ':main': MAIN_SK },
          ProjectionExpression: 'pk, seq, st, pv, bkt, #key',
          ExpressionAttributeNames: { '#key': 'key' },
          Limit: options.pageSize ?? 500,
          ...(startKey && { ExclusiveStartKey: startKey }),
        }),
      );
      for (const it of (res.Items ?? []) as MainItem[]) {
        if (!it.key || !it.pv || !it.st) continue;
        yield {
          id: idOf(it.pk),
          seq: it.seq,
          status: it.st as ArticleRecord['status'],
          processorVersion: it.pv,
          source: { key: it.key, ...(it.bkt !== undefined && { bucket: it.bkt }) },
        };
      }
      startKey = res.LastEvaluatedKey;
    } while (startKey);
  }

  // ---------------------------------------------------------------- plumbing

  private async getMain(id: string, projection?: string): Promise<MainItem | undefined> {
    const res = await this.doc.send(
      new GetCommand({
        TableName: this.table,
        Key: { pk: pkOf(id), sk: MAIN_SK },
        ConsistentRead: true,
        ...(projection && { ProjectionExpression: projection }),
      }),
    );
    return res.Item as MainItem | undefined;
  }

  private async batchGetMain(ids: string[], projection: string): Promise<Map<string, MainItem>> {
    const out = new Map<string, MainItem>();
    let keys = [...new Set(ids)].map((id) => ({ pk: pkOf(id), sk: MAIN_SK }));
    for (let attempt = 0; keys.length > 0; attempt++) {
      if (attempt >= this.maxBatchAttempts) throw new Error('BatchGetItem: unprocessed keys after retries');
      if (attempt > 0) await sleep(Math.min(1000, 25 * 2 ** attempt));
      const res = await this.doc.send(
        new BatchGetCommand({
          RequestItems: {
            [this.table]: {
              Keys: keys.slice(0, 100),
              ProjectionExpression: projection,
              ConsistentRead: true,
            },
          },
        }),
      );
      for (const it of (res.Responses?.[this.table] ?? []) as MainItem[]) out.set(idOf(it.pk), it);
      const unprocessed = (res.UnprocessedKeys?.[this.table]?.Keys ?? []) as typeof keys;
      keys = [...unprocessed, ...keys.slice(100)];
      if (unprocessed.length === 0) attempt = -1; // progress: reset the backoff
    }
    return out;
  }

  /** BatchWriteItem in groups of 25, retrying unprocessed items with exponential backoff. */
  /**
   * BatchWriteItem in groups of 25 (a few groups at once), retrying each group's unprocessed items with
   * exponential backoff: BatchWriteItem is not atomic and may leave part of a group undone.
   */
  private async batchWrite(
    requests: NonNullable<BatchWriteCommandInput['RequestItems']>[string],
  ): Promise<void> {
    const groups: (typeof requests)[] = [];
    for (let i = 0; i < requests.length; i += 25) groups.push(requests.slice(i, i + 25));
    const writeGroup = async (group: typeof requests) => {
      let pending = group;
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt >= this.maxBatchAttempts)
          throw new Error('BatchWriteItem: unprocessed items after retries');
        if (attempt > 0) await sleep(Math.min(1000, 25 * 2 ** attempt));
        const res = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.table]: pending } }));
        pending = res.UnprocessedItems?.[this.table] ?? [];
      }
    };
    for (let i = 0; i < groups.length; i += BATCH_WRITE_PARALLEL) {
      await Promise.all(groups.slice(i, i + BATCH_WRITE_PARALLEL).map(writeGroup));
    }
  }

  private async queryAll<T>(input: QueryCommandInput, max = Number.POSITIVE_INFINITY): Promise<T[]> {
    const out: T[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const res = await this.doc.send(
        new QueryCommand({ ...input, ...(startKey && { ExclusiveStartKey: startKey }) }),
      );
      out.push(...((res.Items ?? []) as T[]));
      startKey = res.LastEvaluatedKey;
    } while (startKey && out.length < max);
    return out;
  }
}
