import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Entities } from '../../../shared/model/article';
import type { LabelledRecord } from '../../../shared/tag/entities/build/dataset';
import { prepareExamples } from '../../../shared/tag/entities/build/examples';
import { spanScore } from '../../../shared/tag/entities/build/train';
import {
  CONTEXT_COUNT,
  extractContextFeatures,
  extractFeatures,
  SPELLING_FEATURE_PARTS,
  SpellingPart,
  signatureFeatures,
  spellingFeatures,
} from '../../../shared/tag/entities/features/index';
import { ruleNames, tokenSignals } from '../../../shared/tag/entities/features/signals';
import { TEMPLATE_COUNT, TEMPLATE_HASH } from '../../../shared/tag/entities/features/templates';
import { emissions, spansOf, viterbi } from '../../../shared/tag/entities/model/decode';
import { entityModel, SOURCE_WEIGHTS_FILE } from '../../../shared/tag/entities/model/load';
import { trainPerceptron } from '../../../shared/tag/entities/model/train';
import {
  buildSlots,
  linearModel,
  readWeights,
  writeWeights,
} from '../../../shared/tag/entities/model/weights-file';
import { tokenize } from '../../../shared/tag/entities/tokens/index';

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

  // Texts with names the rules read, places, a byline, digits and a text shorter than a window.
  const SPLIT_TEXTS = [
    'Ông Nguyễn Văn An, Chủ tịch UBND tỉnh Thái Bình, đến Hà Nội sáng 3/5 cùng đoàn của Bộ Y tế.',
    'TP.HCM - Sở Giao thông vận tải TP.HCM cho biết đường Nguyễn Huệ sẽ đóng từ 20h.',
    'Hà Nội',
    'SARS-CoV-2 lan tới Đà Nẵng; bão Yagi đổ bộ Quảng Ninh (PV).',
  ];
  const RULES = {
    person: [{ name: 'Nguyễn Văn An' }],
    organization: [{ name: 'UBND tỉnh Thái Bình' }, { name: 'Bộ Y tế' }],
    place: [{ name: 'Hà Nội' }, { name: 'Đà Nẵng' }],
  } as unknown as Entities;

  it("splits each token's features into its window's spelling parts, its signature and the rest, as extractFeatures lists them", () => {
    const parts = new Int32Array(10);
    const sig = new Int32Array(11);
    for (const text of SPLIT_TEXTS) {
      const tokens = tokenize(text);
      const signals = tokenSignals(tokens, ruleNames(RULES));
      const n = tokens.count;
      const all = extractFeatures(tokens, signals, 0, n);
      const ctx = extractContextFeatures(tokens, signals, 0, n);
      for (let i = 0; i < n; i++) {
        const split: number[] = [];
        const at = (k: number) => (k < 0 || k >= n ? null : (tokens.spelling[k] ?? null));
        const add = (k: number, part: number) => {
          spellingFeatures(at(k), parts);
          SPELLING_FEATURE_PARTS.forEach((p, f) => {
            if (p === part) split.push(parts[f] as number);
          });
        };
        add(i, SpellingPart.self);
        add(i - 1, SpellingPart.prev);
        add(i - 2, SpellingPart.prev2);
        add(i + 1, SpellingPart.next);
        add(i + 2, SpellingPart.next2);
        if (signals.rule[i] === 0) {
          add(i, SpellingPart.selfNoRule);
          add(i - 1, SpellingPart.prevNoRule);
        }
        if (signals.place[i] === 0) add(i - 1, SpellingPart.prevNoPlace);
        const o = i * CONTEXT_COUNT;
        split.push(...signatureFeatures(ctx[o] as number, ctx[o + 1] as number, ctx[o + 2] as number, sig));
        for (let f = 3; f < CONTEXT_COUNT; f++) if (ctx[o + f] !== 0) split.push(ctx[o + f] as number);
        const listed = Array.from(all.subarray(i * TEMPLATE_COUNT, (i + 1) * TEMPLATE_COUNT));
        expect(split.sort((a, b) => a - b)).toEqual(listed.sort((a, b) => a - b));
      }
    }
    // Some token of these texts has a rule reading and some a place match, so both conditions are met.
    const signals = tokenSignals(tokenize(SPLIT_TEXTS[0] as string), ruleNames(RULES));
    expect(signals.rule.some((r) => r !== 0)).toBe(true);
    expect(signals.place.some((p) => p !== 0)).toBe(true);
  });

  it("scores the shipped weights alike through emitTokens and through extractFeatures' features", () => {
    const model = entityModel();
    const { emitTokens } = model;
    expect(emitTokens).toBeTypeOf('function');
    for (const text of SPLIT_TEXTS) {
      const tokens = tokenize(text);
      const signals = tokenSignals(tokens, ruleNames(RULES));
      for (const [from, to] of [
        [0, tokens.count],
        [1, Math.min(tokens.count, 4)],
      ] as const) {
        if (to <= from) continue;
        const fast = Array.from(
          emitTokens?.(tokens, signals, from, to, new Float64Array(7 * (to - from))) ?? [],
        );
        const feats = extractFeatures(tokens, signals, from, to);
        expect(fast).toEqual(Array.from(emissions(model, feats, to - from)));
      }
    }
  });

  it('ships committed weights that match the code (format and feature templates)', () => {
    expect(() => readWeights(readFileSync(SOURCE_WEIGHTS_FILE))).not.toThrow();
    expect(entityModel().rowOf(12345)).toBeGreaterThanOrEqual(-1);
  });
});
