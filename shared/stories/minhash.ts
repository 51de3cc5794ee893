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

/**
 * mix32(x) with its top bit flipped, as a signed 32-bit value: signed order of these is the unsigned
 * order of mix32's, and they stay small integers for the engine (mix32's above 2^31 are heap numbers).
 */
function mixFlipped(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h ^ 0x80000000;
}

/** One seed per minimum, fixed: sketches are stored and compared across deployments. */
const SEEDS = Int32Array.from({ length: MINHASH_SIZE }, (_, i) => mix32(0x9e3779b9 + i * 0x632be5ab));

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
  // Minimums of the flipped values (signed order = mix32's unsigned order), flipped back at the end. One
  // seed at a time over all shingles: its running minimum stays in a local, not in a typed array.
  const sketch = new Uint32Array(MINHASH_SIZE);
  for (let k = 0; k < MINHASH_SIZE; k++) {
    const seed = SEEDS[k]!;
    let least = 0x7fffffff;
    for (let i = 0; i < distinct; i++) {
      const v = mixFlipped(shingles[i]! ^ seed);
      if (v < least) least = v;
    }
    sketch[k] = least ^ 0x80000000;
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
