/**
 * The sequence model at run time: emission scores from hashed features, BIO transitions, Viterbi
 * decoding with the BIO constraint (an `I-X` only after `B-X` or `I-X`) enforced by masking, and a
 * confidence per decoded span from its weakest token's margin.
 */
import type { TokenSignals } from '../features/signals';
import { LABEL_COUNT, LABELS, TEMPLATE_COUNT } from '../features/templates';
import type { TokenArrays } from '../tokens/index';

/** Weights as the decoder reads them: a feature's row (or -1) and `LABEL_COUNT` weights per row. */
export interface LinearModel {
  rowOf(feature: number): number;
  /** Times `scale` (int8 in the shipped model, summed as integers). */
  weights: ArrayLike<number>;
  scale: number;
  /** `(LABEL_COUNT + 1) × LABEL_COUNT`: from each label (last row: from the start) to each label. */
  transitions: ArrayLike<number>;
  /** Confidence = sigmoid(a · margin + b). */
  calibration: { a: number; b: number };
  /** A fixed model's `transitions` with the forbidden ones at -Infinity (`maskTransitions`). */
  maskedTransitions?: Float64Array;
  /** The same scores as `emissions`, from the model's own layout, into `out` (a shipped model's fast path). */
  emit?(feats: Int32Array, count: number, out: Float64Array): Float64Array;
  /**
   * The same scores as `emissions` of `extractFeatures(tokens, signals, from, to)`, for the tokens [from,
   * to), into `out` (`(to - from) × LABEL_COUNT`; the shipped model's decoding path: ./weights-file).
   */
  emitTokens?(
    tokens: TokenArrays,
    signals: TokenSignals,
    from: number,
    to: number,
    out: Float64Array,
  ): Float64Array;
}

const L: number = LABEL_COUNT;
const F: number = TEMPLATE_COUNT;
const FORBIDDEN = -1e9;

/** Allowed transitions: `I-X` only from `B-X` or `I-X`. Row `L` is the start. */
export const ALLOWED: Uint8Array = (() => {
  const ok = new Uint8Array((L + 1) * L);
  for (let from = 0; from <= L; from++) {
    for (let to = 0; to < L; to++) {
      const t = LABELS[to] ?? 'O';
      const f = from === L ? 'O' : (LABELS[from] ?? 'O');
      ok[from * L + to] = !t.startsWith('I-') || (f !== 'O' && f.slice(2) === t.slice(2)) ? 1 : 0;
    }
  }
  return ok;
})();

/**
 * Emission scores, `count × LABEL_COUNT`: the model's own fast path when it has one (the shipped
 * weights: ./weights-file `linearModel`), else summed row by row (a model being trained).
 */
export function emissions(
  model: LinearModel,
  feats: Int32Array,
  count: number,
  out?: Float64Array,
): Float64Array {
  const em = out && out.length >= count * L ? out : new Float64Array(count * L);
  if (model.emit) return model.emit(feats, count, em);
  em.fill(0, 0, count * L);
  const w = model.weights;
  for (let i = 0; i < count; i++) {
    const o = i * L;
    const fo = i * F;
    for (let f = 0; f < F; f++) {
      const row = model.rowOf(feats[fo + f] as number);
      if (row < 0) continue;
      const r = row * L;
      for (let l = 0; l < L; l++) em[o + l] = (em[o + l] as number) + (w[r + l] as number);
    }
  }
  const scale = model.scale;
  if (scale !== 1) for (let k = 0; k < count * L; k++) em[k] = (em[k] as number) * scale;
  return em;
}

/** The transitions with the forbidden ones at -Infinity, into `out`. */
export function maskTransitions(tr: ArrayLike<number>, out = new Float64Array((L + 1) * L)): Float64Array {
  for (let k = 0; k < (L + 1) * L; k++) out[k] = ALLOWED[k] ? (tr[k] as number) : -Infinity;
  return out;
}

const maskScratch = new Float64Array((L + 1) * L);

/** Scratch of `viterbi`, grown as needed and reused (one decode runs at a time). */
let scoreScratch = new Float64Array(256 * L);
let backScratch = new Uint8Array(256 * L);

/**
 * Best label sequence under the model (ties break to the lower label index). A forbidden transition
 * weighs -Infinity, so the inner loop has no branch; each label can be reached by an allowed one, so
 * the best path is the one the masked decoder finds.
 */
export function viterbi(model: LinearModel, em: Float64Array, count: number): Uint8Array {
  const path = new Uint8Array(count);
  if (count === 0) return path;
  const tr = model.transitions;
  // A model being trained changes its transitions between calls: only a fixed one carries them masked.
  const allowedTr = model.maskedTransitions ?? maskTransitions(tr, maskScratch);
  if (count * L > scoreScratch.length) {
    scoreScratch = new Float64Array(count * L * 2);
    backScratch = new Uint8Array(count * L * 2);
  }
  const score = scoreScratch;
  const back = backScratch;
  for (let l = 0; l < L; l++)
    score[l] = ALLOWED[L * L + l] ? (em[l] as number) + (tr[L * L + l] as number) : FORBIDDEN;
  for (let i = 1; i < count; i++) {
    const o = i * L;
    const p = o - L;
    for (let l = 0; l < L; l++) {
      let best = -Infinity;
      let arg = 0;
      for (let k = 0; k < L; k++) {
        const s = (score[p + k] as number) + (allowedTr[k * L + l] as number);
        if (s > best) {
          best = s;
          arg = k;
        }
      }
      score[o + l] = best + (em[o + l] as number);
      back[o + l] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  const last = (count - 1) * L;
  for (let l = 0; l < L; l++) {
    if ((score[last + l] as number) > best) {
      best = score[last + l] as number;
      arg = l;
    }
  }
  for (let i = count - 1; i >= 0; i--) {
    path[i] = arg;
    arg = back[i * L + arg] as number;
  }
  return path;
}

export interface DecodedSpan {
  /** Token range [from, to). */
  from: number;
  to: number;
  /** 0 person, 1 organisation, 2 place. */
  type: number;
  /** Smallest margin of a token of the span over its best alternative label. */
  margin: number;
}

/** Spans of a BIO path, with each one's margin. */
export function spansOf(model: LinearModel, em: Float64Array, path: Uint8Array): DecodedSpan[] {
  const out: DecodedSpan[] = [];
  const tr = model.transitions;
  const n = path.length;
  let i = 0;
  while (i < n) {
    const label = path[i] as number;
    if (label === 0 || label % 2 === 0) {
      i++;
      continue;
    }
    const type = (label - 1) >> 1;
    let j = i + 1;
    while (j < n && path[j] === label + 1) j++;
    let margin = Infinity;
    for (let t = i; t < j; t++) {
      const prev = t === 0 ? L : (path[t - 1] as number);
      const mine = path[t] as number;
      const own = (em[t * L + mine] as number) + (tr[prev * L + mine] as number);
      let other = -Infinity;
      for (let l = 0; l < L; l++) {
        if (l === mine || !ALLOWED[prev * L + l]) continue;
        const s = (em[t * L + l] as number) + (tr[prev * L + l] as number);
        if (s > other) other = s;
      }
      if (own - other < margin) margin = own - other;
    }
    out.push({ from: i, to: j, type, margin });
    i = j;
  }
  return out;
}

export function confidence(model: LinearModel, margin: number): number {
  const { a, b } = model.calibration;
  return 1 / (1 + Math.exp(-(a * margin + b)));
}
