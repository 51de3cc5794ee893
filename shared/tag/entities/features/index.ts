/**
 * Features of each token for the sequence model: a fixed number per token (one per template), each a
 * 32-bit hash of the template and its values. Templates are listed in ./templates (data); their hash
 * goes into the weights file so a model never meets features it was not trained with.
 */
import type { Spelling, TokenArrays } from '../tokens/index';
import type { TokenSignals } from './signals';
import { TEMPLATE_COUNT, Template } from './templates';

/** Template indices as a local object (read in the hot loop). */
const T = { ...Template };

/** Hash of the value standing for a position before the text's first token or after its last. */
const EDGE = 0x5eed_0001;

function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35);
  return h ^ (h >>> 13);
}

/** A feature id: never 0 (0 marks a free slot in the model's table). */
function feature(template: number, a: number, b = 0): number {
  return mix(mix(template + 1, a), b) | 0 || 1;
}

/**
 * Features of the tokens [from, to), `TEMPLATE_COUNT` per token, token-major:
 * `out[(i - from) * TEMPLATE_COUNT + f]`. Context is read from the whole text. Written into `out` when it
 * is long enough (the decoder's reused scratch space), else into a new array.
 */
export function extractFeatures(
  tokens: TokenArrays,
  signals: TokenSignals,
  from = 0,
  to = tokens.count,
  out?: Int32Array,
): Int32Array {
  const n = tokens.count;
  const F = TEMPLATE_COUNT;
  const feats = out && out.length >= (to - from) * F ? out : new Int32Array((to - from) * F);
  const { hash, shape, sentenceStart, glued } = tokens;
  const { rule, gazetteer, place } = signals;
  // Values of the tokens around i, slid along: w/sh/r at -2…+2 (EDGE, 15, 255 past the text's ends).
  let wm2 = from - 2 >= 0 ? (hash[from - 2] as number) : EDGE;
  let wm1 = from - 1 >= 0 ? (hash[from - 1] as number) : EDGE;
  let w0 = from < n ? (hash[from] as number) : EDGE;
  let wp1 = from + 1 < n ? (hash[from + 1] as number) : EDGE;
  let shm2 = from - 2 >= 0 ? (shape[from - 2] as number) : 15;
  let shm1 = from - 1 >= 0 ? (shape[from - 1] as number) : 15;
  let sh = from < n ? (shape[from] as number) : 15;
  let shp1 = from + 1 < n ? (shape[from + 1] as number) : 15;
  let rm1 = from - 1 >= 0 ? (rule[from - 1] as number) : 255;
  let r0 = from < n ? (rule[from] as number) : 255;
  const bias = feature(T.bias, 0);
  const sp = tokens.spelling;
  for (let i = from; i < to; i++) {
    const wp2 = i + 2 < n ? (hash[i + 2] as number) : EDGE;
    const shp2 = i + 2 < n ? (shape[i + 2] as number) : 15;
    const rp1 = i + 1 < n ? (rule[i + 1] as number) : 255;
    const s = sp[i] as Spelling;
    const o = (i - from) * F;
    const start = sentenceStart[i] as number;
    const glue = (glued[i] as number) | ((i + 1 < n ? (glued[i + 1] as number) : 0) << 1);
    const g0 = gazetteer[i] as number;
    const p0 = place[i] as number;
    const sh3 = sh | (shm1 << 4) | (shp1 << 8);
    feats[o + T.bias] = bias;
    feats[o + T.word] = feature(T.word, w0);
    feats[o + T.prevWord] = feature(T.prevWord, wm1);
    feats[o + T.nextWord] = feature(T.nextWord, wp1);
    feats[o + T.prev2Word] = feature(T.prev2Word, wm2);
    feats[o + T.next2Word] = feature(T.next2Word, wp2);
    feats[o + T.prevWordWord] = feature(T.prevWordWord, wm1, w0);
    feats[o + T.wordNextWord] = feature(T.wordNextWord, w0, wp1);
    feats[o + T.prev2PrevWord] = feature(T.prev2PrevWord, wm2, wm1);
    feats[o + T.shape] = feature(T.shape, sh, start);
    feats[o + T.shapeWindow] = feature(T.shapeWindow, sh3, start);
    feats[o + T.shapeWindow2] = feature(T.shapeWindow2, sh3 | (shm2 << 12) | (shp2 << 16));
    feats[o + T.suffix] = feature(T.suffix, s.suffix, sh);
    feats[o + T.prefix] = feature(T.prefix, s.prefix, sh);
    feats[o + T.marked] = feature(T.marked, s.marked ? 1 : 0, sh3);
    feats[o + T.glue] = feature(T.glue, glue, sh);
    feats[o + T.rule] = feature(T.rule, r0);
    feats[o + T.ruleShape] = feature(T.ruleShape, r0, sh | (start << 4));
    feats[o + T.ruleWindow] = feature(T.ruleWindow, r0 | (rm1 << 8) | (rp1 << 16));
    feats[o + T.rulePrevWord] = feature(T.rulePrevWord, r0, wm1);
    feats[o + T.ruleWord] = feature(T.ruleWord, r0, w0);
    feats[o + T.gazetteer] = feature(
      T.gazetteer,
      g0 | ((i > 0 ? (gazetteer[i - 1] as number) : 255) << 8),
      sh,
    );
    feats[o + T.place] = feature(T.place, p0, sh | (shm1 << 4));
    feats[o + T.placePrevWord] = feature(T.placePrevWord, p0, wm1);
    wm2 = wm1;
    wm1 = w0;
    w0 = wp1;
    wp1 = wp2;
    shm2 = shm1;
    shm1 = sh;
    sh = shp1;
    shp1 = shp2;
    rm1 = r0;
    r0 = rp1;
  }
  return feats;
}

