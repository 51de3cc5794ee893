/**
 * What hot loops know about each spelling they meet, found straight from the text they scan: the caller
 * hashes a word's characters (`hashStep`) while scanning, and a hit is checked against the text in place,
 * so a known word costs no slice, no string hashing and no `Map` look-up.
 */

/** Start of a word's hash; fold each of its UTF-16 units in with `hashStep` (32-bit FNV-1a). */
export const HASH_SEED = 0x811c9dc5 | 0;
export const hashStep = (hash: number, code: number): number => Math.imul(hash ^ code, 0x01000193);

const SLOT_BITS = 17;

/** Spellings to `T` (which keeps its spelling as `word`), worked out once by `make`. */
export class SpellingTable<T extends { readonly word: string }> {
  private readonly slots = new Int32Array(1 << SLOT_BITS).fill(-1);
  private readonly hashes: number[] = [];
  private readonly entries: T[] = [];

  /** Past `maxSize` spellings the table starts over (it has 2^17 slots, so it stays under half full). */
  constructor(
    private readonly make: (word: string) => T,
    private readonly maxSize = 60_000,
  ) {}

  get size(): number {
    return this.entries.length;
  }

  clear(): void {
    this.slots.fill(-1);
    this.hashes.length = 0;
    this.entries.length = 0;
  }

  /** The entry of `text[start..end)`, whose hash is `hash`. */
  lookup(text: string, start: number, end: number, hash: number): T {
    const mask = this.slots.length - 1;
    // The high bits after a final mix: FNV's low bits alone spread short words poorly.
    const home = (Math.imul(hash ^ (hash >>> 16), 0x85ebca6b) >>> (32 - SLOT_BITS)) & mask;
    let slot = home;
    for (let index = this.slots[slot]!; index >= 0; index = this.slots[slot]!) {
      if (this.hashes[index] === hash && sameText(this.entries[index]!.word, text, start, end))
        return this.entries[index]!;
      slot = (slot + 1) & mask;
    }
    if (this.entries.length >= this.maxSize) {
      this.clear();
      slot = home;
    }
    const entry = this.make(text.slice(start, end));
    this.slots[slot] = this.entries.length;
    this.hashes.push(hash);
    this.entries.push(entry);
    return entry;
  }
}

/** True if `text[start..end)` spells `word`. */
function sameText(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
