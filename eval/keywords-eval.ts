/**
 * `npm run eval keywords`: glued keyword lines (issue 17 §2). The 24h editors' keyword lists (evaluation
 * only: read here, never committed) are glued back together without separators, as a copy-paste loses
 * them, once as written and once with each keyword's first letter lower-cased (as the HanoiTV seed's
 * line has them, so joins are lower → lower, acronym → lower, digit ↔ letter); each line is split again
 * with the article's text and scored against the known keywords (F1 over keywords), beside today's splitter.
 * The lines split by a hash into a tuning half (the splitter's prices are chosen there) and a test half;
 * `all` is both, the figure the issue sets its target on.
 */
import { createHash } from 'node:crypto';
import { splitKeywords } from '../shared/parse/keywords';
import { splitKeywordsV1 } from './baseline/keywords-v1';
import { loadCorpus } from './corpus';
import { f3, int, table } from './print';

const lowerFirst = (k: string) => (/^\p{Lu}{2}/u.test(k) ? k : k.charAt(0).toLowerCase() + k.slice(1));

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function score(gold: readonly string[], got: readonly string[], c: Counts): void {
  const g = new Set(gold);
  const p = new Set(got);
  let tp = 0;
  for (const x of p) if (g.has(x)) tp++;
  c.tp += tp;
  c.fp += p.size - tp;
  c.fn += g.size - tp;
}

/** Which half a 24h article's keyword line is in. */
export const keywordHalf = (id: string): 'tune' | 'test' =>
  createHash('sha1').update(`keywords:${id}`).digest()[0]! % 2 === 0 ? 'tune' : 'test';

const f1 = (c: Counts) => (2 * c.tp) / Math.max(1, 2 * c.tp + c.fp + c.fn);

export async function runKeywordsEval(): Promise<void> {
  const all = await loadCorpus({ sets: ['crawl-news-24h'] });
  const rows: string[][] = [];
  for (const [variant, shape] of [
    ['as written', (k: string) => k],
    ['first letters lower-cased', lowerFirst],
  ] as const)
    for (const part of ['tune', 'test', 'all'] as const) {
      const docs = all.filter((d) => part === 'all' || keywordHalf(d.id) === part);
      const before: Counts = { tp: 0, fp: 0, fn: 0 };
      const after: Counts = { tp: 0, fp: 0, fn: 0 };
      let lines = 0;
      for (const doc of docs) {
        const keywords = (doc.gold.keywords ?? []).map((k) => shape(k.trim())).filter(Boolean);
        // Keywords with their own separators cannot be glued back unambiguously.
        if (keywords.length < 2 || keywords.some((k) => /[,;|]/.test(k))) continue;
        lines++;
        const glued = keywords.join('');
        const text = doc.gold.body ?? '';
        score(keywords, splitKeywordsV1(glued, text), before);
        score(keywords, splitKeywords(glued, text), after);
      }
      rows.push([variant, part, int(lines), f3(f1(before)), f3(f1(after)), '≥ 0.95']);
    }
  process.stdout.write(
    "\n## Glued keyword lines split again (24h editors' lists glued, evaluation only)\n\n",
  );
  process.stdout.write(
    `${table(['glued', 'half', 'lines', 'today (parse-2) F1', 'now F1', 'target'], rows, new Set([2, 3, 4]))}\n`,
  );
}
