/**
 * Story heads off the write path, folded with the counters (counter-fold.ts). A writer whose swap of an
 * article item moves the article into or out of a story records the move in the swap's counter-delta
 * item (`sup`, `sdn`, `art`, `etm`, beside the counter moves), put through the shared write batcher,
 * instead of updating the story head itself. A fold sums
 * the moves per story and writes each touched head: its size `sz` and last seen `ls` as ABSOLUTE values
 * (so finishing a fold again changes nothing), member-id hints added and removed (idempotent set
 * updates), and a head whose size comes to zero deleted. Only folds write these attributes; merges write
 * only the merge pointer `mv` (and take the head off the list, `lsp`), and a fold never undoes that: its
 * writes to the list are conditional on `mv` absent (a head no item held when the fold opened is put
 * whole by the aggregator that opened it, before any review of the fold can merge: writeHeads). Head
 * sizes, last seen and the story list therefore lag ingest by the time to the next fold, as counters do.
 */
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DELTA_PREFIX, DELTA_SHARDS, idOfPk } from './items';
import { HEAD_SK, type HeadItem, headPk, isConditionFailure, LIST_PARTITION } from './story-reads';
import type { TableIO, WriteRequest } from './table-io';

/** The story fields of a delta item: one article's move between stories. */
export interface StoryDelta {
  /** The story it joined. */
  sup?: string;
  /** The story it left. */
  sdn?: string;
  /** The article's id. */
  art?: string;
  /** Its event time (ms), for the story's last seen. */
  etm?: number;
}

/** What a fold writes to one story head. */
export interface HeadWrite {
  sid: string;
  /** Its article count after the fold (below zero while a -1 waits for its +1). */
  sz: number;
  /** Its newest article's event time. */
  ls?: number;
  /** Member ids to add to the hint, and to take out of it. */
  add: string[];
  del: string[];
  /** No head item when the fold opened: the fold that opened may put it whole (writeHeads). */
  fresh?: true;
}

/**
 * The story fields of the delta item for one swap of an article item (from `prev` to `next`): the move
 * between the stories its links name, or none when it stays in the story it was in (or in none).
 */
export function storyMove(
  prev: { del?: boolean; sid?: string } | undefined,
  next: { pk: string; del?: boolean; sid?: string; etm?: number },
): StoryDelta | null {
  const before = prev && !prev.del ? prev.sid : undefined;
  const after = next.del ? undefined : next.sid;
  if (before === after) return null;
  return {
    art: idOfPk(next.pk),
    ...(after && { sup: after }),
    ...(before && { sdn: before }),
    ...(after && next.etm !== undefined && { etm: next.etm }),
  };
}

/**
 * The delta item of a swap that moves only the story (a merge's settle: no counted facet changes), named
 * by the swap's new `wid` (`lid`), or none when it stays in its story.
 */
export function storyDeltaRequest(
  prev: { del?: boolean; sid?: string } | undefined,
  next: { pk: string; lid: string; del?: boolean; sid?: string; etm?: number },
): WriteRequest | null {
  const move = storyMove(prev, next);
  if (!move) return null;
  const item: StoryDelta & { pk: string; sk: string } = { ...deltaKeyOf(next.lid), ...move };
  return { PutRequest: { Item: item } };
}

/** The key of the delta item of the swap that wrote `wid`: one per swap. */
export function deltaKeyOf(wid: string): { pk: string; sk: string } {
  const shard = Number.parseInt(wid.slice(0, 2), 16) % DELTA_SHARDS;
  return { pk: `${DELTA_PREFIX}${Number.isNaN(shard) ? 0 : shard}`, sk: wid };
}

interface StoryMoves {
  sum: number;
  /** Per article, its moves in (+1) and out (-1) summed. */
  add: Map<string, number>;
  ls?: number;
}

/** The stories a delta moves an article between. */
export const storiesOf = (d: StoryDelta): string[] =>
  d.art ? [...(d.sup ? [d.sup] : []), ...(d.sdn ? [d.sdn] : [])] : [];

/** The story moves of some deltas, per story: size change, members in and out, newest event time. */
export function sumMoves(deltas: readonly StoryDelta[]): Map<string, StoryMoves> {
  const out = new Map<string, StoryMoves>();
  const at = (sid: string) => {
    const s = out.get(sid) ?? { sum: 0, add: new Map<string, number>() };
    out.set(sid, s);
    return s;
  };
  for (const d of deltas) {
    if (!d.art) continue;
    if (d.sup) {
      const s = at(d.sup);
      s.sum += 1;
      s.add.set(d.art, (s.add.get(d.art) ?? 0) + 1);
      if (d.etm !== undefined) s.ls = Math.max(s.ls ?? d.etm, d.etm);
    }
    if (d.sdn) {
      const s = at(d.sdn);
      s.sum -= 1;
      s.add.set(d.art, (s.add.get(d.art) ?? 0) - 1);
    }
  }
  return out;
}

