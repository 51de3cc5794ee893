/**
 * Fast diacritic folding for the tagger's hot paths: one pass over the characters with a lookup table,
 * no Unicode normalisation per call. Gives the same keys as `searchKey` from shared/text/vietnamese
 * (lower case, no diacritics, đ → d) for Vietnamese and other Latin text.
 */
import { stripDiacritics } from '../../text/vietnamese';

/** Folded ASCII code (lower case) for every Latin letter below U+2000; 0 for anything else. */
const FOLD = new Uint8Array(0x2000);
for (let code = 0; code < 0x2000; code++) {
  const char = String.fromCharCode(code);
  if (!/\p{L}/u.test(char)) continue;
  const folded = stripDiacritics(char).toLowerCase();
  if (folded.length === 1 && /[a-z]/.test(folded)) FOLD[code] = folded.charCodeAt(0);
}
for (let code = 48; code <= 57; code++) FOLD[code] = code;

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
