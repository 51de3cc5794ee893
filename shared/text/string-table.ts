/**
 * A set of strings as three flat arrays, built once by the data build and looked up in place: the keys
 * joined into one string, where each starts, and an open-addressing hash table of entry numbers. Loading
 * one views a file's bytes (../assets/table-file.ts) instead of inserting thousands of keys into a Map;
 * a look-up hashes the key (FNV-1a, `featureHash`) and compares it in place, building no string.
 */
import { featureHash } from './fold';

export interface StringTableArrays {
  /** The keys, one after another. */
  keys: string;
  /** Entry `e` is `keys.slice(starts[e], starts[e + 1])` (UTF-16 offsets). */
  starts: Uint32Array;
  /** Hash table, a power of two long: entry number + 1, or 0 for an empty slot. */
  slots: Int32Array;
}

/** The arrays for `keys` (distinct), entries numbered in the order given. */
export function buildStringTable(keys: readonly string[]): StringTableArrays {
  const starts = new Uint32Array(keys.length + 1);
  keys.forEach((key, e) => {
    starts[e + 1] = starts[e]! + key.length;
  });
  let size = 1;
  while (size < keys.length * 2) size <<= 1;
  const slots = new Int32Array(size);
  const seen = new Set<string>();
  keys.forEach((key, e) => {
    if (seen.has(key)) throw new Error(`string table: ${JSON.stringify(key)} is listed twice`);
    seen.add(key);
    let i = featureHash(key) & (size - 1);
    while (slots[i] !== 0) i = (i + 1) & (size - 1);
    slots[i] = e + 1;
  });
  return { keys: keys.join(''), starts, slots };
}

export class StringTable {
  private readonly mask: number;

  constructor(private readonly arrays: StringTableArrays) {
    const { slots, starts, keys } = arrays;
    if ((slots.length & (slots.length - 1)) !== 0 || starts[starts.length - 1] !== keys.length) {
      throw new Error('string table: arrays do not fit together');
    }
    this.mask = slots.length - 1;
  }

  /** Number of entries. */
  get size(): number {
    return this.arrays.starts.length - 1;
  }

  /** The entry number of `key`, or -1. */
  indexOf(key: string): number {
    const { keys, starts, slots } = this.arrays;
    for (let i = featureHash(key) & this.mask; ; i = (i + 1) & this.mask) {
      const slot = slots[i]!;
      if (slot === 0) return -1;
      const start = starts[slot - 1]!;
      if (starts[slot]! - start === key.length && keys.startsWith(key, start)) return slot - 1;
    }
  }

  /**
   * `indexOf` of `parts[0..count)` joined by single spaces, without joining them: `hash` is the joined
   * key's `featureHash` and `length` its length (a caller extending a key part by part keeps both).
   */
  indexOfJoined(hash: number, length: number, parts: readonly string[], count: number): number {
    const { keys, starts, slots } = this.arrays;
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const slot = slots[i]!;
      if (slot === 0) return -1;
      const start = starts[slot - 1]!;
      if (starts[slot]! - start !== length) continue;
      let at = start;
      let same = true;
      for (let p = 0; p < count && same; p++) {
        const part = parts[p]!;
        if (p > 0) same = keys.charCodeAt(at++) === 32;
        same &&= keys.startsWith(part, at);
        at += part.length;
      }
      if (same) return slot - 1;
    }
  }

  has(key: string): boolean {
    return this.indexOf(key) >= 0;
  }

  /** Entry `e`'s key. */
  keyAt(e: number): string {
    return this.arrays.keys.slice(this.arrays.starts[e], this.arrays.starts[e + 1]);
  }
}
