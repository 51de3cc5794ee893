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
/** Marks a free slot; a slot's tag is otherwise the low 30 bits of its spelling's hash (a small integer). */
const FREE = null;
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
 * Spellings and what each table knows of them, in one open-addressing hash table. Each slot is a row of
 * cells side by side: the tag (low 30 bits of the hash, a small integer), the spelling, then one entry
 * per table (null until that table asks). The stages of the pipeline scan the same words, so sharing the
 * rows means a word one stage has just looked up is in cache for the next.
 */
class Store {
  readonly stride: number;
  bits = INITIAL_SLOT_BITS;
  cells: unknown[];
  rows = 0;
  readonly tables: SpellingTable<{ readonly word: string }>[] = [];

  constructor(readonly columns: number) {
    this.stride = 2 + columns;
    // Small at first: allocating all 2^17 rows at once was ~5 ms of cold start; the store grows to the
    // words a container actually meets.
    this.cells = Store.emptyCells(this.stride, this.bits);
  }

  /** Free rows for 2^bits slots (every cell null), allocated at full size: pushing cells one by one is slow. */
  private static emptyCells(stride: number, bits: number): unknown[] {
    return new Array<unknown>(stride << bits).fill(FREE);
  }

  /**
   * Doubles the slots once half of them are taken (until the largest size), moving every row to its slot
   * in the larger table.
   */
  growIfHalfFull(): void {
    if (this.bits >= SLOT_BITS || this.rows * 2 < 1 << this.bits) return;
    const { stride } = this;
    const old = this.cells;
    this.bits++;
    const cells = Store.emptyCells(stride, this.bits);
    for (let from = 0; from < old.length; from += stride) {
      if (old[from] === FREE) continue;
      let at = slotOf(old[from] as number, this.bits) * stride;
      while (cells[at] !== FREE) {
        at += stride;
        if (at === cells.length) at = 0;
      }
      for (let i = 0; i < stride; i++) cells[at + i] = old[from + i];
    }
    this.cells = cells;
  }

  clear(): void {
    this.cells.fill(FREE);
    this.rows = 0;
    for (const table of this.tables) table.count = 0;
  }
}

let shared: Store | undefined;

/** Spellings to `T` (which keeps its spelling as `word`), worked out once by `make`. */
export class SpellingTable<T extends { readonly word: string }> {
  private readonly store: Store;
  /** Offset of this table's entry in a row. */
  private readonly column: number;
  /** Entries this table made since it (or its store) last started over (the store resets it). */
  count = 0;

  /** Past `maxSize` spellings the table starts over (with the others sharing its store). */
  constructor(
    private readonly make: (word: string) => T,
    private readonly maxSize = 60_000,
  ) {
    shared ??= new Store(SHARED_COLUMNS);
    this.store = shared.tables.length < shared.columns ? shared : new Store(1);
    this.column = 2 + this.store.tables.length;
    this.store.tables.push(this);
  }

  get size(): number {
    return this.count;
  }

  /** Forgets this table's entries (the spellings stay, for the other tables). */
  clear(): void {
    const { cells, stride } = this.store;
    for (let at = this.column; at < cells.length; at += stride) cells[at] = null;
    this.count = 0;
  }

  /** The entry of `text[start..end)`, whose hash is `hash`. */
  lookup(text: string, start: number, end: number, hash: number): T {
    const store = this.store;
    const { cells, stride } = store;
    const tag = hash & TAG_MASK;
    let at = slotOf(tag, store.bits) * stride;
    for (let cell = cells[at]; cell !== FREE; cell = cells[at]) {
      if (cell === tag && sameText(cells[at + 1] as string, text, start, end)) {
        const entry = cells[at + this.column] as T | null;
        if (entry !== null) return entry;
        if (this.count >= this.maxSize) break;
        const made = this.make(cells[at + 1] as string);
        cells[at + this.column] = made;
        this.count++;
        return made;
      }
      at += stride;
      if (at === cells.length) at = 0;
    }
    if (this.count >= this.maxSize || store.rows >= MAX_ROWS) {
      store.clear();
      return this.lookup(text, start, end, hash);
    }
    const word = text.slice(start, end);
    const entry = this.make(word);
    cells[at] = tag;
    cells[at + 1] = word;
    cells[at + this.column] = entry;
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
