/**
 * Tokeniser for the entity tagger: words (syllables) with their case shape and a look-up key,
 * punctuation as separate tokens, and sentence starts marked. One regex pass per text.
 */
import { normalizeTonePlacement } from '../../text/vietnamese';

export interface Token {
  /** As written (NFC). */
  text: string;
  /** `nameKey` of the token: lower case, one tone placement. */
  key: string;
  kind: 'word' | 'number' | 'punct';
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Two or more letters, all upper case (acronyms: `ASEAN`, `UBND`, `GD-ĐT`). */
  upper: boolean;
  /** First word of a sentence, line, quotation or bracket. */
  sentenceStart: boolean;
  /** Separated from the previous token by white space (or at the start). */
  spaced: boolean;
}

// Words may join across `.` `&` `+` `'` `-` with no space: TP.HCM, GD&ĐT, Vietnam+, O'Neil, Kim Jong-un.
const TOKEN =
  /[\p{L}\p{M}\p{N}]+(?:[&'’-][\p{L}\p{M}\p{N}]+|\.(?=[\p{Lu}\p{N}])[\p{L}\p{M}\p{N}]+)*\+?|[^\s\p{L}\p{M}\p{N}]/gu;
const SENTENCE_BREAK = new Set([
  '.',
  '!',
  '?',
  '…',
  ':',
  ';',
  '“',
  '"',
  '(',
  '[',
  '-',
  '–',
  '—',
  '•',
  '*',
  '>',
  '/',
  '|',
  '”',
]);
const UPPER = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const LETTERS = /\p{L}/gu;
const DIGITS = /^\p{N}+$/u;

const keyCache = new Map<string, string>();

/** `nameKey` of one token, cached: tokens repeat a lot and the tone normalisation is the costly part. */
export function tokenKey(text: string): string {
  let key = keyCache.get(text);
  if (key === undefined) {
    key = normalizeTonePlacement(text).toLowerCase();
    if (keyCache.size > 200_000) keyCache.clear();
    keyCache.set(text, key);
  }
  return key;
}

// `TP.HCM`, `Q.1`, `VOV.VN` are one token; `Việt Nam.Tuy` (a missing space) is three.
const DOTTED_PREFIX = /^(\p{Lu}{1,4}|Tp)$/u;

function splitDots(text: string): string[] {
  const dot = text.indexOf('.');
  if (dot < 0 || DOTTED_PREFIX.test(text.slice(0, dot))) return [text];
  return text.split('.').flatMap((p, i) => (i === 0 ? [p] : ['.', p]));
}

function splitMixedHyphen(text: string): string[] {
  // `ASEAN-Việt Nam`: an acronym glued to a name by a hyphen is two tokens; `COVID-19`, `Jong-un` stay one.
  const parts = text.split('-');
  if (parts.length < 2) return [text];
  const shapes = parts.map((p) => !HAS_LOWER.test(p));
  return shapes.every((s) => s === shapes[0]) ? [text] : parts.flatMap((p, i) => (i === 0 ? [p] : ['-', p]));
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let start = true;
  let lastEnd = 0;
  for (const m of text.matchAll(TOKEN)) {
    const index = m.index ?? 0;
    const gap = text.slice(lastEnd, index);
    const spaced = tokens.length === 0 || gap.length > 0;
    if (gap.includes('\n')) start = true;
    lastEnd = index + m[0].length;
    const pieces = splitDots(m[0]).flatMap((p) => (p.includes('-') ? splitMixedHyphen(p) : [p]));
    pieces.forEach((piece, p) => {
      const first = piece.codePointAt(0) ?? 0;
      const isWordish = /[\p{L}\p{N}]/u.test(String.fromCodePoint(first));
      if (!isWordish) {
        tokens.push({
          text: piece,
          key: piece,
          kind: 'punct',
          cap: false,
          upper: false,
          sentenceStart: false,
          spaced,
        });
        if (SENTENCE_BREAK.has(piece)) start = true;
        return;
      }
      const number = DIGITS.test(piece);
      const letters = piece.match(LETTERS)?.length ?? 0;
      const cap = UPPER.test(piece);
      tokens.push({
        text: piece,
        key: tokenKey(piece),
        kind: number ? 'number' : 'word',
        cap,
        upper: cap && letters >= 2 && !HAS_LOWER.test(piece),
        sentenceStart: start,
        spaced: p === 0 ? spaced : false,
      });
      start = false;
    });
  }
  return tokens;
}
