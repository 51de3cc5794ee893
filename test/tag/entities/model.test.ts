import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LabelledRecord } from '../../../shared/tag/entities/build/dataset';
import { prepareExamples } from '../../../shared/tag/entities/build/examples';
import { spanScore } from '../../../shared/tag/entities/build/train';
import { TEMPLATE_HASH } from '../../../shared/tag/entities/features/templates';
import { emissions, spansOf, viterbi } from '../../../shared/tag/entities/model/decode';
import { entityModel, SOURCE_WEIGHTS_FILE } from '../../../shared/tag/entities/model/load';
import { trainPerceptron } from '../../../shared/tag/entities/model/train';
import {
  buildSlots,
  linearModel,
  readWeights,
  writeWeights,
} from '../../../shared/tag/entities/model/weights-file';

// A toy pattern in hand-written sentences: the word after `tàu` is a place, whatever it is.
const TOY_NAMES = ['Khe Sanh', 'Bến Lức', 'Cà Mau', 'Ô Môn', 'Gò Dầu', 'Tân An', 'Long Xuyên', 'Rạch Giá'];
function toy(name: string, k: number): LabelledRecord {
  const text = `Chiều qua, tàu đi ${name} chậm ${k} giờ vì mưa lớn.`;
  const start = text.indexOf(name);
  return {
    id: `toy:${k}`,
    text,
    spans: [{ start, end: start + name.length, label: 'LOC' }],
    source: 'written',
    licence: 'CC-BY-4.0',
    attribution: 'newsdrop team',
    split: 'train',
  };
}

const misaligned = { count: 0 };
const train = TOY_NAMES.slice(0, 6).flatMap((n, k) => prepareExamples(toy(n, k), misaligned));
const unseen = TOY_NAMES.slice(6).flatMap((n, k) => prepareExamples(toy(n, k + 10), misaligned));

describe('the entity model', () => {
  it('learns a toy pattern from a small slice and tags unseen names with it', () => {
    const model = trainPerceptron(train, { epochs: 5, seed: 1, pruneBelow: 0 });
    expect(spanScore(linearModel(model), train).f1).toBe(1);
    expect(spanScore(linearModel(model), unseen).f1).toBe(1);
  });

  it('trains deterministically: the same slice and seed give the same bytes', () => {
    const a = writeWeights(trainPerceptron(train, { epochs: 3, seed: 7, pruneBelow: 0.05 }));
    const b = writeWeights(trainPerceptron(train, { epochs: 3, seed: 7, pruneBelow: 0.05 }));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('round-trips its weights file and refuses one made with other templates or another format', () => {
    const model = trainPerceptron(train, { epochs: 3, seed: 1, pruneBelow: 0 });
    const bytes = writeWeights(model);
    const back = readWeights(bytes);
    expect(back.templateHash).toBe(TEMPLATE_HASH);
    expect(Array.from(back.slots)).toEqual(Array.from(buildSlots(model).slots));
    expect(Array.from(back.weights)).toEqual(Array.from(model.weights));
    const otherTemplates = bytes.slice();
    new DataView(otherTemplates.buffer).setUint32(8, TEMPLATE_HASH ^ 1, true);
    expect(() => readWeights(otherTemplates)).toThrow(/templates/);
    const otherFormat = bytes.slice();
    new DataView(otherFormat.buffer).setUint32(4, 99, true);
    expect(() => readWeights(otherFormat)).toThrow(/format version/);
  });

  it('decodes only well-formed BIO paths', () => {
    const model = linearModel(trainPerceptron(train, { epochs: 3, seed: 1, pruneBelow: 0 }));
    for (const ex of [...train, ...unseen]) {
      const path = viterbi(model, emissions(model, ex.feats, ex.count), ex.count);
      for (let i = 0; i < path.length; i++) {
        const label = path[i] as number;
        if (label !== 0 && label % 2 === 0) expect([label, label - 1]).toContain(path[i - 1]);
      }
      for (const s of spansOf(model, emissions(model, ex.feats, ex.count), path))
        expect(s.to).toBeGreaterThan(s.from);
    }
  });

  it('scores the shipped weights alike through the packed look-up table and through the rows', () => {
    const packed = entityModel();
    const { emit: _packedPath, ...byRows } = packed;
    expect(_packedPath).toBeTypeOf('function');
    const ex = prepareExamples(toy('Hà Giang', 1), misaligned).concat(train);
    for (const e of ex) {
      const a = Array.from(emissions(packed, e.feats, e.count));
      const b = Array.from(emissions(byRows, e.feats, e.count));
      expect(a).toEqual(b);
      expect(a.some((v) => v !== 0)).toBe(true);
    }
    // A model that is not the shipped file's view, mid-training, reads the rows.
    const trained = linearModel(trainPerceptron(train, { epochs: 3, seed: 1, pruneBelow: 0 }));
    const { emit: _trainedPath, ...trainedRows } = trained;
    for (const e of train)
      expect(Array.from(emissions(trained, e.feats, e.count))).toEqual(
        Array.from(emissions(trainedRows, e.feats, e.count)),
      );
  });

  it('ships committed weights that match the code (format and feature templates)', () => {
    expect(() => readWeights(readFileSync(SOURCE_WEIGHTS_FILE))).not.toThrow();
    expect(entityModel().rowOf(12345)).toBeGreaterThanOrEqual(-1);
  });
});
