/**
 * Keeps an article's postings equal to its article item, without transactions.
 *
 * A writer first swaps the article item conditionally (article-store.ts); the new item lists in `old`
 * every posting and chunk of the versions it replaced that may still exist. Then `syncIndex` puts the
 * postings of the item, deletes those in `old` (and any this writer put for a version since replaced),
 * clears `old` if the item is still the same, and re-reads the item: if another writer changed it
 * meanwhile, it syncs again to that. The last writer to finish leaves exactly the newest item's
 * postings. Reads check each posting against the article item, so a half-done sync shows nothing wrong.
 *
 * Counters do not move here: the writer whose conditional swap replaced the article item is the one
 * writer that saw that transition, and records its moves (`counterMoves`) as one delta item that a fold
 * merges into the counters later (counter-fold.ts). Counted postings only name their counter, so a
 * recount can rebuild it.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Province } from '../model/article';
import { counterPk } from './counters';
import { type CountedFacet, FACET } from './facets';
import {
  chunkSk,
  MAIN_SK,
  type MainItem,
  pkOf,
  postingRefs,
  postingSk,
  STATE_NAMES,
  STATE_PROJECTION,
} from './items';
import type { TableIO, WriteRequest } from './table-io';

const KIND_OF_PREFIX: Record<string, CountedFacet['kind']> = {
  [FACET.person]: 'person',
  [FACET.organization]: 'organization',
  [FACET.place]: 'place',
  [FACET.topic]: 'topic',
};

/**
 * The counted facets as the article item keeps them (`cf`), short: `[facet, name, province]` or
 * `[facet, label]` for topics; the kind and counter key are the facet's prefix and value.
 */
export function encodeCounted(counted: CountedFacet[]): string {
  return JSON.stringify(
    counted.map((c) =>
      c.kind === 'topic' ? [c.facet, c.label ?? ''] : [c.facet, c.name, ...(c.province ? [c.province] : [])],
    ),
  );
}

export function decodeCounted(cf: string): CountedFacet[] {
  return (JSON.parse(cf) as [string, string, Province?][]).map(([facet, text, province]) => {
    const at = facet.indexOf('#');
    const kind = KIND_OF_PREFIX[facet.slice(0, at)]!;
    const counterKey = facet.slice(at + 1);
    return kind === 'topic'
      ? { facet, kind, counterKey, name: counterKey, label: text }
      : { facet, kind, counterKey, name: text, ...(province && { province }) };
  });
}

const isConditionFailure = (err: unknown) =>
  (err as { name?: string }).name === 'ConditionalCheckFailedException';

/**
 * The article item's state as writers need it: a consistent read, in a BatchGetItem shared with the
 * other writers' state reads (table-io.ts `getBatched`).
 */
export function readState(io: TableIO, id: string): Promise<MainItem | undefined> {
  return io.getBatched<MainItem & Record<string, unknown>>(
    { pk: pkOf(id), sk: MAIN_SK },
    STATE_PROJECTION,
    STATE_NAMES,
  );
}

/** Makes the postings (and chunks) of one article match its article item; see the module comment. */
export async function syncIndex(io: TableIO, id: string, first: MainItem): Promise<void> {
  const written = new Set<string>();
  let current: MainItem | undefined = first;
  for (let round = 0; current && round < 8; round++) {
    await syncOnce(io, id, current, written);
    const latest = await readState(io, id);
    if (!latest || latest.wid === current.wid) return;
    current = latest;
  }
}

function splitRef(ref: string): { ts: string; facet: string } {
  const at = ref.indexOf('#');
  return { ts: ref.slice(0, at), facet: ref.slice(at + 1) };
}

async function syncOnce(io: TableIO, id: string, main: MainItem, written: Set<string>): Promise<void> {
  const desired = new Set(postingRefs(main));
  const counted = new Map<string, CountedFacet>(
    main.cf ? decodeCounted(main.cf).map((c) => [c.facet, c]) : [],
  );
  const plain: WriteRequest[] = [];
  for (const ref of desired) {
    if (written.has(ref)) continue;
    const { ts, facet } = splitRef(ref);
    const c = counted.get(facet);
    // A counted posting names its counter and carries the facet, so a recount can rebuild the counter.
    const counter = c ? { cpk: counterPk(c.kind), csk: c.counterKey, cf: JSON.stringify(c) } : {};
    plain.push({ PutRequest: { Item: { pk: facet, sk: postingSk(ts, id), ...counter } } });
  }
  const stale = new Set([...(main.old ?? []), ...written]);
  for (const ref of stale) {
    if (desired.has(ref)) continue;
    if (ref.startsWith('B#')) {
      // A run of chunks `B#<seq>#<count>`; never those the item itself points at.
      const [, seq, count] = ref.split('#') as [string, string, string];
      for (let n = 0; n < Number(count); n++) {
        if (seq === main.seq && main.ck !== undefined && n < main.ck) continue;
        plain.push({ DeleteRequest: { Key: { pk: pkOf(id), sk: chunkSk(seq, n) } } });
      }
      continue;
    }
    const { ts, facet } = splitRef(ref);
    plain.push({ DeleteRequest: { Key: { pk: facet, sk: postingSk(ts, id) } } });
  }
  await io.batchWrite(plain);
  for (const ref of stale) written.delete(ref);
  for (const ref of desired) written.add(ref);
  if (main.old && main.old.length > 0) await clearOld(io, main);
}

/** Forgets `old` once its postings are gone, unless another writer replaced the item meanwhile. */
async function clearOld(io: TableIO, main: MainItem): Promise<void> {
  try {
    await io.doc.send(
      new UpdateCommand({
        TableName: io.table,
        Key: { pk: main.pk, sk: MAIN_SK },
        UpdateExpression: 'REMOVE #old',
        ConditionExpression: 'wid = :wid',
        ExpressionAttributeNames: { '#old': 'old' },
        ExpressionAttributeValues: { ':wid': main.wid },
      }),
    );
  } catch (err) {
    if (!isConditionFailure(err)) throw err; // replaced: its writer carries `old` forward
  }
}

/** One counted facet gained (+1) or lost (-1). */
export interface CounterDelta {
  counted: CountedFacet;
  delta: number;
}

/**
 * The counter moves for one swap of an article item, from the version it replaced (`prev`) to the one it
 * wrote: +1 for each counted facet it gained, -1 for each it lost. Each swap is conditional on the
 * replaced item's `wid`, so exactly one writer moves the counters for each transition.
 */
export function counterMoves(prev: MainItem | undefined, next: MainItem): CounterDelta[] {
  const countedOf = (m: MainItem | undefined) =>
    new Map(m && !m.del && m.cf ? decodeCounted(m.cf).map((c) => [c.facet, c] as const) : []);
  const before = countedOf(prev);
  const after = countedOf(next);
  return [
    ...[...after].filter(([f]) => !before.has(f)).map(([, counted]) => ({ counted, delta: 1 })),
    ...[...before].filter(([f]) => !after.has(f)).map(([, counted]) => ({ counted, delta: -1 })),
  ];
}
