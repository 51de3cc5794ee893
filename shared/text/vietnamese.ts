/**
 * Vietnamese text keys: the normalisations every part of newsdrop compares strings with
 * (tagger lookups, store facets, API search), defined once.
 */

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/u;

// Old-style ("hoà", "thuý") and new-style ("hòa", "thúy") tone placement name the same word. The
// difference only appears when oa/oe/uy end the syllable; we key on the form with the tone on the first vowel.
const TONE_PLACEMENT = /([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![\p{L}\p{M}])/gu;

/** NFC with one tone placement (`Hoà` → `Hòa`), the form all stored names use. */
export function normalizeTonePlacement(text: string): string {
  return text
    .normalize('NFD')
    .replace(TONE_PLACEMENT, (_m, first: string, second: string, tone: string) => `${first}${tone}${second}`)
    .normalize('NFC');
}

/** Removes every diacritic and folds `đ` to `d`: `Phạm Bình Minh` → `Pham Binh Minh`. */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** Lower-case, diacritic-free, single-spaced: the key for text search that ignores diacritics. */
export function searchKey(text: string): string {
  return stripDiacritics(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Most words `wordSearchKey` remembers; past this the memory starts over (one article never gets near). */
const WORD_KEY_CACHE_SIZE = 50_000;
const wordKeys = new Map<string, string>();

/**
 * `searchKey` of one word, remembered: a language has a few thousand syllables and every article repeats
 * them, so per-word folding in hot loops costs a map look-up instead of a Unicode normalisation.
 */
export function wordSearchKey(word: string): string {
  let key = wordKeys.get(word);
  if (key === undefined) {
    key = searchKey(word);
    if (wordKeys.size >= WORD_KEY_CACHE_SIZE) wordKeys.clear();
    wordKeys.set(word, key);
  }
  return key;
}

/** Lower-case, NFC, one tone placement, single-spaced: the key for exact name matching (facets). */
export function nameKey(text: string): string {
  return normalizeTonePlacement(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** True if the text carries any Vietnamese tone mark or letter (ă â đ ê ô ơ ư). */
export function hasVietnameseMarks(text: string): boolean {
  return TONE_MARKS.test(text.normalize('NFD')) || /[ăâđêôơưĂÂĐÊÔƠƯ]/u.test(text);
}
