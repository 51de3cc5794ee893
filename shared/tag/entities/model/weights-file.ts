/**
 * The weights file: one binary blob, loaded once per container by viewing its bytes (no copy, no loop over
 * the weights), so loading costs a file read. Little-endian layout:
 *   0 magic "NDEM" · 4 u32 format version · 8 u32 template hash · 12 u32 label count · 16 u32 rows R
 *   20 f32 weight scale · 24 f32 calibration a · 28 f32 calibration b · 32 u32 slot bits k · 36..47 zero
 *   48 f32 transitions[(labels + 1) × labels] · then i32 slots[4 × 2^k] · then i8 weights[R × labels]
 * The slots are the decoder's open-addressing table of the features (`buildSlots`), written by the
 * training script so that loading builds nothing. A file of another format version, template hash or
 * label count is refused.
 */
import {
  CONTEXT_COUNT,
  extractContextFeatures,
  SIGNATURE_FEATURES,
  SPELLING_FEATURE_PARTS,
  SPELLING_PARTS,
  signatureFeatures,
  spellingFeatures,
} from '../features/index';
import type { TokenSignals } from '../features/signals';
import { LABEL_COUNT, TEMPLATE_COUNT, TEMPLATE_HASH } from '../features/templates';
import type { Spelling, TokenArrays } from '../tokens/index';
import { type LinearModel, maskTransitions } from './decode';

export const WEIGHTS_FORMAT_VERSION = 3;
const MAGIC = 0x4d45444e; // "NDEM" little-endian
const HEADER = 48;

/** A trained model: one row of int8 weights per kept feature. */
export interface QuantisedModel {
  templateHash: number;
  scale: number;
  calibration: { a: number; b: number };
  transitions: Float32Array;
  /** Feature ids, one per row. */
  features: Int32Array;
  /** `features.length × LABEL_COUNT`, times `scale`. */
  weights: Int8Array;
}

/** A model as the weights file holds it: the rows' features in their look-up table (`buildSlots`). */
export interface ShippedModel extends Omit<QuantisedModel, 'features'> {
  /** log2 of the number of slots. */
  slotBits: number;
  slots: Int32Array;
}

/**
 * The open-addressing table of a model's features: 2^k slots for at least twice the rows, linear probing
 * from a multiplicative hash, id 0 marking a free slot (no feature id is 0). A slot is four int32: the
 * feature id, its row and, for seven labels, the row's int8 weights packed four and three to an int32, so
 * a feature costs one probe in one cache line, mostly.
 */
export function buildSlots(m: QuantisedModel): ShippedModel {
  const { features, weights, ...rest } = m;
  const L = LABEL_COUNT;
  const R = features.length;
  let bits = 1;
  while (1 << bits < 2 * R) bits++;
  const shift = 32 - bits;
  const mask = (1 << bits) - 1;
  const slots = new Int32Array(4 << bits);
  const byte = (r: number, l: number) => (l < L ? (weights[r * L + l] as number) & 255 : 0);
  for (let r = 0; r < R; r++) {
    const f = features[r] as number;
    let at = Math.imul(f, 0x9e3779b1) >>> shift;
    while (slots[at << 2] !== 0) at = (at + 1) & mask;
    const o = at << 2;
    slots[o] = f;
    slots[o + 1] = r;
    slots[o + 2] = byte(r, 0) | (byte(r, 1) << 8) | (byte(r, 2) << 16) | (byte(r, 3) << 24);
    slots[o + 3] = byte(r, 4) | (byte(r, 5) << 8) | (byte(r, 6) << 16);
  }
  return { ...rest, weights, slotBits: bits, slots };
}

export function writeWeights(model: QuantisedModel): Uint8Array {
  const m = buildSlots(model);
  const L = LABEL_COUNT;
  const R = model.features.length;
  const trBytes = 4 * (L + 1) * L;
  const buf = new ArrayBuffer(HEADER + trBytes + 4 * m.slots.length + R * L);
  const dv = new DataView(buf);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, WEIGHTS_FORMAT_VERSION, true);
  dv.setUint32(8, m.templateHash >>> 0, true);
  dv.setUint32(12, L, true);
  dv.setUint32(16, R, true);
  dv.setFloat32(20, m.scale, true);
  dv.setFloat32(24, m.calibration.a, true);
  dv.setFloat32(28, m.calibration.b, true);
  dv.setUint32(32, m.slotBits, true);
  let o = HEADER;
  for (let k = 0; k < (L + 1) * L; k++, o += 4) dv.setFloat32(o, m.transitions[k] ?? 0, true);
  new Int32Array(buf, o, m.slots.length).set(m.slots);
  o += 4 * m.slots.length;
  new Int8Array(buf, o, R * L).set(m.weights.subarray(0, R * L));
  return new Uint8Array(buf);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Reads a weights file; the arrays view `bytes` (copied once if they are not 4-byte aligned). */
