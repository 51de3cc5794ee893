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
/** The day a view's name (`W#<day>`) names. */
export const dayOfKey = (key: string) => Number(key.slice(2));
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
  return dayRange(dayOf(time - windowMs), dayOf(time + windowMs));
}

/** The day views (`W#<day>`) of the days `first` to `last`. */
export function dayRange(first: number, last: number): string[] {
  const days: string[] = [];
  for (let d = first; d <= last; d++) days.push(`W#${d}`);
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
  // `<day>#<id>#<version>`, read as `split('#')`'s first two parts are.
  const end = sk.indexOf('#');
  if (end <= 0) return undefined;
  const idEnd = sk.indexOf('#', end + 1);
  const id = sk.slice(end + 1, idEnd < 0 ? sk.length : idEnd);
  if (!id) return undefined;
  return { day: dayViewOf(sk, end), id, value };
}

/** The day view of a sort key whose day ends at `end`: the items of a Query come a day at a time. */
let lastDayText = '';
let lastDayView = '';
function dayViewOf(sk: string, end: number): string {
  if (end !== lastDayText.length || !sk.startsWith(lastDayText)) {
    lastDayText = sk.slice(0, end);
    lastDayView = `W#${Number(lastDayText)}`;
  }
  return lastDayView;
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
const newestFirst = (x: Hit, y: Hit) => y.time - x.time || (x.id < y.id ? 1 : -1);
const earliestFirst = (x: Hit, y: Hit) => x.time - y.time || (x.id < y.id ? -1 : 1);

/** The ids a look-up takes from each key's hits: the newest `termLimit` of a term's, the earliest `bandLimit` of a band's. */
function pickHits(
  termHits: Iterable<Hit[]>,
  bandHits: Iterable<Hit[]>,
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

/** What a look-up's order and limits read of an entry (a DigestEntry, or a held day's Held). */
interface Hit {
  id: string;
  time: number;
}

// ---------------------------------------------------------------- a held day's index

/**
 * Look-up keys as numbers. The keys `termHash` writes (a 32-bit value in base 36) and `bandKeys` writes
 * (`<band>:<value>`, both in base 36) are each the one text of a pair (value, tag): the term's tag
 * TERM_TAG, the band's its number; `readKey` reads the pair straight from the stored value, no string
 * made, as one number `tag * 2^32 + value`. Any other text (an entry of another writer's form) has no
 * pair (NO_KEY) and is looked up as text.
 */
const TERM_TAG = 256;
const NO_KEY = -1;
const TAG_UNIT = 2 ** 32;

/** The value of `s[from, to)` when it is what `toString(36)` writes for a value ≤ `max`; else -1. */
function base36(s: string, from: number, to: number, max: number): number {
  const n = to - from;
  if (n < 1 || n > 7) return -1;
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 97 && c <= 122) d = c - 87;
    else return -1;
    // A leading zero: another text of the same value.
    if (d === 0 && i === from && n > 1) return -1;
    v = v * 36 + d;
  }
  return v <= max ? v : -1;
}

/** The pair of the key `s[from, to)` (a band's when `band`) as one number, or NO_KEY. */
function readKey(s: string, from: number, to: number, band: boolean): number {
  if (!band) {
    const v = base36(s, from, to, 0xffffffff);
    return v < 0 ? NO_KEY : TERM_TAG * TAG_UNIT + v;
  }
  const colon = s.indexOf(':', from);
  if (colon < 0 || colon >= to) return NO_KEY;
  const b = base36(s, from, colon, 255);
  const v = b < 0 ? -1 : base36(s, colon + 1, to, 0xffffffff);
  return v < 0 ? NO_KEY : b * TAG_UNIT + v;
}

/** A look-up key as held days look it up: its pair (NO_KEY: none), else its text. */
interface LookUpKey {
  text: string;
  band: boolean;
  pair: number;
}

const lookUpKey = (text: string, band: boolean): LookUpKey => ({
  text,
  band,
  pair: readKey(text, 0, text.length, band),
});

