/**
 * HTML news pages: metadata from OpenGraph/meta tags and JSON-LD NewsArticle, dates from <time>,
 * breadcrumbs, and the main text without navigation, ads or related links. htmlparser2 tolerates
 * broken markup the way browsers do.
 */
// domutils directly, not htmlparser2's DomUtils namespace, which keeps all of it (and dom-serializer) in the bundle.
import { findAll, findOne, type getElementsByTagName, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { lineKind } from './content/boilerplate';
import { chooseContent } from './content/choose';
import { collectText } from './content/collect';
import {
  AUTHOR_BLOCK,
  CATEGORY_BLOCK,
  DATE_BLOCK,
  LOGO,
  SKIP_TAGS,
  STANDFIRST,
  TAG_LIST,
} from './content/patterns';
import { bodyFromPageState, ldBodyIsArticle, markupHoldsLdBody, squash } from './content/structured';
import { parseDateLine, parseIsoLike, parseVietnameseDate } from './dates';
import { splitKeywords } from './keywords';
import {
  bylineText,
  cleanLine,
  isGroupByline,
  nameCase,
  PERSON_WORD,
  bylineNames as signerNames,
  withoutTitles,
} from './lines';
import { readCreditsOf } from './photo-credit';
import { publisherFromName, publisherFromUrl } from './publisher';
import { asksSecondOpinion, prefersSecondOpinion, type SecondOpinion } from './second-opinion/index';
import type { TextFields } from './text';
import { categoryFromUrl } from './url';

type Element = ReturnType<typeof getElementsByTagName>[number];
type AnyNode = Element['children'][number];

function attr(el: Element, name: string): string | undefined {
  return el.attribs?.[name];
}

function text(node: AnyNode | AnyNode[]): string {
  return cleanLine(textContent(node));
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

/**
 * The page's elements by tag name, in document order, and the first element marked as the article body
 * (microdata) and as a breadcrumb: one walk of the tree instead of one per question.
 */
interface PageIndex {
  byTag: (name: string) => Element[];
  articleBody?: Element;
  breadcrumb?: Element;
  /** Elements whose class/id names a shown date or a tag list, in document order. */
  dateBlocks: Element[];
  tagLists: Element[];
  /** Elements whose class/id names the section or the author, in document order. */
  categoryBlocks: Element[];
  authorBlocks: Element[];
  /** Elements whose class/id names a standfirst (`sapo`, `description`), in document order. */
  standfirsts: Element[];
}

const classNames = (el: Element): string => `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`;

function indexPage(doc: ReturnType<typeof parseDocument>): PageIndex {
  const tags = new Map<string, Element[]>();
  const index: PageIndex = {
    byTag: (name) => tags.get(name) ?? [],
    dateBlocks: [],
    tagLists: [],
    categoryBlocks: [],
    authorBlocks: [],
    standfirsts: [],
  };
  const visit = (nodes: AnyNode[]) => {
    for (const node of nodes) {
      if (!('name' in node) || !('attribs' in node)) continue;
      const el = node as Element;
      const list = tags.get(el.name);
      if (list) list.push(el);
      else tags.set(el.name, [el]);
      const { class: cls, id, itemprop } = el.attribs;
      if (!index.articleBody && itemprop === 'articleBody') index.articleBody = el;
      // `<nav aria-label="Breadcrumb">`: accessible markup names the trail where no class does.
      if (!index.breadcrumb && /bread-?crumb/i.test(el.attribs['aria-label'] ?? '')) index.breadcrumb = el;
      // `<span data-role="publishdate">`: VCCorp's pages (CafeF, Soha) name the date by its role where no class does.
      if (el.attribs['data-role'] === 'publishdate' && !DATE_BLOCK.test(`${cls ?? ''} ${id ?? ''}`))
        index.dateBlocks.push(el);
      if (cls || id) {
        const names = `${cls ?? ''} ${id ?? ''}`;
        if (!index.breadcrumb && /bread-?crumb/i.test(names)) index.breadcrumb = el;
        if (DATE_BLOCK.test(names)) index.dateBlocks.push(el);
        if (TAG_LIST.test(names)) index.tagLists.push(el);
        if (CATEGORY_BLOCK.test(names)) index.categoryBlocks.push(el);
        if (AUTHOR_BLOCK.test(names)) index.authorBlocks.push(el);
        if (STANDFIRST.test(names) && el.name !== 'meta') index.standfirsts.push(el);
      }
      visit(el.children);
    }
  };
  visit(doc.children);
  return index;
}

function jsonLd(page: PageIndex): { article?: JsonLdArticle; crumbs: string[] } {
  let article: JsonLdArticle | undefined;
  let crumbs: string[] = [];
  for (const script of page.byTag('script')) {
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

/**
 * The date a page shows and no metadata gives: the first element named like a date
 * (`<span class="date">Thứ Năm, 3/12/2026 - 08:15</span>`) whose text is nothing but a date.
 */
export function shownDate(page: Pick<PageIndex, 'dateBlocks'>): ReturnType<typeof parseDateLine> {
  for (const el of page.dateBlocks) {
    const found = parseDateLine(text(el));
    if (found) return found;
  }
  return null;
}

/** Whether an element sits in page furniture that never holds the article's own section or byline. */
function inFurniture(el: Element): boolean {
  for (let p: Element | null = el; p; p = p.parent && 'name' in p.parent ? (p.parent as Element) : null) {
    if (SKIP_TAGS.has(p.name) || p.name === 'footer') return true;
    if (
      /(^|[\s_-])(menu|nav|navbar|footer|sidebar|related)([\s_-]|$)/i.test(
        `${p.attribs.class ?? ''} ${p.attribs.id ?? ''}`,
      )
    )
      return true;
  }
  return false;
}

/** Most links a section element shows (`Văn hóa › Điện ảnh`); a list of more is a menu. */
const MAX_SECTION_LINKS = 3;

/**
 * The section a page shows where it has no breadcrumb: the links of the first element named like a category
 * (`<div class="detail-cate"><a>Sức khỏe</a></div>`, ZNews's `the-article-category`), one to three short ones.
 */
export function shownSection(page: Pick<PageIndex, 'categoryBlocks'>): string[] {
  for (const el of page.categoryBlocks) {
    if (inFurniture(el)) continue;
    const links = findAll((c) => c.name === 'a', el.children).map(text);
    if (links.length >= 1 && links.length <= MAX_SECTION_LINKS && links.every((t) => t && t.length <= 40))
      return [...new Set(links)];
  }
  return [];
}

/**
 * The author a page names outside its article text (`<div class="author-name"><b>Nguyễn Trang</b> - …`,
 * ZNews's `the-article-author`): the innermost element named like an author whose text reads as one to three
 * people's names; none when it names none (`Nhóm PV`).
 */
export function shownAuthors(page: Pick<PageIndex, 'authorBlocks'>): string[] {
  const blocks = new Set(page.authorBlocks);
  for (const el of page.authorBlocks) {
    if (findOne((c) => blocks.has(c), el.children, true) || inFurniture(el)) continue;
    const line = text(el);
    if (!line || line.length > 80) continue;
    const names = signerNames(line).map(nameCase);
    if (names.length >= 1 && names.length <= 3 && names.every(isPersonName)) return names;
  }
  return [];
}

/** Two to five capitalised words: a person's name as bylines write it. */
function isPersonName(name: string): boolean {
  const words = name.split(/\s+/);
  return words.length >= 2 && words.length <= 5 && words.every((w) => PERSON_WORD.test(w));
}

/** The links of the first tag list (`<div class="tags"><a>…</a>…</div>`), when the metadata names no keywords. */
export function tagLinks(page: Pick<PageIndex, 'tagLists'>): string[] {
  for (const el of page.tagLists) {
    const links = findAll((c) => c.name === 'a', el.children)
      .map(text)
      .filter((t) => t && t.length <= 60);
    if (links.length > 0) return [...new Set(links)];
  }
  return [];
}

function names(value: unknown): string[] {
  if (!value) return [];
  if (typeof value === 'string') return value.split(/\s*[,;]\s*/u).filter(Boolean);
  if (Array.isArray(value)) return value.flatMap(names);
  // A publisher credited as the author (`{"@type": "Organization"}`) names no person: the byline shown may.
  if (
    typeof value === 'object' &&
    /Organization/.test(String((value as { '@type'?: unknown })['@type'] ?? ''))
  )
    return [];
  if (typeof value === 'object' && 'name' in value) return names((value as { name: unknown }).name);
  return [];
}

const HOME = /^(trang chủ|home|trang chu)$/i;

export function parseHtml(
  html: string,
  secondOpinion?: SecondOpinion,
): TextFields & { declaredLanguage?: string } {
  // An article's markup saved without its page (no <body>: `<h1>…</h1><article>…</article>`) is read as a
  // page's body: htmlparser2 adds no implied elements, and the content is looked for in the body.
  const doc = parseDocument(/<body[\s>]/i.test(html) ? html : `<body>${html}</body>`, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  });
  const page = indexPage(doc);
  const meta = new Map<string, string>();
  for (const el of page.byTag('meta')) {
    const key = (attr(el, 'property') ?? attr(el, 'name') ?? attr(el, 'itemprop') ?? '').toLowerCase();
    const content = attr(el, 'content');
    if (key && content && !meta.has(key)) meta.set(key, cleanLine(content));
  }
  const canonical = page.byTag('link').find((l) => attr(l, 'rel') === 'canonical');
  const { article: ld, crumbs: ldCrumbs } = jsonLd(page);
  const htmlEl = page.byTag('html')[0];

  const url =
    meta.get('og:url') ??
    (canonical && attr(canonical, 'href')) ??
    (typeof ld?.mainEntityOfPage === 'string' ? ld.mainEntityOfPage : ld?.mainEntityOfPage?.['@id']) ??
    ld?.url ??
    null;
  const h1 = page.byTag('h1')[0];
  const titleTag = page.byTag('title')[0];
  const title =
    (ld?.headline && cleanLine(ld.headline)) ||
    meta.get('og:title') ||
    (h1 && text(h1)) ||
    (titleTag && text(titleTag)) ||
    null;

  const timeEl = page.byTag('time')[0];
  const rawDate =
    ld?.datePublished ??
    meta.get('article:published_time') ??
    meta.get('pubdate') ??
    meta.get('date') ??
    (timeEl && (attr(timeEl, 'datetime') ?? text(timeEl)));
  const date = rawDate ? (parseIsoLike(rawDate) ?? parseVietnameseDate(rawDate)) : shownDate(page);

  // Breadcrumb: JSON-LD, else an element whose class/id says breadcrumb.
  let category = ldCrumbs.filter((c) => !HOME.test(c) && c !== title);
  if (category.length === 0) {
    const crumbEl = page.breadcrumb;
    if (crumbEl) {
      const items = findAll(
        (el) => el.name === 'a' || el.name === 'li' || el.name === 'span',
        crumbEl.children,
      );
      const leaves = items.filter(
        (el) => !findOne((c) => c.name === 'a' || c.name === 'li', el.children, true),
      );
      category = [...new Set(leaves.map(text).filter((t) => t && !HOME.test(t) && !/^[/>»›|]$/.test(t)))];
      // A breadcrumb of plain text (a print view's `Thời sự » Môi trường`): its levels between the separators.
      if (items.length === 0) category = breadcrumbText(text(crumbEl)).filter((t) => !HOME.test(t));
    }
  }
  if (category.length === 0) category = shownSection(page);
  if (category.length === 0) {
    const section = ld?.articleSection ?? meta.get('article:section');
    category = (Array.isArray(section) ? section : section ? [section] : []).map(cleanLine).filter(Boolean);
  }
  if (category.length === 0 && url) category = categoryFromUrl(url);

  const keywordSource = ld?.keywords ?? meta.get('news_keywords') ?? meta.get('keywords') ?? '';
  const keywords = Array.isArray(keywordSource)
    ? keywordSource.map(cleanLine).filter(Boolean)
    : splitKeywords(keywordSource, '');
  const metaTags = page
    .byTag('meta')
    .filter((m) => attr(m, 'property') === 'article:tag')
    .map((m) => cleanLine(attr(m, 'content') ?? ''));
  const authors = [...new Set([...names(ld?.author), ...(meta.get('author') ? [meta.get('author')!] : [])])];

  const description =
    meta.get('og:description') ?? meta.get('description') ?? (ld?.description && cleanLine(ld.description));
  const extracted = articleText(doc, page, title, description, ld?.articleBody, authors);
  if (secondOpinion && asksSecondOpinion(extracted.paragraphs)) {
    const theirCaptions: string[] = [];
    const theirs = readCreditsOf(
      secondOpinion(html).filter((p) => p !== title && lineKind(p) === null),
      theirCaptions,
    );
    if (prefersSecondOpinion(extracted.paragraphs, theirs)) {
      extracted.paragraphs = theirs;
      extracted.captions.push(...theirCaptions);
    }
  }
  const { paragraphs, captions } = extracted;
  if (authors.length === 0) authors.push(...extracted.authors);
  if (authors.length === 0) authors.push(...shownAuthors(page));

  const lede =
    description || extracted.standfirst || shownStandfirst(page, paragraphs) || paragraphs[0] || null;
  // A site named by its domain (`VOV.VN`) is named as its URL would name it (`VOV`).
  const siteName = ld?.publisher?.name ?? meta.get('og:site_name') ?? logoName(page);
  const publisher = siteName ? publisherFromName(siteName) : url ? publisherFromUrl(url) : null;
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
    keywords: keywords.length ? keywords : metaTags.some(Boolean) ? metaTags.filter(Boolean) : tagLinks(page),
    ...(/^[a-z]{2}$/.test(language) && { declaredLanguage: language }),
  };
}

/** `Thời sự » Môi trường` → its levels; null-free, each a short capitalised label. */
export function breadcrumbText(line: string): string[] {
  const parts = line
    .split(/\s*[/>»›|]\s*/u)
    .map(cleanLine)
    .filter(Boolean);
  return parts.every((p) => p.split(' ').length <= 6 && /^\p{Lu}/u.test(p)) ? parts : [];
}

/**
 * With no description and no standfirst in the text, the summary a page shows beside it (a print view's
 * `print-sapo` above its content): the first block named like a standfirst whose text is not body and reads as a
 * summary, one or two sentences.
 */
function shownStandfirst(page: PageIndex, paragraphs: readonly string[]): string | undefined {
  if (paragraphs.length < 2) return undefined;
  const el = page.standfirsts.find((e) => !findOne((c) => STANDFIRST.test(classNames(c)), e.children, true));
  if (!el) return undefined;
  const t = text(el);
  return t.length >= 60 && t.length <= 500 && !paragraphs.includes(t) ? t : undefined;
}

/** The site's name as its logo's alt text says it (`<img src="/logo.png" alt="Duyên Hải Online">`). */
function logoName(page: PageIndex): string | undefined {
  for (const img of page.byTag('img')) {
    const alt = cleanLine(attr(img, 'alt') ?? '');
    const parent = img.parent && 'attribs' in img.parent ? (img.parent as Element) : undefined;
    const named =
      LOGO.test(attr(img, 'src') ?? '') ||
      LOGO.test(classNames(img)) ||
      (!!parent && LOGO.test(classNames(parent)));
    if (named && alt && !/logo/i.test(alt) && alt.split(' ').length <= 6 && /^\p{Lu}/u.test(alt)) return alt;
  }
  return undefined;
}

/**
 * The article's paragraphs, captions and bylines: structured data first (microdata `articleBody`, JSON-LD
 * `articleBody` when the page shows the same text, unless the markup's article holds it whole), else the
 * best-scoring content blocks (./content/).
 * The description is the lede, so a paragraph repeating it is not body.
 */
function articleText(
  doc: ReturnType<typeof parseDocument>,
  page: PageIndex,
  title: string | null,
  description: string | undefined,
  ldBody: string | undefined,
  knownAuthors: readonly string[],
): { paragraphs: string[]; captions: string[]; authors: string[]; standfirst?: string } {
  const body = page.byTag('body')[0];
  const marked = page.articleBody;
  const chosen =
    marked && textContent(marked).trim().length >= 200
      ? { roots: [marked], keep: new Set([marked]) }
      : body
        ? chooseContent(body)
        : { roots: [], keep: new Set<never>() };
  const found = collectText(chosen.roots, title, chosen.keep, chosen.byName ?? true);
  let paragraphs = found.paragraphs;
  const fromLd = ldBody ? ldBody.split(/\n+/).map(cleanLine).filter(Boolean) : [];
  if (
    fromLd.length &&
    (ldBodyIsArticle(paragraphs, fromLd) ||
      (showsText(body ?? doc, fromLd) && !markupHoldsLdBody(paragraphs, fromLd)))
  )
    paragraphs = fromLd;
  else if (fromLd.length === 0) {
    const fromState = bodyFromPageState(doc, paragraphs, title);
    if (fromState.length > 0) paragraphs = fromState;
  }
  // A block that is nothing but a date (`Thứ năm, ngày 03/12/2026 20:15 GMT+7` beside the headline) is the
  // page's date line, read as its date, not body.
  paragraphs = paragraphs.filter((p) => parseDateLine(p) === null);
  if (description) {
    // The description meta tag is the lede. Shown as a standfirst (a sapo, dek or subtitle, sometimes after a
    // place or paper stamp: `Hà Nội`, `(Dân trí) -`) it is the lede, not body; a plain paragraph of the
    // article that repeats it is article text (as a text file's body keeps its lede paragraph).
    const lede = cleanLine(description);
    const standfirsts = new Set(found.standfirsts);
    paragraphs = paragraphs.filter(
      (p) => !(standfirsts.has(p) && p.endsWith(lede) && p.length <= lede.length + 40),
    );
  }
  // With no description, a standfirst opening the text is the summary the page shows: the lede, not body.
  let standfirst: string | undefined;
  if (!description && paragraphs.length > 1 && found.standfirsts.includes(paragraphs[0]!)) {
    standfirst = paragraphs[0];
    paragraphs = paragraphs.slice(1);
  }
  const authors = found.bylines.flatMap(bylineNames);
  return {
    ...(standfirst !== undefined && { standfirst }),
    paragraphs: withoutSignature(paragraphs, authors, knownAuthors),
    captions: found.captions,
    authors,
  };
}

/** Whether the page's own text shows the structured data's body: its first and last words are on the page. */
function showsText(root: AnyNode, paragraphs: string[]): boolean {
  const page = squash(textContent(root));
  const first = squash(paragraphs[0]!).slice(0, 80);
  const last = squash(paragraphs[paragraphs.length - 1]!).slice(-80);
  return first.length >= 20 && page.includes(first) && page.includes(last);
}

/** The body without a closing line that only signs it with an author's name (`Minh Khôi`, `Theo Minh Khôi`). */
function withoutSignature(paragraphs: string[], ...authorLists: (readonly string[])[]): string[] {
  const last = paragraphs[paragraphs.length - 1];
  if (!last || last.length > 80) return paragraphs;
  const names = new Set(authorLists.flat().map((a) => a.toLowerCase()));
  const signed = bylineNames(last).map((n) => n.toLowerCase());
  return signed.length > 0 && signed.every((n) => names.has(n)) ? paragraphs.slice(0, -1) : paragraphs;
}

const SOURCE_CREDIT = /^nguồn\s*[:：]/iu;
/** Between two signers: a comma, `and`, `&`, `và` (letter bounds: `\b` knows only ASCII letters), a spaced dash. */
const SIGNERS_APART = /\s*(?:,|;|\band\b|&|(?<!\p{L})và(?!\p{L}))\s*|\s+[-–]\s+/u;

/** Names in a byline: `By Jane Roe and John Doe` → both; a long line is no byline. */
function bylineNames(line: string): string[] {
  const stripped = bylineText(line.replace(/^theo\s*:?\s+/iu, '')).replace(/\s*\([^)]*\)\s*$/u, '');
  // A group (`Nhóm PV`) or an agency alone (`Theo TTXVN`) signs, but names no author; nor does a source
  // credit beside the byline (`Nguồn: [Link nguồn]`).
  if (isGroupByline(stripped) || /^\p{Lu}{2,}$/u.test(stripped.trim()) || SOURCE_CREDIT.test(stripped))
    return [];
  if (stripped.length > 80) return [];
  const parts = stripped
    .split(SIGNERS_APART)
    .map((n) => nameCase(withoutTitles(cleanLine(n))))
    .filter((n) => n && n.split(' ').length <= 6 && !/\d{3,}/.test(n));
  // An agency signing beside the author (`Minh Anh - TTXVN`) is no author.
  return parts.length > 1 ? parts.filter((n) => !/^\p{Lu}{2,}$/u.test(n)) : parts;
}
