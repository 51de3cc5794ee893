/**
 * Topic features: diacritic-free lower-case syllable unigrams and bigrams (`bong`, `da`, `bong da`).
 * Folding diacritics keeps the model small and lets it read text typed without them; bigrams restore
 * most of the ambiguity the folding loses. Bigrams never cross punctuation.
 */
import { stripDiacritics } from '../../text/vietnamese';

/** Syllables read from each part of an article; the start of a long body carries its topic. */
export const MAX_BODY_SYLLABLES = 500;

const TOKEN = /[\p{L}\p{N}]+|[.,;:!?()[\]{}"“”‘’…|/\n–—]/gu;
const WORD_START = /[\p{L}\p{N}]/u;

/**
 * Adds the features of `text` to `counts`, each weighted by `weight`; reads at most `maxSyllables`.
 * Returns the number of syllables read.
 */
export function addFeatures(
  counts: Map<string, number>,
  text: string,
  weight: number,
  maxSyllables = Number.POSITIVE_INFINITY,
): number {
  const folded = stripDiacritics(text).toLowerCase();
  let previous: string | null = null;
  let read = 0;
  for (const match of folded.matchAll(TOKEN)) {
    const token = match[0];
    if (!WORD_START.test(token)) {
      previous = null;
      continue;
    }
    if (++read > maxSyllables) break;
    counts.set(token, (counts.get(token) ?? 0) + weight);
    if (previous !== null) {
      const bigram = `${previous} ${token}`;
      counts.set(bigram, (counts.get(bigram) ?? 0) + weight);
    }
    previous = token;
  }
  return Math.min(read, maxSyllables);
}
