/**
 * The article's text on a web page, chosen by scoring content blocks as Readability does
 * (mozilla/readability, `_grabArticle`): each paragraph scores by its length and commas, passes its score
 * to its parent (whole) and grandparent (half), containers are weighted by what their class and id say and
 * discounted by how much of their text is links, the best container wins and takes the siblings that read
 * like it. Runs over the htmlparser2 DOM the parser already builds.
 */
import { textContent } from 'domutils';
import type { parseDocument } from 'htmlparser2';
import { cleanLine } from './text';

type Document = ReturnType<typeof parseDocument>;
export type Element = Extract<Document['children'][number], { name: string; attribs: object }>;
type AnyNode = Document['children'][number];

/** Never article text, wherever they are. */
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'nav',
  'aside',
  'form',
  'button',
  'iframe',
  'svg',
  'template',
  'select',
  'textarea',
  'input',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'link',
  'meta',
  'head',
  'title',
]);

/** Class or id of a block that is not the article: navigation, comments, share bars, related links. */
const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|share|newsletter|subscribe|cookie|recommend|most-?read|tin-?lien-?quan|box-?tin|tin-?khac|xem-?them|lien-?quan/i;
/** …unless it also says it holds the content. */
const MAYBE_CANDIDATE = /and|article|body|column|content|main|shadow/i;
/** Roles of blocks that are never the article. */
const UNLIKELY_ROLES = new Set([
  'menu',
  'menubar',
  'complementary',
  'navigation',
  'alert',
  'alertdialog',
  'dialog',
]);
const POSITIVE =
  /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|detail|noidung/i;
const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|newsletter|byline|author|credit|caption/i;
/** A byline or credit line: its text goes to authors, not the body. */
const BYLINE = /byline|author|dateline|writtenby|p-author|tac-?gia|nguon-?tin/i;
const BYLINE_LINE = /^(?:[Bb]y|[Bb]ởi|[Tt]ác giả:?)\s+\p{Lu}/u;
/** A short right-aligned line is where Vietnamese papers sign an article. */
const RIGHT_ALIGNED = /text-align\s*:\s*right/i;
const CAPTION = /caption|image-desc|img-desc|photo-desc|chu-?thich|chu_thich/i;
const CREDIT = /credit|copyright|source/i;
/** Blocks whose text stands alone as a paragraph. */
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'table',
  'tbody',
  'thead',
  'tr',
  'td',
  'th',
  'figure',
  'figcaption',
  'header',
  'footer',
  'address',
  'hr',
  'br',
  'center',
]);
/** Paragraph-like blocks that are scored. */
const SCORED = new Set(['p', 'pre', 'td', 'section', 'h2', 'h3', 'h4', 'h5', 'h6']);

function attr(el: Element, name: string): string {
  return el.attribs[name] ?? '';
}

function isElement(node: AnyNode): node is Element {
  return 'name' in node && 'attribs' in node;
}

function marker(el: Element): string {
  return `${attr(el, 'class')} ${attr(el, 'id')}`;
}

