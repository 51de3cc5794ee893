/**
 * The parse eval's scores: per set and field, hits and misses of each parsed document against its gold
 * labels (eval/corpus.ts), and the rows and worst misses it prints.
 */
import type { ParsedArticle } from '../shared/parse/types';
import { type CorpusDoc, sameAsSlug, slugLetters } from './corpus';
import {
  bag,
  distance,
  f1,
  foldCategory,
  HOUR,
  normLede,
  normText,
  readDate,
  type SetCounts,
  setCounts,
  syllables,
  uncovered,
} from './parse-compare';
import { f3, int } from './print';

// ---------------------------------------------------------------------------------------------------------
// Scoring.

export const FIELDS = [
  'rejection',
  'title',
  'titleSlug',
  'titleRestored',
  'date',
  'url',
  'category',
  'keywords',
  'authors',
  'lede',
  'body',
] as const;
export type Field = (typeof FIELDS)[number];

/** Headline targets from issue 4; url, lede, authors and expected rejections have none. */
const TARGETS: Partial<Record<Field, number>> = {
  title: 0.98,
  titleSlug: 0.98,
  date: 0.98,
  keywords: 0.95,
  category: 0.95,
};

interface Miss {
  id: string;
  expected: string;
  got: string;
  /** Higher is worse; misses are listed worst first. */
  badness: number;
}

export interface FieldScore {
  n: number;
  /** The headline figure's numerator (accuracy fields). */
  hits: number;
  /** A second view: title ignoring case; date to the minute (over `nAlt` docs with a time). */
  hitsAlt: number;
  nAlt: number;
  /** Set-overlap fields. */
  counts: SetCounts;
  macroF1Sum: number;
  misses: Miss[];
}

export interface SetScore {
  set: string;
  docs: number;
  bytes: number;
  parsed: number;
  rejected: Map<string, number>;
  /** Time spent in parseArticle for this set's documents. */
  millis: number;
  slowest?: { id: string; ms: number };
  fields: Record<Field, FieldScore>;
}

function emptyField(): FieldScore {
  return { n: 0, hits: 0, hitsAlt: 0, nAlt: 0, counts: { tp: 0, fp: 0, fn: 0 }, macroF1Sum: 0, misses: [] };
}

export function emptySet(set: string): SetScore {
  const fields = Object.fromEntries(FIELDS.map((f) => [f, emptyField()])) as Record<Field, FieldScore>;
  return { set, docs: 0, bytes: 0, parsed: 0, rejected: new Map(), millis: 0, fields };
}

const show = (s: string | null | undefined) => (s === null || s === undefined ? '∅' : `«${s}»`);
const showList = (xs: readonly string[]) => (xs.length === 0 ? '[]' : xs.map((x) => `«${x}»`).join(' '));

export function scoreText(
  score: FieldScore,
  doc: CorpusDoc,
  gold: string,
  got: string | null,
  norm: (s: string) => string,
  alt: (g: string, p: string) => boolean = (g, p) => g.toLowerCase() === p.toLowerCase(),
): void {
  score.n++;
  const g = norm(gold);
  const p = got === null ? null : norm(got);
  if (p === g) score.hits++;
  if (p !== null && alt(g, p)) score.hitsAlt++;
  if (p !== g)
    score.misses.push({ id: doc.id, expected: show(g), got: show(p), badness: p ? distance(g, p) : 2 });
}

/**
 * Body + captions (and the photo credits set apart from captions) against the source text, as bags of
 * syllables: what was lost and what was added.
 */
function scoreBody(score: FieldScore, doc: CorpusDoc, gold: string, article: ParsedArticle | null): void {
  score.n++;
  const g = syllables(gold);
  const p = article
    ? syllables([article.body, ...article.captions, ...(article.photoCredits ?? [])].join('\n'))
    : [];
  const missing = uncovered(g, bag(p));
  const extra = uncovered(p, bag(g));
  const c = { tp: g.length - missing.length, fp: extra.length, fn: missing.length };
  score.counts.tp += c.tp;
  score.counts.fp += c.fp;
  score.counts.fn += c.fn;
  const { p: precision, r: recall } = f1(c);
  if (precision >= 0.95 && recall >= 0.95) {
    score.hits++;
    return;
  }
  const sample = (words: string[]) => (words.length === 0 ? '-' : `«${words.slice(0, 14).join(' ')}»`);
  score.misses.push({
    id: doc.id,
    expected: `${int(g.length)} words; lost ${int(missing.length)}: ${sample(missing)}`,
    got: article ? `${int(p.length)} words; added ${int(extra.length)}: ${sample(extra)}` : '∅',
    badness: 2 - precision - recall,
  });
}

