/**
 * The window digest: what the story index looks candidates up in. One small item per article version,
 * pk `W#<block>` (a block of DAYS_PER_PARTITION UTC days of event time), sk `<day>#<article id>#<version>`,
 * attribute `dg` its entry: the version (the padded S3 sequencer), event time, arrival time, story id,
 * hashed look-up terms and sketch bands. Written with the article's other item writes in the shared
 * BatchWriteItem (write-batch.ts), no condition: entries are hints (the links decide: stories.ts reads
 * them), and the version in the key lets every reader keep the newest version of each article whatever
 * order its writers finished in (a stale version's item only sits beside the newer one). A window's
 * days are read with one Query per block (a 72-hour window's 7 days: one or two Queries), and the store
 * holds them parsed by day (DigestDayView). Candidates are then chosen in memory with the limits the
 * posting look-ups had (the newest TERM_LOOKUP_LIMIT per term in the window, the earliest
 * BAND_LOOKUP_LIMIT per band).
 *
 * Size: an entry item is about 250 bytes (1 write unit); a Query page (1 MB) holds about 4,000. Pure, no AWS.
 */

/**
 * Days of event time per digest partition: a window spans one, or two when it crosses a block's end. Larger
 * blocks cost nothing: a Query reads only its range of days, and the writes of any moment go to the one
 * partition of the days around it whatever the block's size.
 */
export const DAYS_PER_PARTITION = 256;
const DAY_MS = 86_400_000;

/** The attribute of a digest or arrival item that holds its entry's stored value. */
export const ENTRY_ATTR = 'dg';

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

const dayOf = (ms: number) => Math.floor(ms / DAY_MS);
/** Days as sort keys: fixed width, so a range of days is a range of keys. */
const dayText = (day: number) => String(day).padStart(7, '0');

/** The held view of a day's entries, by name (`W#<day>`): what a look reads. */
export const dayKey = (time: number) => `W#${dayOf(time)}`;
const dayOfKey = (key: string) => Number(key.slice(2));
const partitionOf = (day: number) => `W#${Math.floor(day / DAYS_PER_PARTITION)}`;

/** The key of the digest item of an article version whose event time is `time`. */
export function digestKey(id: string, time: number, seq: string): { pk: string; sk: string } {
  const day = dayOf(time);
  return { pk: partitionOf(day), sk: `${dayText(day)}#${id}#${seq}` };
}

/** Whether an entry at `other` is in a day that `windowDays(time, windowMs)` reads. */
export const inWindowDays = (time: number, other: number, windowMs: number) =>
  dayOf(other) >= dayOf(time - windowMs) && dayOf(other) <= dayOf(time + windowMs);

/** The day views (`W#<day>`) of the days `windowMs` either side of `time`. */
export function windowDays(time: number, windowMs: number): string[] {
  const days: string[] = [];
  for (let d = dayOf(time - windowMs); d <= dayOf(time + windowMs); d++) days.push(`W#${d}`);
  return days;
}

/** The Queries that read some days' digest items: per partition, the range from the first day to the last. */
export function dayQueries(dayKeys: readonly string[]): { pk: string; from: string; to: string }[] {
  const byPartition = new Map<string, { lo: number; hi: number }>();
  for (const key of dayKeys) {
    const day = dayOfKey(key);
    const pk = partitionOf(day);
    const r = byPartition.get(pk);
    if (r) {
      r.lo = Math.min(r.lo, day);
      r.hi = Math.max(r.hi, day);
    } else byPartition.set(pk, { lo: day, hi: day });
  }
  return [...byPartition].map(([pk, r]) => ({ pk, from: `${dayText(r.lo)}#`, to: `${dayText(r.hi)}#~` }));
}

/** A digest item as read: its day view, article id and stored value (undefined for an item of no known form). */
export function parseDigestItem(
  item: Record<string, unknown>,
): { day: string; id: string; value: string } | undefined {
  const sk = item.sk;
  const value = item[ENTRY_ATTR];
  if (typeof sk !== 'string' || typeof value !== 'string') return undefined;
  const [day, id] = sk.split('#');
  if (!day || !id) return undefined;
  return { day: `W#${Number(day)}`, id, value };
}