/** The head writes for some deltas, from the heads as stored now (read consistently). */
export async function newHeads(io: TableIO, deltas: readonly StoryDelta[]): Promise<HeadWrite[]> {
  const moves = sumMoves(deltas);
  if (moves.size === 0) return [];
  const stored = new Map(
    (
      await io.batchGet<HeadItem & Record<string, unknown>>(
        [...moves.keys()].map((sid) => ({ pk: headPk(sid), sk: HEAD_SK })),
        'pk, sz, ls',
      )
    ).map((h) => [h.pk.slice(2), h]),
  );
  return [...moves].map(([sid, m]): HeadWrite => {
    const old = stored.get(sid);
    const ls = Math.max(old?.ls ?? Number.NEGATIVE_INFINITY, m.ls ?? Number.NEGATIVE_INFINITY);
    const net = [...m.add];
    return {
      sid,
      sz: (old?.sz ?? 0) + m.sum,
      ...(Number.isFinite(ls) && { ls }),
      add: net.filter(([, n]) => n > 0).map(([id]) => id),
      del: net.filter(([, n]) => n < 0).map(([id]) => id),
      ...(!old && { fresh: true as const }),
    };
  });
}

/** Head writes in flight at once. */
const PARALLEL_HEAD_WRITES = 8;

/**
 * Applies a fold's head writes (any number of times: same result). `opened`: called by the aggregator that
 * opened the fold, before its reviews: then a head no item held when the fold opened (`fresh`) is put
 * whole in the shared BatchWriteItem calls, as the conditional UpdateItem would have made it (an emptied
 * one is nothing to delete), a request saved per new story. Why nothing is lost: only folds write heads'
 * counts and only reviews (a fold's, after its head writes) and `reindex --recount` (run when ingest is
 * quiet) merge, and folds run one at a time within their lease, so no head item appeared since the fold
 * read the heads. Finishing a fold again from its record (its reviews may have merged meanwhile: a put
 * would drop the merge pointer) goes by UpdateItem for every head.
 */
export async function writeHeads(io: TableIO, writes: readonly HeadWrite[], opened = false): Promise<void> {
  const puts = opened ? writes.filter((w) => w.fresh) : [];
  const updates = opened ? writes.filter((w) => !w.fresh) : writes;
  let next = 0;
  const worker = async () => {
    while (next < updates.length) await writeHead(io, updates[next++]!);
  };
  await Promise.all([
    io.batchWrite(puts.filter((w) => w.sz !== 0).map((w) => ({ PutRequest: { Item: newHead(w) } }))),
    ...Array.from({ length: Math.min(PARALLEL_HEAD_WRITES, updates.length) }, worker),
  ]);
}

/** The head item writeHead's UpdateItem makes where none was (member ids taken out: none held). */
function newHead(w: HeadWrite): Record<string, unknown> {
  const listed = w.sz > 0 && w.ls !== undefined;
  return {
    pk: headPk(w.sid),
    sk: HEAD_SK,
    sz: w.sz,
    ...(listed && { ls: w.ls, lsp: LIST_PARTITION }),
    ...(w.add.length > 0 && { mb: new Set(w.add) }),
  };
}

async function writeHead(io: TableIO, w: HeadWrite): Promise<void> {
  const Key = { pk: headPk(w.sid), sk: HEAD_SK };
  if (w.sz === 0) {
    // A story whose last article left is gone; a merged-away head stays (links may still name it).
    try {
      await io.doc.send(
        new DeleteCommand({ TableName: io.table, Key, ConditionExpression: 'attribute_not_exists(mv)' }),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
    return;
  }
  const listed = w.sz > 0 && w.ls !== undefined;
  const add = w.add.length > 0 ? ' ADD mb :add' : '';
  const values = { ':sz': w.sz, ...(w.add.length > 0 && { ':add': new Set(w.add) }) };
  try {
    await io.doc.send(
      new UpdateCommand({
        TableName: io.table,
        Key,
        UpdateExpression: listed ? `SET sz = :sz, ls = :ls, lsp = :p${add}` : `SET sz = :sz${add} REMOVE lsp`,
        ConditionExpression: 'attribute_not_exists(mv)',
        ExpressionAttributeValues: listed ? { ...values, ':ls': w.ls, ':p': LIST_PARTITION } : values,
      }),
    );
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    return; // merged away meanwhile: only its pointer is read from now on
  }
  if (w.del.length > 0) {
    await io.doc
      .send(
        new UpdateCommand({
          TableName: io.table,
          Key,
          UpdateExpression: 'DELETE mb :del',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':del': new Set(w.del) },
        }),
      )
      .catch((err: unknown) => {
        if (!isConditionFailure(err)) throw err;
      });
  }
}