function scoreDate(score: FieldScore, doc: CorpusDoc, got: string | null): void {
  const goldText = doc.gold.publishedAt;
  const gold = goldText === undefined ? null : readDate(goldText);
  if (!goldText || !gold) return;
  score.n++;
  if (doc.gold.hasTime) score.nAlt++;
  const p = got === null ? null : readDate(got);
  const dayOk = p !== null && p.day === gold.day;
  const minuteOk = doc.gold.hasTime === true && p?.minute !== undefined && p.minute === gold.minute;
  if (dayOk) score.hits++;
  if (minuteOk) score.hitsAlt++;
  if (!dayOk || (doc.gold.hasTime && !minuteOk)) {
    const note = got !== null && p === null ? ' (not ISO with offset)' : '';
    // Wrong day ranks by how far off; a right day with a wrong time ranks below every wrong day.
    const off =
      p === null
        ? Number.POSITIVE_INFINITY
        : Math.abs(Date.parse(p.day) - Date.parse(gold.day)) / HOUR + (dayOk ? 0 : 1_000);
    score.misses.push({ id: doc.id, expected: goldText, got: `${got ?? '∅'}${note}`, badness: off });
  }
}

function scoreSet(score: FieldScore, doc: CorpusDoc, gold: readonly string[], got: readonly string[]): void {
  score.n++;
  const c = setCounts(gold, got);
  score.counts.tp += c.tp;
  score.counts.fp += c.fp;
  score.counts.fn += c.fn;
  const docF1 = f1(c).f1;
  score.macroF1Sum += docF1;
  if (c.fp > 0 || c.fn > 0)
    score.misses.push({ id: doc.id, expected: showList(gold), got: showList(got), badness: 1 - docF1 });
}

export type Outcome = { ok: true; article: ParsedArticle } | { ok: false; code: string; message: string };

export function scoreDoc(s: SetScore, doc: CorpusDoc, outcome: Outcome): void {
  const { gold } = doc;
  const f = s.fields;
  if (gold.expectedRejection !== undefined) {
    f.rejection.n++;
    if (!outcome.ok && outcome.code === gold.expectedRejection) f.rejection.hits++;
    else
      f.rejection.misses.push({
        id: doc.id,
        expected: `rejected: ${gold.expectedRejection}`,
        got: outcome.ok ? `parsed, title ${show(outcome.article.title)}` : `rejected: ${outcome.code}`,
        badness: 1,
      });
    return;
  }
  const article = outcome.ok ? outcome.article : null;
  if (gold.title !== undefined) scoreText(f.title, doc, gold.title, article?.title ?? null, normText);
  if (gold.titleSlug !== undefined) {
    const x = f.titleSlug;
    x.n++;
    const got = article?.title ?? null;
    if (got !== null && sameAsSlug(got, gold.titleSlug)) x.hits++;
    else
      x.misses.push({
        id: doc.id,
        expected: show(gold.titleSlug),
        got: show(got),
        badness: got === null ? 2 : distance(slugLetters(got), slugLetters(gold.titleSlug)),
      });
  }
  if (gold.publishedAt !== undefined) scoreDate(f.date, doc, article?.publishedAt ?? null);
  if (gold.url !== undefined) scoreText(f.url, doc, gold.url, article?.url ?? null, (u) => u.trim());
  if (gold.category !== undefined) {
    f.category.n++;
    const got = article?.category[0] ?? null;
    if (got !== null && foldCategory(got) === foldCategory(gold.category)) f.category.hits++;
    else
      f.category.misses.push({
        id: doc.id,
        expected: show(gold.category),
        got: article ? showList(article.category) : '∅',
        badness: got === null ? 2 : 1,
      });
  }
  if (gold.keywords !== undefined) scoreSet(f.keywords, doc, gold.keywords, article?.keywords ?? []);
  if (gold.authors !== undefined) scoreSet(f.authors, doc, gold.authors, article?.authors ?? []);
  if (gold.lede !== undefined) scoreText(f.lede, doc, gold.lede, article?.lede ?? null, normLede);
  if (gold.body !== undefined) scoreBody(f.body, doc, gold.body, article);
}

