/**
 * The HTML parser as it was at parse-2 (before issue 22), kept for `npm run eval extraction` only: the
 * extraction eval scores it in the same run as today's parser. Not imported by the product.
 */
// domutils directly, not htmlparser2's DomUtils namespace, which keeps all of it (and dom-serializer) in the bundle.
import { findAll, findOne, getElementsByTagName, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { parseIsoLike, parseVietnameseDate } from '../../shared/parse/dates';
import { splitKeywords } from '../../shared/parse/keywords';
import { cleanLine } from '../../shared/parse/lines';
import { publisherFromUrl } from '../../shared/parse/publisher';
import type { TextFields } from '../../shared/parse/text';
import { categoryFromUrl } from '../../shared/parse/url';

type Element = ReturnType<typeof getElementsByTagName>[number];
type AnyNode = Element['children'][number];

const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'iframe',
  'svg',
  'template',
  'select',
]);
const BOILERPLATE =
  /(^|[\s_-])(nav|menu|breadcrumbs?|footer|header|sidebar|related|relate|comment|comments|share|social|advert|ads?|banner|promo|newsletter|subscribe|tags?|author-box|popup|cookie|recommend|most-?read|tin-?lien-?quan|box-?tin)([\s_-]|$)/i;
const BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'li', 'blockquote', 'pre', 'div', 'section', 'td']);

function attr(el: Element, name: string): string | undefined {
  return el.attribs?.[name];
}

function text(node: AnyNode | AnyNode[]): string {
  return cleanLine(textContent(node));
}

function isBoilerplate(el: Element): boolean {
  if (SKIP_TAGS.has(el.name)) return true;
  const marker = `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''} ${attr(el, 'role') ?? ''}`;
  return BOILERPLATE.test(marker) || attr(el, 'aria-hidden') === 'true' || attr(el, 'hidden') !== undefined;
}

interface JsonLdArticle {
  headline?: string;
  description?: string;
  datePublished?: string;
  author?: unknown;
  publisher?: { name?: string };
  articleSection?: string | string[];
  keywords?: string | string[];
  url?: string;
  mainEntityOfPage?: string | { '@id'?: string };
  articleBody?: string;
  inLanguage?: string;
}

function jsonLd(doc: ReturnType<typeof parseDocument>): { article?: JsonLdArticle; crumbs: string[] } {
  let article: JsonLdArticle | undefined;
  let crumbs: string[] = [];
  for (const script of getElementsByTagName('script', doc)) {
    if (attr(script, 'type') !== 'application/ld+json') continue;
    let data: unknown;
    try {
      data = JSON.parse(textContent(script));
    } catch {
      continue; // a broken JSON-LD block is ignored, the page still parses
    }
    const items: unknown[] = Array.isArray(data) ? data : [data];
    for (const item of items.flatMap((x) =>
      x && typeof x === 'object' && '@graph' in x ? (x['@graph'] as unknown[]) : [x],
    )) {
      if (!item || typeof item !== 'object') continue;
      const type = String((item as { '@type'?: unknown })['@type'] ?? '');
      if (/Article|NewsArticle|ReportageNewsArticle|BlogPosting/.test(type))
        article ??= item as JsonLdArticle;
      if (/BreadcrumbList/.test(type)) {
        const list = (
          (item as { itemListElement?: { name?: string; item?: { name?: string } }[] }).itemListElement ?? []
        )
          .map((e) => e.name ?? e.item?.name ?? '')
          .map(cleanLine)
          .filter(Boolean);
        crumbs = list;
      }
    }
  }
  return { article, crumbs };
}

function names(value: unknown): string[] {
  if (!value) return [];
  if (typeof value === 'string') return value.split(/\s*[,;]\s*/u).filter(Boolean);
  if (Array.isArray(value)) return value.flatMap(names);
  if (typeof value === 'object' && 'name' in value) return names((value as { name: unknown }).name);
  return [];
}

const HOME = /^(trang chủ|home|trang chu)$/i;