export function readWeights(input: Uint8Array): ShippedModel {
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < HEADER || dv.getUint32(0, true) !== MAGIC)
    throw new Error('entity weights: not a weights file');
  const version = dv.getUint32(4, true);
  if (version !== WEIGHTS_FORMAT_VERSION)
    throw new Error(
      `entity weights: format version ${version}, this code reads ${WEIGHTS_FORMAT_VERSION}; retrain (npm run train:entities)`,
    );
  const templateHash = dv.getUint32(8, true);
  if (templateHash !== TEMPLATE_HASH)
    throw new Error(
      `entity weights: trained with feature templates ${templateHash.toString(16)}, the code has ${TEMPLATE_HASH.toString(16)}; retrain (npm run train:entities)`,
    );
  const L = dv.getUint32(12, true);
  if (L !== LABEL_COUNT) throw new Error(`entity weights: ${L} labels, the code has ${LABEL_COUNT}`);
  if (!LITTLE_ENDIAN) throw new Error('entity weights: a little-endian machine is needed');
  const R = dv.getUint32(16, true);
  const bits = dv.getUint32(32, true);
  const slotCount = 4 << bits;
  const expected = HEADER + 4 * (L + 1) * L + 4 * slotCount + R * L;
  if (bits > 24 || 1 << bits < 2 * R || bytes.byteLength !== expected)
    throw new Error(`entity weights: ${bytes.byteLength} bytes, expected ${expected}`);
  const base = bytes.byteOffset;
  let o = HEADER;
  const transitions = new Float32Array(bytes.buffer, base + o, (L + 1) * L);
  o += 4 * (L + 1) * L;
  const slots = new Int32Array(bytes.buffer, base + o, slotCount);
  o += 4 * slotCount;
  const weights = new Int8Array(bytes.buffer, base + o, R * L);
  return {
    templateHash,
    scale: dv.getFloat32(20, true),
    calibration: { a: dv.getFloat32(24, true), b: dv.getFloat32(28, true) },
    transitions,
    slotBits: bits,
    slots,
    weights,
  };
}

/** The decoder's view of a trained model (its slot table built here). */
export function linearModel(m: QuantisedModel): LinearModel {
  return shippedModel(buildSlots(m));
}

/** Spellings whose scores a shipped model keeps (`spellingScores`) before it starts over: 4 MB at most. */
const MAX_SPELLING_ROWS = 1 << 15;
/** A spelling row: `SPELLING_PARTS` parts of 8 int16 (seven labels and a pad), 128 bytes. */
const ROW = SPELLING_PARTS * 8;
/** log2 of the signatures a shipped model keeps the scores of (`signatureScores`); it starts over half full. */
const SIGNATURE_BITS = 14;
/** Tells each fill of each shipped model's spelling table apart (`Spelling.scoreOwner`; 0 is none). */
let lastOwner = 0;

/** Size (log2 of bits) and hash multiplier of the shipped model's filter of known feature ids (64 KB). */
const KNOWN_BITS = 19;
const KNOWN_MIX = 0x85ebca6b | 0;

