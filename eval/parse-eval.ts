/**
 * `npm run eval parse`: runs parseArticle over every labelled corpus document (eval/corpus.ts) and prints,
 * per set and field, accuracy (title, date, url, category, lede) and F1 (keywords, authors), rejections by
 * code, the worst misses, and one throughput line. Stdout only; nothing is written to disk.
 * Comparison rules are documented in docs/evaluation.md.
 */
import { parseArticle } from '../shared/parse/index';
import type { ParsedArticle } from '../shared/parse/types';
import { PARSER_VERSION } from '../shared/parse/version';
import { nameKey, searchKey } from '../shared/text/vietnamese';
import { CORPUS_SETS, type CorpusDoc, loadCorpus, sameAsSlug, slugLetters, withoutTitleLine } from './corpus';
import { f3, int, table } from './print';

// ---------------------------------------------------------------------------------------------------------
// Comparison rules (exported for tests).

/** NFC, zero-width characters dropped, whitespace runs collapsed to one space, trimmed. */
export function normText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A lede with a leading dateline (`(Dân trí) - `, `(TNO) `) removed: the parser's lede drops it. */
export function normLede(text: string): string {
  return normText(text).replace(/^\([^()]{1,40}\)\s*(?:[-–—:]\s*)?/u, '');
}

/** Category and URL-section slugs folded: no case, no diacritics, no spaces or hyphens. */
export function foldCategory(text: string): string {
  return searchKey(text).replace(/[\s-]+/g, '');
}

const HOUR = 3_600_000;
const VN_OFFSET = 7 * HOUR;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

export interface DateValue {
  /** The calendar day in Vietnam time (UTC+07:00), `YYYY-MM-DD`. */
  day: string;
  /** Epoch minute, when the value has a time of day. */
  minute?: number;
}

/** Reads `YYYY-MM-DD` or an ISO instant with an offset; anything else (no offset, free text) is `null`. */
export function readDate(value: string): DateValue | null {
  if (ISO_DAY.test(value)) return { day: value };
  if (!ISO_INSTANT.test(value)) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return null;
  return { day: new Date(ms + VN_OFFSET).toISOString().slice(0, 10), minute: Math.floor(ms / 60_000) };
}

export interface SetCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** Set overlap of two lists after `nameKey` (case, NFC, tone placement, spaces). */
export function setCounts(gold: readonly string[], predicted: readonly string[]): SetCounts {
  const g = new Set(gold.map(nameKey).filter(Boolean));
  const p = new Set(predicted.map(nameKey).filter(Boolean));
  let tp = 0;
  for (const x of p) if (g.has(x)) tp++;
  return { tp, fp: p.size - tp, fn: g.size - tp };
}

