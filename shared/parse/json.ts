/**
 * JSON articles: an IPTC ninjs document, or a plain object as CMSs and crawlers export it
 * (`{title, body, …}` with common alternative field names, dotted or nested).
 */
import { blocksToHtml, contentBlocks, unwrapRelations } from './cms-blocks';
import { type FoundDate, parseIsoLike, parseVietnameseDate, toVietnamTime } from './dates';
import { parseHtmlFragment } from './html-fragment';
import { arcStory, ghostPost, jsonFeedItem, newsMlItem, wordPressPost } from './json-envelopes';
import { bylineNames, cleanLine } from './lines';
import { publisherFromUrl } from './publisher';
import { parseTextLayout, type TextFields } from './text';
import { categoryFromUrl } from './url';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads `a.b` as a nested path or as a literal dotted key (crawler CSV-to-JSON exports use both). */
function get(obj: Obj, path: string): Json | undefined {
  if (path in obj) return obj[path];
  // Most paths asked are plain keys: only a dotted one is split.
  if (!path.includes('.')) return undefined;
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

/** A category object's labels from its top: `{name: 'Viễn thông', parent: {name: 'Công nghệ'}}` → both, parent first. */
function categoryChain(v: Obj): string[] {
  const own = typeof v.name === 'string' ? [cleanLine(v.name)] : [];
  return isObj(v.parent) ? [...categoryChain(v.parent), ...own] : own;
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
  if (isObj(v)) return categoryChain(v).filter(Boolean);
  return [];
}

/** The earliest and latest plausible publish instants of a number read as epoch seconds or milliseconds. */
const EPOCH_SECONDS = { min: 631_152_000, max: 4_102_444_800 }; // 1990 to 2100

/**
 * A publish time a CMS exports as a number (`"publish_date": 1796196000`): epoch seconds, or milliseconds
 * when it is too large for seconds; null for any other number (a year, an id).
 */
export function epochDate(v: Json | undefined): FoundDate | null {
  const n =
    typeof v === 'number' ? v : typeof v === 'string' && /^\d{9,13}$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isFinite(n)) return null;
  const seconds = n > EPOCH_SECONDS.max ? n / 1000 : n;
  if (seconds < EPOCH_SECONDS.min || seconds > EPOCH_SECONDS.max) return null;
  return { value: toVietnamTime(new Date(seconds * 1000)), hasTime: true };
}

function bodyText(
  raw: string,
  contentType: string | undefined,
): { paragraphs: string[]; captions: string[]; marked?: boolean } {
  if (/html/i.test(contentType ?? '') || /<(p|div|br|figure)[\s>/]/i.test(raw)) {
    return { ...parseHtmlFragment(raw), marked: true };
  }
  return {
    paragraphs: raw
      .split(/\r?\n+/)
      .map(cleanLine)
      .filter(Boolean),
    captions: [],
  };
}

