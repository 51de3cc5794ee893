/**
 * Whole words of more than one syllable (`thời tiết`, `không khí`, `giết người`), from the team's word
 * list (data/words, as shared/assets/word-pairs.ts ships it): a function word that is a syllable of such a word
 * (`thời` of `thời tiết`) is no function word there, so it neither cuts a key phrase nor ends one.
 */
import { CONTENT_WORD, listedPairKind, wordPairs } from '../../assets/word-pairs';
import type { WordInfo } from './words';

export { CONTENT_WORD, FUNCTION_WORD } from '../../assets/word-pairs';

/** Loads the word list (once per container; the ingest Lambda does it at init). */
export function prepareWords(): void {
  wordPairs();
}

/** What word syllables `i` and `i + 1` of `info` are neighbours in: CONTENT_WORD, FUNCTION_WORD or 0 (none). */
export function pairKind(info: readonly WordInfo[], i: number): number {
  return i >= 0 && i + 1 < info.length ? listedPairKind(info[i]!.listed, info[i + 1]!.listed) : 0;
}

/** The kind of word syllable `i` of `info` is in with a neighbour: the stronger of the two pairs. */
export function wordKind(info: readonly WordInfo[], i: number): number {
  const before = pairKind(info, i - 1);
  const after = pairKind(info, i);
  return before === CONTENT_WORD || after === CONTENT_WORD ? CONTENT_WORD : Math.max(before, after);
}
