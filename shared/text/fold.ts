/**
 * Fast diacritic folding for the tagger's hot paths: one pass over the characters with a lookup table,
 * no Unicode normalisation per call. Gives the same keys as `searchKey` from shared/text/vietnamese
 * (lower case, no diacritics, đ → d) for Vietnamese and other Latin text.
 */
import { stripDiacritics } from './vietnamese';

/**
 * Folded ASCII code (lower case) for every digit and Latin letter below U+2000; 0 for anything else.
 * Only the blocks that hold letters folding to a-z are scanned (ASCII, Latin-1, Latin Extended-A/B,
 * Latin Extended Additional, where Vietnamese lives): scanning all of U+0000-U+1FFF cost ~10 ms of cold start.
 */
const FOLD = new Uint8Array(0x2000);
const LATIN_BLOCKS: readonly (readonly [number, number])[] = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x61, 0x7a],
  [0xc0, 0x24f],
  [0x1e00, 0x1eff],
];
// Each block folded as one string of its characters a line each (a line break parts them and folds to
// itself), so module load normalises five strings, not a thousand.
for (const [from, to] of LATIN_BLOCKS) {
  const codes = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const folded = stripDiacritics(
    String.fromCharCode(...codes)
      .split('')
      .join('\n'),
  )
    .toLowerCase()
    .split('\n');
  folded.forEach((f, i) => {
    if (f.length === 1 && /[a-z0-9]/.test(f)) FOLD[from + i] = f.charCodeAt(0);
  });
}

/** Characters that end a phrase: bigrams never span them. */
const BREAKS = new Set('.,;:!?()[]{}"“”‘’…|/\n–—'.split('').map((c) => c.charCodeAt(0)));
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Calls `onToken` with each folded word in order, and with `null` at each phrase break.
 * Reads at most `maxTokens` words. Combining marks (decomposed text) are skipped inside words.
 */
export function foldedTokens(
  text: string,
  maxTokens: number,
  onToken: (token: string | null) => void,
): number {
  let token = '';
  let read = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const folded = code < 0x2000 ? FOLD[code]! : 0;
    if (folded !== 0) {
      token += String.fromCharCode(folded);
      continue;
    }
    if (code >= 0x300 && code <= 0x36f) continue;
    if (code >= 0x2000 && !BREAKS.has(code) && LETTER_OR_DIGIT.test(text[i]!)) {
      token += text[i]!.toLowerCase();
      continue;
    }
    if (token) {
      onToken(token);
      token = '';
      if (++read >= maxTokens) return read;
    }
    if (BREAKS.has(code)) onToken(null);
  }
  if (token) {
    onToken(token);
    read++;
  }
  return read;
}

const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 32;

/**
 * 32-bit FNV-1a hash of a feature string (`bong`, `bong da`), as `foldedTokenHashes` computes it; of
 * `text[start..end)` when given, so a caller reading a long text need not slice it.
 */
export function featureHash(text: string, start = 0, end = text.length): number {
  let h = FNV_BASIS;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/**
 * What each character below U+2000 is to `foldedTokenHashes`, in one look-up: its folded code (a digit or
 * a-z, always ≥ 0x30) when it belongs to a word, else one of these.
 */
const BREAK = 1;
const MARK = 2;
// A separator is 0, as FOLD has it for every character that is no letter or digit: the table starts as
// FOLD and only the marks and breaks are set (no folded letter is either), not all 8,192 codes in a loop.
const CHAR_CLASS = FOLD.slice();
CHAR_CLASS.fill(MARK, 0x300, 0x370);
for (const code of BREAKS) if (code < 0x2000) CHAR_CLASS[code] = BREAK;

/**
 * The same tokens as `foldedTokens`, as hashes and without building strings: calls `onToken` with the
 * unigram's hash and the hash of the bigram it ends (`-1` after a phrase break). Returns words read.
 */
export function foldedTokenHashes(
  text: string,
  maxTokens: number,
  onToken: (unigram: number, bigram: number) => void,
): number {
  let read = 0;
  let inToken = false;
  let previous = -1;
  let unigram = FNV_BASIS;
  let bigram = FNV_BASIS;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let folded: number;
    if (code < 0x2000) {
      folded = CHAR_CLASS[code]!;
      if (folded === MARK) continue;
    } else {
      folded = BREAKS.has(code)
        ? BREAK
        : LETTER_OR_DIGIT.test(text[i]!)
          ? text[i]!.toLowerCase().charCodeAt(0)
          : 0;
    }
    if (folded > MARK) {
      if (!inToken) {
        inToken = true;
        unigram = FNV_BASIS;
        bigram = previous >= 0 ? Math.imul(previous ^ SPACE, FNV_PRIME) : FNV_BASIS;
      }
      unigram = Math.imul(unigram ^ folded, FNV_PRIME);
      bigram = Math.imul(bigram ^ folded, FNV_PRIME);
      continue;
    }
    if (inToken) {
      const u = unigram >>> 0;
      onToken(u, previous >= 0 ? bigram >>> 0 : -1);
      previous = u;
      inToken = false;
      if (++read >= maxTokens) return read;
    }
    if (folded === BREAK) previous = -1;
  }
  if (inToken) {
    onToken(unigram >>> 0, previous >= 0 ? bigram >>> 0 : -1);
    read++;
  }
  return read;
}