/**
 * Postings by key pair: an open-addressing table of pairs (as readKey's numbers), each with the head of
 * a linked list of postings (entry numbers), all in typed arrays. A cold window's 3,000 entries hold
 * about 90,000 keys: as strings in Maps they were most of the read's CPU and garbage.
 */
class PairIndex {
  /** Per slot, its pair (NO_KEY: free) and its first posting. */
  private keys: Float64Array = new Float64Array(1024).fill(NO_KEY);
  private heads: Int32Array = new Int32Array(1024);
  private used = 0;
  /** Per posting: its entry's number, and the next posting of the same pair (-1: none). */
  entryOf: Int32Array = new Int32Array(1024);
  nextOf: Int32Array = new Int32Array(1024);
  private postings = 0;

  private slot(key: number): number {
    const keys = this.keys;
    const mask = keys.length - 1;
    const tag = Math.floor(key / TAG_UNIT);
    let i = Math.imul((key - tag * TAG_UNIT) ^ Math.imul(tag + 1, 0x9e3779b1), 0x85ebca6b);
    i ^= i >>> 16;
    for (;;) {
      i &= mask;
      const k = keys[i]!;
      if (k === key || k === NO_KEY) return i;
      i++;
    }
  }

  add(key: number, entry: number): void {
    let i = this.slot(key);
    let head = -1;
    if (this.keys[i] === NO_KEY) {
      if (2 * (this.used + 1) > this.keys.length) {
        this.rehash();
        i = this.slot(key);
      }
      this.keys[i] = key;
      this.used++;
    } else head = this.heads[i]!;
    if (this.postings === this.entryOf.length) {
      this.entryOf = grown(this.entryOf);
      this.nextOf = grown(this.nextOf);
    }
    const p = this.postings++;
    this.entryOf[p] = entry;
    this.nextOf[p] = head;
    this.heads[i] = p;
  }

  /** The first posting of a pair (-1: none). */
  first(key: number): number {
    const i = this.slot(key);
    return this.keys[i] === NO_KEY ? -1 : this.heads[i]!;
  }

  private rehash(): void {
    const { keys, heads } = this;
    this.keys = new Float64Array(keys.length * 2).fill(NO_KEY);
    this.heads = new Int32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === NO_KEY) continue;
      const j = this.slot(keys[i]!);
      this.keys[j] = keys[i]!;
      this.heads[j] = heads[i]!;
    }
  }
}

function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * An entry as a held day keeps it: what look-ups read, the stored value, and the entry parsed on first
 * use. A class: each has the one shape `DigestDayView.heldShapes`'s entry keeps alive.
 */
class Held implements Hit {
  /**
   * The parsed entry once asked for (undefined: not yet; null: a tombstone or a value of no known form).
   */
  entry: DigestEntry | null | undefined = undefined;

  constructor(
    readonly id: string,
    readonly value: string,
    /** Event time (ms), NaN for a tombstone. */
    readonly time: number,
    readonly story: string,
    /** Still its article's entry in the day's index (false: a tombstone, or replaced by a newer version). */
    public live: boolean,
  ) {}
}

/** Whether a hit counts for `self`: another article's, and within `windowMs` of its time when given. */
const counts = (e: Hit, self: { id: string; time: number }, windowMs?: number) =>
  e.id !== self.id && (windowMs === undefined || Math.abs(e.time - self.time) <= windowMs);

/** Whether a held value gives way to one of version `seq`: an older version's, or the same version's. */
const replaces = (stored: string | undefined, seq: string) =>
  stored === undefined || stored < versionBound(seq);

/** Replaced entries a day lets sit in its index before building it again from the live ones. */
const MIN_DEAD_REBUILT = 64;

