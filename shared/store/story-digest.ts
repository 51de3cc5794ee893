/**
 * The window digest: what the story index looks candidates up in. Per UTC day of event time (split into
 * DIGEST_SHARDS items by article id), one item holds a short entry per article, in its map `dg` keyed by
 * article id: its version (the padded S3 sequencer), event time, arrival time, story id, hashed look-up
 * terms and sketch bands. An article writes its entry with ONE UpdateItem (`SET dg.<id>`: writers of
 * other articles never get in each other's way; of two versions of one article the newer wins by a
 * condition), and reads its window with ONE BatchGetItem of the window's days. Being one named
 * attribute, the map is read with the projection of the writers' state reads (items.ts), so digest reads
 * share their BatchGetItem calls. Candidates are then chosen in memory with the
 * limits the posting look-ups had (the newest TERM_LOOKUP_LIMIT per term in the window, the earliest
 * BAND_LOOKUP_LIMIT per band). Entries are hints: the links decide (stories.ts reads them).
 *
 * Size: an entry is about 250 bytes, so an item (400 KB at most) holds about 1,600 articles of one day
 * and shard. Pure, no AWS.
 */
import { createHash } from 'node:crypto';

/** Items per day: more spread a busy day's entries (smaller writes), at more keys per read. */
export const DIGEST_SHARDS = 4;
export const DIGEST_SK = '#';
const DAY_MS = 86_400_000;

/** The map attribute of a digest item that holds its entries, by article id. */
export const DIGEST_ATTR = 'dg';

export interface DigestEntry {
  id: string;
  seq: string;
  /** Event time (ms). */
  time: number;
  /** Wall-clock time its writer wrote it (ms). */
  arrived: number;
  story: string;
  /** Hashed look-up terms (termHash). */
  terms: string[];
  bands: string[];
}

const shardOf = (id: string) => createHash('sha1').update(id).digest()[0]! % DIGEST_SHARDS;
const dayOf = (ms: number) => Math.floor(ms / DAY_MS);

/** The key of the item holding an article's entry. */
export function digestKey(id: string, time: number): { pk: string; sk: string } {
  return { pk: `W#${dayOf(time)}#${shardOf(id)}`, sk: DIGEST_SK };
}

/** Whether an entry at `other` is in an item that `windowKeys(time, windowMs)` reads. */
export const inWindowDays = (time: number, other: number, windowMs: number) =>
  dayOf(other) >= dayOf(time - windowMs) && dayOf(other) <= dayOf(time + windowMs);

/** The keys of every item of the days `windowMs` either side of `time`. */
export function windowKeys(time: number, windowMs: number): { pk: string; sk: string }[] {
  const keys: { pk: string; sk: string }[] = [];
  for (let d = dayOf(time - windowMs); d <= dayOf(time + windowMs); d++)
    for (let s = 0; s < DIGEST_SHARDS; s++) keys.push({ pk: `W#${d}#${s}`, sk: DIGEST_SK });
  return keys;
}

/** A look-up term as the digest holds it: 32 bits of its hash (a collision only adds a candidate). */
export const termHash = (term: string) =>
  createHash('sha1').update(term).digest().readUInt32LE(0).toString(36);

export function encodeEntry(e: Omit<DigestEntry, 'id'>): string {
  return [
    e.seq,
    e.time.toString(36),
    e.arrived.toString(36),
    e.story,
    e.terms.join('.'),
    e.bands.join('.'),
  ].join('|');
}

/** The entry of a deleted (or rejected) version: it keeps older versions' writes out. */
export const tombstone = (seq: string) => `${seq}|-`;

/** A value that every entry of `seq` or an older version sorts below (sequencers are fixed-width). */
export const versionBound = (seq: string) => `${seq}|~`;

/** One entry as stored, or null for a tombstone or a value of no known form. */
function parseEntry(id: string, value: string): DigestEntry | null {
  const [seq, time, arrived, story, terms, bands] = value.split('|');
  if (bands === undefined) return null;
  return {
    id,
    seq: seq!,
    time: Number.parseInt(time!, 36),
    arrived: Number.parseInt(arrived!, 36),
    story: story!,
    terms: terms ? terms.split('.') : [],
    bands: bands ? bands.split('.') : [],
  };
}

/**
 * The ids the look-ups find for an article: per term, the newest `termLimit` entries within `windowMs`
 * of `time`; per band, the earliest `bandLimit` entries (of those read).
 */
