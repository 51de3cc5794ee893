/**
 * JSON articles: an IPTC ninjs document, or a plain object as CMSs and crawlers export it
 * (`{title, body, …}` with common alternative field names, dotted or nested).
 */
import { parseIsoLike, parseVietnameseDate } from './dates';
import { parseHtmlFragment } from './html-fragment';
import { cleanLine } from './lines';
import { publisherFromUrl } from './publisher';
import { parseTextLayout, type TextFields } from './text';
import { categoryFromUrl } from './url';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads `a.b` as a nested path or as a literal dotted key (crawler CSV-to-JSON exports use both). */
function get(obj: Obj, path: string): Json | undefined {
  if (path in obj) return obj[path];
  let cur: Json | undefined = obj;
  for (const part of path.split('.')) cur = isObj(cur) ? cur[part] : undefined;
  return cur;
}

function firstString(obj: Obj, paths: string[]): string | undefined {
  for (const p of paths) {
    const v = get(obj, p);
    if (typeof v === 'string' && v.trim()) return v;
    if (Array.isArray(v) && isObj(v[0]) && typeof v[0].value === 'string') return v[0].value; // ninjs headlines/bodies
  }
  return undefined;
}

function list(v: Json | undefined): string[] {
  if (typeof v === 'string')
    return v
      .split(/\s*[|,;]\s*/u)
      .map(cleanLine)
      .filter(Boolean);
  if (Array.isArray(v))
    return v
      .flatMap((x) =>
        typeof x === 'string'
          ? [cleanLine(x)]
          : isObj(x) && typeof x.name === 'string'
            ? [cleanLine(x.name)]
            : [],
      )
      .filter(Boolean);
  if (isObj(v) && typeof v.name === 'string') return [cleanLine(v.name)];
  return [];
}

function bodyText(
  raw: string,
  contentType: string | undefined,
): { paragraphs: string[]; captions: string[] } {
  if (/html/i.test(contentType ?? '') || /<(p|div|br|figure)[\s>/]/i.test(raw)) {
    return parseHtmlFragment(raw);
  }
  return {
    paragraphs: raw
      .split(/\r?\n+/)
      .map(cleanLine)
      .filter(Boolean),
    captions: [],
  };
}

export function parseJson(
  source: string,
): { ok: true; fields: TextFields & { declaredLanguage?: string } } | { ok: false; message: string } {
  let data: unknown;
  try {
    data = JSON.parse(source.replace(/^\ufeff/, ''));
  } catch (err) {
    return { ok: false, message: `The JSON is not valid: ${(err as Error).message}.` };
  }
  if (Array.isArray(data) && data.length === 1) data = data[0];
  if (!isObj(data))
    return {
      ok: false,
      message: 'The JSON must be one article object (a ninjs document or {title, body, …}).',
    };
  const obj = data;

  const ninjsBody = Array.isArray(obj.bodies) && isObj(obj.bodies[0]) ? obj.bodies[0] : undefined;
  const rawBody =
    (ninjsBody && typeof ninjsBody.value === 'string' ? ninjsBody.value : undefined) ??
    firstString(obj, [
      'body_text',
      'body_html',
      'body',
      'content.text',
      'content',
      'text',
      'articleBody',
      'fulltext',
      'noi_dung',
    ]) ??
    '';
  const contentType =
    ninjsBody && typeof ninjsBody.contenttype === 'string' ? ninjsBody.contenttype : undefined;
  const { paragraphs, captions } = bodyText(
    rawBody,
    contentType ?? (obj.body_html ? 'text/html' : undefined),
  );

  const url = firstString(obj, ['url', 'link', 'canonical', 'uri', 'source.url', 'data.meta.uri']) ?? null;
  const cleanUrl = url && /^https?:\/\//.test(url) ? url : null;
  const rawDate = firstString(obj, [
    'published_at',
    'publishedAt',
    'datePublished',
    'firstcreated',
    'versioncreated',
    'date',
    'published',
    'pubDate',
    'created_at',
    'time',
  ]);
  const date = rawDate ? (parseIsoLike(rawDate) ?? parseVietnameseDate(rawDate)) : null;
  const ninjsSubjects = Array.isArray(obj.subjects) ? obj.subjects.filter(isObj) : [];

  // Paragraph-level structure (captions, bylines, datelines) from the text layout rules.
  const layout = parseTextLayout(paragraphs.join('\n'));
  const categories = list(
    get(obj, 'category') ?? get(obj, 'categories') ?? get(obj, 'section') ?? get(obj, 'category.primary'),
  );
  const keywords = list(get(obj, 'keywords') ?? get(obj, 'tags'));
  const byline = firstString(obj, ['by', 'byline']);
  const authors = list(get(obj, 'authors') ?? get(obj, 'author'));
  const language = firstString(obj, ['language', 'lang', 'inLanguage']);

  return {
    ok: true,
    fields: {
      title:
        cleanLine(firstString(obj, ['headlines', 'headline', 'title', 'tieu_de', 'data.text']) ?? '') ||
        layout.title,
      lede:
        cleanLine(
          firstString(obj, [
            'descriptions',
            'description',
            'lede',
            'sapo',
            'summary',
            'abstract',
            'data.meta.description',
          ]) ?? '',
        ) || layout.lede,
      body: layout.body || paragraphs.join('\n\n'),
      captions: [...captions, ...layout.captions],
      category: categories.length ? categories : cleanUrl ? categoryFromUrl(cleanUrl) : [],
      publishedAt: date?.value ?? layout.publishedAt,
      authors: authors.length ? authors : byline ? [cleanLine(byline)] : layout.authors,
      publisher:
        cleanLine(
          firstString(obj, ['publisher', 'source.name', 'source', 'copyrightholder', 'site']) ?? '',
        ) ||
        layout.publisher ||
        (cleanUrl ? publisherFromUrl(cleanUrl) : null),
      url: cleanUrl,
      keywords: keywords.length ? keywords : ninjsKeywords(ninjsSubjects),
      ...(language &&
        /^[a-z]{2}/i.test(language) && { declaredLanguage: language.slice(0, 2).toLowerCase() }),
    },
  };
}

/**
 * The keywords among ninjs `subjects`: those marked `rel: "keyword"`, and those with no `rel` and no
 * `uri` (a bare `{ "name": … }` names a subject in words, as a keyword does); a subject with a `uri` is a
 * concept of a vocabulary (an IPTC Media Topic), and `about`/`category` subjects are no keywords.
 */
function ninjsKeywords(subjects: readonly Record<string, unknown>[]): string[] {
  return subjects
    .filter(
      (s) =>
        typeof s.name === 'string' && (s.rel === 'keyword' || (s.rel === undefined && s.uri === undefined)),
    )
    .map((s) => String(s.name));
}
