/**
 * What hot loops know about each spelling they meet, found straight from the text they scan: the caller
 * hashes a word's characters (`hashStep`) while scanning, and a hit is checked against the text in place,
 * so a known word costs no slice, no string hashing and no `Map` look-up.
 */

/** Start of a word's hash; fold each of its UTF-16 units in with `hashStep` (32-bit FNV-1a). */
export const HASH_SEED = 0x811c9dc5 | 0;
export const hashStep = (hash: number, code: number): number => Math.imul(hash ^ code, 0x01000193);

/** The hash of a whole word, as a scan folding `hashStep` over its units would take it. */
export function hashWord(word: string): number {
  let hash = HASH_SEED;
  for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
  return hash;
}

/** A store's slots at most (2^17), and at first (2^12): it doubles while it is half full. */
const SLOT_BITS = 17;
const INITIAL_SLOT_BITS = 12;
/** A slot's tag: the low 30 bits of its spelling's hash. */
const TAG_MASK = 0x3fffffff;
/** Most spellings a store holds (half its largest size); past this it starts over. */
const MAX_ROWS = 1 << (SLOT_BITS - 1);

/**
 * Slot of a tag in a table of 2^bits slots: the high bits after a final mix, as FNV's low bits alone spread
 * short words poorly. From the tag alone, so a growing store moves its rows without hashing them again.
 */
const slotOf = (tag: number, bits: number) => Math.imul(tag ^ (tag >>> 16), 0x85ebca6b) >>> (32 - bits);
/** Tables that share the one store (the stages of the pipeline); any more get a store of their own. */
const SHARED_COLUMNS = 3;

/**
 * Spellings interned to integer ids (rows, in the order first met) and what each table knows of them.
 * The open-addressing slots are a typed array of (tag, row + 1) pairs, 1 MB at most, so a look-up probes
 * packed integers and touches a row's spelling only when the tag matches; the rows sit densely by id,
 * the words met first (the common ones) side by side. The stages of the pipeline scan the same words,
 * so sharing the rows means a word one stage has just looked up is in cache for the next.
 */
class Store {
  bits = INITIAL_SLOT_BITS;
  /** Per slot, side by side: the tag and the row + 1 (0 for a free slot). */
  slots: Int32Array;
  /** Each row's spelling. */
  readonly words: string[] = [];
  /** Per table, each row's entry (null until that table asks). */
  readonly columns: unknown[][] = [];
  rows = 0;
  readonly tables: SpellingTable<{ readonly word: string }>[] = [];

  constructor(readonly maxTables: number) {
    // Small at first: the store grows to the words a container actually meets.
    this.slots = new Int32Array(2 << this.bits);
  }

  /** Doubles the slots once half of them are taken (until the largest size), moving every row to its slot. */
  growIfHalfFull(): void {
    if (this.bits >= SLOT_BITS || this.rows * 2 < 1 << this.bits) return;
    const old = this.slots;
    this.bits++;
    const slots = new Int32Array(2 << this.bits);
    const mask = slots.length - 1;
    for (let from = 0; from < old.length; from += 2) {
      if (old[from + 1] === 0) continue;
      let at = slotOf(old[from]!, this.bits) << 1;
      while (slots[at + 1] !== 0) at = (at + 2) & mask;
      slots[at] = old[from]!;
      slots[at + 1] = old[from + 1]!;
    }
    this.slots = slots;
  }

  clear(): void {
    this.slots.fill(0);
    this.words.length = 0;
    for (const column of this.columns) column.length = 0;
    this.rows = 0;
    for (const table of this.tables) table.count = 0;
  }
}

let shared: Store | undefined;

/** Spellings to `T` (which keeps its spelling as `word`), worked out once by `make`. */
export class SpellingTable<T extends { readonly word: string }> {
  private readonly store: Store;
  /** This table's entry of each of the store's rows. */
  private readonly column: (T | null)[] = [];
  /** Entries this table made since it (or its store) last started over (the store resets it). */
  count = 0;

  /** Past `maxSize` spellings the table starts over (with the others sharing its store). */
  constructor(
    private readonly make: (word: string) => T,
    private readonly maxSize = 60_000,
  ) {
    shared ??= new Store(SHARED_COLUMNS);
    this.store = shared.tables.length < shared.maxTables ? shared : new Store(1);
    for (let row = 0; row < this.store.rows; row++) this.column.push(null);
    this.store.tables.push(this);
    this.store.columns.push(this.column);
  }

  get size(): number {
    return this.count;
  }

  /** Forgets this table's entries (the spellings stay, for the other tables). */
  clear(): void {
    this.column.fill(null);
    this.count = 0;
  }

  /** The entry of `text[start..end)`, whose hash is `hash`. */
  lookup(text: string, start: number, end: number, hash: number): T {
    const store = this.store;
    const { slots, words } = store;
    const mask = slots.length - 1;
    const tag = hash & TAG_MASK;
    let at = slotOf(tag, store.bits) << 1;
    for (let row1 = slots[at + 1]!; row1 !== 0; row1 = slots[at + 1]!) {
      if (slots[at] === tag && sameText(words[row1 - 1]!, text, start, end)) {
        const entry = this.column[row1 - 1]!;
        if (entry !== null) return entry;
        if (this.count >= this.maxSize) break;
        const made = this.make(words[row1 - 1]!);
        this.column[row1 - 1] = made;
        this.count++;
        return made;
      }
      at = (at + 2) & mask;
    }
    if (this.count >= this.maxSize || store.rows >= MAX_ROWS) {
      store.clear();
      return this.lookup(text, start, end, hash);
    }
    const word = text.slice(start, end);
    const entry = this.make(word);
    slots[at] = tag;
    slots[at + 1] = store.rows + 1;
    words.push(word);
    for (const column of store.columns) column.push(null);
    this.column[store.rows] = entry;
    store.rows++;
    this.count++;
    store.growIfHalfFull();
    return entry;
  }
}

/** True if `text[start..end)` spells `word`. */
function sameText(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
