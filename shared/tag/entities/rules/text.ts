/**
 * Token-run helpers the rules share: words, capitalised runs, surface text and keys, foreign runs.
 */
import type { Token } from '../tokens';
import {
  ENGLISH_WORDS,
  FUNCTION_WORDS,
  LOWER_CUE_FIRSTS,
  NON_ENTITY,
  PLACE_PREPOSITION,
  PRODUCT_KINDS,
  VIETNAMESE_MARK,
  VIETNAMESE_SYLLABLE,
} from './words';

export function endsWithDigit(t: Token): boolean {
  const c = t.text.charCodeAt(t.text.length - 1);
  return c >= 48 && c <= 57;
}

/** `PGS-TS-BS`, `UBND-KT`: a compound of titles or generic acronyms is no name either. */
export function nonEntityCompound(key: string): boolean {
  if (NON_ENTITY.has(key)) return true;
  const parts = key.split(/[-.]/);
  return parts.length > 1 && parts.every((p) => NON_ENTITY.has(p));
}

export function productBefore(tokens: readonly Token[], from: number): boolean {
  const one = tokens[from - 1];
  if (!isWord(one) || one.cap) return false;
  const two = tokens[from - 2];
  return PRODUCT_KINDS.has(one.key) || (isWord(two) && PRODUCT_KINDS.has(`${two.key} ${one.key}`));
}

export function hasEnglishWord(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t && (ENGLISH_WORDS.has(t.key) || /\d/.test(t.text))) return true;
  }
  return false;
}

/** Does any word of [from, to) carry a Vietnamese diacritic (then it is no English title)? */
export function hasVietnameseMark(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (VIETNAMESE_MARK.test(tokens[k]?.key ?? '')) return true;
  return false;
}

export function isVietnameseWord(key: string): boolean {
  if (VIETNAMESE_MARK.test(key)) return true;
  return VIETNAMESE_SYLLABLE.test(key);
}

export function isWord(t: Token | undefined): t is Token {
  return t !== undefined && t.kind === 'word';
}

export function capWord(t: Token | undefined): t is Token {
  return t !== undefined && t.kind === 'word' && t.cap;
}

/** Surface text of tokens [from, to), re-spaced as written. */
export function surface(tokens: readonly Token[], from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (!t) break;
    out += i > from && t.spaced ? ` ${t.text}` : t.text;
  }
  return out;
}

export function keyOf(tokens: readonly Token[], from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (!t) break;
    if (t.kind === 'punct') {
      if (t.text === ',' || t.text === '-' || t.text === '&') out += t.text === ',' ? ',' : ` ${t.text}`;
      continue;
    }
    out += out ? ` ${t.key}` : t.key;
  }
  return out;
}

/** A capitalised run [i, end) with no punctuation; all-caps tokens form runs of their own. */
export function capRunEnd(tokens: readonly Token[], i: number, max: number): number {
  let j = i;
  const upper = tokens[i]?.upper ?? false;
  while (
    j < tokens.length &&
    j - i < max &&
    capWord(tokens[j]) &&
    (tokens[j]?.upper ?? false) === upper &&
    (j === i || !tokens[j]?.sentenceStart)
  )
    j++;
  return j;
}

/** Capitalised words, including acronyms, from i (no punctuation). */
export function capRunEndAny(tokens: readonly Token[], i: number, max: number): number {
  let j = i;
  while (j < tokens.length && j - i < max && capWord(tokens[j]) && (j === i || !tokens[j]?.sentenceStart))
    j++;
  return j;
}

/** Is the run [from, to) mostly foreign words (no Vietnamese syllables)? */
export function foreignRun(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isVietnameseWord(tokens[k]?.key ?? '')) return false;
  return true;
}

export function startsWithDigit(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  return t.kind !== 'punct' && c >= 48 && c <= 57;
}

/** Does the cue at i open a phrase (after punctuation or a preposition), rather than end a word (`phiên bản`)? */
export function opensPhrase(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return !isWord(prev) || PLACE_PREPOSITION.has(prev.key) || FUNCTION_WORDS.has(prev.key);
}

/** Could a lower-case cue start at this word? Remembered on its key: asked of most tokens. */
export function opensLowerCue(t: Token): boolean {
  let first = t.seen.cueFirst;
  if (first === undefined) {
    first = LOWER_CUE_FIRSTS.has(t.key);
    t.seen.cueFirst = first;
  }
  return first;
}
