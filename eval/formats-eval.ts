/**
 * `npm run eval formats` (issue 17 §4, measuring only): each crawl-news-24h row rendered as every format an
 * editor may drop (eval/render-formats.ts: the two seed text layouts, JSON, Markdown with front matter,
 * HTML), parsed, and each field compared with the row's own value. A row's text is one run of sentences;
 * it is cut into paragraphs of three sentences, the first being the lede. Rows and their text are read
 * here at eval time only.
 */
import { parseArticle } from '../shared/parse/index';
import type { ParsedArticle } from '../shared/parse/types';
import { categoryFromUrl } from '../shared/parse/url';
import { PARSER_VERSION } from '../shared/parse/version';
import { searchKey } from '../shared/text/vietnamese';
import { type CorpusDoc, loadCorpus } from './corpus';
import { f3, int, table } from './print';
import { type ArticleSpec, type RenderedFormat, renderAll, SAVED_NOTICE } from './render-formats';

const FIELDS = [
  'title',
  'lede',
  'body',
  'category',
  'publisher',
  'publishedAt',
  'url',
  'keywords',
  'authors',
] as const;
type Field = (typeof FIELDS)[number];

/** What the VOV layout cannot carry (no title line, date line, keyword line or byline). */
const NOT_IN_VOV: ReadonlySet<Field> = new Set(['publishedAt', 'keywords', 'authors']);

/** Paragraphs of about three sentences each. */
function paragraphsOf(text: string): string[] {
  const sentences = text.split(/(?<=[.!?…])\s+(?=["“]?\p{Lu})/u).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i += 3) out.push(sentences.slice(i, i + 3).join(' '));
  return out;
}

function specOf(doc: CorpusDoc): ArticleSpec | null {
  const { gold } = doc;
  if (!gold.title || !gold.body || !gold.url || !gold.publishedAt) return null;
  const paragraphs = paragraphsOf(gold.body.replace(/\s+/g, ' ').trim());
  if (paragraphs.length === 0) return null;
  const row = JSON.parse(new TextDecoder().decode(doc.bytes)) as { content?: string };
  const category = categoryFromUrl(gold.url)[0];
  return {
    title: gold.title,
    lede: paragraphs[0]!,
    paragraphs: paragraphs.slice(1),
    ...(category ? { category } : {}),
    publisher: '24h',
    publishedAt: gold.publishedAt,
    url: gold.url,
    keywords: gold.keywords ?? [],
    authors: [],
    savedNotice: (row.content ?? '').startsWith(SAVED_NOTICE.slice(0, 20)),
  };
}

function expectedValue(spec: ArticleSpec, field: Field): string {
  switch (field) {
    case 'title':
      return spec.title;
    case 'lede':
      return spec.lede;
    case 'body':
      return [spec.lede, ...spec.paragraphs].join('\n\n');
    case 'category':
      return spec.category ?? '';
    case 'publisher':
      return spec.publisher;
    case 'publishedAt':
      return spec.publishedAt;
    case 'url':
      return spec.url;
    case 'keywords':
      return spec.keywords.join(' | ');
    case 'authors':
      return spec.authors.join(' | ');
  }
}

function gotValue(a: ParsedArticle, field: Field): string {
  switch (field) {
    case 'category':
      return a.category.join(' / ');
    case 'keywords':
      return a.keywords.join(' | ');
    case 'authors':
      return a.authors.join(' | ');
    default:
      return a[field] ?? '';
  }
}

const spaced = (s: string) => s.replace(/[^\S\n]+/g, ' ').trim();

/** Equal as a reader sees it: spacing aside; dates to the minute (a date line has no seconds). */
function same(field: Field, format: RenderedFormat, want: string, got: string): boolean {
  if (field === 'title' && format === 'txt-vov') return searchKey(want) === searchKey(got);
  if (field === 'publishedAt') return want.slice(0, 16) === got.slice(0, 16);
  return spaced(want) === spaced(got);
}

/** Where two values part: a few characters before the first difference, then each side. */
function parting(want: string, got: string): string {
  let i = 0;
  while (i < want.length && want[i] === got[i]) i++;
  const from = Math.max(0, i - 30);
  const show = (s: string) => JSON.stringify(s.slice(from, i + 50));
  return `want ${show(want)} got ${show(got)}`;
}

const FORMATS: readonly RenderedFormat[] = ['txt-hanoitv', 'txt-vov', 'json', 'md', 'html'];

/** Hits per `format field` against the row and against the JSON record, and a first miss of each. */
interface Tally {
  articles: number;
  row: Map<string, number>;
  json: Map<string, number>;
  firstMiss: Map<string, string>;
}

const bump = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);

function tallyArticle(t: Tally, doc: CorpusDoc, spec: ArticleSpec): void {
  t.articles++;
  const parsed = new Map<RenderedFormat, ParsedArticle | null>();
  for (const file of renderAll(spec, doc.id)) {
    const outcome = parseArticle({ bytes: new TextEncoder().encode(file.text), fileName: file.fileName });
    parsed.set(file.format, outcome.ok ? outcome.article : null);
  }
  const json = parsed.get('json');
  for (const [format, article] of parsed) {
    for (const field of FIELDS) {
      if (format === 'txt-vov' && NOT_IN_VOV.has(field)) continue;
      const key = `${format} ${field}`;
      const got = article ? gotValue(article, field) : '';
      if (json && same(field, format, gotValue(json, field), got)) bump(t.json, key);
      const want = expectedValue(spec, field);
      if (same(field, format, want, got)) bump(t.row, key);
      else if (!t.firstMiss.has(key))
        t.firstMiss.set(key, `${doc.id}: ${parting(spaced(want), spaced(got))}`);
    }
  }
}

function rowsOf(t: Tally, hits: Map<string, number>): string[][] {
  return FIELDS.map((field) => [
    field,
    ...FORMATS.map((format) =>
      format === 'txt-vov' && NOT_IN_VOV.has(field)
        ? '-'
        : f3((hits.get(`${format} ${field}`) ?? 0) / Math.max(1, t.articles)),
    ),
  ]);
}

export async function runFormatsEval(): Promise<void> {
  const docs = await loadCorpus({ sets: ['crawl-news-24h'] });
  const t: Tally = { articles: 0, row: new Map(), json: new Map(), firstMiss: new Map() };
  for (const doc of docs) {
    const spec = specOf(doc);
    if (spec) tallyArticle(t, doc, spec);
  }
  const out = (s: string) => process.stdout.write(s);
  const right = new Set([1, 2, 3, 4, 5]);
  out(
    `\n## One article, one record (parser ${PARSER_VERSION}): ${int(t.articles)} crawl-news-24h rows in every format\n\n`,
  );
  out(
    'Share of rows whose parsed field equals the same field of the .json record (spacing aside; title in\n',
  );
  out('the VOV layout: same syllables, rebuilt from the URL; `-`: the layout cannot carry the field).\n\n');
  out(`${table(['field', ...FORMATS], rowsOf(t, t.json), right)}\n`);
  out(
    "\nShare of rows whose parsed field equals the row's own value (captions the parser sets apart count\n",
  );
  out('as body lost; dates to the minute).\n\n');
  out(`${table(['field', ...FORMATS], rowsOf(t, t.row), right)}\n`);
  out("\nFirst miss of the row's value per format and field:\n");
  for (const [key, miss] of t.firstMiss) out(`  - ${key}: ${miss}\n`);
}
