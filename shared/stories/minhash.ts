/**
 * Near-duplicate sketch of an article body: MinHash over word 3-shingles. Two bodies that are the same
 * text with small edits (another byline, a dropped paragraph, other punctuation) share most shingles, so
 * most of their MINHASH_SIZE minimums agree; unrelated bodies, even on one topic, share almost none.
 * LSH bands (BANDS groups of BAND_ROWS minimums) are the store's look-up keys: two sketches that agree on
 * a whole band become candidates, and the full sketch then decides. Pure, no AWS.
 */
import { HASH_SEED, hashStep } from '../text/spellings';

/** Minimums kept per body. */
export const MINHASH_SIZE = 64;
/** Words per shingle. */
export const SHINGLE_WORDS = 3;
/** LSH bands and rows per band (over the first BANDS × BAND_ROWS minimums). */
export const BANDS = 8;
export const BAND_ROWS = 3;
/** Bodies with fewer shingles have no sketch: too short to call a copy. */
export const MIN_SHINGLES = 8;

export type Sketch = Uint32Array;

/** murmur3's finaliser: spreads a 32-bit value over all bits. */
function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One seed per minimum, fixed: sketches are stored and compared across deployments. */
const SEEDS = Int32Array.from({ length: MINHASH_SIZE }, (_, i) => mix32(0x9e3779b9 + i * 0x632be5ab));
/**
 * mix32's first step `h ^= h >>> 16` is linear over XOR: for h = shingle ^ seed it is the shingle's step
 * XOR the seed's. So each seed's step is taken once here, each shingle's once per body, not once per pair.
 */
const SEEDS_STEPPED = Int32Array.from(SEEDS, (seed) => seed ^ (seed >>> 16));

/** Hashes of the body's words (letters and digits, lower-case); punctuation and spacing do not count. */
function wordHashes(body: string): number[] {
  const out: number[] = [];
  const text = body.normalize('NFC').toLowerCase();
  let hash = HASH_SEED;
  let inWord = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    const letter =
      (c >= 0x30 && c <= 0x39) ||
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7);
    if (letter) {
      hash = hashStep(hash, c);
      inWord = true;
    } else if (inWord) {
      out.push(hash);
      hash = HASH_SEED;
      inWord = false;
    }
  }
  return out;
}

/** The body's MinHash sketch, or null when it is too short to compare. */
export function bodySketch(body: string): Sketch | null {
  const words = wordHashes(body);
  // Each shingle once (sorted, repeats skipped); as signed 32-bit values, same bits as mix32 gives.
  const count = Math.max(0, words.length - SHINGLE_WORDS + 1);
  const shingles = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0;
    for (let j = 0; j < SHINGLE_WORDS; j++) h = mix32(Math.imul(h, 31) ^ words[i + j]!);
    shingles[i] = h;
  }
  shingles.sort();
  let distinct = 0;
  for (let i = 0; i < count; i++)
    if (i === 0 || shingles[i] !== shingles[i - 1]) shingles[distinct++] = shingles[i]!;
  if (distinct < MIN_SHINGLES) return null;
  for (let i = 0; i < distinct; i++) shingles[i] = shingles[i]! ^ (shingles[i]! >>> 16);
  // mix32 of shingle ^ seed from the stepped values, its top bit flipped: as signed 32-bit values their
  // order is mix32's unsigned order, and they stay small integers for the engine (mix32's above 2^31 are
  // heap numbers); flipped back at the end. Two seeds at a time over all shingles, each running minimum
  // in a local, not in a typed array.
  const sketch = new Uint32Array(MINHASH_SIZE);
  for (let k = 0; k < MINHASH_SIZE; k += 2) {
    const seedA = SEEDS_STEPPED[k]!;
    const seedB = SEEDS_STEPPED[k + 1]!;
    let leastA = 0x7fffffff;
    let leastB = 0x7fffffff;
    for (let i = 0; i < distinct; i++) {
      const s = shingles[i]!;
      let a = Math.imul(s ^ seedA, 0x85ebca6b);
      a ^= a >>> 13;
      a = Math.imul(a, 0xc2b2ae35);
      a = a ^ (a >>> 16) ^ 0x80000000;
      if (a < leastA) leastA = a;
      let b = Math.imul(s ^ seedB, 0x85ebca6b);
      b ^= b >>> 13;
      b = Math.imul(b, 0xc2b2ae35);
      b = b ^ (b >>> 16) ^ 0x80000000;
      if (b < leastB) leastB = b;
    }
    sketch[k] = leastA ^ 0x80000000;
    sketch[k + 1] = leastB ^ 0x80000000;
  }
  return sketch;
}

/** Estimated Jaccard similarity of the two bodies' shingle sets: the share of equal minimums. */
export function sketchSimilarity(a: Sketch, b: Sketch): number {
  let same = 0;
  for (let k = 0; k < MINHASH_SIZE; k++) if (a[k] === b[k]) same++;
  return same / MINHASH_SIZE;
}

/** The sketch's LSH band keys, `<band>:<hash>` (short, for posting partitions). */
export function bandKeys(sketch: Sketch): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = b;
    for (let r = 0; r < BAND_ROWS; r++) h = mix32(Math.imul(h, 31) ^ sketch[b * BAND_ROWS + r]!);
    keys.push(`${b.toString(36)}:${h.toString(36)}`);
  }
  return keys;
}

/** A sketch as stored (base64 of its little-endian bytes) and back. */
export function encodeSketch(sketch: Sketch): string {
  return Buffer.from(sketch.buffer, sketch.byteOffset, sketch.byteLength).toString('base64');
}

export function decodeSketch(text: string): Sketch {
  const bytes = Buffer.from(text, 'base64');
  const out = new Uint32Array(MINHASH_SIZE);
  for (let k = 0; k < MINHASH_SIZE; k++) out[k] = bytes.readUInt32LE(k * 4);
  return out;
}
