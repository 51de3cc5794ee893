/**
 * Vietnamese text keys: the normalisations every part of newsdrop compares strings with
 * (tagger lookups, store facets, API search), defined once.
 */

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/u;

// Old-style ("hoà", "thuý") and new-style ("hòa", "thúy") tone placement name the same word. The
// difference only appears when oa/oe/uy end the syllable; we key on the form with the tone on the first vowel.
// After q the u is part of the consonant (`quý`, `quả`): the tone stays on the vowel after it.
const TONE_PLACEMENT = /((?<![qQ])[uU]|[oO])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![\p{L}\p{M}])/gu;

/**
 * Where a tone can move, seen in NFC text: o/u right before an a/e/y that carries a tone and nothing else
 * (NFD: the vowel, then the tone), or any combining mark, whose NFD order only the regex judges.
 */
const MAY_MOVE_TONE = /[oOuU][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ]|\p{M}/u;

/** NFC with one tone placement (`Hoà` → `Hòa`), the form all stored names use. */
export function normalizeTonePlacement(text: string): string {
  // Most names have no tone to move: then the NFD round trip below would give their NFC form, and
  // skipping it makes the gazetteer's ~10,000 keys at cold start (and every look-up) several times cheaper.
  const nfc = text.normalize('NFC');
  if (!MAY_MOVE_TONE.test(nfc)) return nfc;
  return text
    .normalize('NFD')
    .replace(TONE_PLACEMENT, (_m, first: string, second: string, tone: string) => `${first}${tone}${second}`)
    .normalize('NFC');
}

// At module scope: the bundler turns a `\p{…}` literal into a `new RegExp` at each use, a cost in hot
// look-ups. (`replace` starts a global pattern from the beginning each time.)
const COMBINING_MARKS = /\p{M}+/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/** Removes every diacritic and folds `đ` to `d`: `Phạm Bình Minh` → `Pham Binh Minh`. */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Lower-case, diacritic-free, single-spaced: the key for text search that ignores diacritics. */
export function searchKey(text: string): string {
  return stripDiacritics(text).toLowerCase().replace(NOT_LETTER_OR_DIGIT, ' ').trim();
}

/** Lower-case, NFC, one tone placement, single-spaced: the key for exact name matching (facets). */
export function nameKey(text: string): string {
  const lower = normalizeTonePlacement(text).toLowerCase();
  // Most names are single-spaced already: testing is cheaper than a replace that changes nothing.
  return (ODD_SPACE.test(lower) ? lower.replace(/\s+/g, ' ') : lower).trim();
}

/** White space that `\s+` → one space would change: any but a space, or two in a row. */
const ODD_SPACE = /[^\S ]|\s\s/;

/** True if the text carries any Vietnamese tone mark or letter (ă â đ ê ô ơ ư). */
export function hasVietnameseMarks(text: string): boolean {
  return TONE_MARKS.test(text.normalize('NFD')) || /[ăâđêôơưĂÂĐÊÔƠƯ]/u.test(text);
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** True when the UTF-16 unit at `i` belongs to a letter, combining mark or digit (fast for Vietnamese). */
export function isWordCharAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (c >= 0x30 && c <= 0x39);
  if (
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x300 && c <= 0x36f) ||
    (c >= 0x1ea0 && c <= 0x1ef9)
  )
    return true;
  if (c >= 0xdc00 && c <= 0xdfff) {
    // Second half of a surrogate pair: whatever the pair is.
    const h = text.charCodeAt(i - 1);
    return h >= 0xd800 && h < 0xdc00 && WORD_CHAR.test(text.slice(i - 1, i + 1));
  }
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** White space as `\s` means it. */
export function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
