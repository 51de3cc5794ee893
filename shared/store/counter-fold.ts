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
 * article's link moved it into and out of (head-fold.ts).
 */
export interface DeltaItem extends StoryDelta {
  pk: string;
  sk: string;
  up?: string;
  dn?: string;
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
}

const isConditionFailure = (err: unknown) =>
  (err as { name?: string }).name === 'ConditionalCheckFailedException';

/**
 * The delta item for one swap of an article item (its `wid` names the delta, so a swap has one): the
 * counters it moves and the story move of its link (head-fold.ts), or none when it moves neither.
 */
export function deltaRequest(prev: MainItem | undefined, next: MainItem): WriteRequest | null {
  const moves = counterMoves(prev, next);
  const story = storyMove(prev, next);
  if (moves.length === 0 && !story) return null;
  const up = moves.filter((m) => m.delta > 0).map((m) => m.counted);
  const dn = moves.filter((m) => m.delta < 0).map((m) => m.counted);
  const item: DeltaItem = {
    ...deltaKeyOf(next.wid),
    ...(up.length > 0 && { up: encodeCounted(up) }),
    ...(dn.length > 0 && { dn: encodeCounted(dn) }),
    ...story,
  };
  return { PutRequest: { Item: item as unknown as Record<string, unknown> } };
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
  /** Stopped because another fold is open and live (its deltas are folded by it or the next call). */
  busy: boolean;
}

/** Folds every pending delta into the counters; see the module comment. */
export async function foldCounters(io: TableIO, options: FoldOptions = {}): Promise<FoldResult> {
  const now = options.now ?? Date.now;
  const leaseMs = options.leaseMs ?? 120_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const waitUntil = now() + (options.waitMs ?? 0);
  const result: FoldResult = { folds: 0, deltas: 0, counters: 0, heads: 0, busy: false };
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
      await finishFold(io, state, result);
      continue;
    }
    const { deltas, more } = await pendingDeltas(io);
    if (deltas.length === 0) return result;
    const counters = await newCounts(io, deltas);
    const heads = await newHeads(io, counters.deltas);
    const record: FoldRecord = {
      ...FOLD_KEY,
      n: (state?.n ?? 0) + 1,
      at: now(),
      cs: gzipSync(JSON.stringify(counters.items)),
      ...(heads.length > 0 && { hs: gzipSync(JSON.stringify(heads)) }),
      dk: counters.deltas.map(deltaKey),
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
    await finishFold(io, record, result);
    // Everything pending when it looked is folded: later deltas have their own wake-up (stream, timer).
    if (!more && counters.deltas.length === deltas.length) return result;
  }
}

/** Writes an open fold's counters, deletes its deltas and closes it (any number of times: same result). */
async function finishFold(io: TableIO, record: FoldRecord, result: FoldResult): Promise<void> {
  const items = JSON.parse(gunzipSync(record.cs!).toString('utf8')) as CounterItem[];
  const deltas = record.dk ?? [];
  const heads = record.hs ? (JSON.parse(gunzipSync(record.hs).toString('utf8')) as HeadWrite[]) : [];
  await Promise.all([
    io.batchWrite(
      items.map((Item) => ({ PutRequest: { Item: Item as unknown as Record<string, unknown> } })),
    ),
    writeHeads(io, heads),
  ]);
  await io.batchWrite(
    deltas.map((k) => {
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
