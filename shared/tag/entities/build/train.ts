/**
 * `npm run train:entities`: trains the entity model on the `train` split of data/entities/entities.jsonl,
 * calibrates its scores on `dev`, prints token-level and span-level figures on `dev`, and writes
 * shared/tag/data/entities-model.generated.bin (committed). Deterministic: same data, same file.
 * Only the team's labelled data is read (DANeS labels and written text): never VLSP or other
 * evaluation-only sets.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { emissions, viterbi } from '../model/decode';
import { SOURCE_WEIGHTS_FILE } from '../model/load';
import { DEFAULT_TRAIN_OPTIONS, spanKeys, type TrainOptions, trainPerceptron } from '../model/train';
import { linearModel, writeWeights } from '../model/weights-file';
import { DATASET_FILE } from './build-dataset';
import type { LabelledRecord } from './dataset';
import { type PreparedExample, prepareExamples } from './examples';

export function readDataset(file = DATASET_FILE): LabelledRecord[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledRecord);
}

/** Span-level precision, recall and F1 of the model on prepared examples. */
export function spanScore(
  model: ReturnType<typeof linearModel>,
  examples: readonly PreparedExample[],
): { p: number; r: number; f1: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const ex of examples) {
    const path = viterbi(model, emissions(model, ex.feats, ex.count), ex.count);
    const gold = spanKeys(ex.gold);
    const pred = spanKeys(path);
    for (const s of pred) if (gold.has(s)) tp++;
    fp += [...pred].filter((s) => !gold.has(s)).length;
    fn += [...gold].filter((s) => !pred.has(s)).length;
  }
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, tp + fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const records = readDataset();
  const misaligned = { count: 0 };
  const t0 = performance.now();
  const train = records.filter((r) => r.split === 'train').flatMap((r) => prepareExamples(r, misaligned));
  const dev = records.filter((r) => r.split === 'dev').flatMap((r) => prepareExamples(r, misaligned));
  const epochs = Number(process.env.EPOCHS ?? DEFAULT_TRAIN_OPTIONS.epochs);
  const options: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, epochs };
  const model = trainPerceptron(train, options, dev);
  const bytes = writeWeights(model);
  writeFileSync(SOURCE_WEIGHTS_FILE, bytes);
  const s = spanScore(linearModel(model), dev);
  process.stdout.write(
    `trained on ${train.length} texts (${misaligned.count} spans off token boundaries or outside segments skipped), ` +
      `${options.epochs} epochs, seed ${options.seed}, in ${((performance.now() - t0) / 1000).toFixed(1)} s\n` +
      `${model.features.length} features kept, ${bytes.length} bytes → ${SOURCE_WEIGHTS_FILE}\n` +
      `calibration a=${model.calibration.a.toFixed(3)} b=${model.calibration.b.toFixed(3)}\n` +
      `dev (${dev.length} texts) span P ${s.p.toFixed(3)} R ${s.r.toFixed(3)} F1 ${s.f1.toFixed(3)}\n`,
  );
}
