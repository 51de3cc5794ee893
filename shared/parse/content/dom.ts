/** The htmlparser2 DOM as content extraction reads it: attributes, visibility and text measures. */
import type { parseDocument } from 'htmlparser2';
import { cleanLine } from '../lines';
import { BLOCK_TAGS, SKIP_TAGS } from './patterns';

type Document = ReturnType<typeof parseDocument>;
export type Element = Extract<Document['children'][number], { name: string; attribs: object }>;
export type AnyNode = Document['children'][number];

export function attr(el: Element, name: string): string {
  return el.attribs[name] ?? '';
}

export function isElement(node: AnyNode): node is Element {
  return 'name' in node && 'attribs' in node;
}

export function marker(el: Element): string {
  return `${attr(el, 'class')} ${attr(el, 'id')}`;
}

export function isHidden(el: Element): boolean {
  if (el.attribs.hidden !== undefined || attr(el, 'aria-hidden') === 'true') return true;
  const style = attr(el, 'style');
  return style !== '' && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Text length and link-text length of a subtree, skipping what is never text. */
export interface Measure {
  chars: number;
  linkChars: number;
  commas: number;
}

export function measure(node: AnyNode, inLink: boolean, into: Measure): void {
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

export const measures = new WeakMap<Element, Measure>();

export function measured(el: Element): Measure {
  let m = measures.get(el);
  if (!m) {
    m = { chars: 0, linkChars: 0, commas: 0 };
    measure(el, false, m);
    measures.set(el, m);
  }
  return m;
}

export function linkDensity(el: Element): number {
  const m = measured(el);
  return m.chars === 0 ? 0 : m.linkChars / m.chars;
}

export function hasBlockChild(el: Element): boolean {
  return el.children.some((c) => isElement(c) && BLOCK_TAGS.has(c.name) && c.name !== 'br');
}

export function ancestorsOf(el: Element): Set<Element> {
  const set = new Set<Element>();
  for (let p = el.parent; p && isElement(p); p = p.parent) set.add(p);
  return set;
}

const HTML_SPACE = /[\t\n\f\r ]+/g;

/**
 * Text as a browser shows it: HTML white space (a line break in the source, a `<br>`) separates words.
 * cleanLine alone drops a newline as a control character, which would join the words on either side.
 */
export function htmlText(text: string): string {
  return cleanLine(text.replace(HTML_SPACE, ' '));
}