/** The decoder's view of a shipped model: the file's slot table, read in place. */
export function shippedModel(m: ShippedModel): LinearModel {
  const { slots, weights } = m;
  const L = LABEL_COUNT;
  const bits = m.slotBits;
  const shift = 32 - bits;
  const mask = (1 << bits) - 1;
  const slotOf = (feature: number): number => {
    let at = Math.imul(feature, 0x9e3779b1) >>> shift;
    let id = slots[at << 2] as number;
    while (id !== feature) {
      if (id === 0) return -1;
      at = (at + 1) & mask;
      id = slots[at << 2] as number;
    }
    return at << 2;
  };
  // One bit per feature id hash, set for the model's features: most absent features (a rare word's
  // pairs, 18% of the look-ups) are turned away by this small table, which stays in cache, without a probe
  // into the large one, which does not.
  const known = new Int32Array(1 << (KNOWN_BITS - 5));
  for (let o = 0; o < slots.length; o += 4) {
    const id = slots[o] as number;
    if (id === 0) continue;
    const h = Math.imul(id, KNOWN_MIX) >>> (32 - KNOWN_BITS);
    known[h >>> 5] = (known[h >>> 5] as number) | (1 << (h & 31));
  }
  const scale = m.scale;
  /** Emission scores from the packed weights (sign-extended bytes), summed and scaled as `emissions` does. */
  const emit = (feats: Int32Array, count: number, em: Float64Array): Float64Array => {
    for (let i = 0; i < count; i++) {
      let e0 = 0;
      let e1 = 0;
      let e2 = 0;
      let e3 = 0;
      let e4 = 0;
      let e5 = 0;
      let e6 = 0;
      const fo = i * TEMPLATE_COUNT;
      for (let f = 0; f < TEMPLATE_COUNT; f++) {
        const id = feats[fo + f] as number;
        const h = Math.imul(id, KNOWN_MIX) >>> (32 - KNOWN_BITS);
        if (((known[h >>> 5] as number) & (1 << (h & 31))) === 0) continue;
        const o = slotOf(id);
        if (o < 0) continue;
        const a = slots[o + 2] as number;
        const b = slots[o + 3] as number;
        e0 += (a << 24) >> 24;
        e1 += (a << 16) >> 24;
        e2 += (a << 8) >> 24;
        e3 += a >> 24;
        e4 += (b << 24) >> 24;
        e5 += (b << 16) >> 24;
        e6 += (b << 8) >> 24;
      }
      const o = i * 7;
      em[o] = e0;
      em[o + 1] = e1;
      em[o + 2] = e2;
      em[o + 3] = e3;
      em[o + 4] = e4;
      em[o + 5] = e5;
      em[o + 6] = e6;
    }
    if (scale !== 1) for (let k = 0; k < count * 7; k++) em[k] = (em[k] as number) * scale;
    return em;
  };
  const addRow = (id: number, into: Int32Array): void => {
    if (id === 0) return;
    const h = Math.imul(id, KNOWN_MIX) >>> (32 - KNOWN_BITS);
    if (((known[h >>> 5] as number) & (1 << (h & 31))) === 0) return;
    const o = slotOf(id);
    if (o < 0) return;
    const a = slots[o + 2] as number;
    const b = slots[o + 3] as number;
    into[0] = (into[0] as number) + ((a << 24) >> 24);
    into[1] = (into[1] as number) + ((a << 16) >> 24);
    into[2] = (into[2] as number) + ((a << 8) >> 24);
    into[3] = (into[3] as number) + (a >> 24);
    into[4] = (into[4] as number) + ((b << 24) >> 24);
    into[5] = (into[5] as number) + ((b << 16) >> 24);
    into[6] = (into[6] as number) + ((b << 8) >> 24);
  };
  // The scores of each spelling's own features (../features `spellingFeatures`), summed once per spelling
  // met and kept in a row of 8 parts: a token then reads its window's five spellings' rows, in first-met
  // order (common words side by side), instead of probing the large table for ten of its 24 features.
  let spellingRows = new Int16Array(ROW * 1024);
  let rows = 0;
  let owner = 0;
  const spellingFeats = new Int32Array(10);
  const partSums = new Int32Array(8);
  const fillRow = (s: Spelling | null): number => {
    if (rows === MAX_SPELLING_ROWS) startOver();
    if ((rows + 1) * ROW > spellingRows.length) {
      const grown = new Int16Array(spellingRows.length * 2);
      grown.set(spellingRows);
      spellingRows = grown;
    }
    const row = rows++;
    spellingFeatures(s, spellingFeats);
    for (let part = 0; part < SPELLING_PARTS; part++) {
      partSums.fill(0);
      for (let k = 0; k < 10; k++)
        if (SPELLING_FEATURE_PARTS[k] === part) addRow(spellingFeats[k] as number, partSums);
      spellingRows.set(partSums, row * ROW + part * 8);
    }
    return row;
  };
  /** Row 0 is the position past a text's ends (EDGE). */
  const startOver = (): void => {
    rows = 0;
    owner = ++lastOwner;
    fillRow(null);
  };
  const rowOfSpelling = (s: Spelling): number => {
    if (s.scoreOwner !== owner) {
      s.scoreRow = fillRow(s);
      s.scoreOwner = owner;
    }
    return s.scoreRow;
  };
  // The scores of each token signature met (../features `signatureFeatures`: eleven features of small
  // values), summed once: open addressing on the three keys, 8 int16 of scores per entry.
  const SIG_SLOTS = 1 << SIGNATURE_BITS;
  const sigKeys = new Int32Array(3 * SIG_SLOTS);
  const sigUsed = new Uint8Array(SIG_SLOTS);
  const sigScores = new Int16Array(8 * SIG_SLOTS);
  let sigCount = 0;
  const sigFeats = new Int32Array(SIGNATURE_FEATURES);
  const sigSums = new Int32Array(8);
  /** The offset of a signature's scores in `sigScores`. */
  const signatureScores = (k1: number, k2: number, k3: number): number => {
    let at =
      (Math.imul(k1 ^ Math.imul(k2, 0x9e3779b1) ^ Math.imul(k3, 0x85ebca6b), 0xc2b2ae35) >>> 0) >>>
      (32 - SIGNATURE_BITS);
    while (sigUsed[at] === 1) {
      const o = 3 * at;
      if (sigKeys[o] === k1 && sigKeys[o + 1] === k2 && sigKeys[o + 2] === k3) return at << 3;
      at = (at + 1) & (SIG_SLOTS - 1);
    }
    if (sigCount * 2 >= SIG_SLOTS) {
      sigUsed.fill(0);
      sigCount = 0;
      return signatureScores(k1, k2, k3);
    }
    sigUsed[at] = 1;
    sigCount++;
    sigKeys[3 * at] = k1;
    sigKeys[3 * at + 1] = k2;
    sigKeys[3 * at + 2] = k3;
    signatureFeatures(k1, k2, k3, sigFeats);
    sigSums.fill(0);
    for (let k = 0; k < SIGNATURE_FEATURES; k++) addRow(sigFeats[k] as number, sigSums);
    sigScores.set(sigSums, at << 3);
    return at << 3;
  };
  let contextScratch = new Int32Array(64 * CONTEXT_COUNT);
  let rowScratch = new Int32Array(64);
  /** `emit` over the tokens [from, to) of a text, from their spellings' rows and the context features. */
  const emitTokens = (
    tokens: TokenArrays,
    signals: TokenSignals,
    from: number,
    to: number,
    em: Float64Array,
  ): Float64Array => {
    if (owner === 0) startOver();
    const count = to - from;
    const n = tokens.count;
    if (contextScratch.length < count * CONTEXT_COUNT)
      contextScratch = new Int32Array(count * CONTEXT_COUNT * 2);
    if (rowScratch.length < count + 4) rowScratch = new Int32Array((count + 4) * 2);
    const ctx = extractContextFeatures(tokens, signals, from, to, contextScratch);
    // The row of each token of [from - 2, to + 2); read after every fill, as a fill may start over.
    const sp = tokens.spelling;
    const filled = owner;
    for (let k = from - 2; k < to + 2; k++)
      rowScratch[k - from + 2] = k < 0 || k >= n ? 0 : rowOfSpelling(sp[k] as Spelling);
    if (filled !== owner) {
      // The table started over midway: fill this window's rows again, into the fresh table.
      for (let k = from - 2; k < to + 2; k++)
        rowScratch[k - from + 2] = k < 0 || k >= n ? 0 : rowOfSpelling(sp[k] as Spelling);
    }
    const vr = spellingRows;
    const { rule, place } = signals;
    for (let i = 0; i < count; i++) {
      const r0 = rule[from + i] as number;
      const p0 = place[from + i] as number;
      const self = (rowScratch[i + 2] as number) * ROW;
      const prev = (rowScratch[i + 1] as number) * ROW;
      const prev2 = (rowScratch[i] as number) * ROW + 5 * 8;
      const next = (rowScratch[i + 3] as number) * ROW + 6 * 8;
      const next2 = (rowScratch[i + 4] as number) * ROW + 7 * 8;
      const pr = prev + 2 * 8;
      let e0 =
        (vr[self] as number) +
        (vr[pr] as number) +
        (vr[prev2] as number) +
        (vr[next] as number) +
        (vr[next2] as number);
      let e1 =
        (vr[self + 1] as number) +
        (vr[pr + 1] as number) +
        (vr[prev2 + 1] as number) +
        (vr[next + 1] as number) +
        (vr[next2 + 1] as number);
      let e2 =
        (vr[self + 2] as number) +
        (vr[pr + 2] as number) +
        (vr[prev2 + 2] as number) +
        (vr[next + 2] as number) +
        (vr[next2 + 2] as number);
      let e3 =
        (vr[self + 3] as number) +
        (vr[pr + 3] as number) +
        (vr[prev2 + 3] as number) +
        (vr[next + 3] as number) +
        (vr[next2 + 3] as number);
      let e4 =
        (vr[self + 4] as number) +
        (vr[pr + 4] as number) +
        (vr[prev2 + 4] as number) +
        (vr[next + 4] as number) +
        (vr[next2 + 4] as number);
      let e5 =
        (vr[self + 5] as number) +
        (vr[pr + 5] as number) +
        (vr[prev2 + 5] as number) +
        (vr[next + 5] as number) +
        (vr[next2 + 5] as number);
      let e6 =
        (vr[self + 6] as number) +
        (vr[pr + 6] as number) +
        (vr[prev2 + 6] as number) +
        (vr[next + 6] as number) +
        (vr[next2 + 6] as number);
      if (r0 === 0) {
        const a = self + 8;
        const b = prev + 3 * 8;
        e0 += (vr[a] as number) + (vr[b] as number);
        e1 += (vr[a + 1] as number) + (vr[b + 1] as number);
        e2 += (vr[a + 2] as number) + (vr[b + 2] as number);
        e3 += (vr[a + 3] as number) + (vr[b + 3] as number);
        e4 += (vr[a + 4] as number) + (vr[b + 4] as number);
        e5 += (vr[a + 5] as number) + (vr[b + 5] as number);
        e6 += (vr[a + 6] as number) + (vr[b + 6] as number);
      }
      if (p0 === 0) {
        const c = prev + 4 * 8;
        e0 += vr[c] as number;
        e1 += vr[c + 1] as number;
        e2 += vr[c + 2] as number;
        e3 += vr[c + 3] as number;
        e4 += vr[c + 4] as number;
        e5 += vr[c + 5] as number;
        e6 += vr[c + 6] as number;
      }
      const fo = i * CONTEXT_COUNT;
      const so = signatureScores(ctx[fo] as number, ctx[fo + 1] as number, ctx[fo + 2] as number);
      e0 += sigScores[so] as number;
      e1 += sigScores[so + 1] as number;
      e2 += sigScores[so + 2] as number;
      e3 += sigScores[so + 3] as number;
      e4 += sigScores[so + 4] as number;
      e5 += sigScores[so + 5] as number;
      e6 += sigScores[so + 6] as number;
      for (let f = 3; f < CONTEXT_COUNT; f++) {
        const id = ctx[fo + f] as number;
        if (id === 0) continue;
        const h = Math.imul(id, KNOWN_MIX) >>> (32 - KNOWN_BITS);
        if (((known[h >>> 5] as number) & (1 << (h & 31))) === 0) continue;
        const o = slotOf(id);
        if (o < 0) continue;
        const a = slots[o + 2] as number;
        const b = slots[o + 3] as number;
        e0 += (a << 24) >> 24;
        e1 += (a << 16) >> 24;
        e2 += (a << 8) >> 24;
        e3 += a >> 24;
        e4 += (b << 24) >> 24;
        e5 += (b << 16) >> 24;
        e6 += (b << 8) >> 24;
      }
      const o = i * 7;
      em[o] = e0 * scale;
      em[o + 1] = e1 * scale;
      em[o + 2] = e2 * scale;
      em[o + 3] = e3 * scale;
      em[o + 4] = e4 * scale;
      em[o + 5] = e5 * scale;
      em[o + 6] = e6 * scale;
    }
    return em;
  };
  return {
    rowOf(feature: number): number {
      const o = slotOf(feature);
      return o < 0 ? -1 : (slots[o + 1] as number);
    },
    weights,
    scale,
    transitions: m.transitions,
    calibration: m.calibration,
    maskedTransitions: maskTransitions(m.transitions),
    ...(L === 7 ? { emit, emitTokens } : {}),
  };
}
