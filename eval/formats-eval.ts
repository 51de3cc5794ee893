/**
 * `npm run eval formats` (issue 17 §4, measuring only): each crawl-news-24h row rendered as every format an
 * editor may drop (eval/render-formats.ts: the two seed text layouts, JSON, Markdown with front matter,
 * HTML), parsed, and each field compared with the row's own value. A row's text is one run of sentences;
 * it is cut into paragraphs of three sentences, the first being the lede. Rows and their text are read
 * here at eval time only.
 */
import { readFileSync } from 'node:fs';
import { parseArticle } from '../shared/parse/index';
import { words } from '../shared/parse/lines';
import { readCredited } from '../shared/parse/photo-credit';
import { stripPageFurniture } from '../shared/parse/text';
import type { ParsedArticle } from '../shared/parse/types';
import { categoryFromUrl } from '../shared/parse/url';
import { PARSER_VERSION } from '../shared/parse/version';
import { searchKey } from '../shared/text/vietnamese';
import { type CorpusDoc, loadCorpus } from './corpus';
import { type Half, halfOf24h } from './keyphrase-eval';
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
  /** Per half (halfOf24h, as the key-phrase eval splits the same rows): rows, and body hits per view and format. */
  halves: Record<Half, { articles: number; body: Map<string, number> }>;
}

/** The views of the body scored per half. */
const BODY_VIEWS = ['json', 'row', 'kept'] as const;
type BodyView = (typeof BODY_VIEWS)[number];
const BODY_VIEW_LABEL: Record<BodyView, string> = {
  json: 'the .json record',
  row: "the row's text",
  kept: "the row's text, credits and furniture aside",
};

/** A caption that is only a photo credit (`Ảnh: Getty Images.`, `Video: Weibo`): a few words after a cue. */
const MAX_CREDIT_CAPTION_WORDS = 8;
const isCreditCaption = (caption: string) =>
  words(caption) <= MAX_CREDIT_CAPTION_WORDS && readCredited(caption)?.body === null;

/**
 * The row's text as the parser means to keep it: without the photo credits it set apart as captions, the site
 * furniture it strips by design (text.ts stripPageFurniture) and zero-width characters. Text the parser loses
 * (a sentence taken for a caption) still counts against it.
 */
function keptText(want: string, captions: readonly string[]): string {
  let text = want
    .replace(/\u200b/g, '')
    .split('\n\n')
    .map((p) => stripPageFurniture(spaced(p)))
    .join('\n\n');
  // A credit the parser split off opens a paragraph: that occurrence goes first (the same credit may stand
  // inside a paragraph too, where the parser keeps it).
  for (const caption of captions.filter(isCreditCaption).map(spaced)) {
    const escaped = caption.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const opening = new RegExp(`(?<=^|\n\n)${escaped}(?= |\n|$)`, 'u').exec(text);
    const inside = opening ?? new RegExp(`${escaped}(?= |\n|$)`, 'u').exec(text);
    if (inside) text = `${text.slice(0, inside.index)}${text.slice(inside.index + caption.length)}`;
  }
  return text.split('\n\n').map(spaced).filter(Boolean).join('\n\n');
}

const bump = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);

function tallyArticle(t: Tally, doc: CorpusDoc, spec: ArticleSpec): void {
  t.articles++;
  const half = t.halves[halfOf24h(doc.id)];
  half.articles++;
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
      const asJson = json !== undefined && json !== null && same(field, format, gotValue(json, field), got);
      if (asJson) bump(t.json, key);
      const want = expectedValue(spec, field);
      const asRow = same(field, format, want, got);
      if (asRow) bump(t.row, key);
      else if (!t.firstMiss.has(key))
        t.firstMiss.set(key, `${doc.id}: ${parting(spaced(want), spaced(got))}`);
      if (field !== 'body') continue;
      if (asJson) bump(half.body, `json ${format}`);
      if (asRow) bump(half.body, `row ${format}`);
      if (article && same(field, format, keptText(want, article.captions), got))
        bump(half.body, `kept ${format}`);
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

/** Body shares per half, view and format: what eval/baseline/formats-parse-28.json records for an earlier parser. */
export type BodyFigures = Record<Half, { articles: number } & Record<BodyView, Record<string, number>>>;

function bodyFigures(t: Tally): BodyFigures {
  const of = (half: Half) => {
    const { articles, body } = t.halves[half];
    const view = (v: BodyView) =>
      Object.fromEntries(FORMATS.map((f) => [f, (body.get(`${v} ${f}`) ?? 0) / Math.max(1, articles)]));
    return { articles, json: view('json'), row: view('row'), kept: view('kept') };
  };
  return { dev: of('dev'), test: of('test') };
}

/** The body figures of the parser before the shared photo-credit rule (parse-28), measured with this eval. */
const previousFigures = () =>
  JSON.parse(readFileSync(new URL('./baseline/formats-parse-28.json', import.meta.url), 'utf8')) as {
    parser: string;
    figures: BodyFigures;
  };

async function tallyCorpus(): Promise<Tally> {
  const docs = await loadCorpus({ sets: ['crawl-news-24h'] });
  const t: Tally = {
    articles: 0,
    row: new Map(),
    json: new Map(),
    firstMiss: new Map(),
    halves: { dev: { articles: 0, body: new Map() }, test: { articles: 0, body: new Map() } },
  };
  for (const doc of docs) {
    const spec = specOf(doc);
    if (spec) tallyArticle(t, doc, spec);
  }
  return t;
}

/** This parser's body figures per half (eval/baseline/formats-parse-28.json was written from them). */
export async function formatsBodyFigures(): Promise<BodyFigures> {
  return bodyFigures(await tallyCorpus());
}

function bodyByHalf(now: BodyFigures, previous: BodyFigures): string[][] {
  return (['dev', 'test'] as const).flatMap((half) =>
    BODY_VIEWS.map((view) => [
      half,
      BODY_VIEW_LABEL[view],
      int(now[half].articles),
      ...FORMATS.map((f) => `${f3(previous[half][view][f] ?? 0)} → ${f3(now[half][view][f] ?? 0)}`),
    ]),
  );
}

export async function runFormatsEval(): Promise<void> {
  const t = await tallyCorpus();
  const previous = previousFigures();
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
  out(
    `\nBody by half (${previous.parser} → ${PARSER_VERSION}; rules are chosen on the dev half, the test half is read once). The\n`,
  );
  out(
    'last view leaves out of the row the photo credits the parser sets apart as captions, the site furniture\n',
  );
  out('it strips (the 24h save-article notice and score promotion) and zero-width characters.\n\n');
  out(
    `${table(['half', 'body equal to', 'rows', ...FORMATS], bodyByHalf(bodyFigures(t), previous.figures), new Set([2, 3, 4, 5, 6, 7]))}\n`,
  );
  out("\nFirst miss of the row's value per format and field:\n");
  for (const [key, miss] of t.firstMiss) out(`  - ${key}: ${miss}\n`);
}
