/**
 * What hot loops know about each spelling they meet, found straight from the text they scan: the caller
 * hashes a word's characters (`hashStep`) while scanning, and a hit is checked against the text in place,
 * so a known word costs no slice, no string hashing and no `Map` look-up.
 */

/** Start of a word's hash; fold each of its UTF-16 units in with `hashStep` (32-bit FNV-1a). */
export const HASH_SEED = 0x811c9dc5 | 0;
export const hashStep = (hash: number, code: number): number => Math.imul(hash ^ code, 0x01000193);

const SLOT_BITS = 17;
/** Marks a free slot; a slot's tag is otherwise the low 30 bits of its spelling's hash, never negative. */
const FREE = -1;
const TAG_MASK = 0x3fffffff;

/** Spellings to `T` (which keeps its spelling as `word`), worked out once by `make`. */
export class SpellingTable<T extends { readonly word: string }> {
  /**
   * Two cells per slot, side by side so a probe reads one cache line: the tag (low 30 bits of the
   * hash, a small integer) and the entry. A hit then costs reading the entry, which the caller reads anyway.
   */
  private readonly cells: (number | T | null)[] = emptyCells();
  private count = 0;

  /** Past `maxSize` spellings the table starts over (it has 2^17 slots, so it stays under half full). */
  constructor(
    private readonly make: (word: string) => T,
    private readonly maxSize = 60_000,
  ) {}

  get size(): number {
    return this.count;
  }

  clear(): void {
    for (let i = 0; i < this.cells.length; i += 2) {
      this.cells[i] = FREE;
      this.cells[i + 1] = null;
    }
    this.count = 0;
  }

  /** The entry of `text[start..end)`, whose hash is `hash`. */
  lookup(text: string, start: number, end: number, hash: number): T {
    const cells = this.cells;
    const mask = cells.length - 1;
    const tag = hash & TAG_MASK;
    // The high bits after a final mix: FNV's low bits alone spread short words poorly.
    const home = (Math.imul(hash ^ (hash >>> 16), 0x85ebca6b) >>> (32 - SLOT_BITS)) << 1;
    let at = home;
    for (let cell = cells[at]; cell !== FREE; cell = cells[at]) {
      if (cell === tag) {
        const entry = cells[at + 1] as T;
        if (sameText(entry.word, text, start, end)) return entry;
      }
      at = (at + 2) & mask;
    }
    if (this.count >= this.maxSize) {
      this.clear();
      at = home;
    }
    const entry = this.make(text.slice(start, end));
    cells[at] = tag;
    cells[at + 1] = entry;
    this.count++;
    return entry;
  }
}

/** A table of free slots, made as a plain array of small integers and objects from the start. */
function emptyCells<T>(): (number | T | null)[] {
  const cells: (number | T | null)[] = [];
  for (let i = 0; i < 1 << SLOT_BITS; i++) cells.push(FREE, null);
  return cells;
}

/** True if `text[start..end)` spells `word`. */
function sameText(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
