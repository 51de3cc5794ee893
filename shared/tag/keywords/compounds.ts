/**
 * Whole words of more than one syllable (`thời tiết`, `không khí`, `giết người`), from the team's word
 * list (data/words): the chunk's syllables are cut into words by longest match, so a key phrase starts and
 * ends at a word's edge and a function word inside a word (`thời` of `thời tiết`) is no function word.
 */
import { KEYWORD_WORDS_ASSET, readPackedAsset } from '../../assets';
import { IntTable } from './int-table';
import { ID_SPACE, idOfLower, type WordInfo, wordIdsGeneration } from './words';

/** Longest word, in syllables. */
const MAX_WORD = 4;

let words: string[][] | null = null;
/** Child node by `parent * ID_SPACE + id`, times two, plus one where a word ends. */
const trie = new IntTable(1 << 14);
let builtFor = -1;

/** The word list, loaded on first use (an article that declares its keywords never needs it). */
function loadWords(): string[][] {
  const { words } = readPackedAsset<{ words: string[] }>(KEYWORD_WORDS_ASSET);
  return words.map((w) => w.split(' ')).filter((w) => w.length <= MAX_WORD);
}

/** The trie over the current word ids (built again once the ids start over). */
function ensureTrie(): void {
  if (builtFor === wordIdsGeneration()) return;
  words ??= loadWords();
  trie.clear();
  let nodes = 1;
  for (const word of words) {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const key = node * ID_SPACE + idOfLower(word[i]!);
      let next = trie.get(key, -1);
      if (next < 0) {
        next = (nodes++ << 1) | 0;
        trie.getOrSet(key, next);
      }
      if (i === word.length - 1 && (next & 1) === 0) trie.set(key, next | 1);
      node = next >> 1;
    }
  }
  builtFor = wordIdsGeneration();
}

/**
 * The words of a chunk by longest match: `span[i]` is the length in syllables of the word starting at
 * syllable `i`, or 0 when `i` is inside a word.
 */
export function wordSpans(info: readonly WordInfo[]): Uint8Array {
  ensureTrie();
  const span = new Uint8Array(info.length);
  let i = 0;
  while (i < info.length) {
    let node = 0;
    let longest = 1;
    for (let j = i; j < info.length && j - i < MAX_WORD; j++) {
      const next = trie.get(node * ID_SPACE + info[j]!.id, -1);
      if (next < 0) break;
      if (next & 1) longest = j - i + 1;
      node = next >> 1;
    }
    span[i] = longest;
    i += longest;
  }
  return span;
}
