/**
 * Whole words of more than one syllable (`thời tiết`, `không khí`, `giết người`), from the team's word
 * list (data/words): a function word that is a syllable of such a word (`thời` of `thời tiết`) is no
 * function word there, so it neither cuts a key phrase nor ends one.
 */
import { KEYWORD_WORDS_ASSET, readPackedAsset } from '../../assets';
import { VIETNAMESE_STOPWORDS } from '../../text/stopwords';
import { IntTable } from './int-table';
import { ID_SPACE, idOfLower, type WordInfo, wordIdsGeneration } from './words';

/** Neighbouring syllables inside a listed word, by `first * ID_SPACE + second` (word ids). */
const pairs = new IntTable(1 << 14);
let builtFor = -1;
let words: string[][] | null = null;

/** The pairs over the current word ids (built again once the ids start over). */
function ensurePairs(): void {
  if (builtFor === wordIdsGeneration()) return;
  // Loaded on first use: an article that declares its keywords never needs the list.
  words ??= readPackedAsset<{ words: string[] }>(KEYWORD_WORDS_ASSET).words.map((w) => w.split(' '));
  pairs.clear();
  for (const word of words) {
    const kind = word.every((syllable) => VIETNAMESE_STOPWORDS.has(syllable)) ? FUNCTION_WORD : CONTENT_WORD;
    for (let i = 0; i + 1 < word.length; i++) {
      const key = idOfLower(word[i]!) * ID_SPACE + idOfLower(word[i + 1]!);
      if (pairs.get(key, 0) !== CONTENT_WORD) pairs.set(key, kind);
    }
  }
  builtFor = wordIdsGeneration();
}

/** Call once before `inWord` for an article (the word ids may have started over). */
export function prepareWords(): void {
  ensurePairs();
}

/** A pair inside a word with a content syllable (`thời tiết`, `không khí`). */
export const CONTENT_WORD = 1;
/** A pair inside a word made only of function words (`hôm nay`, `trong khi`). */
export const FUNCTION_WORD = 2;

/** What word syllables `i` and `i + 1` of `info` are neighbours in: CONTENT_WORD, FUNCTION_WORD or 0 (none). */
export function pairKind(info: readonly WordInfo[], i: number): number {
  return i >= 0 && i + 1 < info.length ? pairs.get(info[i]!.id * ID_SPACE + info[i + 1]!.id, 0) : 0;
}

/** The kind of word syllable `i` of `info` is in with a neighbour: the stronger of the two pairs. */
export function wordKind(info: readonly WordInfo[], i: number): number {
  const before = pairKind(info, i - 1);
  const after = pairKind(info, i);
  return before === CONTENT_WORD || after === CONTENT_WORD ? CONTENT_WORD : Math.max(before, after);
}
