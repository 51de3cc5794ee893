/**
 * Counters off the write path. A writer records its article's counter moves as ONE delta item (put
 * through the shared write batcher, so it rides in a BatchWriteItem with other articles' items); a fold
 * later merges every pending delta into the counter items and deletes the deltas. Counts are therefore
 * eventually consistent: they lag ingest by the time to the next fold (about a second).
 *
 * Exactly once without transactions, by a write-ahead fold record (pk `C#fold`, sk `#`):
 * 1. read the record (consistent); if it is open (`dk` present), finish that fold first (step 4);
 * 2. read pending deltas (a consistent Query of each delta partition) and the counters they move
 *    (BatchGetItem), and compute each counter's new ABSOLUTE count;
 * 3. open fold n+1: a conditional PutItem of the record holding the new counter items (gzipped) and the
 *    delta keys, on condition that fold n is the last and closed. Only one fold is ever open;
 * 4. put the counter items (BatchWriteItem), delete the deltas, close the record (REMOVE, on condition
 *    `n` unchanged).
 * With stories on, a fold also reviews the story of each article version its deltas mark (`rid`: stored
 * and linked by its writer's first look alone, story-review in stories.ts), after writing the counters
 * and before deleting the deltas; the record lists them, so a fold finished from it reviews them too.
 * A fold that dies after step 3 is finished by the next one from its record: putting the same absolute
 * counts again changes nothing, and its deltas cannot be folded again because no fold opens before
 * they are gone. A fold that dies before step 3 wrote nothing. Since only folds write counters, and one
 * at a time, absolute puts need no condition and go 25 to a request (an increment would need one
 * UpdateItem per counter). Another fold is kept out by the open record for `leaseMs`; after that (the
 * holder must be dead: the aggregator Lambda's timeout is shorter) the record is finished by whoever
 * comes next.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Province } from '../model/article';
import { counterPk } from './counters';
import type { CountedFacet } from './facets';
import {
  deltaKeyOf,
  type HeadWrite,
  newHeads,
  type StoryDelta,
  storiesOf,
  storyMove,
  writeHeads,
} from './head-fold';
import { DELTA_PREFIX, DELTA_SHARDS, FOLD_KEY, type MainItem } from './items';
import { counterMoves, decodeCounted, encodeCounted } from './postings';
import type { TableIO, WriteRequest } from './table-io';

/** Deltas one fold takes at most. */
const MAX_FOLD_DELTAS = 1000;
/**
 * Counters and story heads one fold writes at most (its record, gzipped, stays far below DynamoDB's
 * 400 KB).
 */
const MAX_FOLD_COUNTERS = 3000;
/** How often a fold that waits for another looks again. */
const WAIT_STEP_MS = 200;

/**
 * A delta item: the counted facets one article version gained (`up`) and lost (`dn`), or the story one
 * article's link moved it into and out of (head-fold.ts), and for a version its writer linked to a story
 * the review it asks for (`rid`, `rv`, `rf`, `rt`).
 */
export interface DeltaItem extends StoryDelta {
  pk: string;
  sk: string;
  up?: string;
  dn?: string;
  /** The article whose version `rv` (its sequencer) the fold reviews. */
  rid?: string;
  rv?: string;
  /** 1 when its first look ranked no story (it founded its own). */
  rf?: number;
  /** When its writer's first look started (ms): reviews go in this order. */
  rt?: number;
  /** Folds that did not see its entry yet. */
  rc?: number;
}

/** An article version a fold reviews the story of (stories.ts `review`). */
export interface ReviewMark {
  id: string;
  seq: string;
  /** Its first look ranked no story: it founded the one it is in. */
  founded: boolean;
  /** When its writer's first look started (ms). */
  at: number;
  /** Folds that did not see its entry yet (each carries it in a changed item: the stream wakes the next). */
  unseen?: number;
}

/** What reviews the stories of a fold's marked versions (the store's story index). */
export interface FoldReviewer {
  /**
   * Called after the fold read its deltas: reviews from it on read the window digest as it is from then
   * (every entry written before the deltas were read). Resolves to how many article moves they made, or
   * null when the digest does not hold the version's entry yet (its writer writes it beside the delta)
   * but still may: the fold reviews it again later. `marks`, those it will review, are read ahead.
   */
  begin(marks?: readonly ReviewMark[]): { review(mark: ReviewMark): Promise<number | null> };
}

/** A counter item as folds write it (counters.ts reads it). */
export interface CounterItem {
  pk: string;
  sk: string;
  gsi2pk: string;
  gsi2sk: number;
  name: string;
  label?: string;
  province?: Province;
}

