/**
 * `npm run eval extraction`: the article body of saved web pages, scored on the ScrapingHub
 * article-extraction benchmark's dev pages (../shared/corpus/article-extraction-benchmark, MIT; measuring
 * only) exactly as its evaluate.py scores them, for today's parser, the parser as it was at parse-2
 * (eval/baseline/, same run) and Readability.js over linkedom (a dev dependency, same run).
 * The pages split into a dev half (choose rules on it) and a test half (report only), by a hash of the id.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeBytes } from '../shared/parse/encoding';
import { loadSecondOpinion, parseArticle } from '../shared/parse/index';
import { parseHtml as parseHtmlParse2 } from './baseline/html-parse-2';
import { CORPUS_DIR } from './corpus';

export const BENCHMARK_DIR = join(CORPUS_DIR, 'article-extraction-benchmark', 'dev');

// ---------------------------------------------------------------------------------------------------------
// Scoring, as upstream evaluate.py: `\w+` tokens, 4-token shingles counted as a multiset, per-page tp/fp/fn
// normalised to sum to 1, precision and recall averaged over pages, F1 from the two means.

export interface PageCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** Python's `\w` in a str pattern: letters, digits (every Unicode number) and the underscore. */
const WORD = /[\p{L}\p{N}_]+/gu;

export function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(WORD) ?? [];
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const shingle = tokens.slice(i, i + n);
    if (shingle.length === 0) continue;
    const key = shingle.join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function shingleCounts(gold: string, predicted: string): PageCounts {
  const g = shingles(gold);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...g.keys(), ...p.keys()])) {
    const t = g.get(key) ?? 0;
    const q = p.get(key) ?? 0;
    tp += Math.min(t, q);
    fp += Math.max(0, q - t);
    fn += Math.max(0, t - q);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

function precisionOf({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recallOf({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** evaluate.py's metrics_from_tp_fp_fns: pages with nothing predicted are left out of precision. */
export function benchmarkMetrics(pages: readonly PageCounts[]): {
  precision: number;
  recall: number;
  f1: number;
} {
  const precision = mean(pages.filter((c) => c.tp + c.fp > 0).map(precisionOf));
  const recall = mean(pages.filter((c) => c.tp + c.fn > 0).map(recallOf));
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

// ---------------------------------------------------------------------------------------------------------
// Pages and extractors.

export interface BenchmarkPage {
  id: string;
  url: string;
  bytes: Uint8Array;
  gold: string;
  half: 'dev' | 'test';
}

/** The dev half: `int(sha1("aeb-half:<id>"), 16) % 2 == 0`. Rules are chosen on it; the test half is only reported. */
export function halfOf(id: string): 'dev' | 'test' {
  const digest = createHash('sha1').update(`aeb-half:${id}`).digest();
  return digest[digest.length - 1]! % 2 === 0 ? 'dev' : 'test';
}

export async function loadBenchmark(): Promise<BenchmarkPage[]> {
  const truth = JSON.parse(await readFile(join(BENCHMARK_DIR, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody?: string; url?: string }
  >;
  const files = (await readdir(join(BENCHMARK_DIR, 'html'))).filter((f) => f.endsWith('.html.gz')).sort();
  const pages: BenchmarkPage[] = [];
  for (const file of files) {
    const id = file.replace(/\.html\.gz$/, '');
    const label = truth[id];
    if (!label) continue;
    pages.push({
      id,
      url: label.url ?? '',
      bytes: gunzipSync(await readFile(join(BENCHMARK_DIR, 'html', file))),
      gold: label.articleBody ?? '',
      half: halfOf(id),
    });
  }
  return pages;
}

function pageText(bytes: Uint8Array): string {
  const decoded = decodeBytes(bytes);
  return decoded.ok ? decoded.text : '';
}

/** As the ingest Lambda reads a web page: with Readability.js as the second opinion (shared/parse/second-opinion). */
const secondOpinion = await loadSecondOpinion();

export const EXTRACTORS: Record<string, (page: BenchmarkPage) => string> = {
  newsdrop: (page) => {
    const outcome = parseArticle(
      { bytes: page.bytes, fileName: `${page.id}.html` },
      secondOpinion ? { secondOpinion } : {},
    );
    return outcome.ok ? outcome.article.body : '';
  },
  'newsdrop, no second opinion': (page) => {
    const outcome = parseArticle({ bytes: page.bytes, fileName: `${page.id}.html` });
    return outcome.ok ? outcome.article.body : '';
  },
  'newsdrop parse-2': (page) => parseHtmlParse2(pageText(page.bytes)).body,
  'Readability.js': (page) => {
    const { document } = parseHTML(pageText(page.bytes));
    return new Readability(document as never).parse()?.textContent ?? '';
  },
};

// ---------------------------------------------------------------------------------------------------------

const fmt = (x: number) => x.toFixed(3);

export async function runExtractionEval(): Promise<void> {
  const pages = await loadBenchmark().catch((err: Error) => {
    process.stdout.write(`\n## Article extraction: benchmark unavailable (${err.message})\n`);
    return [];
  });
  if (pages.length === 0) return;
  const dev = pages.filter((p) => p.half === 'dev').length;
  process.stdout.write(
    `\n## Article extraction (ScrapingHub benchmark dev pages, scored as its evaluate.py: 4-token shingles)\n` +
      `${pages.length} pages: dev half ${dev}, test half ${pages.length - dev} (sha1("aeb-half:<id>") even → dev)\n\n` +
      `| extractor | half | F1 | precision | recall | ms/page |\n|---|---|---|---|---|---|\n`,
  );
  const worst: { id: string; url: string; f1: number; p: number; r: number }[] = [];
  for (const [name, extract] of Object.entries(EXTRACTORS)) {
    const counts = new Map<string, PageCounts>();
    const t0 = performance.now();
    for (const page of pages) counts.set(page.id, shingleCounts(page.gold, extract(page)));
    const ms = (performance.now() - t0) / pages.length;
    for (const half of ['dev', 'test', 'all'] as const) {
      const chosen = pages.filter((p) => half === 'all' || p.half === half).map((p) => counts.get(p.id)!);
      const m = benchmarkMetrics(chosen);
      process.stdout.write(
        `| ${name} | ${half} | ${fmt(m.f1)} | ${fmt(m.precision)} | ${fmt(m.recall)} | ${half === 'all' ? ms.toFixed(1) : ''} |\n`,
      );
    }
    if (name === 'newsdrop')
      for (const page of pages.filter((p) => p.half === 'dev')) {
        const c = counts.get(page.id)!;
        const p = precisionOf(c);
        const r = recallOf(c);
        worst.push({ id: page.id, url: page.url, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 });
      }
  }
  process.stdout.write(
    `\nTargets (issue 22): F1 ≥ 0.95, precision ≥ 0.93, recall ≥ 0.95. Published on all 181 pages: Readability.js 0.947, trafilatura 0.958.\n` +
      `Worst dev-half pages for newsdrop:\n`,
  );
  for (const w of worst.sort((a, b) => a.f1 - b.f1).slice(0, 8))
    process.stdout.write(`  ${w.id.slice(0, 8)} F1 ${fmt(w.f1)} P ${fmt(w.p)} R ${fmt(w.r)} ${w.url}\n`);
}
