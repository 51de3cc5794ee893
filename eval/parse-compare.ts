/**
 * How the parse eval compares a parsed field with its gold label (docs/evaluation.md "How fields are
 * compared"): text normalisation, dates in Vietnam time, set overlap, syllables and distances.
 */
import { nameKey, searchKey } from '../shared/text/vietnamese';

/** NFC, zero-width characters dropped, whitespace runs collapsed to one space, trimmed. */
export function normText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A lede with a leading dateline (`(Dân trí) - `, `(TNO) `) removed: the parser's lede drops it. */
export function normLede(text: string): string {
  return normText(text).replace(/^\([^()]{1,40}\)\s*(?:[-–—:]\s*)?/u, '');
}

/** Category and URL-section slugs folded: no case, no diacritics, no spaces or hyphens. */
export function foldCategory(text: string): string {
  return searchKey(text).replace(/[\s-]+/g, '');
}

export const HOUR = 3_600_000;
const VN_OFFSET = 7 * HOUR;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

export interface DateValue {
  /** The calendar day in Vietnam time (UTC+07:00), `YYYY-MM-DD`. */
  day: string;
  /** Epoch minute, when the value has a time of day. */
  minute?: number;
}

/** Reads `YYYY-MM-DD` or an ISO instant with an offset; anything else (no offset, free text) is `null`. */
export function readDate(value: string): DateValue | null {
  if (ISO_DAY.test(value)) return { day: value };
  if (!ISO_INSTANT.test(value)) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return null;
  return { day: new Date(ms + VN_OFFSET).toISOString().slice(0, 10), minute: Math.floor(ms / 60_000) };
}

export interface SetCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** Set overlap of two lists after `nameKey` (case, NFC, tone placement, spaces). */
export function setCounts(gold: readonly string[], predicted: readonly string[]): SetCounts {
  const g = new Set(gold.map(nameKey).filter(Boolean));
  const p = new Set(predicted.map(nameKey).filter(Boolean));
  let tp = 0;
  for (const x of p) if (g.has(x)) tp++;
  return { tp, fp: p.size - tp, fn: g.size - tp };
}

export function f1(c: SetCounts): { p: number; r: number; f1: number } {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** 0 for identical strings, 1 for nothing in common (character bigram Dice). */
export function distance(a: string, b: string): number {
  if (a === b) return 0;
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const ga = grams(a.toLowerCase());
  const gb = grams(b.toLowerCase());
  let common = 0;
  let total = 0;
  for (const [g, n] of ga) {
    common += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total === 0 ? 1 : 1 - (2 * common) / total;
}

/** Lower-case syllables with their diacritics, punctuation dropped: what a URL slug can give back. */
export function syllables(text: string): string[] {
  return normText(text)
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
}

/** Counts of each word. */
export function bag(words: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** The words of `words`, in order, that `other` does not cover (each occurrence covered once). */
export function uncovered(words: readonly string[], other: Map<string, number>): string[] {
  const left = new Map(other);
  const out: string[] = [];
  for (const w of words) {
    const n = left.get(w) ?? 0;
    if (n > 0) left.set(w, n - 1);
    else out.push(w);
  }
  return out;
}