/**
 * A day of the window digest as a store holds it in memory: its entries by article id (tombstones too:
 * they keep older versions out), indexed by look-up term, band and story, so a look-up walks only the
 * entries sharing a key with the article. Entries come from reads of the day's digest items and of the
 * arrival items (in any order and any number of times: an entry replaces one only if of the same or a
 * newer version, so the newest version stays whatever the order its writers finished in or it was read).
 * Indexing reads the keys straight from the stored value (PairIndex); an entry is parsed whole only when
 * asked for (`entry`), and a replaced one only leaves the index's hits (it is dropped at the next rebuild).
 */
export class DigestDayView {
  private readonly byId = new Map<string, Held>();
  private readonly byStory = new Map<string, number>();
  /** Entries indexed, by number (replaced ones stay until the index is built again). */
  private indexed: Held[] = [];
  private pairs = new PairIndex();
  /** Keys of no pair (another form's): by text, the numbers of the entries holding them. */
  private termTexts = new Map<string, number[]>();
  private bandTexts = new Map<string, number[]>();
  private dead = 0;
  /** Live entries. */
  live = 0;
  /** Wall clock (ms) when the newest read brought into it was asked for: it holds every entry written before. */
  syncedAt = Number.NEGATIVE_INFINITY;
  /** Wall clock (ms) when its newest whole read was asked for. */
  readAt = Number.NEGATIVE_INFINITY;
  /** Wall clock (ms) of its last use by a look. */
  usedAt = Number.NEGATIVE_INFINITY;

  constructor(readonly pk: string) {}

  /**
   * A view held for good (a static field: a module's top-level constant not used by any function is
   * gone once the module has run). V8 keeps an object shape only while some object has it, and the
   * index's optimised code and type feedback name the shapes of a view, its index and its entries: were
   * a store's views all let go (a bench round's store, days evicted), the next cold read would run the
   * index's loops unoptimised again (3× its CPU: `.scratch` measure in CHANGELOG).
   */
  static readonly heldShapes: DigestDayView = DigestDayView.withOneEntry();

  private static withOneEntry(): DigestDayView {
    const view = new DigestDayView('W#0');
    // An event time as real ones are (beyond small integers: a field's first value sets how it is kept).
    view.apply('-', `0|${(2 ** 40).toString(36)}|0|-|0|0:0`);
    return view;
  }

  /** Sets an article's entry from its stored value, unless the entry held is of a newer version. */
  apply(id: string, value: string): void {
    const held = this.byId.get(id);
    if (
      held !== undefined &&
      (held.value === value || !replaces(held.value, value.slice(0, value.indexOf('|'))))
    )
      return;
    if (held?.live) this.unindex(held);
    // The fields' ends: `seq|time|arrived|story|terms|bands` (a tombstone, `seq|-`, has two).
    const p1 = value.indexOf('|');
    const p2 = p1 < 0 ? -1 : value.indexOf('|', p1 + 1);
    const p3 = p2 < 0 ? -1 : value.indexOf('|', p2 + 1);
    const p4 = p3 < 0 ? -1 : value.indexOf('|', p3 + 1);
    const p5 = p4 < 0 ? -1 : value.indexOf('|', p4 + 1);
    if (p5 < 0) {
      const tomb = new Held(id, value, Number.NaN, '', false);
      tomb.entry = null;
      this.byId.set(id, tomb);
      return;
    }
    const next = new Held(
      id,
      value,
      Number.parseInt(value.slice(p1 + 1, p2), 36),
      value.slice(p3 + 1, p4),
      true,
    );
    this.byId.set(id, next);
    this.index(next, p4, p5);
  }

  /** Whether it holds an entry (or a tombstone) of the article. */
  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** An article's live entry. */
  entry(id: string): DigestEntry | null {
    const held = this.byId.get(id);
    if (held === undefined) return null;
    if (held.entry === undefined) held.entry = parseEntry(id, held.value);
    return held.entry;
  }

  /** Live entries naming `story`. */
  count(story: string): number {
    return this.byStory.get(story) ?? 0;
  }

  termHits(term: string): readonly DigestEntry[] {
    const hits: Hit[] = [];
    this.collectHits(hits, lookUpKey(term, false));
    return hits.reverse().map((h) => this.entry(h.id)!);
  }

