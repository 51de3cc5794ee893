/**
 * The store's item layout (see docs/ingest-and-store.md), in one place:
 *
 * - article item, pk `A#<id>`, sk `#`: `seq` (padded S3 sequencer), `wid` (changes with every write), the
 *   record without its body (gzipped summary `sm`) and the count of its body items (`ck`), what reads check
 *   (`fac` facets, `ts` sort time, `txt` search text), `old`: postings and body items of earlier versions
 *   still to delete; with stories on, its story link (`sid`, `dup`, `etm`, `trm`, `mh`: story-reads.ts,
 *   written in the same put); after a delete, a tombstone (`del`). Items written before bodies had their own items
 *   hold the gzipped body inline (`bd`, no `ck`): reads accept them, reindex rewrites them;
 * - body item, pk `A#<id>`, sk `B#<seq>#<nnnn>`: `dt`, up to 300 KB of the gzipped body (one item for
 *   most articles). Only GET /articles/{id} reads it, in the same Query as the article item;
 * - posting, pk = the facet (`p#phambinhminh`, `w#ha noi`, `s#stored`), sk `<ts>#<id>`: one small item
 *   per facet of an article, read newest first by Query; counted facets carry `cpk`/`csk`/`cf`;
 * - counter, pk `C#<kind>` (counters.ts);
 * - counter delta, pk `CD#<shard>`, sk the `wid` of the article write whose counter moves it holds
 *   (`up`/`dn`: counted facets gained and lost), until a fold merges it into the counters; the fold
 *   record, pk `C#fold`, sk `#` (counter-fold.ts).
 */
export const MAIN_SK = '#';

/** Partition prefix of counter deltas (the aggregator's stream filter matches it). */
export const DELTA_PREFIX = 'CD#';
/** Partitions deltas are spread over (DynamoDB writes about 1,000 items/s to one partition). */
export const DELTA_SHARDS = 4;
export const FOLD_KEY = { pk: 'C#fold', sk: '#' } as const;

export const pkOf = (id: string) => `A#${id}`;
export const idOfPk = (pk: string) => pk.slice(2);

export interface MainItem {
  pk: string;
  sk: string;
  seq: string;
  wid: string;
  del?: boolean;
  st?: string;
  ts?: string;
  /**
   * The facets, one a line (`encodeFacets`): one string costs a reader far less to decode than a list
   * of ~80 (dynalite and the SDK build an object per list element). Items written before hold a list.
   */
  fac?: string | string[];
  txt?: string;
  sm?: Uint8Array;
  /** The gzipped body, inline: only in items written before bodies had their own items. */
  bd?: Uint8Array;
  /** How many body items (`B#<seq>#<nnnn>`) hold the gzipped body. */
  ck?: number;
  /** Counted facets, short (postings.ts `encodeCounted`). */
  cf?: string;
  /** What earlier versions left to delete: postings `<ts>#<facet>`, chunk runs `B#<seq>#<count>`. */
  old?: string[];
  pv?: string;
  bkt?: string;
  key?: string;
  /** The story link (story-reads.ts `LinkItem`): story id, duplicate of, event time, terms, sketch. */
  sid?: string;
  dup?: string;
  etm?: number;
  trm?: string;
  mh?: string;
}

/**
 * Attributes the writers read back from the article item, with its story link, and a story head's (`sz`,
 * `mv`: story-reads.ts), so that the reads of article states, links and heads share BatchGetItem calls.
 */
export const STATE_PROJECTION = 'pk, seq, wid, del, ts, fac, cf, ck, #old, sid, dup, etm, trm, mh, sz, mv';
export const STATE_NAMES = { '#old': 'old' };

/** A posting of `facet` for article `id` at sort time `ts`. */
export const postingSk = (ts: string, id: string) => `${ts}#${id}`;
/** The article id of a posting's sort key (ids are hex, sort times hold no `#`). */
export const idOfPostingSk = (sk: string) => sk.slice(sk.lastIndexOf('#') + 1);
export const tsOfPostingSk = (sk: string) => sk.slice(0, sk.lastIndexOf('#'));

/** `<ts>#<facet>`: one posting, as the article item's `old` lists it. */
export const postingRef = (ts: string, facet: string) => `${ts}#${facet}`;
export const chunkRunRef = (seq: string, count: number) => `B#${seq}#${count}`;
/** Sort keys of body items start with it; the article item's `#` sorts before them, the story link after. */
export const BODY_SK_PREFIX = 'B#';
export const chunkSk = (seq: string, n: number) => `${BODY_SK_PREFIX}${seq}#${String(n).padStart(4, '0')}`;

/** The article item's `fac`: facet keys are single-spaced (nameKey, foldKey, searchKey), never a line break. */
export const encodeFacets = (facets: readonly string[]): string => facets.join('\n');

/** The facets of an article item, of either layout. */
export function facetsOf(item: Pick<MainItem, 'fac'>): string[] {
  const fac = item.fac;
  if (fac === undefined || fac === '') return [];
  return typeof fac === 'string' ? fac.split('\n') : fac;
}

/** Every posting an article item stands for. */
export function postingRefs(item: Pick<MainItem, 'del' | 'ts' | 'fac'>): string[] {
  if (item.del || item.ts === undefined) return [];
  return facetsOf(item).map((f) => postingRef(item.ts!, f));
}

/** Chunk items an article item points at. */
export function chunkRefs(item: Pick<MainItem, 'seq' | 'ck'>): string[] {
  return item.ck === undefined ? [] : [chunkRunRef(item.seq, item.ck)];
}
