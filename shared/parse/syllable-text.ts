/**
 * Text as runs of lower-case syllables, the unit of the title language model (build/title-lm.ts) and of its
 * decoder (slug-title.ts): runs break at punctuation, a token with a digit is the number class `0`.
 */

/** The number class: `8`, `2025`, `u23` all read as one token. */
export const NUMBER = '0';
/** Where a text starts and ends, as the model sees it. */
export const START = '<s>';
export const END = '</s>';

/** `Giá vàng tăng, xuất hiện 2 yếu tố` → `[["giá","vàng","tăng"],["xuất","hiện","0","yếu","tố"]]`. */
export function sentencesOfSyllables(text: string): string[][] {
  const out: string[][] = [];
  for (const run of text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}\s]+/u)) {
    const words = run.split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    out.push(words.map((w) => (/\p{N}/u.test(w) ? NUMBER : w)));
  }
  return out;
}