export function parseHtml(html: string): TextFields & { declaredLanguage?: string } {
  const doc = parseDocument(html, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  });
  const meta = new Map<string, string>();
  for (const el of getElementsByTagName('meta', doc)) {
    const key = (attr(el, 'property') ?? attr(el, 'name') ?? attr(el, 'itemprop') ?? '').toLowerCase();
    const content = attr(el, 'content');
    if (key && content && !meta.has(key)) meta.set(key, cleanLine(content));
  }
  const canonical = getElementsByTagName('link', doc).find((l) => attr(l, 'rel') === 'canonical');
  const { article: ld, crumbs: ldCrumbs } = jsonLd(doc);
  const htmlEl = getElementsByTagName('html', doc)[0];

  const url =
    meta.get('og:url') ??
    (canonical && attr(canonical, 'href')) ??
    (typeof ld?.mainEntityOfPage === 'string' ? ld.mainEntityOfPage : ld?.mainEntityOfPage?.['@id']) ??
    ld?.url ??
    null;
  const h1 = getElementsByTagName('h1', doc)[0];
  const titleTag = getElementsByTagName('title', doc)[0];
  const title =
    (ld?.headline && cleanLine(ld.headline)) ||
    meta.get('og:title') ||
    (h1 && text(h1)) ||
    (titleTag && text(titleTag)) ||
    null;

  const timeEl = getElementsByTagName('time', doc)[0];
  const rawDate =
    ld?.datePublished ??
    meta.get('article:published_time') ??
    meta.get('pubdate') ??
    meta.get('date') ??
    (timeEl && (attr(timeEl, 'datetime') ?? text(timeEl)));
  const date = rawDate ? (parseIsoLike(rawDate) ?? parseVietnameseDate(rawDate)) : null;

  // Breadcrumb: JSON-LD, else an element whose class/id says breadcrumb.
  let category = ldCrumbs.filter((c) => !HOME.test(c) && c !== title);
  if (category.length === 0) {
    const crumbEl = findOne(
      (el) => /breadcrumb/i.test(`${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`),
      doc.children,
      true,
    );
    if (crumbEl) {
      const items = findAll(
        (el) => el.name === 'a' || el.name === 'li' || el.name === 'span',
        crumbEl.children,
      );
      const leaves = items.filter(
        (el) => !findOne((c) => c.name === 'a' || c.name === 'li', el.children, true),
      );
      category = [...new Set(leaves.map(text).filter((t) => t && !HOME.test(t) && !/^[/>»›|]$/.test(t)))];
    }
  }
  if (category.length === 0) {
    const section = ld?.articleSection ?? meta.get('article:section');
    category = (Array.isArray(section) ? section : section ? [section] : []).map(cleanLine).filter(Boolean);
  }
  if (category.length === 0 && url) category = categoryFromUrl(url);

  const keywordSource = ld?.keywords ?? meta.get('news_keywords') ?? meta.get('keywords') ?? '';
  const keywords = Array.isArray(keywordSource)
    ? keywordSource.map(cleanLine).filter(Boolean)
    : splitKeywords(keywordSource, '');
  const metaTags = getElementsByTagName('meta', doc)
    .filter((m) => attr(m, 'property') === 'article:tag')
    .map((m) => cleanLine(attr(m, 'content') ?? ''));
  const authors = [...new Set([...names(ld?.author), ...(meta.get('author') ? [meta.get('author')!] : [])])];

  // Main text: the <article> (or the container with most paragraph text), minus boilerplate.
  const root = mainContainer(doc);
  const captions: string[] = [];
  const paragraphs: string[] = [];
  collect(root, paragraphs, captions, title);
  if (paragraphs.length === 0 && ld?.articleBody)
    paragraphs.push(...ld.articleBody.split(/\n+/).map(cleanLine).filter(Boolean));

  const lede =
    meta.get('og:description') ??
    meta.get('description') ??
    (ld?.description && cleanLine(ld.description)) ??
    paragraphs[0] ??
    null;
  const publisher = ld?.publisher?.name ?? meta.get('og:site_name') ?? (url ? publisherFromUrl(url) : null);
  const language = (attr(htmlEl ?? ({} as Element), 'lang') ?? ld?.inLanguage ?? meta.get('og:locale') ?? '')
    .slice(0, 2)
    .toLowerCase();

  return {
    title,
    lede,
    body: paragraphs.join('\n\n'),
    captions,
    category,
    publishedAt: date?.value ?? null,
    authors,
    publisher: publisher ? cleanLine(publisher) : null,
    url,
    keywords: keywords.length ? keywords : metaTags.filter(Boolean),
    ...(/^[a-z]{2}$/.test(language) && { declaredLanguage: language }),
  };
}

function mainContainer(doc: ReturnType<typeof parseDocument>): AnyNode[] {
  const article = getElementsByTagName('article', doc).find((a) => !isBoilerplate(a));
  if (article) return [article];
  const main = getElementsByTagName('main', doc)[0];
  if (main) return [main];
  // The element whose direct <p> children hold the most text.
  let best: Element | undefined;
  let bestLen = 0;
  for (const el of findAll(
    (e) => e.name === 'div' || e.name === 'section' || e.name === 'td',
    doc.children,
  )) {
    if (isBoilerplate(el)) continue;
    const len = el.children
      .filter((c): c is Element => 'name' in c && c.name === 'p')
      .reduce((n, p) => n + textContent(p).length, 0);
    if (len > bestLen) {
      best = el;
      bestLen = len;
    }
  }
  const body = getElementsByTagName('body', doc)[0];
  return best ? [best] : body ? [body] : doc.children;
}

function collect(nodes: AnyNode[], paragraphs: string[], captions: string[], title: string | null): void {
  for (const node of nodes) {
    if (!('name' in node)) {
      continue;
    }
    const el = node as Element;
    if (isBoilerplate(el) || el.name === 'h1') continue;
    if (el.name === 'figcaption' || /caption/i.test(attr(el, 'class') ?? '')) {
      const t = text(el);
      if (t) captions.push(t);
      continue;
    }
    if (el.name === 'figure' || (el.name === 'table' && /image|photo|pic/i.test(attr(el, 'class') ?? ''))) {
      collect(el.children, [], captions, title);
      continue;
    }
    const hasBlockChild = el.children.some((c) => 'name' in c && BLOCKS.has((c as Element).name));
    if (BLOCKS.has(el.name) && !hasBlockChild) {
      const t = text(el);
      if (t && t !== title && /[\p{L}\p{N}]/u.test(t)) paragraphs.push(t);
      continue;
    }
    collect(el.children, paragraphs, captions, title);
  }
}
