/**
 * Training: an averaged structured perceptron (Collins 2002) over the decoder of ./decode, with the
 * averaging trick of Daumé (weights minus step-weighted updates over steps). Deterministic: examples are
 * visited in an order shuffled by a seeded generator, and ties break in label order. The averaged
 * weights are pruned (rows whose largest weight is under `pruneBelow`), quantised to int8 with one
 * scale, and a logistic calibration of span margins is fitted on held-out examples.
 */
import { LABEL_COUNT, TEMPLATE_COUNT, TEMPLATE_HASH } from '../features/templates';
import { emissions, type LinearModel, spansOf, viterbi } from './decode';
import { linearModel, type QuantisedModel } from './weights-file';

export interface Example {
  /** `count × TEMPLATE_COUNT` feature ids (see features/index). */
  feats: Int32Array;
  count: number;
  /** Gold label index per token. */
  gold: Uint8Array;
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  /** Rows whose largest averaged weight (absolute) is below this are dropped. */
  pruneBelow: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { epochs: 8, seed: 16, pruneBelow: 0.05 };

const L = LABEL_COUNT;

/** mulberry32: a small seeded generator, enough for shuffling. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Growable {
  data = new Float64Array(1 << 16);
  ensure(n: number): void {
    if (n <= this.data.length) return;
    let size = this.data.length;
    while (size < n) size *= 2;
    const next = new Float64Array(size);
    next.set(this.data);
    this.data = next;
  }
}

export function trainPerceptron(
  examples: readonly Example[],
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
  heldOut: readonly Example[] = [],
): QuantisedModel {
  const rowOfFeature = new Map<number, number>();
  // Features → rows once; every feature seen in training gets a row.
  const rowsOf = examples.map((ex) => {
    const rows = new Int32Array(ex.count * TEMPLATE_COUNT);
    for (let k = 0; k < rows.length; k++) {
      const f = ex.feats[k] as number;
      let r = rowOfFeature.get(f);
      if (r === undefined) {
        r = rowOfFeature.size;
        rowOfFeature.set(f, r);
      }
      rows[k] = r;
    }
    return rows;
  });
  const R = rowOfFeature.size;
  const W = new Growable();
  const U = new Growable();
  W.ensure(R * L);
  U.ensure(R * L);
  const TW = new Float64Array((L + 1) * L);
  const TU = new Float64Array((L + 1) * L);
  let rowLookup: Int32Array = new Int32Array(0);
  let cursor = 0;
  const live: LinearModel = {
    rowOf: () => rowLookup[cursor++] as number,
    weights: W.data,
    scale: 1,
    transitions: TW,
    calibration: { a: 1, b: 0 },
  };
  const order = examples.map((_, i) => i);
  const random = seededRandom(options.seed);
  let c = 1;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const e of order) {
      const ex = examples[e] as Example;
      const rows = rowsOf[e] as Int32Array;
      rowLookup = rows;
      cursor = 0;
      const em = emissions(live, ex.feats, ex.count);
      const pred = viterbi(live, em, ex.count);
      let prevGold: number = L;
      let prevPred: number = L;
      for (let t = 0; t < ex.count; t++) {
        const g = ex.gold[t] as number;
        const p = pred[t] as number;
        if (g !== p) {
          const fo = t * TEMPLATE_COUNT;
          for (let f = 0; f < TEMPLATE_COUNT; f++) {
            const r = (rows[fo + f] as number) * L;
            W.data[r + g] = (W.data[r + g] as number) + 1;
            U.data[r + g] = (U.data[r + g] as number) + c;
            W.data[r + p] = (W.data[r + p] as number) - 1;
            U.data[r + p] = (U.data[r + p] as number) - c;
          }
        }
        if (g !== p || prevGold !== prevPred) {
          TW[prevGold * L + g] = (TW[prevGold * L + g] as number) + 1;
          TU[prevGold * L + g] = (TU[prevGold * L + g] as number) + c;
          TW[prevPred * L + p] = (TW[prevPred * L + p] as number) - 1;
          TU[prevPred * L + p] = (TU[prevPred * L + p] as number) - c;
        }
        prevGold = g;
        prevPred = p;
      }
      c++;
    }
  }
  // Averaged weights, then pruning and int8 quantisation.
  const avg = new Float64Array(R * L);
  let maxAbs = 0;
  for (let k = 0; k < R * L; k++) {
    const v = (W.data[k] as number) - (U.data[k] as number) / c;
    avg[k] = v;
    if (Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
  }
  const scale = maxAbs > 0 ? maxAbs / 127 : 1;
  const kept: [number, number][] = [];
  for (const [feature, row] of rowOfFeature) {
    let big = 0;
    for (let l = 0; l < L; l++) big = Math.max(big, Math.abs(avg[row * L + l] as number));
    if (big >= options.pruneBelow && Math.round(big / scale) !== 0) kept.push([feature, row]);
  }
  kept.sort((a, b) => a[0] - b[0]);
  const features = new Int32Array(kept.length);
  const weights = new Int8Array(kept.length * L);
  kept.forEach(([feature, row], k) => {
    features[k] = feature;
    for (let l = 0; l < L; l++) weights[k * L + l] = Math.round((avg[row * L + l] as number) / scale);
  });
  const transitions = new Float32Array((L + 1) * L);
  for (let k = 0; k < transitions.length; k++) transitions[k] = (TW[k] as number) - (TU[k] as number) / c;
  const model: QuantisedModel = {
    templateHash: TEMPLATE_HASH,
    scale,
    calibration: { a: 1, b: 0 },
    transitions,
    features,
    weights,
  };
  model.calibration = calibrate(model, heldOut);
  return model;
}

/** Gold spans of a label path as `from:to:type` strings. */
export function spanKeys(path: Uint8Array): Set<string> {
  const out = new Set<string>();
  let i = 0;
  while (i < path.length) {
    const label = path[i] as number;
    if (label === 0 || label % 2 === 0) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < path.length && path[j] === label + 1) j++;
    out.add(`${i}:${j}:${(label - 1) >> 1}`);
    i = j;
  }
  return out;
}

/**
 * Fits confidence = sigmoid(a · margin + b) to whether decoded spans are right, on held-out examples
 * (plain gradient descent on the log loss; a fixed number of steps, so deterministic).
 */
function calibrate(model: QuantisedModel, heldOut: readonly Example[]): { a: number; b: number } {
  const lm = linearModel(model);
  const points: [number, number][] = [];
  for (const ex of heldOut) {
    const em = emissions(lm, ex.feats, ex.count);
    const path = viterbi(lm, em, ex.count);
    const gold = spanKeys(ex.gold);
    for (const s of spansOf(lm, em, path))
      points.push([s.margin, gold.has(`${s.from}:${s.to}:${s.type}`) ? 1 : 0]);
  }
  if (points.length < 20) return { a: 0.5, b: 0.5 };
  const spread = Math.max(1e-6, Math.sqrt(points.reduce((k, [m]) => k + m * m, 0) / points.length));
  let a = 0;
  let b = 0;
  for (let step = 0; step < 2000; step++) {
    let ga = 0;
    let gb = 0;
    for (const [m, y] of points) {
      const x = m / spread;
      const p = 1 / (1 + Math.exp(-(a * x + b)));
      ga += (p - y) * x;
      gb += p - y;
    }
    a -= (0.5 * ga) / points.length;
    b -= (0.5 * gb) / points.length;
  }
  return { a: a / spread, b };
}
