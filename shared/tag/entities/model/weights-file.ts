/**
 * The weights file: one binary blob, loaded once per container. Little-endian layout:
 *   0 magic "NDEM" · 4 u32 format version · 8 u32 template hash · 12 u32 label count · 16 u32 rows R
 *   20 f32 weight scale · 24 f32 calibration a · 28 f32 calibration b
 *   32 f32 transitions[(labels + 1) × labels] · then i32 feature ids[R] · then i8 weights[R × labels]
 * A file of another format version, template hash or label count is refused.
 */
import { LABEL_COUNT, TEMPLATE_HASH } from '../features/templates';
import type { LinearModel } from './decode';

export const WEIGHTS_FORMAT_VERSION = 1;
const MAGIC = 0x4d45444e; // "NDEM" little-endian

export interface QuantisedModel {
  templateHash: number;
  scale: number;
  calibration: { a: number; b: number };
  transitions: Float32Array;
  /** Feature ids, ascending. */
  features: Int32Array;
  /** `features.length × LABEL_COUNT`, times `scale`. */
  weights: Int8Array;
}

const HEADER = 32;

export function writeWeights(m: QuantisedModel): Uint8Array {
  const L = LABEL_COUNT;
  const R = m.features.length;
  const trBytes = 4 * (L + 1) * L;
  const buf = new ArrayBuffer(HEADER + trBytes + 4 * R + R * L);
  const dv = new DataView(buf);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, WEIGHTS_FORMAT_VERSION, true);
  dv.setUint32(8, m.templateHash >>> 0, true);
  dv.setUint32(12, L, true);
  dv.setUint32(16, R, true);
  dv.setFloat32(20, m.scale, true);
  dv.setFloat32(24, m.calibration.a, true);
  dv.setFloat32(28, m.calibration.b, true);
  let o = HEADER;
  for (let k = 0; k < (L + 1) * L; k++, o += 4) dv.setFloat32(o, m.transitions[k] ?? 0, true);
  for (let r = 0; r < R; r++, o += 4) dv.setInt32(o, m.features[r] ?? 0, true);
  new Int8Array(buf, o, R * L).set(m.weights.subarray(0, R * L));
  return new Uint8Array(buf);
}

export function readWeights(bytes: Uint8Array): QuantisedModel {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < HEADER || dv.getUint32(0, true) !== MAGIC)
    throw new Error('entity weights: not a weights file');
  const version = dv.getUint32(4, true);
  if (version !== WEIGHTS_FORMAT_VERSION)
    throw new Error(`entity weights: format version ${version}, this code reads ${WEIGHTS_FORMAT_VERSION}`);
  const templateHash = dv.getUint32(8, true);
  if (templateHash !== TEMPLATE_HASH)
    throw new Error(
      `entity weights: trained with feature templates ${templateHash.toString(16)}, the code has ${TEMPLATE_HASH.toString(16)}; retrain (npm run train:entities)`,
    );
  const L = dv.getUint32(12, true);
  if (L !== LABEL_COUNT) throw new Error(`entity weights: ${L} labels, the code has ${LABEL_COUNT}`);
  const R = dv.getUint32(16, true);
  const expected = HEADER + 4 * (L + 1) * L + 4 * R + R * L;
  if (bytes.byteLength !== expected)
    throw new Error(`entity weights: ${bytes.byteLength} bytes, expected ${expected}`);
  let o = HEADER;
  const transitions = new Float32Array((L + 1) * L);
  for (let k = 0; k < transitions.length; k++, o += 4) transitions[k] = dv.getFloat32(o, true);
  const features = new Int32Array(R);
  for (let r = 0; r < R; r++, o += 4) features[r] = dv.getInt32(o, true);
  const weights = new Int8Array(R * L);
  weights.set(new Int8Array(bytes.buffer, bytes.byteOffset + o, R * L));
  return {
    templateHash,
    scale: dv.getFloat32(20, true),
    calibration: { a: dv.getFloat32(24, true), b: dv.getFloat32(28, true) },
    transitions,
    features,
    weights,
  };
}

/** The decoder's view of a quantised model: an open-addressing table from feature id to row. */
export function linearModel(m: QuantisedModel): LinearModel {
  const R = m.features.length;
  let bits = 4;
  while (1 << bits < R * 2) bits++;
  const size = 1 << bits;
  const mask = size - 1;
  const keys = new Int32Array(size);
  const rows = new Int32Array(size);
  const shift = 32 - bits;
  for (let r = 0; r < R; r++) {
    const f = m.features[r] as number;
    let slot = Math.imul(f, 0x9e3779b1) >>> shift;
    while (keys[slot] !== 0) slot = (slot + 1) & mask;
    keys[slot] = f;
    rows[slot] = r;
  }
  const weights = new Float32Array(m.weights.length);
  for (let k = 0; k < weights.length; k++) weights[k] = (m.weights[k] as number) * m.scale;
  return {
    rowOf(feature: number): number {
      let slot = Math.imul(feature, 0x9e3779b1) >>> shift;
      for (;;) {
        const k = keys[slot] as number;
        if (k === feature) return rows[slot] as number;
        if (k === 0) return -1;
        slot = (slot + 1) & mask;
      }
    },
    weights,
    transitions: m.transitions,
    calibration: m.calibration,
  };
}