  /**
   * Adds to `out` the entries holding a look-up key; given `self`, but its own, and within `windowMs` of
   * its time when given.
   */
  collectHits(out: Hit[], key: LookUpKey, self?: { id: string; time: number }, windowMs?: number): void {
    if (key.pair === NO_KEY) {
      for (const n of (key.band ? this.bandTexts : this.termTexts).get(key.text) ?? [])
        this.hit(out, n, self, windowMs);
      return;
    }
    const k = key.pair;
    const { entryOf, nextOf } = this.pairs;
    for (let p = this.pairs.first(k); p >= 0; p = nextOf[p]!) this.hit(out, entryOf[p]!, self, windowMs);
  }

  private hit(out: Hit[], n: number, self?: { id: string; time: number }, windowMs?: number): void {
    const e = this.indexed[n]!;
    if (e.live && (self === undefined || counts(e, self, windowMs))) out.push(e);
  }

  /** Indexes a live entry whose terms sit between the value's `|` at `p4` and `p5` (its bands after). */
  private index(e: Held, p4: number, p5: number): void {
    const n = this.indexed.length;
    this.indexed.push(e);
    const v = e.value;
    // As `split` reads them: an empty field has no keys, and each `.` ends one.
    if (p5 > p4 + 1) this.indexKeys(v, p4 + 1, p5, false, n);
    const end = v.indexOf('|', p5 + 1);
    if ((end < 0 ? v.length : end) > p5 + 1) this.indexKeys(v, p5 + 1, end < 0 ? v.length : end, true, n);
    this.byStory.set(e.story, this.count(e.story) + 1);
    this.live++;
  }

  private indexKeys(v: string, from: number, to: number, band: boolean, n: number): void {
    for (let a = from; ; ) {
      let b = v.indexOf('.', a);
      if (b < 0 || b > to) b = to;
      const k = readKey(v, a, b, band);
      if (k !== NO_KEY) this.pairs.add(k, n);
      else push(band ? this.bandTexts : this.termTexts, v.slice(a, b), n);
      if (b === to) return;
      a = b + 1;
    }
  }

  private unindex(e: Held): void {
    e.live = false;
    const n = this.count(e.story) - 1;
    if (n > 0) this.byStory.set(e.story, n);
    else this.byStory.delete(e.story);
    this.live--;
    if (++this.dead > MIN_DEAD_REBUILT && this.dead > this.live) this.rebuild();
  }

  /** Builds the index again from the live entries alone. */
  private rebuild(): void {
    const live = this.indexed.filter((e) => e.live);
    this.indexed = [];
    this.pairs = new PairIndex();
    this.termTexts = new Map();
    this.bandTexts = new Map();
    this.byStory.clear();
    this.dead = 0;
    this.live = 0;
    for (const e of live) {
      const p1 = e.value.indexOf('|');
      const p4 = nthBar(e.value, p1, 3);
      this.index(e, p4, e.value.indexOf('|', p4 + 1));
    }
  }
}

/** The position of the `k`th `|` after position `from` of `v`. */
function nthBar(v: string, from: number, k: number): number {
  let p = from;
  for (let i = 0; i < k; i++) p = v.indexOf('|', p + 1);
  return p;
}

/** lookUpEntries over held digest days, through their indexes (the same ids, in time of the keys' hits). */
export function lookUpHeld(
  items: readonly DigestDayView[],
  self: { id: string; time: number; terms: readonly string[]; bands: readonly string[] },
  windowMs: number,
  limits: { termLimit: number; bandLimit: number },
): Set<string> {
  const termHits = [...new Set(self.terms)].map((t) => {
    const hits: Hit[] = [];
    const key = lookUpKey(t, false);
    for (const it of items) it.collectHits(hits, key, self, windowMs);
    return hits;
  });
  const bandHits = [...new Set(self.bands)].map((b) => {
    const hits: Hit[] = [];
    const key = lookUpKey(b, true);
    for (const it of items) it.collectHits(hits, key, self);
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
