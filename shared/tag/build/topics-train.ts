/**
 * Builds the shipped topic model: `npx tsx shared/tag/build/topics-train.ts`.
 * Writes shared/tag/data/topics-model.generated.json (committed). Needs ../shared/corpus/danes beside the repo.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { danesExamples, readDanes } from './danes';
import { shippedExamples } from './topics-examples';
import { trainTopicModel } from './topics-nb';

const out = join(import.meta.dirname, '..', 'data', 'topics-model.generated.json');
const danes = danesExamples(readDanes());
const examples = shippedExamples(danes);
const model = trainTopicModel(examples);
const json = `${JSON.stringify(model)}\n`;
writeFileSync(out, json);
const features = model.features.split('\n').length;
process.stdout.write(
  `topics model: ${danes.length} DANeS records, ${examples.length - danes.length} written lines, ${features} features kept of ${model.vocabularySize}, ` +
    `${(json.length / 1024).toFixed(0)} KB -> ${out}\n`,
);