/** A look-up term as the digest holds it: 32 bits of its hash (a collision only adds a candidate). */
export const termHash = (term: string) => {
  // FNV-1a over the UTF-16 units: a node:crypto hash per term cost more than the rest of the term's work.
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
};

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

/** The entry of a deleted (or rejected, or moved to another day) version: it keeps older versions' entries out. */
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

/**
 * A held day's index from look-up key to the entries holding it: most keys are one article's (its terms
 * hashed, its sketch bands), so one entry sits in its slot alone, an array only once a second comes (an
 * array per key made a cold window's 2,800 entries about 56,000 arrays to allocate and keep).
 */
type Slot = DigestEntry | DigestEntry[];

function addTo(map: Map<string, Slot>, key: string, e: DigestEntry): void {
  const slot = map.get(key);
  if (slot === undefined) map.set(key, e);
  else if (Array.isArray(slot)) slot.push(e);
  else map.set(key, [slot, e]);
}

function removeFrom(map: Map<string, Slot>, key: string, e: DigestEntry): void {
  const slot = map.get(key);
  if (slot === undefined) return;
  if (!Array.isArray(slot)) {
    if (slot === e) map.delete(key);
    return;
  }
  const kept = slot.filter((v) => v !== e);
  if (kept.length === 0) map.delete(key);
  else map.set(key, kept.length === 1 ? kept[0]! : kept);
}

const NO_HITS: readonly DigestEntry[] = [];

const hitsOf = (slot: Slot | undefined): readonly DigestEntry[] =>
  slot === undefined ? NO_HITS : Array.isArray(slot) ? slot : [slot];

/** Whether a hit counts for `self`: another article's, and within `windowMs` of its time when given. */
const counts = (e: DigestEntry, self: { id: string; time: number }, windowMs?: number) =>
  e.id !== self.id && (windowMs === undefined || Math.abs(e.time - self.time) <= windowMs);

/** Adds to `out` the entries of a slot that count for `self` (no array made per key and day looked up). */
function collect(
  out: DigestEntry[],
  slot: Slot | undefined,
  self: { id: string; time: number },
  windowMs?: number,
): void {
  if (slot === undefined) return;
  if (!Array.isArray(slot)) {
    if (counts(slot, self, windowMs)) out.push(slot);
    return;
  }
  for (const e of slot) if (counts(e, self, windowMs)) out.push(e);
}

/** Whether a held value gives way to one of version `seq`: an older version's, or the same version's. */
const replaces = (stored: string | undefined, seq: string) =>
  stored === undefined || stored < versionBound(seq);

/**
 * A day of the window digest as a store holds it in memory: its entries by article id (tombstones too:
 * they keep older versions out), indexed by look-up term, band and story, so a look-up walks only the
 * entries sharing a key with the article. Entries come from reads of the day's digest items and of the
 * arrival items (in any order and any number of times: an entry replaces one only if of the same or a
 * newer version, so the newest version stays whatever the order its writers finished in or it was read).
 */
export class DigestDayView {
  private readonly byId = new Map<string, { value: string; entry: DigestEntry | null }>();
  private readonly byTerm = new Map<string, Slot>();
  private readonly byBand = new Map<string, Slot>();
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
    return hitsOf(this.byTerm.get(term));
  }

  /** Adds to `out` the entries holding look-up term `term`, but `self`'s, within `windowMs` of its time. */
  collectTermHits(
    out: DigestEntry[],
    term: string,
    self: { id: string; time: number },
    windowMs: number,
  ): void {
    collect(out, this.byTerm.get(term), self, windowMs);
  }

  /** Adds to `out` the entries holding sketch band `band`, but `self`'s. */
  collectBandHits(out: DigestEntry[], band: string, self: { id: string; time: number }): void {
    collect(out, this.byBand.get(band), self);
  }

  private index(e: DigestEntry): void {
    for (const t of e.terms) addTo(this.byTerm, t, e);
    for (const b of e.bands) addTo(this.byBand, b, e);
    this.byStory.set(e.story, this.count(e.story) + 1);
    this.live++;
  }

  private unindex(e: DigestEntry): void {
    for (const t of e.terms) removeFrom(this.byTerm, t, e);
    for (const b of e.bands) removeFrom(this.byBand, b, e);
    const n = this.count(e.story) - 1;
    if (n > 0) this.byStory.set(e.story, n);
    else this.byStory.delete(e.story);
    this.live--;
  }
}

