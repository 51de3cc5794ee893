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

/** A digest item's entries as parsed, by article id, with the stored values they were parsed from. */
export type ParsedDigest = Map<string, { value: string; entry: DigestEntry | null }>;

/**
 * The live entries of one digest item (tombstones left out), reusing the entries of an earlier parse of
 * it whose stored value is the same (a writer reads the same items again and again, and most entries
 * have not changed). The entries are shared between parses: callers must not change them. Returns the
 * live entries and this parse.
 */
export function parseDigestItem(
  item: Record<string, unknown> | undefined,
  before?: ParsedDigest,
): { entries: DigestEntry[]; parsed: ParsedDigest } {
  const entries: DigestEntry[] = [];
  const parsed: ParsedDigest = new Map();
  const map = item?.[DIGEST_ATTR] as Record<string, unknown> | undefined;
  for (const id in map) {
    const value = map[id];
    if (typeof value !== 'string') continue;
    const known = before?.get(id);
    const entry = known && known.value === value ? known.entry : parseEntry(id, value);
    parsed.set(id, { value, entry });
    if (entry) entries.push(entry);
  }
  return { entries, parsed };
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
  // The posting look-ups' orders: time, then id, as their sort keys `<etm>#<id>` sorted.
  const newestFirst = (x: DigestEntry, y: DigestEntry) => y.time - x.time || (x.id < y.id ? 1 : -1);
  const earliestFirst = (x: DigestEntry, y: DigestEntry) => x.time - y.time || (x.id < y.id ? -1 : 1);
  const ids = new Set<string>();
  for (const hits of byTerm.values())
    for (const e of hits.sort(newestFirst).slice(0, limits.termLimit)) ids.add(e.id);
  for (const hits of byBand.values())
    for (const e of hits.sort(earliestFirst).slice(0, limits.bandLimit)) ids.add(e.id);
  return ids;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