export function lookUpEntries(
  entries: readonly DigestEntry[],
  self: { id: string; time: number; terms: readonly string[]; bands: readonly string[] },
  windowMs: number,
  limits: { termLimit: number; bandLimit: number },
): Set<string> {
  const byTerm = new Map<string, DigestEntry[]>();
  const byBand = new Map<string, DigestEntry[]>();
  const wantTerms = new Set(self.terms);
  const wantBands = new Set(self.bands);
  for (const e of entries) {
    if (e.id === self.id) continue;
    if (Math.abs(e.time - self.time) <= windowMs) {
      for (const t of e.terms) if (wantTerms.has(t)) push(byTerm, t, e);
    }
    for (const b of e.bands) if (wantBands.has(b)) push(byBand, b, e);
  }
  return pickHits(byTerm.values(), byBand.values(), limits);
}

// The posting look-ups' orders: time, then id, as their sort keys `<etm>#<id>` sorted.
const newestFirst = (x: DigestEntry, y: DigestEntry) => y.time - x.time || (x.id < y.id ? 1 : -1);
const earliestFirst = (x: DigestEntry, y: DigestEntry) => x.time - y.time || (x.id < y.id ? -1 : 1);

/** The ids a look-up takes from each key's hits: the newest `termLimit` of a term's, the earliest `bandLimit` of a band's. */
function pickHits(
  termHits: Iterable<DigestEntry[]>,
  bandHits: Iterable<DigestEntry[]>,
  limits: { termLimit: number; bandLimit: number },
): Set<string> {
  const ids = new Set<string>();
  for (const hits of termHits)
    for (const e of hits.sort(newestFirst).slice(0, limits.termLimit)) ids.add(e.id);
  for (const hits of bandHits)
    for (const e of hits.sort(earliestFirst).slice(0, limits.bandLimit)) ids.add(e.id);
  return ids;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pull<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) return;
  const kept = list.filter((v) => v !== value);
  if (kept.length > 0) map.set(key, kept);
  else map.delete(key);
}

/** Whether a stored value may be replaced by one of version `seq`: the condition of every entry write. */
const replaces = (stored: string | undefined, seq: string) =>
  stored === undefined || stored < versionBound(seq);

/**
 * A digest item as a store holds it in memory: its entries by article id (tombstones too: they keep older
 * versions out), indexed by look-up term, band and story, so a look-up walks only the entries sharing a
 * key with the article. Entries come from reads of the item and of the arrival buckets (in any order and
 * any number of times: an entry replaces one only under the condition its write had, so the newest
 * version stays whatever the order).
 */
export class DigestItemView {
  private readonly byId = new Map<string, { value: string; entry: DigestEntry | null }>();
  private readonly byTerm = new Map<string, DigestEntry[]>();
  private readonly byBand = new Map<string, DigestEntry[]>();
  private readonly byStory = new Map<string, number>();
  /** Live entries. */
  live = 0;
  /** Wall clock (ms) when the newest read brought into it was asked for: it holds every entry written before. */
  syncedAt = Number.NEGATIVE_INFINITY;
  /** Wall clock (ms) when its newest whole read was asked for. */
  readAt = Number.NEGATIVE_INFINITY;
  /** Wall clock (ms) of its last use by a look. */
  usedAt = Number.NEGATIVE_INFINITY;

  constructor(readonly pk: string) {}

  /** Sets an article's entry from its stored value, unless the entry held is of a newer version. */
  apply(id: string, value: string): void {
    const held = this.byId.get(id);
    if (held?.value === value || !replaces(held?.value, value.slice(0, value.indexOf('|')))) return;
    if (held?.entry) this.unindex(held.entry);
    const entry = parseEntry(id, value);
    this.byId.set(id, { value, entry });
    if (entry) this.index(entry);
  }

  /** Every entry of an item as read. */
  applyItem(item: Record<string, unknown> | undefined): void {
    const map = item?.[DIGEST_ATTR] as Record<string, unknown> | undefined;
    for (const id in map) {
      const value = map[id];
      if (typeof value === 'string') this.apply(id, value);
    }
  }

  /** Whether it holds an entry (or a tombstone) of the article. */
  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** An article's live entry. */
  entry(id: string): DigestEntry | null {
    return this.byId.get(id)?.entry ?? null;
  }

  /** Live entries naming `story`. */
  count(story: string): number {
    return this.byStory.get(story) ?? 0;
  }

  termHits(term: string): readonly DigestEntry[] {
    return this.byTerm.get(term) ?? [];
  }