/** lookUpEntries over held digest days, through their indexes (the same ids, in time of the keys' hits). */
export function lookUpHeld(
  items: readonly DigestDayView[],
  self: { id: string; time: number; terms: readonly string[]; bands: readonly string[] },
  windowMs: number,
  limits: { termLimit: number; bandLimit: number },
): Set<string> {
  const termHits = [...new Set(self.terms)].map((t) => {
    const hits: DigestEntry[] = [];
    for (const it of items) it.collectTermHits(hits, t, self, windowMs);
    return hits;
  });
  const bandHits = [...new Set(self.bands)].map((b) => {
    const hits: DigestEntry[] = [];
    for (const it of items) it.collectBandHits(hits, b, self);
    return hits;
  });
  return pickHits(termHits, bandHits, limits);
}

// ---------------------------------------------------------------- arrival items

/**
 * Arrival items: every digest item put (tombstones too) is put again, same value, keyed by its writer's
 * arrival time: pk `R#<hour>`, sk `<arrival ms>#<day>#<article id>#<version>` (each write a new item:
 * no overwrite, no condition), expiring by TTL. So the entries written since some time are one Query of
 * a range of keys (two across an hour's end), not a read of the window's days.
 */
export const ARRIVAL_PARTITION_MS = 3_600_000;
export const ARRIVAL_PREFIX = 'R#';
/** An arrival item's expiry (epoch seconds): the table's TTL attribute (infra/article-store.ts). */
export const ARRIVAL_EXPIRY_ATTR = 'xp';

const msText = (ms: number) => String(Math.max(0, Math.floor(ms))).padStart(15, '0');

export function arrivalKey(
  arrived: number,
  id: string,
  time: number,
  seq: string,
): { pk: string; sk: string } {
  return {
    pk: `${ARRIVAL_PREFIX}${Math.floor(arrived / ARRIVAL_PARTITION_MS)}`,
    sk: `${msText(arrived)}#${dayText(dayOf(time))}#${id}#${seq}`,
  };
}

/** The Queries that read the arrival items stamped from `from` to `to` (ms): one per hour. */
export function arrivalQueries(from: number, to: number): { pk: string; from: string; to: string }[] {
  const out: { pk: string; from: string; to: string }[] = [];
  for (let h = Math.floor(from / ARRIVAL_PARTITION_MS); h <= Math.floor(to / ARRIVAL_PARTITION_MS); h++)
    out.push({ pk: `${ARRIVAL_PREFIX}${h}`, from: msText(from), to: `${msText(to)}#~` });
  return out;
}

/** An arrival item's entry: the day view it belongs to, the article id and the stored value. */
export interface ArrivalEntry {
  day: string;
  id: string;
  value: string;
}

export function parseArrivalItem(item: Record<string, unknown>): ArrivalEntry | undefined {
  const sk = item.sk;
  const value = item[ENTRY_ATTR];
  if (typeof sk !== 'string' || typeof value !== 'string') return undefined;
  const [, day, id] = sk.split('#');
  if (!day || !id) return undefined;
  return { day: `W#${Number(day)}`, id, value };
}

/** The live entry a digest or arrival item holds (null for a tombstone). */
export const storedEntry = (a: { id: string; value: string }): DigestEntry | null =>
  parseEntry(a.id, a.value);
