/**
 * Features of each token for the sequence model: a fixed number per token (one per template), each a
 * 32-bit hash of the template and its values. Templates are listed in ./templates (data); their hash
 * goes into the weights file so a model never meets features it was not trained with.
 */
import type { TokenArrays } from '../tokens/index';
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
  const sp = tokens.spelling;
  const { rule, gazetteer, place } = signals;
  const word = (i: number) => (i < 0 || i >= n ? EDGE : (sp[i]?.hash ?? EDGE));
  const shape = (i: number) => (i < 0 || i >= n ? 15 : (sp[i]?.shape ?? 15));
  const ruleAt = (i: number) => (i < 0 || i >= n ? 255 : (rule[i] ?? 0));
  for (let i = from; i < to; i++) {
    const s = sp[i];
    if (!s) continue;
    const o = (i - from) * F;
    const w0 = s.hash;
    const wm1 = word(i - 1);
    const wp1 = word(i + 1);
    const sh = s.shape;
    const shm1 = shape(i - 1);
    const shp1 = shape(i + 1);
    const start = tokens.sentenceStart[i] ?? 0;
    const glue = (tokens.glued[i] ?? 0) | ((i + 1 < n ? (tokens.glued[i + 1] ?? 0) : 0) << 1);
    const r0 = rule[i] ?? 0;
    const g0 = gazetteer[i] ?? 0;
    const p0 = place[i] ?? 0;
    feats[o + T.bias] = feature(T.bias, 0);
    feats[o + T.word] = feature(T.word, w0);
    feats[o + T.prevWord] = feature(T.prevWord, wm1);
    feats[o + T.nextWord] = feature(T.nextWord, wp1);
    feats[o + T.prev2Word] = feature(T.prev2Word, word(i - 2));
    feats[o + T.next2Word] = feature(T.next2Word, word(i + 2));
    feats[o + T.prevWordWord] = feature(T.prevWordWord, wm1, w0);
    feats[o + T.wordNextWord] = feature(T.wordNextWord, w0, wp1);
    feats[o + T.prev2PrevWord] = feature(T.prev2PrevWord, word(i - 2), wm1);
    feats[o + T.shape] = feature(T.shape, sh, start);
    feats[o + T.shapeWindow] = feature(T.shapeWindow, sh | (shm1 << 4) | (shp1 << 8), start);
    feats[o + T.shapeWindow2] = feature(
      T.shapeWindow2,
      sh | (shm1 << 4) | (shp1 << 8) | (shape(i - 2) << 12) | (shape(i + 2) << 16),
    );
    feats[o + T.suffix] = feature(T.suffix, s.suffix, sh);
    feats[o + T.prefix] = feature(T.prefix, s.prefix, sh);
    feats[o + T.marked] = feature(T.marked, s.marked ? 1 : 0, sh | (shm1 << 4) | (shp1 << 8));
    feats[o + T.glue] = feature(T.glue, glue, sh);
    feats[o + T.rule] = feature(T.rule, r0);
    feats[o + T.ruleShape] = feature(T.ruleShape, r0, sh | (start << 4));
    feats[o + T.ruleWindow] = feature(T.ruleWindow, r0 | (ruleAt(i - 1) << 8) | (ruleAt(i + 1) << 16));
    feats[o + T.rulePrevWord] = feature(T.rulePrevWord, r0, wm1);
    feats[o + T.ruleWord] = feature(T.ruleWord, r0, w0);
    feats[o + T.gazetteer] = feature(T.gazetteer, g0 | ((i > 0 ? (gazetteer[i - 1] ?? 0) : 255) << 8), sh);
    feats[o + T.place] = feature(T.place, p0, sh | (shm1 << 4));
    feats[o + T.placePrevWord] = feature(T.placePrevWord, p0, wm1);
  }
  return feats;
}
