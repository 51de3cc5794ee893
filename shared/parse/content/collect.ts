import { textContent } from 'domutils';

import { readCredited } from '../photo-credit';
import { boilerplateOf, lineKind } from './boilerplate';
import { captionText, isCaption, isImageBlock } from './captions';
import { looksLikeClutter } from './clutter';
import { type AnyNode, attr, type Element, htmlText, isElement, linkDensity, marker, measured } from './dom';
import {
  BLOCK_TAGS,
  BYLINE,
  BYLINE_LINE,
  CREDIT,
  EMBEDDED_POST,
  LOCATION_STAMP,
  RIGHT_ALIGNED,
  STANDFIRST,
} from './patterns';
import { isUnlikely } from './weights';

/** Blocks right after a related-stories heading with this share of links are its list. */
const RELATED_LINK_DENSITY = 0.5;

export interface ArticleText {
  paragraphs: string[];
  captions: string[];
  bylines: string[];
  /** Paragraphs shown as a standfirst: in a heading, or in a block named like one (patterns.ts STANDFIRST). */
  standfirsts: string[];
}

/** More text than this, and a block named like a standfirst holds more (`field-type-text-with-summary`). */
const MAX_STANDFIRST_CHARS = 600;

/** A heading or a small block named like a standfirst: where a page shows its summary. */
export function isStandfirst(el: Element): boolean {
  return (
    (/^h[2-6]$/.test(el.name) || STANDFIRST.test(marker(el))) && measured(el).chars <= MAX_STANDFIRST_CHARS
  );
}

/** A data table's cells are short: a price board or a league table (`Hạng | Đội | Quốc gia`). */
const MAX_DATA_CELL_WORDS = 8;

/**
 * A table of data (two or more rows of two or more short cells, no image): a price board, a league table.
 * A layout table holding paragraphs or a photo and its caption is read as the rest of the page.
 */
export function isDataTable(table: Element): boolean {
  const rows: Element[] = [];
  const cells: Element[] = [];
  let image = false;
  const visit = (node: AnyNode) => {
    if (!isElement(node)) return;
    if (node.name === 'img' || node.name === 'picture') image = true;
    if (node.name === 'tr') rows.push(node);
    if (node.name === 'td' || node.name === 'th') cells.push(node);
    for (const c of node.children) visit(c);
  };
  for (const c of table.children) visit(c);
  if (image || rows.length < 2 || cells.length < 2 * rows.length) return false;
  return cells.every(
    (cell) => htmlText(textContent(cell)).split(' ').filter(Boolean).length <= MAX_DATA_CELL_WORDS,
  );
}

/**
 * A data table as text: its `<caption>`, then one line per row, the cells joined by ` | ` (`PDT | 38.250 | -4,1%`),
 * as a reader reads the table across: the article's own data, kept as one paragraph a row, not a cell.
 */
export function tableLines(table: Element): string[] {
  const lines: string[] = [];
  const visit = (node: AnyNode) => {
    if (!isElement(node)) return;
    if (node.name === 'caption') {
      const t = htmlText(textContent(node));
      if (t) lines.push(t);
      return;
    }
    if (node.name === 'tr') {
      const cells = node.children
        .filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th'))
        .map((c) => htmlText(textContent(c)));
      if (cells.some(Boolean)) lines.push(cells.join(' | '));
      return;
    }
    for (const c of node.children) visit(c);
  };
  for (const c of table.children) visit(c);
  return lines;
}

/** Paragraphs of the chosen containers, without clutter; captions and bylines set apart. */
export function collectText(
  roots: readonly Element[],
  title: string | null,
  keep: ReadonlySet<Element> = new Set(),
  byName = true,
): ArticleText {
  const out: ArticleText = { paragraphs: [], captions: [], bylines: [], standfirsts: [] };
  let inline = '';
  let inStandfirst = 0;
  const flush = () => {
    const t = htmlText(inline);
    inline = '';
    if (!t || t === title || !/[\p{L}\p{N}]/u.test(t)) return;
    const kind = lineKind(t);
    if (kind === 'caption') out.captions.push(t);
    else if (kind === null) {
      // A paragraph opening with a photo credit reads as in every other format (../photo-credit.ts).
      const credited = readCredited(t);
      if (credited?.caption) out.captions.push(credited.caption);
      const text = credited ? credited.body : t;
      if (text === null) return;
      out.paragraphs.push(text);
      if (inStandfirst > 0) out.standfirsts.push(text);
    }
  };
  /** Walks a node; says when it was the heading of a related-stories list, whose links follow it. */
  const walk = (node: AnyNode, top: boolean): boolean => {
    if ('data' in node && node.type === 'text') {
      inline += node.data;
      return false;
    }
    if (!isElement(node)) return false;
    if (node.name === 'br') {
      inline += '\n';
      return false;
    }
    if (
      !top &&
      (isUnlikely(node, byName) || node.name === 'h1' || node.name === 'header' || node.name === 'footer')
    )
      return false;
    const names = marker(node);
    if (isCaption(node) || (!top && isImageBlock(node))) {
      flush();
      const t = captionText(node);
      if (t) out.captions.push(t);
      return false;
    }
    if (names.length > 1 && (CREDIT.test(names) || LOCATION_STAMP.test(names) || node.name === 'address'))
      return false;
    if (EMBEDDED_POST.test(attr(node, 'class'))) return false;
    if (node.name === 'table' && isDataTable(node)) {
      flush();
      out.paragraphs.push(...tableLines(node));
      return false;
    }
    if (!top && RIGHT_ALIGNED.test(attr(node, 'style')) && measured(node).chars <= 50) {
      flush();
      const t = htmlText(textContent(node));
      if (t) out.bylines.push(t);
      return false;
    }
    if (!top && names.length > 1 && BYLINE.test(names) && measured(node).chars < 200) {
      flush();
      out.bylines.push(...bylineLines(node));
      return false;
    }
    if (node.name === 'figure') {
      // A figure holds an image, its caption and its credit: only the caption is kept, apart.
      for (const c of node.children) walkFigure(c);
      return false;
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
      return false;
    if (!top && block) {
      const kind = boilerplateOf(node);
      if (kind === 'related-heading') return true;
      if (kind) return false;
    }
    if (block) flush();
    const standfirst = block && isStandfirst(node);
    if (standfirst) inStandfirst++;
    let afterRelatedHeading = false;
    for (const c of node.children) {
      if (afterRelatedHeading && isElement(c) && linkDensity(c) >= RELATED_LINK_DENSITY) continue;
      if (!('data' in c) || c.data.trim() !== '') afterRelatedHeading = walk(c, false);
    }
    if (block) flush();
    if (standfirst) inStandfirst--;
    return false;
  };
  const walkFigure = (node: AnyNode) => {
    if (!isElement(node)) return;
    if (isCaption(node)) {
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

/** Block elements whose text is a line of its own. */
const LINE_BLOCKS = new Set(['p', 'div', 'li']);

/**
 * A byline block's lines: each paragraph apart when it holds only paragraphs (`<p><strong>Ngân Hà</strong></p>
 * <p>Nguồn: …</p>`), which its text would run together; else its whole text.
 */
function bylineLines(node: Element): string[] {
  const children = node.children.filter((c) => isElement(c) || ('data' in c && c.data.trim() !== ''));
  const blocks = children.every((c) => isElement(c) && LINE_BLOCKS.has(c.name)) ? children : [node];
  return blocks.map((c) => htmlText(textContent(c))).filter(Boolean);
}