export function f1(c: SetCounts): { p: number; r: number; f1: number } {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

// ---------------------------------------------------------------------------------------------------------
// Scoring.

const FIELDS = [
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
type Field = (typeof FIELDS)[number];

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

interface FieldScore {
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

interface SetScore {
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

function emptySet(set: string): SetScore {
  const fields = Object.fromEntries(FIELDS.map((f) => [f, emptyField()])) as Record<Field, FieldScore>;
  return { set, docs: 0, bytes: 0, parsed: 0, rejected: new Map(), millis: 0, fields };
}

/** 0 for identical strings, 1 for nothing in common (character bigram Dice). */
function distance(a: string, b: string): number {
  if (a === b) return 0;
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const ga = grams(a.toLowerCase());
  const gb = grams(b.toLowerCase());
  let common = 0;
  let total = 0;
  for (const [g, n] of ga) {
    common += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total === 0 ? 1 : 1 - (2 * common) / total;
}

const show = (s: string | null | undefined) => (s === null || s === undefined ? '∅' : `«${s}»`);
const showList = (xs: readonly string[]) => (xs.length === 0 ? '[]' : xs.map((x) => `«${x}»`).join(' '));

/** Lower-case syllables with their diacritics, punctuation dropped: what a URL slug can give back. */
export function syllables(text: string): string[] {
  return normText(text)
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
}

function scoreText(
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

/** Counts of each word. */
function bag(words: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** The words of `words`, in order, that `other` does not cover (each occurrence covered once). */
function uncovered(words: readonly string[], other: Map<string, number>): string[] {
  const left = new Map(other);
  const out: string[] = [];
  for (const w of words) {
    const n = left.get(w) ?? 0;
    if (n > 0) left.set(w, n - 1);
    else out.push(w);
  }
  return out;
}

/** Body + captions against the source text, as bags of syllables: what was lost and what was added. */
function scoreBody(score: FieldScore, doc: CorpusDoc, gold: string, article: ParsedArticle | null): void {
  score.n++;
  const g = syllables(gold);
  const p = article ? syllables([article.body, ...article.captions].join('\n')) : [];
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

type Outcome = { ok: true; article: ParsedArticle } | { ok: false; code: string; message: string };

function scoreDoc(s: SetScore, doc: CorpusDoc, outcome: Outcome): void {
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
function fieldRows(s: SetScore): string[][] {
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

function printMisses(s: SetScore, perField: number): void {
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

export interface ParseEvalOptions {
  sets?: string[];
  limitPerSet?: number;
  /** Worst misses listed per field and set. @default 5 */
  missesPerField?: number;
}

/**
 * Options from the command line after `parse`: set names, `--limit=N` (per set), `--misses=N`.
 * `npm run eval parse unc-dantri --misses=20`.
 */
export function optionsFromArgv(argv: readonly string[]): ParseEvalOptions {
  const i = argv.indexOf('parse');
  const args = i === -1 ? [] : argv.slice(i + 1);
  const number = (name: string) => {
    const arg = args.find((a) => a.startsWith(`--${name}=`));
    const n = arg ? Number(arg.slice(name.length + 3)) : Number.NaN;
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const sets = args.filter((a) => !a.startsWith('--'));
  const limitPerSet = number('limit');
  const missesPerField = number('misses');
  return {
    ...(sets.length > 0 ? { sets } : {}),
    ...(limitPerSet ? { limitPerSet } : {}),
    ...(missesPerField ? { missesPerField } : {}),
  };
}

export async function runParseEval(options: ParseEvalOptions = optionsFromArgv(process.argv)): Promise<void> {
  const out = (s: string) => process.stdout.write(s);
  const docs = await loadCorpus({
    ...(options.sets ? { sets: options.sets } : {}),
    ...(options.limitPerSet ? { limitPerSet: options.limitPerSet } : {}),
  });

  // Parse everything first, timed on its own, then score.
  const outcomes: Outcome[] = [];
  const millis: number[] = [];
  const started = performance.now();
  for (const doc of docs) {
    const t0 = performance.now();
    try {
      const r = parseArticle({ bytes: doc.bytes, fileName: doc.fileName });
      outcomes.push(r.ok ? r : { ok: false, code: r.rejection.code, message: r.rejection.message });
    } catch (error) {
      outcomes.push({
        ok: false,
        code: 'CRASH',
        message: error instanceof Error ? error.message : String(error),
      });
    }
    millis.push(performance.now() - t0);
  }
  const seconds = (performance.now() - started) / 1000;

  const sets = new Map<string, SetScore>();
  let totalBytes = 0;
  docs.forEach((doc, i) => {
    const s = sets.get(doc.set) ?? emptySet(doc.set);
    sets.set(doc.set, s);
    const outcome = outcomes[i];
    s.docs++;
    s.bytes += doc.bytes.length;
    const ms = millis[i] ?? 0;
    s.millis += ms;
    if (!s.slowest || ms > s.slowest.ms) s.slowest = { id: doc.id, ms };
    totalBytes += doc.bytes.length;
    if (!outcome) return;
    if (outcome.ok) s.parsed++;
    else s.rejected.set(outcome.code, (s.rejected.get(outcome.code) ?? 0) + 1);
    scoreDoc(s, doc, outcome);
  });
  // Title restoration from the URL slug, scored exactly on files whose title line is taken out.
  for (const doc of docs) {
    const variant = withoutTitleLine(doc);
    const s = sets.get(doc.set);
    if (!variant || !s || variant.gold.title === undefined) continue;
    let title: string | null = null;
    try {
      const r = parseArticle({ bytes: variant.bytes, fileName: variant.fileName });
      title = r.ok ? r.article.title : null;
    } catch {
      title = null;
    }
    const x = s.fields.titleRestored;
    scoreText(
      x,
      variant,
      variant.gold.title,
      title,
      normText,
      (g, p) => syllables(g).join(' ') === syllables(p).join(' '),
    );
    // Syllables right, position by position, where the syllable counts agree (all wrong otherwise).
    const gs = syllables(variant.gold.title);
    const ps = title === null ? [] : syllables(title);
    x.counts.fn += gs.length;
    if (gs.length === ps.length) x.counts.tp += gs.filter((syl, i) => syl === ps[i]).length;
  }
  const ordered = Object.keys(CORPUS_SETS)
    .map((name) => sets.get(name))
    .filter((s): s is SetScore => s !== undefined);

  out(`\n## Parse eval (parser ${PARSER_VERSION}): ${int(docs.length)} documents from ../shared/corpus\n\n`);
  out(
    `${table(
      ['set', 'docs', 'MB', 'parsed', 'rejected', 'ms/doc', 'slowest doc (ms)', 'rejections by code'],
      ordered.map((s) => [
        s.set,
        int(s.docs),
        (s.bytes / 1e6).toFixed(1),
        int(s.parsed),
        int(s.docs - s.parsed),
        (s.millis / Math.max(1, s.docs)).toFixed(2),
        s.slowest ? `${s.slowest.id} (${s.slowest.ms.toFixed(0)})` : '-',
        [...s.rejected]
          .sort((a, b) => b[1] - a[1])
          .map(([code, n]) => `${code} ${int(n)}`)
          .join(', ') || '-',
      ]),
      new Set([1, 2, 3, 4, 5]),
    )}\n\n`,
  );
  out(
    `${table(
      ['set', 'field', 'view', 'n', 'score', 'target', ''],
      ordered.flatMap(fieldRows),
      new Set([3, 4]),
    )}\n`,
  );
  const noAuthors = ordered.every((s) => s.fields.authors.n === 0);
  if (noAuthors) out('\n(authors: no set carries author labels, so authors F1 is not scored)\n');

  const perField = options.missesPerField ?? 5;
  out(`\n### Worst misses (up to ${perField} per field and set; rejected files count as ∅)\n`);
  for (const s of ordered) printMisses(s, perField);
  if (ordered.every((s) => FIELDS.every((f) => s.fields[f].misses.length === 0))) out('\n(none)\n');
  for (const s of ordered) {
    const crashes = outcomes.filter((o, i) => !o.ok && o.code === 'CRASH' && docs[i]?.set === s.set);
    if (crashes.length > 0) out(`\n${s.set}: ${crashes.length} CRASHES (parseArticle threw)\n`);
  }

  out(
    `\nthroughput: parseArticle over ${int(docs.length)} docs (${(totalBytes / 1e6).toFixed(1)} MB) in ` +
      `${seconds.toFixed(2)} s = ${int(Math.round(docs.length / seconds))} docs/s, ` +
      `${(totalBytes / 1e6 / seconds).toFixed(1)} MB/s (one run, parsing only)\n`,
  );
}
