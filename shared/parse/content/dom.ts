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

const measures = new WeakMap<Element, Measure>();

/** The measure of a block, from its children's (each block is measured once, however often it is asked). */
export function measured(el: Element): Measure {
  let m = measures.get(el);
  if (m) return m;
  m = { chars: 0, linkChars: 0, commas: 0 };
  if (!SKIP_TAGS.has(el.name)) {
    const link = el.name === 'a';
    for (const child of el.children) {
      if ('data' in child && child.type === 'text') {
        const n = child.data.trim().length;
        m.chars += n;
        if (link) m.linkChars += n;
        for (const c of child.data) if (c === ',' || c === '，' || c === '、') m.commas++;
      } else if (isElement(child)) {
        const c = measured(child);
        m.chars += c.chars;
        m.linkChars += link ? c.chars : c.linkChars;
        m.commas += c.commas;
      }
    }
  }
  measures.set(el, m);
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
