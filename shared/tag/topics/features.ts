/**
 * Topic features: diacritic-free lower-case syllable unigrams and bigrams (`bong`, `da`, `bong da`).
 * Folding diacritics keeps the model small and lets it read text typed without them; bigrams restore
 * most of the ambiguity the folding loses. Bigrams never cross punctuation.
 */
import { foldedTokens } from '../../text/fold';

/** Syllables read from each part of an article; the start of a long body carries its topic. */
export const MAX_BODY_SYLLABLES = 500;

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
  return forEachFeature(text, maxSyllables, (feature) =>
    counts.set(feature, (counts.get(feature) ?? 0) + weight),
  );
}

/** Calls `onFeature` with each unigram and bigram of `text` in order; returns the syllables read. */
export function forEachFeature(
  text: string,
  maxSyllables: number,
  onFeature: (feature: string) => void,
): number {
  let previous: string | null = null;
  return foldedTokens(text, maxSyllables, (token) => {
    if (token === null) {
      previous = null;
      return;
    }
    onFeature(token);
    if (previous !== null) onFeature(`${previous} ${token}`);
    previous = token;
  });
}
