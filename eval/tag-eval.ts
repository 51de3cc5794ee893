/**
 * Tagger eval: entities (eval/entity-eval.ts; what each rule adds: eval/entity-rules-eval.ts), topics (eval/topic-eval.ts) and key phrases
 * (eval/keyphrase-eval.ts), each
 * printed next to the peer's figure (vntk) where the peer has that ability.
 */
import { detectLanguage } from '../shared/tag/language/index';
import { stripDiacritics } from '../shared/text/vietnamese';
import { runEntityEval } from './entity-eval';
import { runOwnRecognisers, runOwnTestEval } from './entity-own-eval';
import { runRuleAblation } from './entity-rules-eval';
import { runKeyphraseEval } from './keyphrase-eval';
import { formatTopicRows, type LabelledArticle, runTopicEval, TOPIC_SETS } from './topic-eval';

function pct(x: number): string {
  return x.toFixed(3);
}

function row(cells: readonly (string | number)[], widths: readonly number[]): string {
  return `${cells.map((c, i) => String(c).padEnd(widths[i] ?? 10)).join('  ')}\n`;
}

/** Share of a set's (all Vietnamese) articles identified as `vi`, as written and with diacritics stripped. */
export function languageAccuracy(items: readonly LabelledArticle[]): {
  asWritten: number;
  noDiacritics: number;
} {
  let asWritten = 0;
  let noDiacritics = 0;
  for (const { article } of items) {
    const text = `${article.title ?? ''}\n${article.body.slice(0, 2000)}`;
    if (detectLanguage(text) === 'vi') asWritten++;
    if (detectLanguage(stripDiacritics(text)) === 'vi') noDiacritics++;
  }
  return { asWritten: asWritten / items.length, noDiacritics: noDiacritics / items.length };
}

/**
 * Topic accuracy per set and half, beside the figures before the tag-31 model (eval/baseline/topics-tag30.json).
 * `devOnly` scores the dev halves alone, so tuning never sees a test figure.
 */
export function runTopicSection(options: { devOnly?: boolean } = {}): void {
  process.stdout.write(
    "\ntopics: accuracy of the top topic against each set's labels mapped to IPTC top level\n",
  );
  process.stdout.write(
    '(shared/tag/build/topic-mapping.ts; strict = the mapped code, lenient = also the documented alternatives;\n' +
      ' halves by a hash of the id: dev tunes, test reports). vntk has no IPTC topic classifier: no peer figure.\n\n',
  );
  const rows = runTopicEval(options.devOnly ? { half: 'dev' } : {});
  process.stdout.write(`${formatTopicRows(rows, options.devOnly ? ['dev'] : ['dev', 'test'])}\n`);
}

export async function runTagEval(): Promise<void> {
  await runEntityEval();
  runOwnTestEval();
  runOwnRecognisers();
  runRuleAblation();

  runTopicSection();

  runKeyphraseEval();

  process.stdout.write('\nlanguage: share of articles identified as Vietnamese (every set is Vietnamese)\n');
  const lw = [40, 9, 12, 15];
  process.stdout.write(row(['set', 'articles', 'as written', 'no diacritics'], lw));
  for (const set of TOPIC_SETS) {
    const items = set.load();
    const l = languageAccuracy(items);
    process.stdout.write(row([set.name, items.length, pct(l.asWritten), pct(l.noDiacritics)], lw));
  }
}
