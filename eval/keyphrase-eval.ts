/**
 * Key phrases when the file has none (issue 17 §3): extracted phrases against the crawl-news-24h editors'
 * keywords (the article's own keywords removed), on a dev half (settings are chosen there) and a test half,
 * split by a hash of the id. Recall@10: share of editor keywords matched by one of the first 10 phrases;
 * precision@5: share of the first 5 phrases that match an editor keyword. Exact = same `searchKey`; fuzzy =
 * also a phrase containing the keyword, or a part of it of 2+ syllables covering at least half of it.
 * Printed beside the extractor tag-7 shipped (eval/baseline/keyphrases-tag7/).
 */
import { createHash } from 'node:crypto';
import { extractKeyPhrases } from '../shared/tag/keywords/index';
import { searchKey } from '../shared/text/vietnamese';
import { extractKeyPhrases as extractKeyPhrasesTag7 } from './baseline/keyphrases-tag7/index';
import { f3, int, table } from './print';
import { type LabelledArticle, load24h } from './topic-eval';

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

export type Half = 'dev' | 'test';

export const halfOf24h = (id: string): Half =>
  createHash('sha1').update(`keyphrases:${id}`).digest()[0]! % 2 === 0 ? 'dev' : 'test';

export interface KeyphraseScore {
  articles: number;
  keywords: number;
  recallExact: number;
  recallFuzzy: number;
  /** Phrases judged (the first 5 of each article, fewer when it has fewer). */
  judged: number;
  precisionExact: number;
  precisionFuzzy: number;
}

type Extractor = (article: LabelledArticle['article'], language: string, limit: number) => string[];

export function scoreKeyphrases(items: readonly LabelledArticle[], extract: Extractor): KeyphraseScore {
  let keywords = 0;
  let recallExact = 0;
  let recallFuzzy = 0;
  let judged = 0;
  let precisionExact = 0;
  let precisionFuzzy = 0;
  for (const item of items) {
    const gold = item.keywords ?? [];
    if (gold.length === 0) continue;
    const predicted = extract({ ...item.article, keywords: [] }, 'vi', 10);
    for (const keyword of gold) {
      keywords++;
      const matches = predicted.map((p) => keywordMatches(keyword, p));
      if (matches.includes('exact')) recallExact++;
      if (matches.some((m) => m !== null)) recallFuzzy++;
    }
    for (const phrase of predicted.slice(0, 5)) {
      judged++;
      const matches = gold.map((g) => keywordMatches(g, phrase));
      if (matches.includes('exact')) precisionExact++;
      if (matches.some((m) => m !== null)) precisionFuzzy++;
    }
  }
  const articles = items.filter((i) => (i.keywords ?? []).length > 0).length;
  return {
    articles,
    keywords,
    recallExact: recallExact / Math.max(1, keywords),
    recallFuzzy: recallFuzzy / Math.max(1, keywords),
    judged,
    precisionExact: precisionExact / Math.max(1, judged),
    precisionFuzzy: precisionFuzzy / Math.max(1, judged),
  };
}

export function runKeyphraseEval(items: readonly LabelledArticle[] = load24h()): void {
  const rows: string[][] = [];
  for (const half of ['dev', 'test', 'all'] as const) {
    const chosen = half === 'all' ? items : items.filter((i) => halfOf24h(i.id) === half);
    const today = scoreKeyphrases(chosen, extractKeyPhrasesTag7);
    const now = scoreKeyphrases(chosen, extractKeyPhrases);
    const views: [string, keyof KeyphraseScore][] = [
      ['recall@10 exact', 'recallExact'],
      ['recall@10 fuzzy', 'recallFuzzy'],
      ['precision@5 exact', 'precisionExact'],
      ['precision@5 fuzzy', 'precisionFuzzy'],
    ];
    for (const [view, key] of views) {
      const n = key.startsWith('recall') ? now.keywords : now.judged;
      rows.push([half, view, `${int(now.articles)} / ${int(n)}`, f3(today[key]), f3(now[key])]);
    }
  }
  process.stdout.write(
    '\nkeywords: key phrases vs crawl-news-24h editor keywords (own keywords removed; dev half tunes, test half\n',
  );
  process.stdout.write(
    'reports; exact = same searchKey; fuzzy = also a phrase containing the keyword, or a 2+ syllable part of\n',
  );
  process.stdout.write(
    ' it covering at least half its syllables). vntk has no key-phrase extractor: no peer figure.\n\n',
  );
  process.stdout.write(
    `${table(['half', 'view', 'articles / judged', 'today (tag-7)', 'now'], rows, new Set([2, 3, 4]))}\n`,
  );
}