  bandHits(band: string): readonly DigestEntry[] {
    return this.byBand.get(band) ?? [];
  }

  private index(e: DigestEntry): void {
    for (const t of e.terms) push(this.byTerm, t, e);
    for (const b of e.bands) push(this.byBand, b, e);
    this.byStory.set(e.story, this.count(e.story) + 1);
    this.live++;
  }

  private unindex(e: DigestEntry): void {
    for (const t of e.terms) pull(this.byTerm, t, e);
    for (const b of e.bands) pull(this.byBand, b, e);
    const n = this.count(e.story) - 1;
    if (n > 0) this.byStory.set(e.story, n);
    else this.byStory.delete(e.story);
    this.live--;
  }
}

/** The live entries of one digest item as stored (tombstones left out). */
export function parseDigestItem(item: Record<string, unknown> | undefined): { entries: DigestEntry[] } {
  const entries: DigestEntry[] = [];
  const map = item?.[DIGEST_ATTR] as Record<string, unknown> | undefined;
  for (const id in map) {
    const value = map[id];
    const entry = typeof value === 'string' ? parseEntry(id, value) : null;
    if (entry) entries.push(entry);
  }
  return { entries };
}

/** lookUpEntries over held digest items, through their indexes (the same ids, in time of the keys' hits). */
export function lookUpHeld(
  items: readonly DigestItemView[],
  self: { id: string; time: number; terms: readonly string[]; bands: readonly string[] },
  windowMs: number,
  limits: { termLimit: number; bandLimit: number },
): Set<string> {
  const termHits = [...new Set(self.terms)].map((t) =>
    items.flatMap((it) =>
      it.termHits(t).filter((e) => e.id !== self.id && Math.abs(e.time - self.time) <= windowMs),
    ),
  );
  const bandHits = [...new Set(self.bands)].map((b) =>
    items.flatMap((it) => it.bandHits(b).filter((e) => e.id !== self.id)),
  );
  return pickHits(termHits, bandHits, limits);
}

// ---------------------------------------------------------------- arrival buckets

/**
 * Arrival buckets: every entry write (tombstones too) is also made, with the same value and condition,
 * into the item of its writer's arrival minute, pk `R#<minute>`, map `dg` keyed `<day>#<article id>` (the
 * day names the digest item it belongs to). Small items (a minute's arrivals), so reading the entries
 * written since some time costs a few keys, not the window's items.
 */
export const BUCKET_MS = 60_000;
export const BUCKET_PREFIX = 'R#';
/** A bucket's expiry (epoch seconds): the table's TTL attribute (infra/article-store.ts). */
export const BUCKET_EXPIRY_ATTR = 'xp';

export const bucketKey = (arrived: number) => ({
  pk: `${BUCKET_PREFIX}${Math.floor(arrived / BUCKET_MS)}`,
  sk: DIGEST_SK,
});

/** The keys of the buckets of arrivals from `from` to `to` (ms). */
export function bucketKeys(from: number, to: number): { pk: string; sk: string }[] {
  const keys: { pk: string; sk: string }[] = [];
  for (let m = Math.floor(from / BUCKET_MS); m <= Math.floor(to / BUCKET_MS); m++)
    keys.push({ pk: `${BUCKET_PREFIX}${m}`, sk: DIGEST_SK });
  return keys;
}

/** An entry's name in a bucket's map: its digest item's day, then the article id. */
export const bucketEntryName = (id: string, time: number) => `${dayOf(time)}#${id}`;

/** A bucket's entries as written: the digest item each belongs to, the article id and the stored value. */
export interface BucketEntry {
  item: string;
  id: string;
  value: string;
}

export function parseBucket(item: Record<string, unknown> | undefined): BucketEntry[] {
  const out: BucketEntry[] = [];
  const map = item?.[DIGEST_ATTR] as Record<string, unknown> | undefined;
  for (const name in map) {
    const value = map[name];
    const at = name.indexOf('#');
    if (typeof value !== 'string' || at < 0) continue;
    const id = name.slice(at + 1);
    out.push({ item: `W#${name.slice(0, at)}#${shardOf(id)}`, id, value });
  }
  return out;
}

/** The live entry a bucket's value holds (null for a tombstone). */
export const bucketEntry = (b: BucketEntry): DigestEntry | null => parseEntry(b.id, b.value);

/** Whether one stored value is of a newer version than another (or the same version written later). */
export const newerValue = (value: string, than: string) => replaces(than, value.slice(0, value.indexOf('|')));
