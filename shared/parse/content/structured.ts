/**
 * The article's text from the page's structured data, for pages that render it with a script: JSON-LD
 * `articleBody` when the markup shows little of it, else the longest article-like text in a page-state script
 * (`<script id="__NEXT_DATA__" type="application/json">`, any `application/json` script) when the markup
 * shows almost nothing and the text shares the title's words.
 */
import { getElementsByTagName, textContent } from 'domutils';
import type { parseDocument } from 'htmlparser2';
import { parseHtmlFragment } from '../html-fragment';
import { cleanLine } from '../lines';

type Document = ReturnType<typeof parseDocument>;

/** The markup shows less than this share of JSON-LD's body: it is rendered by a script (or cut), take the data. */
const SHOWN_SHARE = 0.25;
/** Fewer characters than this in the markup's article, and a page-state script is read. */
const SCRIPT_ONLY_BELOW_CHARS = 200;
/** A page-state string shorter than this, or with fewer sentences, is no article body. */
const MIN_STATE_CHARS = 500;
const MIN_SENTENCES = 3;
/** How much of a page-state object is searched. */
const MAX_STATE_NODES = 20_000;

const chars = (paragraphs: readonly string[]) => paragraphs.reduce((n, p) => n + p.length, 0);

/** The markup's article holds at least this share of JSON-LD's body, sentence by sentence… */
const HELD_SHARE = 0.9;
/** …and is at most this much longer: the same article with what the data leaves out. */
const HELD_MAX_GROWTH = 1.5;

/**
 * The article the markup shows holds JSON-LD's body and a little more: the embedded posts, pull quotes and
 * subheadings the data leaves out (`articleBody` is often the text alone, in one paragraph). Then the
 * markup is the article, not the data.
 */
export function markupHoldsLdBody(fromMarkup: readonly string[], fromLd: readonly string[]): boolean {
  const shown = squash(fromMarkup.join(' '));
  const sentences = fromLd.flatMap((p) => p.split(SENTENCE_END)).map(squash);
  const ldChars = sentences.reduce((n, s) => n + s.length, 0);
  const held = sentences.filter((s) => shown.includes(s)).reduce((n, s) => n + s.length, 0);
  return ldChars > 0 && shown.length <= ldChars * HELD_MAX_GROWTH && held >= ldChars * HELD_SHARE;
}

const SENTENCE_END = /(?<=[.!?"”])\s+/u;

/** Letters and digits only: text compared across markup and data whatever their spacing and quotes. */
export function squash(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** JSON-LD's body is the article when the markup shows a small part of it (or nothing). */
export function ldBodyIsArticle(fromMarkup: readonly string[], fromLd: readonly string[]): boolean {
  return fromLd.length > 0 && chars(fromMarkup) < chars(fromLd) * SHOWN_SHARE;
}

/** The article's paragraphs in a page-state script, or [] (see the module comment). */
export function bodyFromPageState(
  doc: Document,
  fromMarkup: readonly string[],
  title: string | null,
): string[] {
  if (chars(fromMarkup) >= SCRIPT_ONLY_BELOW_CHARS) return [];
  let best = '';
  for (const script of getElementsByTagName('script', doc)) {
    if (script.attribs.type !== 'application/json' && script.attribs.id !== '__NEXT_DATA__') continue;
    let state: unknown;
    try {
      state = JSON.parse(textContent(script));
    } catch {
      continue;
    }
    for (const text of longStrings(state)) if (text.length > best.length && readsAsArticle(text)) best = text;
  }
  if (!best || (title && !sharesWords(best, title))) return [];
  return /<p[\s>]/i.test(best)
    ? parseHtmlFragment(best).paragraphs
    : best.split(/\n+/).map(cleanLine).filter(Boolean);
}

function longStrings(value: unknown): string[] {
  const found: string[] = [];
  const stack = [value];
  for (let seen = 0; stack.length > 0 && seen < MAX_STATE_NODES; seen++) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.length >= MIN_STATE_CHARS) found.push(v);
    } else if (v && typeof v === 'object') stack.push(...Object.values(v));
  }
  return found;
}

function readsAsArticle(text: string): boolean {
  const plain = text.replace(/<[^>]+>/g, ' ');
  return (plain.match(/[.!?。](\s|$)/g) ?? []).length >= MIN_SENTENCES;
}

/** Half the title's longer words are in the text. */
function sharesWords(text: string, title: string): boolean {
  const lower = text.toLowerCase();
  const words = (title.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? []).slice(0, 12);
  return words.length === 0 || words.filter((w) => lower.includes(w)).length * 2 >= words.length;
}