interface FoldRecord {
  pk: string;
  sk: string;
  /** Folds opened so far. */
  n: number;
  /**
   * While open: when it opened (ms), the counter items and story head writes it makes (gzipped JSON),
   * the deltas it folds.
   */
  at?: number;
  cs?: Uint8Array;
  hs?: Uint8Array;
  dk?: string[];
  /** The versions its deltas mark for review (gzipped JSON of ReviewMark). */
  rs?: Uint8Array;
}

const isConditionFailure = (err: unknown) =>
  (err as { name?: string }).name === 'ConditionalCheckFailedException';

/**
 * The delta item for one swap of an article item (its `wid` names the delta, so a swap has one): the
 * counters it moves and the story move of its link (head-fold.ts), or none when it moves neither.
 */
export function deltaRequest(
  prev: MainItem | undefined,
  next: MainItem,
  review?: ReviewMark,
): WriteRequest | null {
  const moves = counterMoves(prev, next);
  const story = storyMove(prev, next);
  if (moves.length === 0 && !story && !review) return null;
  const up = moves.filter((m) => m.delta > 0).map((m) => m.counted);
  const dn = moves.filter((m) => m.delta < 0).map((m) => m.counted);
  const item: DeltaItem = {
    ...deltaKeyOf(next.wid),
    ...(up.length > 0 && { up: encodeCounted(up) }),
    ...(dn.length > 0 && { dn: encodeCounted(dn) }),
    ...story,
    ...(review && markFields(review)),
  };
  return { PutRequest: { Item: item as unknown as Record<string, unknown> } };
}

const markFields = (m: ReviewMark) => ({
  rid: m.id,
  rv: m.seq,
  rt: m.at,
  ...(m.founded && { rf: 1 }),
  ...(m.unseen && { rc: m.unseen }),
});

function markOf(d: DeltaItem): ReviewMark | null {
  if (d.rid === undefined || d.rv === undefined) return null;
  return { id: d.rid, seq: d.rv, founded: d.rf === 1, at: d.rt ?? 0, ...(d.rc && { unseen: d.rc }) };
}

/**
 * A review a fold left for the next (out of time, or its entry not seen yet): a delta item of its own,
 * with no counter or story move, keyed by the version, so finishing the fold again puts the same item.
 */
function carriedRequest(m: ReviewMark): WriteRequest {
  let h = 0;
  for (let i = 0; i < m.id.length; i++) h = (h * 31 + m.id.charCodeAt(i)) >>> 0;
  const item = { pk: `${DELTA_PREFIX}${h % DELTA_SHARDS}`, sk: `r#${m.seq}#${m.id}`, ...markFields(m) };
  return { PutRequest: { Item: item } };
}

const counterId = (c: { kind: string; counterKey: string }) =>
  `${counterPk(c.kind as CountedFacet['kind'])}\u0000${c.counterKey}`;
const deltaKey = (d: { pk: string; sk: string }) => `${d.pk}\u0000${d.sk}`;

export interface FoldOptions {
  /** Wall clock, ms. @default Date.now */
  now?: () => number;
  /** An open fold younger than this belongs to a live folder and is waited for. @default 120000 */
  leaseMs?: number;
  /** How long to wait for another live fold before giving up (`busy`). @default 0 */
  waitMs?: number;
  /** @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
  /** Reviews the stories of the versions the deltas mark (none without: the marks are dropped). */
  reviewer?: FoldReviewer;
  /**
   * Wall clock (ms) after which no review starts and no further fold opens: the reviews not started are
   * left in delta items of their own for the next fold. @default 30 s after the call
   */
  deadline?: number;
}

export interface FoldResult {
  /** Folds this call completed (its own and any it finished for a dead folder). */
  folds: number;
  /** Deltas folded. */
  deltas: number;
  /** Counter items written. */
  counters: number;
  /** Story heads written. */
  heads: number;
  /** Article versions whose stories were reviewed, and those left for the next fold. */
  reviews: number;
  carried: number;
  /** Stopped because another fold is open and live (its deltas are folded by it or the next call). */
  busy: boolean;
}