/**
 * The decoder's split of the same features (`extractFeatures` stays what training reads): the features one
 * token's spelling decides wherever it sits in a window, which the shipped model sums once per spelling
 * (../model/weights-file), and the rest, per token (`extractContextFeatures`). Each part is where the
 * spelling sits relative to the token scored and, for three, a condition on that token's signals.
 */
export const SpellingPart = {
  /** w[0]: word, suffix, prefix. */
  self: 0,
  /** w[0] of a token the rules do not read: ruleWord with rule 0. */
  selfNoRule: 1,
  /** w[-1]: prevWord. */
  prev: 2,
  /** w[-1] before a token the rules do not read: rulePrevWord with rule 0. */
  prevNoRule: 3,
  /** w[-1] before a token no place name covers: placePrevWord with place 0. */
  prevNoPlace: 4,
  prev2: 5,
  next: 6,
  next2: 7,
} as const;
export const SPELLING_PARTS = 8;

/** The part each of `spellingFeatures`' ten features adds to. */
export const SPELLING_FEATURE_PARTS: readonly number[] = [0, 0, 0, 1, 2, 3, 4, 5, 6, 7];

/**
 * The ten features of a spelling, in the order of `SPELLING_FEATURE_PARTS`; `null` is the position past
 * the text's ends (EDGE), which is never w[0] (0 there: no feature).
 */
export function spellingFeatures(s: Spelling | null, out: Int32Array): Int32Array {
  const w = s ? s.hash : EDGE;
  out[0] = s ? feature(T.word, w) : 0;
  out[1] = s ? feature(T.suffix, s.suffix, s.shape) : 0;
  out[2] = s ? feature(T.prefix, s.prefix, s.shape) : 0;
  out[3] = s ? feature(T.ruleWord, 0, w) : 0;
  out[4] = feature(T.prevWord, w);
  out[5] = feature(T.rulePrevWord, 0, w);
  out[6] = feature(T.placePrevWord, 0, w);
  out[7] = feature(T.prev2Word, w);
  out[8] = feature(T.nextWord, w);
  out[9] = feature(T.next2Word, w);
  return out;
}

/**
 * Per token in `extractContextFeatures`' output: the token's signature (three int32: the small values its
 * bias, shape, marked, glue, rule and gazetteer templates read, `signatureFeatures`), then six features
 * (0: none).
 */
export const CONTEXT_COUNT = 9;
/** `signatureFeatures` writes this many. */
export const SIGNATURE_FEATURES = 11;

/**
 * The eleven features of a token's signature (bias, shape, shapeWindow, shapeWindow2, marked, glue, rule,
 * ruleShape, ruleWindow, gazetteer, place): few distinct signatures recur, so the shipped model sums each
 * signature's scores once.
 */
