/**
 * The team's multi-syllable words (data/words) as the key-phrase counter and the entity constraints read them: every syllable of a
 * listed word numbered (a string table), and every pair of neighbouring syllables inside a listed word
 * with its kind, in an open-addressing table keyed by the two numbers. `npm run build:data` computes both
 * (`encodeWordPairs`, into shared/tag/data/keyword-pairs.table.generated.bin), so loading views a table file.
 */

import { buildStringTable, StringTable } from '../text/string-table';
import { KEYWORD_PAIRS_ASSET, readAssetBytes } from './index';
import { decodeTableFile, encodeTableFile } from './table-file';

export const WORD_PAIRS_FORMAT = 'newsdrop-keyword-pairs-1';

/** A pair inside a word with a content syllable (`thời tiết`, `không khí`). */
export const CONTENT_WORD = 1;
/** A pair inside a word made only of function words (`hôm nay`, `trong khi`). */
export const FUNCTION_WORD = 2;

interface WordPairsMeta {
  source: string;
}

export interface WordPairs {
  /** The listed words' syllables (lower case). */
  syllables: StringTable;
  /** Power-of-two table: `first * syllables.size + second + 1` of a pair, or 0 for an empty slot. */
  pairKeys: Int32Array;
  /** The kind of the pair in the same slot: CONTENT_WORD or FUNCTION_WORD. */
  pairKinds: Uint8Array;
}

const slotOf = (key: number, mask: number) => Math.imul(key, 0x9e3779b1) & mask;

/**
 * The table file for `words` (lower case, syllables split by one space): a pair seen in a word with a
 * content syllable is CONTENT_WORD, else FUNCTION_WORD (every syllable of its words a function word).
 */
export function encodeWordPairs(
  words: readonly string[],
  isFunctionWord: (syllable: string) => boolean,
  source: string,
): Uint8Array {
  const numbers = new Map<string, number>();
  const kinds = new Map<number, number>();
  const split = words.map((w) => w.split(' '));
  for (const word of split) for (const s of word) if (!numbers.has(s)) numbers.set(s, numbers.size);
  const size = numbers.size;
  for (const word of split) {
    const kind = word.every(isFunctionWord) ? FUNCTION_WORD : CONTENT_WORD;
    for (let i = 0; i + 1 < word.length; i++) {
      const key = numbers.get(word[i]!)! * size + numbers.get(word[i + 1]!)!;
      if (kinds.get(key) !== CONTENT_WORD) kinds.set(key, kind);
    }
  }
  if (size * size >= 0x7fffffff) throw new Error('keyword pairs: too many syllables for int32 keys');
  let capacity = 1;
  while (capacity < kinds.size * 2) capacity <<= 1;
  const pairKeys = new Int32Array(capacity);
  const pairKinds = new Uint8Array(capacity);
  for (const [key, kind] of kinds) {
    let at = slotOf(key + 1, capacity - 1);
    while (pairKeys[at] !== 0) at = (at + 1) & (capacity - 1);
    pairKeys[at] = key + 1;
    pairKinds[at] = kind;
  }
  const syllables = buildStringTable([...numbers.keys()]);
  return encodeTableFile<WordPairsMeta>(
    WORD_PAIRS_FORMAT,
    { source },
    {
      syllableKeys: syllables.keys,
      syllableStarts: syllables.starts,
      syllableSlots: syllables.slots,
      pairKeys,
      pairKinds,
    },
  );
}

export function decodeWordPairs(file: Uint8Array): WordPairs {
  const table = decodeTableFile<WordPairsMeta>(file, WORD_PAIRS_FORMAT);
  const pairKeys = table.array('pairKeys', 'i32');
  const pairKinds = table.array('pairKinds', 'u8');
  if (pairKeys.length !== pairKinds.length || (pairKeys.length & (pairKeys.length - 1)) !== 0)
    throw new Error(`${WORD_PAIRS_FORMAT}: sections do not fit together`);
  return {
    syllables: new StringTable({
      keys: table.text('syllableKeys'),
      starts: table.array('syllableStarts', 'u32'),
      slots: table.array('syllableSlots', 'i32'),
    }),
    pairKeys,
    pairKinds,
  };
}

let loaded: WordPairs | null = null;
/** The shipped table, read once per container (at init: ../load-data.ts). */
export function wordPairs(): WordPairs {
  loaded ??= decodeWordPairs(readAssetBytes(KEYWORD_PAIRS_ASSET));
  return loaded;
}

/** The number of a lower-case syllable of a listed word, or -1. */
export function listedSyllable(lower: string): number {
  return wordPairs().syllables.indexOf(lower);
}

/** The kind of the pair of listed syllables `first`, `second` (numbers from `listedSyllable`), or 0. */
export function listedPairKind(first: number, second: number): number {
  if (first < 0 || second < 0) return 0;
  const { syllables, pairKeys, pairKinds } = wordPairs();
  const key = first * syllables.size + second + 1;
  const mask = pairKeys.length - 1;
  for (let at = slotOf(key, mask); ; at = (at + 1) & mask) {
    const k = pairKeys[at]!;
    if (k === key) return pairKinds[at]!;
    if (k === 0) return 0;
  }
}