/** `readAt`: when the file is read (a day without its year never takes a later one; ./dates.ts). */
export function parseJson(
  source: string,
  readAt?: Date,
): { ok: true; fields: TextFields & { declaredLanguage?: string } } | { ok: false; message: string } {
  let data: unknown;
  try {
    data = JSON.parse(source.replace(/^\ufeff/, ''));
  } catch (err) {
    return { ok: false, message: `The JSON is not valid: ${(err as Error).message}.` };
  }
  if (Array.isArray(data) && data.length === 1) data = data[0];
  // A Strapi entry and its relations come wrapped as `{data: {attributes: …}}`: read them as plain objects.
  data = unwrapRelations(data as Json);
  if (!isObj(data))
    return {
      ok: false,
      message: 'The JSON must be one article object (a ninjs document or {title, body, …}).',
    };
  // A JSON Feed of one item, a Ghost answer of one post and a WordPress REST post wrap the article in their
  // own envelopes.
  const feedItem = jsonFeedItem(data);
  const item = 'error' in feedItem ? feedItem : ghostPost(feedItem as Obj);
  if ('error' in item && typeof item.error === 'string') return { ok: false, message: item.error };
  // An Arc XP ANS story and a NewsML-G2 item likewise.
  const obj = newsMlItem(arcStory(wordPressPost(item as Obj)));

  const ninjsBody = Array.isArray(obj.bodies) && isObj(obj.bodies[0]) ? obj.bodies[0] : undefined;
  const blocks = contentBlocks(obj);
  const rawBody =
    (ninjsBody && typeof ninjsBody.value === 'string' ? ninjsBody.value : undefined) ??
    (blocks && blocksToHtml(blocks)) ??
    firstString(obj, [
      'body_text',
      'body_html',
      'content_html',
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
  const { paragraphs, captions, marked } = bodyText(
    rawBody,
    contentType ?? (obj.body_html || obj.content_html || blocks ? 'text/html' : undefined),
  );

  const url =
    firstString(obj, [
      'url',
      'link',
      'canonical',
      'canonical_url',
      'canonicalUrl',
      'uri',
      'source.url',
      'data.meta.uri',
    ]) ?? null;
  const cleanUrl = url && /^https?:\/\//.test(url) ? url : null;
  const DATE_FIELDS = [
    'published_at',
    'publishedAt',
    'publish_date',
    'publishDate',
    'published_date',
    'datePublished',
    'firstcreated',
    'versioncreated',
    'date',
    'published',
    'pubDate',
    'created_at',
    'time',
  ];
  const rawDate = firstString(obj, DATE_FIELDS);
  const date = rawDate
    ? (parseIsoLike(rawDate) ?? parseVietnameseDate(rawDate) ?? epochDate(rawDate))
    : (DATE_FIELDS.map((f) => epochDate(get(obj, f))).find((d) => d !== null) ?? null);
  const ninjsSubjects = Array.isArray(obj.subjects) ? obj.subjects.filter(isObj) : [];
  const subjectCategories = ninjsCategories(ninjsSubjects);

  // Paragraph-level structure (captions, bylines, datelines) from the text layout rules.
  // An HTML body marks its paragraphs and figure captions: no paragraph of it is taken for a caption by
  // what it looks like (a short one-sentence paragraph), as a plain text's line may be.
  const layout = parseTextLayout(paragraphs.join('\n'), readAt, marked ? new Set(paragraphs) : undefined);
  const categories = list(
    get(obj, 'category') ?? get(obj, 'categories') ?? get(obj, 'section') ?? get(obj, 'category.primary'),
  );
  const keywords = list(get(obj, 'keywords') ?? get(obj, 'tags'));
  // `creator`: a feed item's (RSS `dc:creator`) byline.
  const byline = firstString(obj, ['by', 'byline', 'creator', 'dc:creator']);
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
            'excerpt',
            'data.meta.description',
          ]) ?? '',
        ) || layout.lede,
      body: layout.body || paragraphs.join('\n\n'),
      captions: [
        ...captions,
        ...layout.captions,
        ...associatedCaptions(obj.associations).filter(
          (c) => !captions.includes(c) && !layout.captions.includes(c),
        ),
      ],
      category: categories.length
        ? categories
        : subjectCategories.length
          ? subjectCategories
          : cleanUrl
            ? categoryFromUrl(cleanUrl)
            : [],
      publishedAt: date?.value ?? layout.publishedAt,
      authors: authors.length ? authors : byline ? bylineNames(cleanLine(byline)) : layout.authors,
      publisher:
        cleanLine(
          firstString(obj, [
            'publisher',
            'publisher.name',
            'source.name',
            'source',
            'copyrightholder',
            'site',
            'site_name',
            'siteName',
          ]) ?? '',
        ) ||
        infosource(obj.infosources) ||
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

/** The names of ninjs `subjects` marked `rel: "category"`, in order: the sections the provider files it under. */
function ninjsCategories(subjects: readonly Record<string, unknown>[]): string[] {
  return subjects
    .filter((s) => s.rel === 'category' && typeof s.name === 'string')
    .map((s) => cleanLine(String(s.name)))
    .filter(Boolean);
}

/** The first named party of ninjs `infosources` (the originator a provider credits): the publisher. */
function infosource(sources: Json | undefined): string {
  if (!Array.isArray(sources)) return '';
  const named = sources.find((s) => isObj(s) && typeof s.name === 'string' && s.name.trim());
  return isObj(named) ? cleanLine(String(named.name)) : '';
}

/**
 * Captions of the pictures a ninjs document associates (`associations`, an array in 2.x, an object keyed by
 * role in 1.x): a picture's `caption` description, else its only description (1.x `description_text`).
 */
function associatedCaptions(associations: Json | undefined): string[] {
  const items = Array.isArray(associations)
    ? associations
    : isObj(associations)
      ? Object.values(associations)
      : [];
  return items.flatMap((item) => {
    if (!isObj(item) || (item.type !== 'picture' && item.type !== 'image')) return [];
    const descriptions = Array.isArray(item.descriptions) ? item.descriptions.filter(isObj) : [];
    const caption =
      descriptions.find((d) => d.role === 'caption') ??
      (descriptions.length === 1 ? descriptions[0] : undefined);
    const text = caption?.value ?? item.description_text;
    return typeof text === 'string' && text.trim() ? [cleanLine(text)] : [];
  });
}
