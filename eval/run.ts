/**
 * `npm run eval`: scores the parser and the tagger on every labelled set in ../shared/corpus/.
 * Corpus data is read at eval time only; none of it is bundled into the product. What it prints is
 * also written to docs/figures/eval.md (one part per stage: `npm run eval tag` rewrites only its part).
 */
import { captureStdout, writeFigures } from '../scripts/figures';
import { runExtractionEval } from './extraction-eval';
import { runFormatsEval } from './formats-eval';
import { runKeyphraseEval } from './keyphrase-eval';
import { runKeywordsEval } from './keywords-eval';
import { runLabelAgreement } from './label-agreement';
import { runLanguageEval } from './language-eval';
import { runParseEval } from './parse-eval';
import { runRecordsAgreement } from './records-agreement';
import { runRecordsEval } from './records-eval';
import { runStoriesEval } from './stories-eval';
import { runTagEval, runTopicSection } from './tag-eval';
import { runTitleEval } from './title-eval';
import { runUndatedEval } from './undated-eval';

const only = process.argv[2];
const parts: Record<string, string> = {};
if (only === undefined || only === 'parse') {
  const printed = captureStdout();
  await runParseEval();
  parts.parse = printed();
}
if (only === undefined || only === 'parse' || only === 'titles') {
  const printed = captureStdout();
  await runTitleEval();
  const text = printed();
  // A tuning run (`--half=tune`, `--tune`, `--errors`) is printed only: the figures hold both halves.
  if (!process.argv.some((a) => a.startsWith('--half=') || a === '--tune' || a === '--errors'))
    parts.titles = text;
}
if (only === undefined || only === 'parse' || only === 'keywords') {
  const printed = captureStdout();
  await runKeywordsEval();
  parts.keywords = printed();
}
if (only === undefined || only === 'parse' || only === 'formats') {
  const printed = captureStdout();
  await runFormatsEval();
  parts.formats = printed();
}
if (only === undefined || only === 'parse' || only === 'undated') {
  const printed = captureStdout();
  await runUndatedEval();
  parts.undated = printed();
}
if (only === undefined || only === 'tag') {
  const printed = captureStdout();
  await runTagEval();
  runLabelAgreement();
  parts.tag = printed();
}
// The topic table alone, printed only (`--dev-only`: dev halves only, for tuning).
if (only === 'topics') runTopicSection({ devOnly: process.argv.includes('--dev-only') });
// The key-phrase table alone, printed only: its figures are recorded inside the tag part.
if (only === 'keyphrase') runKeyphraseEval();
if (only === undefined || only === 'extraction') {
  const printed = captureStdout();
  await runExtractionEval();
  parts.extraction = printed();
}
if (only === undefined || only === 'language') {
  const printed = captureStdout();
  await runLanguageEval();
  parts.language = printed();
}
if (only === undefined || only === 'stories') {
  const printed = captureStdout();
  await runStoriesEval();
  parts.stories = printed();
}
if (only === undefined || only === 'records') {
  // `--split=dev` while choosing (the test split is read once, at the end); only a run of both is recorded.
  const split = process.argv.find((a) => a.startsWith('--split='))?.slice(8);
  const splits = split === 'dev' || split === 'test' ? [split as 'dev' | 'test'] : undefined;
  const printed = captureStdout();
  await runRecordsEval({
    ...(splits && { splits }),
    saveBaseline: process.argv.includes('--save-baseline'),
  });
  runRecordsAgreement();
  const text = printed();
  if (!splits) parts.records = text;
}
writeFigures('eval.md', 'npm run eval', parts);
