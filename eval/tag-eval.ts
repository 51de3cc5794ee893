/**
 * Tagger eval: entities (eval/entity-eval.ts), topics (eval/topic-eval.ts) and keyword recall, each
 * printed next to the peer's figure (vntk) where the peer has that ability.
 */
import { extractKeyPhrases } from '../shared/tag/keywords/index';
import { detectLanguage } from '../shared/tag/language/index';
import { searchKey, stripDiacritics } from '../shared/text/vietnamese';
import { runEntityEval } from './entity-eval';
import { type LabelledArticle, load24h, runTopicEval, TOPIC_SETS } from './topic-eval';

const PEER_NA =
  'n/a: vntk has no IPTC topic classifier and no key-phrase extractor, so there is no peer figure for these rows.';

function pct(x: number): string {
  return x.toFixed(3);
}

function row(cells: readonly (string | number)[], widths: readonly number[]): string {
  return `${cells.map((c, i) => String(c).padEnd(widths[i] ?? 10)).join('  ')}\n`;
}

/** True if the predicted phrase covers the gold keyword (normalised with `searchKey`). */
export function keywordMatches(gold: string, predicted: string): 'exact' | 'fuzzy' | null {
  const g = searchKey(gold);
  const p = searchKey(predicted);
  if (!g || !p) return null;
  if (g === p) return 'exact';
  const gWords = g.split(' ');
  const pWords = p.split(' ');
  // The prediction contains the gold keyword, or is a multi-syllable part covering half of it.
  if (` ${p} `.includes(` ${g} `)) return 'fuzzy';
  if (pWords.length >= 2 && ` ${g} `.includes(` ${p} `) && pWords.length * 2 >= gWords.length) return 'fuzzy';
  return null;
}

export interface KeywordScore {
  articles: number;
  gold: number;
  exact: number;
  fuzzy: number;
}

/** Recall@10 of extracted key phrases against 24h editor keywords, the article's own keywords removed. */
export function keywordRecall(): KeywordScore {
  let gold = 0;
  let exact = 0;
  let fuzzy = 0;
  const items = load24h();
  for (const item of items) {
    const predicted = extractKeyPhrases({ ...item.article, keywords: [] }, 'vi', 10);
    for (const keyword of item.keywords ?? []) {
      gold++;
      const matches = predicted.map((p) => keywordMatches(keyword, p));
      if (matches.includes('exact')) exact++;
      if (matches.some((m) => m !== null)) fuzzy++;
    }
  }
  return { articles: items.length, gold, exact: exact / gold, fuzzy: fuzzy / gold };
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

export async function runTagEval(): Promise<void> {
  await runEntityEval();

  process.stdout.write(
    "\ntopics: accuracy of the top topic against each set's labels mapped to IPTC top level\n",
  );
  process.stdout.write(
    '(shared/tag/build/topic-mapping.ts; strict = the mapped code, lenient = also the documented alternatives)\n',
  );
  const widths = [40, 7, 9, 7, 8, 6];
  process.stdout.write(row(['set', 'scored', 'excluded', 'strict', 'lenient', 'vntk'], widths));
  for (const r of runTopicEval()) {
    process.stdout.write(row([r.set, r.scored, r.excluded, pct(r.strict), pct(r.lenient), 'n/a'], widths));
  }

  const k = keywordRecall();
  process.stdout.write('\nkeywords: recall@10 of extracted key phrases vs crawl-news-24h editor keywords\n');
  process.stdout.write(
    '(own keywords removed; exact = same searchKey; fuzzy = also a phrase containing the keyword,\n',
  );
  process.stdout.write(' or a 2+ syllable part of it covering at least half its syllables)\n');
  const kw = [40, 9, 8, 7, 7, 6];
  process.stdout.write(row(['set', 'articles', 'keywords', 'exact', 'fuzzy', 'vntk'], kw));
  process.stdout.write(row(['crawl-news-24h', k.articles, k.gold, pct(k.exact), pct(k.fuzzy), 'n/a'], kw));
  process.stdout.write(`${PEER_NA}\n`);

  process.stdout.write('\nlanguage: share of articles identified as Vietnamese (every set is Vietnamese)\n');
  const lw = [40, 9, 12, 15];
  process.stdout.write(row(['set', 'articles', 'as written', 'no diacritics'], lw));
  for (const set of TOPIC_SETS) {
    const items = set.load();
    const l = languageAccuracy(items);
    process.stdout.write(row([set.name, items.length, pct(l.asWritten), pct(l.noDiacritics)], lw));
  }
}