export function signatureFeatures(k1: number, k2: number, k3: number, out: Int32Array): Int32Array {
  const sh = k1 & 15;
  const sh3 = k1 & 0xfff;
  const start = (k1 >>> 20) & 1;
  const r0 = k2 & 255;
  const p0 = k3 >>> 16;
  out[0] = feature(T.bias, 0);
  out[1] = feature(T.shape, sh, start);
  out[2] = feature(T.shapeWindow, sh3, start);
  out[3] = feature(T.shapeWindow2, k1 & 0xfffff);
  out[4] = feature(T.marked, (k1 >>> 21) & 1, sh3);
  out[5] = feature(T.glue, (k1 >>> 22) & 3, sh);
  out[6] = feature(T.rule, r0);
  out[7] = feature(T.ruleShape, r0, sh | (start << 4));
  out[8] = feature(T.ruleWindow, k2);
  out[9] = feature(T.gazetteer, k3 & 0xffff, sh);
  out[10] = feature(T.place, p0, k1 & 0xff);
  return out;
}

/**
 * Per token of [from, to), `CONTEXT_COUNT` values, token-major, into `out` when it is long enough: the
 * token's signature (`signatureFeatures`), then the features of `extractFeatures` that neither the signature
 * nor `spellingFeatures` gives: the three word pairs, and ruleWord and rulePrevWord when the token has a
 * rule reading and placePrevWord when a place name covers it (else 0).
 */
export function extractContextFeatures(
  tokens: TokenArrays,
  signals: TokenSignals,
  from: number,
  to: number,
  out?: Int32Array,
): Int32Array {
  const n = tokens.count;
  const C = CONTEXT_COUNT;
  const feats = out && out.length >= (to - from) * C ? out : new Int32Array((to - from) * C);
  const { hash, shape, sentenceStart, glued } = tokens;
  const { rule, gazetteer, place } = signals;
  let wm2 = from - 2 >= 0 ? (hash[from - 2] as number) : EDGE;
  let wm1 = from - 1 >= 0 ? (hash[from - 1] as number) : EDGE;
  let w0 = from < n ? (hash[from] as number) : EDGE;
  let wp1 = from + 1 < n ? (hash[from + 1] as number) : EDGE;
  let shm2 = from - 2 >= 0 ? (shape[from - 2] as number) : 15;
  let shm1 = from - 1 >= 0 ? (shape[from - 1] as number) : 15;
  let sh = from < n ? (shape[from] as number) : 15;
  let shp1 = from + 1 < n ? (shape[from + 1] as number) : 15;
  let rm1 = from - 1 >= 0 ? (rule[from - 1] as number) : 255;
  let r0 = from < n ? (rule[from] as number) : 255;
  const sp = tokens.spelling;
  for (let i = from; i < to; i++) {
    const wp2 = i + 2 < n ? (hash[i + 2] as number) : EDGE;
    const shp2 = i + 2 < n ? (shape[i + 2] as number) : 15;
    const rp1 = i + 1 < n ? (rule[i + 1] as number) : 255;
    const s = sp[i] as Spelling;
    const o = (i - from) * C;
    const start = sentenceStart[i] as number;
    const glue = (glued[i] as number) | ((i + 1 < n ? (glued[i + 1] as number) : 0) << 1);
    const p0 = place[i] as number;
    feats[o] =
      sh |
      (shm1 << 4) |
      (shp1 << 8) |
      (shm2 << 12) |
      (shp2 << 16) |
      (start << 20) |
      ((s.marked ? 1 : 0) << 21) |
      (glue << 22);
    feats[o + 1] = r0 | (rm1 << 8) | (rp1 << 16);
    feats[o + 2] =
      (gazetteer[i] as number) | ((i > 0 ? (gazetteer[i - 1] as number) : 255) << 8) | (p0 << 16);
    feats[o + 3] = feature(T.prevWordWord, wm1, w0);
    feats[o + 4] = feature(T.wordNextWord, w0, wp1);
    feats[o + 5] = feature(T.prev2PrevWord, wm2, wm1);
    feats[o + 6] = r0 !== 0 ? feature(T.rulePrevWord, r0, wm1) : 0;
    feats[o + 7] = r0 !== 0 ? feature(T.ruleWord, r0, w0) : 0;
    feats[o + 8] = p0 !== 0 ? feature(T.placePrevWord, p0, wm1) : 0;
    wm2 = wm1;
    wm1 = w0;
    w0 = wp1;
    wp1 = wp2;
    shm2 = shm1;
    shm1 = sh;
    sh = shp1;
    shp1 = shp2;
    rm1 = r0;
    r0 = rp1;
  }
  return feats;
}