/** Folds every pending delta into the counters; see the module comment. */
export async function foldCounters(io: TableIO, options: FoldOptions = {}): Promise<FoldResult> {
  const now = options.now ?? Date.now;
  const leaseMs = options.leaseMs ?? 120_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const waitUntil = now() + (options.waitMs ?? 0);
  const fold: FoldRun = {
    now,
    sleep,
    deadline: options.deadline ?? now() + DEFAULT_BUDGET_MS,
    ...(options.reviewer && { reviewer: options.reviewer }),
  };
  const result: FoldResult = {
    folds: 0,
    deltas: 0,
    counters: 0,
    heads: 0,
    reviews: 0,
    carried: 0,
    busy: false,
  };
  for (;;) {
    const state = (
      await io.doc.send(new GetCommand({ TableName: io.table, Key: FOLD_KEY, ConsistentRead: true }))
    ).Item as FoldRecord | undefined;
    if (state?.dk) {
      if (now() - (state.at ?? 0) < leaseMs) {
        if (now() >= waitUntil) return { ...result, busy: true };
        await sleep(WAIT_STEP_MS);
        continue;
      }
      await finishFold(io, state, result, fold);
      continue;
    }
    const { deltas, more } = await pendingDeltas(io);
    if (deltas.length === 0) return result;
    const counters = await newCounts(io, deltas);
    const heads = await newHeads(io, counters.deltas);
    const marks = counters.deltas
      .map(markOf)
      .filter((m): m is ReviewMark => m !== null)
      .sort((a, b) => a.at - b.at);
    const record: FoldRecord = {
      ...FOLD_KEY,
      n: (state?.n ?? 0) + 1,
      at: now(),
      cs: gzipSync(JSON.stringify(counters.items)),
      ...(heads.length > 0 && { hs: gzipSync(JSON.stringify(heads)) }),
      dk: counters.deltas.map(deltaKey),
      ...(marks.length > 0 && { rs: gzipSync(JSON.stringify(marks)) }),
    };
    try {
      await io.doc.send(
        new PutCommand({
          TableName: io.table,
          Item: record,
          ...(state
            ? {
                ConditionExpression: 'n = :n AND attribute_not_exists(dk)',
                ExpressionAttributeValues: { ':n': state.n },
              }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        }),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      continue; // another fold opened first: look again
    }
    const moved = await finishFold(io, record, result, fold, true);
    // Everything pending when it looked is folded: later deltas have their own wake-up (stream, timer);
    // the moves its reviews made are folded now (a quiet table ends with its heads exact).
    if (now() >= fold.deadline) return result;
    if (!more && counters.deltas.length === deltas.length && moved === 0) return result;
  }
}

interface FoldRun {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  deadline: number;
  reviewer?: FoldReviewer;
}

/**
 * Writes an open fold's counters, reviews the stories its deltas mark, deletes its deltas and closes it
 * (any number of times: same result; a review is idempotent). Resolves to how many article moves the
 * reviews made.
 */
async function finishFold(
  io: TableIO,
  record: FoldRecord,
  result: FoldResult,
  run: FoldRun,
  /** By the aggregator that opened it, right after: new story heads may be put whole (writeHeads). */
  opened = false,
): Promise<number> {
  const items = JSON.parse(gunzipSync(record.cs!).toString('utf8')) as CounterItem[];
  const deltas = record.dk ?? [];
  const heads = record.hs ? (JSON.parse(gunzipSync(record.hs).toString('utf8')) as HeadWrite[]) : [];
  const marks = record.rs ? (JSON.parse(gunzipSync(record.rs).toString('utf8')) as ReviewMark[]) : [];
  await Promise.all([
    io.batchWrite(
      items.map((Item) => ({ PutRequest: { Item: Item as unknown as Record<string, unknown> } })),
    ),
    writeHeads(io, heads, opened),
  ]);
  const reviewed = run.reviewer
    ? await reviewMarks(run, marks)
    : { done: marks.length, moved: 0, unseen: [] as ReviewMark[] };
  // The reviews not started, and those whose entry is not seen yet, go on in delta items of their own,
  // before this fold's deltas are deleted.
  const left = [
    ...marks.slice(reviewed.done),
    ...reviewed.unseen.map((m) => ({ ...m, unseen: (m.unseen ?? 0) + 1 })),
  ];
  const carried = left.map(carriedRequest);
  if (carried.length > 0) await io.batchWrite(carried);
  // A review carried again keeps the item it came in (the same key).
  const kept = new Set(carried.map((r) => deltaKey(r.PutRequest!.Item as { pk: string; sk: string })));
  await io.batchWrite(
    deltas
      .filter((k) => !kept.has(k))
      .map((k) => {
        const [pk, sk] = k.split('\u0000') as [string, string];
        return { DeleteRequest: { Key: { pk, sk } } };
      }),
  );
  try {
    await io.doc.send(
      new UpdateCommand({
        TableName: io.table,
        Key: FOLD_KEY,
        UpdateExpression: 'REMOVE cs, hs, dk, #at',
        ConditionExpression: 'n = :n',
        ExpressionAttributeNames: { '#at': 'at' },
        ExpressionAttributeValues: { ':n': record.n },
      }),
    );
  } catch (err) {
    if (!isConditionFailure(err)) throw err; // finished and closed by another folder meanwhile
  }
  result.folds++;
  result.deltas += deltas.length;
  result.counters += items.length;
  result.heads += heads.length;
  result.reviews += reviewed.done - reviewed.unseen.length;
  result.carried += left.length;
  return reviewed.moved;
}

/** Reviews at once at most (the stories eval models the same). */
export const REVIEWS_IN_FLIGHT = 8;
/** How long one fold call reviews at most, unless told (the aggregator Lambda's timeout is 60 s). */
const DEFAULT_BUDGET_MS = 30_000;

/** Looks again, this many times this far apart, within a fold, for entries not seen yet. */
const UNSEEN_RETRIES = 4;
const UNSEEN_RETRY_MS = 100;

/**
 * Reviews marks in order (REVIEWS_IN_FLIGHT at once) until the deadline: resolves to how many were
 * started (the first `done`), the moves they made, and those of them whose entry was not seen yet (after
 * a few looks again: a writer writes its entry beside its delta, so it is mostly a moment behind).
 */
async function reviewMarks(
  run: FoldRun,
  marks: ReviewMark[],
): Promise<{ done: number; moved: number; unseen: ReviewMark[] }> {
  let done = 0;
  let moved = 0;
  let unseen: ReviewMark[] = [];
  const pass = async (todo: ReviewMark[], untilDeadline: boolean): Promise<number> => {
    const reviews = run.reviewer!.begin(todo);
    let next = 0;
    const worker = async () => {
      while (next < todo.length && (!untilDeadline || run.now() < run.deadline)) {
        const mark = todo[next++]!;
        const made = await reviews.review(mark);
        if (made === null) unseen.push(mark);
        else moved += made;
      }
    };
    await Promise.all(Array.from({ length: Math.min(REVIEWS_IN_FLIGHT, todo.length) }, worker));
    return next;
  };
  if (marks.length > 0) done = await pass(marks, true);
  for (let retry = 0; retry < UNSEEN_RETRIES && unseen.length > 0 && run.now() < run.deadline; retry++) {
    await run.sleep(UNSEEN_RETRY_MS);
    const todo = unseen;
    unseen = [];
    await pass(todo, false);
  }
  return { done, moved, unseen };
}

/** Pending deltas, a fair share from each partition, up to MAX_FOLD_DELTAS; `more` if some were left. */
async function pendingDeltas(io: TableIO): Promise<{ deltas: DeltaItem[]; more: boolean }> {
  const perShard = Math.ceil(MAX_FOLD_DELTAS / DELTA_SHARDS);
  const shards = await Promise.all(
    Array.from({ length: DELTA_SHARDS }, (_, s) =>
      io.queryAll<DeltaItem>(
        {
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `${DELTA_PREFIX}${s}` },
          ConsistentRead: true,
          Limit: perShard,
        },
        perShard,
      ),
    ),
  );
  return {
    deltas: shards.flatMap((s) => s.slice(0, perShard)),
    more: shards.some((s) => s.length >= perShard),
  };
}

/**
 * The counter items after folding `deltas` (as many of them as fit MAX_FOLD_COUNTERS), from the counters
 * as stored now: names, labels and provinces already stored stay.
 */
async function newCounts(
  io: TableIO,
  deltas: DeltaItem[],
): Promise<{ items: CounterItem[]; deltas: DeltaItem[] }> {
  const sums = new Map<string, { c: CountedFacet; sum: number }>();
  const stories = new Set<string>();
  const taken: DeltaItem[] = [];
  for (const d of deltas) {
    const moves = [
      ...(d.up ? decodeCounted(d.up).map((c) => ({ c, by: 1 })) : []),
      ...(d.dn ? decodeCounted(d.dn).map((c) => ({ c, by: -1 })) : []),
    ];
    const heads = storiesOf(d).filter((s) => !stories.has(s));
    const added = moves.filter((m) => !sums.has(counterId(m.c))).length + heads.length;
    if (taken.length > 0 && sums.size + stories.size + added > MAX_FOLD_COUNTERS) break;
    taken.push(d);
    for (const s of heads) stories.add(s);
    for (const { c, by } of moves) {
      const known = sums.get(counterId(c));
      if (known) known.sum += by;
      else sums.set(counterId(c), { c, sum: by });
    }
  }
  const stored = new Map(
    (
      await io.batchGet<CounterItem & Record<string, unknown>>(
        [...sums.values()].map(({ c }) => ({ pk: counterPk(c.kind), sk: c.counterKey })),
        'pk, sk, gsi2sk, #name, label, province',
        { '#name': 'name' },
      )
    ).map((it) => [`${it.pk}\u0000${it.sk}`, it]),
  );
  const items = [...sums.entries()].map(([id, { c, sum }]): CounterItem => {
    const old = stored.get(id);
    const label = old?.label ?? c.label;
    const province = old?.province ?? c.province;
    return {
      pk: counterPk(c.kind),
      sk: c.counterKey,
      gsi2pk: counterPk(c.kind),
      // Not clamped at zero: an article's -1 may be folded before the +1 of its earlier version.
      gsi2sk: (old?.gsi2sk ?? 0) + sum,
      name: old?.name ?? c.name,
      ...(label && { label }),
      ...(province && { province }),
    };
  });
  return { items, deltas: taken };
}