function isHidden(el: Element): boolean {
  if (el.attribs.hidden !== undefined || attr(el, 'aria-hidden') === 'true') return true;
  const style = attr(el, 'style');
  return style !== '' && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Whether the block and all it holds is never article text: skipped tags, hidden, navigation by its names. */
export function isUnlikely(el: Element, byName = true): boolean {
  if (SKIP_TAGS.has(el.name) || isHidden(el)) return true;
  if (UNLIKELY_ROLES.has(attr(el, 'role'))) return true;
  if (!byName || el.name === 'body' || el.name === 'article' || el.name === 'main') return false;
  const names = marker(el);
  return names.length > 1 && UNLIKELY.test(names) && !MAYBE_CANDIDATE.test(names);
}

/** Readability's class weight: +25 for names that say content, −25 for names that say anything else. */
function classWeight(el: Element): number {
  let weight = 0;
  for (const name of [attr(el, 'class'), attr(el, 'id')]) {
    if (!name) continue;
    if (NEGATIVE.test(name)) weight -= 25;
    if (POSITIVE.test(name)) weight += 25;
  }
  return weight;
}

function tagWeight(el: Element): number {
  switch (el.name) {
    case 'div':
    case 'article':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5;
    default:
      return 0;
  }
}

/** Text length and link-text length of a subtree, skipping what is never text. */
interface Measure {
  chars: number;
  linkChars: number;
  commas: number;
}

function measure(node: AnyNode, inLink: boolean, into: Measure): void {
  if ('data' in node && node.type === 'text') {
    const n = node.data.trim().length;
    into.chars += n;
    if (inLink) into.linkChars += n;
    for (const c of node.data) if (c === ',' || c === '，' || c === '、') into.commas++;
    return;
  }
  if (!isElement(node) || SKIP_TAGS.has(node.name)) return;
  const link = inLink || node.name === 'a';
  for (const child of node.children) measure(child, link, into);
}

const measures = new WeakMap<Element, Measure>();

function measured(el: Element): Measure {
  let m = measures.get(el);
  if (!m) {
    m = { chars: 0, linkChars: 0, commas: 0 };
    measure(el, false, m);
    measures.set(el, m);
  }
  return m;
}

function linkDensity(el: Element): number {
  const m = measured(el);
  return m.chars === 0 ? 0 : m.linkChars / m.chars;
}

function hasBlockChild(el: Element): boolean {
  return el.children.some((c) => isElement(c) && BLOCK_TAGS.has(c.name) && c.name !== 'br');
}

export interface ChosenContent {
  /** The elements whose text is the article, in page order. */
  roots: Element[];
  /** The best-scoring block and its ancestors: never cleaned away as clutter. */
  keep: ReadonlySet<Element>;
  /** False when blocks named like navigation were read too (see chooseContent). */
  byName?: boolean;
}

/**
 * The container of the article: the best-scoring block and the siblings that read like it.
 * `within` limits the search (an element that says it holds the article body, e.g. microdata's articleBody).
 */
export function chooseContent(body: Element): ChosenContent {
  const strict = chooseContentBy(body, true);
  // As Readability retries: a page whose article sits in a block named like a sidebar (VnExpress's
  // `sidebar-1` column) yields almost nothing when such blocks are skipped; then names are not trusted.
  if (strict.roots.reduce((n, r) => n + likelyChars(r), 0) >= RETRY_BELOW_CHARS) return strict;
  const loose = chooseContentBy(body, false);
  return { ...loose, byName: false };
}

/** Characters of text in a block, leaving out the blocks named like navigation. */
function likelyChars(el: Element): number {
  let n = 0;
  for (const c of el.children) {
    if ('data' in c && c.type === 'text') n += c.data.trim().length;
    else if (isElement(c) && !isUnlikely(c)) n += likelyChars(c);
  }
  return n;
}

/** Fewer characters than this in the chosen blocks, and the choice is made again without trusting names. */
const RETRY_BELOW_CHARS = 500;

function chooseContentBy(body: Element, byName: boolean): ChosenContent {
  const scores = new Map<Element, number>();
  const candidates: Element[] = [];
  const initialise = (el: Element) => {
    if (!scores.has(el)) {
      scores.set(el, tagWeight(el) + classWeight(el));
      candidates.push(el);
    }
  };
  const visit = (el: Element) => {
    for (const child of el.children) {
      if (!isElement(child) || isUnlikely(child, byName)) continue;
      const scored = SCORED.has(child.name) || (child.name === 'div' && !hasBlockChild(child));
      if (scored) {
        const m = measured(child);
        if (m.chars >= 25) {
          const score = 1 + m.commas + Math.min(Math.floor(m.chars / 100), 3);
          let ancestor: Element | null = child.parent && isElement(child.parent) ? child.parent : null;
          for (let level = 0; ancestor && level < 5; level++) {
            if (ancestor.name === 'html' || ancestor.name === undefined) break;
            initialise(ancestor);
            const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
            scores.set(ancestor, scores.get(ancestor)! + score / divider);
            ancestor = ancestor.parent && isElement(ancestor.parent) ? ancestor.parent : null;
          }
        }
        if (child.name !== 'div' && child.name !== 'section' && child.name !== 'td') continue;
      }
      visit(child);
    }
  };
  visit(body);
  if (candidates.length === 0) return { roots: byName ? [] : [body], keep: new Set() };

  let top: Element = body;
  let topScore = -Infinity;
  const final = new Map<Element, number>();
  for (const el of candidates) {
    const score = scores.get(el)! * (1 - linkDensity(el));
    final.set(el, score);
    if (score > topScore) {
      top = el;
      topScore = score;
    }
  }

  // The winner, and any block of prose that scores nearly as well, are never cleaned away as clutter.
  const keep = new Set<Element>();
  for (const [el, score] of final) {
    if (el !== top && (score < Math.max(10, topScore * 0.5) || linkDensity(el) >= 0.25)) continue;
    keep.add(el);
    for (const a of ancestorsOf(el)) keep.add(a);
  }
  // When the runners-up sit in one ancestor of the winner, the article is that ancestor (split into parts).
  const ranked = [...final].sort((a, b) => b[1] - a[1]).slice(1, 5);
  const alternatives = ranked.filter(([, s]) => s >= topScore * 0.75).map(([el]) => ancestorsOf(el));
  for (
    let parent = top.parent;
    parent && isElement(parent) && parent.name !== 'body';
    parent = parent.parent
  ) {
    if (
      alternatives.filter((list) => list.has(parent as Element)).length >= Math.min(3, alternatives.length)
    ) {
      if (alternatives.length >= 3) top = parent;
      break;
    }
  }
  // A parent that scores nearly as well holds more of the article.
  let lastScore = final.get(top) ?? topScore;
  const floor = lastScore / 3;
  for (
    let parent = top.parent;
    parent && isElement(parent) && parent.name !== 'body';
    parent = parent.parent
  ) {
    const score = final.get(parent);
    if (score === undefined) continue;
    if (score < floor) break;
    if (score > lastScore) {
      top = parent;
      lastScore = score;
    }
  }
  while (
    top.parent &&
    isElement(top.parent) &&
    top.parent.name !== 'body' &&
    top.parent.children.filter(isElement).length === 1
  )
    top = top.parent;

  // Siblings that read like the article join it.
  const parent = top.parent && isElement(top.parent) ? top.parent : null;
  if (!parent) return { roots: [top], keep };
  const threshold = Math.max(10, (final.get(top) ?? topScore) * 0.2);
  const topClass = attr(top, 'class');
  const roots: Element[] = [];
  for (const sibling of parent.children) {
    if (!isElement(sibling)) continue;
    if (sibling === top) {
      roots.push(sibling);
      continue;
    }
    if (isUnlikely(sibling, byName)) continue;
    const bonus = topClass !== '' && attr(sibling, 'class') === topClass ? (final.get(top) ?? 0) * 0.2 : 0;
    const score = final.get(sibling);
    if (score !== undefined && score + bonus >= threshold) {
      roots.push(sibling);
      continue;
    }
    if (sibling.name === 'p') {
      const m = measured(sibling);
      const density = linkDensity(sibling);
      if (m.chars > 80 && density < 0.25) roots.push(sibling);
      else if (
        m.chars > 0 &&
        m.chars <= 80 &&
        density === 0 &&
        /\.( |$)/.test(cleanLine(textContent(sibling)))
      )
        roots.push(sibling);
    }
  }
  return { roots, keep };
}

function ancestorsOf(el: Element): Set<Element> {
  const set = new Set<Element>();
  for (let p = el.parent; p && isElement(p); p = p.parent) set.add(p);
  return set;
}

/**
 * Readability's `_cleanConditionally`: a list, table or division inside the article that looks like
 * navigation, a gallery or a related-links box (many links, few words, more images than paragraphs).
 */
function looksLikeClutter(el: Element): boolean {
  const weight = classWeight(el);
  if (weight < 0) return true;
  const m = measured(el);
  if (m.commas >= 10) return false;
  const isList = el.name === 'ul' || el.name === 'ol';
  let paragraphs = 0;
  let images = 0;
  let items = 0;
  let inputs = 0;
  let embeds = 0;
  const count = (node: AnyNode) => {
    if (!isElement(node)) return;
    if (node.name === 'p') paragraphs++;
    else if (node.name === 'img') images++;
    else if (node.name === 'li') items++;
    else if (node.name === 'input') inputs++;
    else if (node.name === 'iframe' || node.name === 'embed' || node.name === 'object') embeds++;
    for (const c of node.children) count(c);
  };
  for (const c of el.children) count(c);
  const density = linkDensity(el);
  // A block with several paragraphs of prose is the article itself, whatever embeds and images sit in it.
  if (paragraphs >= 3 && m.chars > 500 && density < 0.25 && weight >= 0) return false;
  if (images > 1 && paragraphs / images < 0.5) return true;
  if (!isList && items > paragraphs + 1 && density > 0.2) return true;
  if (inputs > Math.floor(paragraphs / 3)) return true;
  if (!isList && m.chars < 25 && (images === 0 || images > 2) && density > 0) return true;
  if (!isList && weight < 25 && density > 0.2) return true;
  if (weight >= 25 && density > 0.5) return true;
  if ((embeds === 1 && m.chars < 75) || embeds > 1) return true;
  if (isList && density > 0.5) return true;
  return false;
}

/** A caption's text without the image credit it carries in its own element (`<span class="credit">`). */
function captionText(el: Element): string {
  let text = '';
  const walk = (node: AnyNode) => {
    if ('data' in node && node.type === 'text') text += node.data;
    else if (isElement(node) && !SKIP_TAGS.has(node.name) && !CREDIT.test(marker(node)))
      for (const c of node.children) walk(c);
    if (isElement(node) && BLOCK_TAGS.has(node.name)) text += ' ';
  };
  walk(el);
  return cleanLine(text);
}

export interface ArticleText {
  paragraphs: string[];
  captions: string[];
  bylines: string[];
}

/** Paragraphs of the chosen containers, without clutter; captions and bylines set apart. */
export function collectText(
  roots: readonly Element[],
  title: string | null,
  keep: ReadonlySet<Element> = new Set(),
  byName = true,
): ArticleText {
  const out: ArticleText = { paragraphs: [], captions: [], bylines: [] };
  let inline = '';
  const flush = () => {
    const t = cleanLine(inline);
    inline = '';
    if (t && t !== title && /[\p{L}\p{N}]/u.test(t)) out.paragraphs.push(t);
  };
  const walk = (node: AnyNode, top: boolean) => {
    if ('data' in node && node.type === 'text') {
      inline += node.data;
      return;
    }
    if (!isElement(node)) return;
    if (node.name === 'br') {
      inline += '\n';
      return;
    }
    if (
      !top &&
      (isUnlikely(node, byName) || node.name === 'h1' || node.name === 'header' || node.name === 'footer')
    )
      return;
    const names = marker(node);
    if (node.name === 'figcaption' || (names.length > 1 && CAPTION.test(names))) {
      flush();
      const t = captionText(node);
      if (t) out.captions.push(t);
      return;
    }
    if (names.length > 1 && (CREDIT.test(names) || node.name === 'address')) return;
    if (!top && RIGHT_ALIGNED.test(attr(node, 'style')) && measured(node).chars <= 50) {
      flush();
      const t = cleanLine(textContent(node));
      if (t) out.bylines.push(t);
      return;
    }
    if (!top && names.length > 1 && BYLINE.test(names) && measured(node).chars < 200) {
      flush();
      const t = cleanLine(textContent(node));
      if (t) out.bylines.push(t);
      return;
    }
    if (node.name === 'figure') {
      // A figure holds an image, its caption and its credit: only the caption is kept, apart.
      for (const c of node.children) walkFigure(c);
      return;
    }
    const block = BLOCK_TAGS.has(node.name);
    if (
      !top &&
      block &&
      (node.name === 'div' ||
        node.name === 'ul' ||
        node.name === 'ol' ||
        node.name === 'table' ||
        node.name === 'section') &&
      !keep.has(node) &&
      looksLikeClutter(node)
    )
      return;
    if (block) flush();
    for (const c of node.children) walk(c, false);
    if (block) flush();
  };
  const walkFigure = (node: AnyNode) => {
    if (!isElement(node)) return;
    const names = marker(node);
    if (node.name === 'figcaption' || (names.length > 1 && CAPTION.test(names))) {
      const t = captionText(node);
      if (t) out.captions.push(t);
      return;
    }
    for (const c of node.children) walkFigure(c);
  };
  for (const root of roots) {
    walk(root, true);
    flush();
  }
  // A byline standing as the first or last paragraph (`By Jane Roe - 11/18/19`, `Theo Minh Anh`).
  for (const at of [0, out.paragraphs.length - 1]) {
    const line = out.paragraphs[at];
    if (line && line.length <= 60 && BYLINE_LINE.test(line)) {
      out.bylines.push(line.replace(/\s+[-–—|]\s+.*$/u, ''));
      out.paragraphs.splice(at, 1);
    }
  }
  return out;
}
