/** Text helpers for reading the labelled sets: URL segments, Vietnam time, KTLAB segmentation, URL slugs. */
import { searchKey } from '../shared/text/vietnamese';

/** The first URL path segment: `https://dantri.com.vn/kinh-doanh/…` → `kinh-doanh`. */
export function firstPathSegment(url: string): string | undefined {
  try {
    const segment = new URL(url).pathname.split('/').find(Boolean);
    return segment && !segment.includes('.') ? segment : undefined;
  } catch {
    return undefined;
  }
}

export const pad2 = (n: number) => String(n).padStart(2, '0');

/** An instant written in Vietnam time (UTC+07:00, no DST): `2026-02-04T05:08:00+07:00`. */
export function vietnamIso(instant: Date): string {
  const t = new Date(instant.getTime() + 7 * 3_600_000);
  return (
    `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}` +
    `T${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}:${pad2(t.getUTCSeconds())}+07:00`
  );
}

/**
 * Undoes KTLAB's word segmentation: syllables joined by `_`, every punctuation mark its own token
 * (`Các trường tư_thục đang chờ ' khai_tử '` → `Các trường tư thục đang chờ 'khai tử'`). Straight quotes are
 * paired in order: an opening one sticks to the next word, a closing one to the previous.
 */
export function unsegment(text: string): string {
  const tokens = text.replace(/_/g, ' ').split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let glueNext = false;
  const open: Record<string, boolean> = { '"': false, "'": false };
  for (const token of tokens) {
    const quote = token === '"' || token === "'";
    const closing = quote ? open[token] === true : /^(?:[,.:;!?%)\]}”’/…]|\.\.\.)$/.test(token);
    if (quote) open[token] = !open[token];
    if (out.length > 0 && (closing || glueNext)) out[out.length - 1] += token;
    else out.push(token);
    glueNext = (quote && !closing) || /^[([{“‘/]$/.test(token);
  }
  return out.join(' ');
}

/** Letters and digits only, no diacritics, lower case: how a title compares with its URL slug. */
export function slugLetters(text: string): string {
  return searchKey(text).replace(/[^a-z0-9]/g, '');
}

/** True when `text` spells `slug` (same letters and digits once diacritics, case and punctuation are gone). */
export function sameAsSlug(text: string, slug: string): boolean {
  return slugLetters(text) === slugLetters(slug);
}