// ---------------------------------------------------------------------------------------------------------
// Printing.

function verdict(value: number, target: number | undefined): string {
  if (target === undefined) return '';
  return value >= target ? 'ok' : 'BELOW';
}

/** Rows of the per-set, per-field table: field, view, n, score, target, verdict. */
export function fieldRows(s: SetScore): string[][] {
  const rows: string[][] = [];
  const f = s.fields;
  const acc = (x: FieldScore) => (x.n === 0 ? 0 : x.hits / x.n);
  const push = (field: Field, view: string, n: number, value: number, withTarget: boolean) => {
    const target = withTarget ? TARGETS[field] : undefined;
    rows.push([
      s.set,
      field,
      view,
      int(n),
      f3(value),
      target === undefined ? '' : `≥ ${target}`,
      verdict(value, target),
    ]);
  };
  if (f.rejection.n > 0)
    push('rejection', 'no text: rejected as expected', f.rejection.n, acc(f.rejection), true);
  if (f.title.n > 0) {
    push('title', 'exact', f.title.n, acc(f.title), true);
    push('title', 'ignoring case', f.title.n, f.title.hitsAlt / f.title.n, false);
  }
  if (f.titleRestored.n > 0) {
    const x = f.titleRestored;
    push('titleRestored', 'title line removed: exact', x.n, acc(x), false);
    push('titleRestored', 'title line removed: same syllables', x.n, x.hitsAlt / x.n, false);
    push(
      'titleRestored',
      'title line removed: syllables right',
      x.counts.fn,
      x.counts.tp / Math.max(1, x.counts.fn),
      false,
    );
  }
  if (f.titleSlug.n > 0) push('titleSlug', 'spells the URL slug', f.titleSlug.n, acc(f.titleSlug), true);
  if (f.date.n > 0) {
    push('date', 'same day (VN)', f.date.n, acc(f.date), f.date.nAlt === 0);
    if (f.date.nAlt > 0) push('date', 'same minute', f.date.nAlt, f.date.hitsAlt / f.date.nAlt, true);
  }
  if (f.url.n > 0) push('url', 'exact', f.url.n, acc(f.url), false);
  if (f.category.n > 0) push('category', 'category[0] folded', f.category.n, acc(f.category), true);
  for (const field of ['keywords', 'authors'] as const) {
    const x = f[field];
    if (x.n === 0) continue;
    const m = f1(x.counts);
    push(field, 'F1 micro', x.n, m.f1, true);
    push(field, 'precision micro', x.n, m.p, false);
    push(field, 'recall micro', x.n, m.r, false);
    push(field, 'F1 macro', x.n, x.macroF1Sum / x.n, false);
  }
  if (f.body.n > 0) {
    const m = f1(f.body.counts);
    push('body', 'words kept (recall, micro)', f.body.n, m.r, false);
    push('body', 'words from source (precision)', f.body.n, m.p, false);
    push('body', 'docs with both ≥ 0.95', f.body.n, acc(f.body), false);
  }
  if (f.lede.n > 0) push('lede', 'exact, dateline-free', f.lede.n, acc(f.lede), false);
  return rows;
}

const clip = (s: string, max = 110) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function printMisses(s: SetScore, perField: number): void {
  for (const field of FIELDS) {
    const x = s.fields[field];
    if (x.misses.length === 0) continue;
    const worst = x.misses
      .slice()
      .sort((a, b) => b.badness - a.badness || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, perField);
    process.stdout.write(`\n${s.set} · ${field}: ${int(x.misses.length)} of ${int(x.n)} missed\n`);
    for (const m of worst) {
      process.stdout.write(
        `  - ${m.id}\n      expected ${clip(m.expected)}\n      got      ${clip(m.got)}\n`,
      );
    }
  }
}
