/**
 * The title language model as shipped: `compileLm` of title-lm.generated.json (the reviewed form,
 * build/title-lm.ts) in a table file (../assets/table-file.ts) that `npm run build:data` writes, so
 * loading it views the pair arrays and splits two strings instead of unpacking and parsing ~1 MB of JSON.
 */
import { decodeTableFile, encodeTableFile } from '../assets/table-file';
import { searchKey } from '../text/vietnamese';
import { END, START } from './syllable-text';

/** The model as build/title-lm.ts writes it (title-lm.generated.json, the reviewed form). */
export interface LmFile {
  /** Syllables in the text the model was built from. */
  tokens: number;
  vocab: string[];
  history: number[];
  follow: number[];
  precede: number[];
  bigramCount: number;
  bigrams: number[];
}

/** The model as the code reads it: what `SyllableLm` (./syllable-lm.ts) needs, with no decoding left to do. */
export interface CompiledLm {
  tokens: number;
  bigramCount: number;
  vocab: readonly string[];
  /** `searchKey` of each vocabulary word ('' for the start and end marks). */
  vocabKeys: readonly string[];
  history: Int32Array;
  follow: Int32Array;
  precede: Int32Array;
  /**
   * Pair counts by first word, sorted by second word: the pairs after word `v` are at
   * `[pairStart[v], pairStart[v + 1])` of `pairSecond` and `pairCount`.
   */
  pairStart: Int32Array;
  pairSecond: Int32Array;
  pairCount: Int32Array;
}

/** The JSON model compiled: the delta-coded pairs decoded and the vocabulary's search keys taken. */
export function compileLm(file: LmFile): CompiledLm {
  const size = file.vocab.length;
  // Delta-coded pairs (build/title-lm.ts), sorted by first word then second: first-word step, second
  // word (a step when the first repeats), count.
  const b = file.bigrams;
  const n = Math.floor(b.length / 3);
  const pairStart = new Int32Array(size + 1);
  const pairSecond = new Int32Array(n);
  const pairCount = new Int32Array(n);
  let first = 0;
  let second = 0;
  for (let i = 0, p = 0; p < n; i += 3, p++) {
    second = b[i] === 0 ? second + b[i + 1]! : b[i + 1]!;
    first += b[i]!;
    pairSecond[p] = second;
    pairCount[p] = b[i + 2]!;
    pairStart[first + 1]!++;
  }
  for (let v = 0; v < size; v++) pairStart[v + 1]! += pairStart[v]!;
  return {
    tokens: file.tokens,
    bigramCount: file.bigramCount,
    vocab: file.vocab,
    vocabKeys: file.vocab.map((w) => (w === START || w === END ? '' : searchKey(w))),
    history: Int32Array.from(file.history),
    follow: Int32Array.from(file.follow),
    precede: Int32Array.from(file.precede),
    pairStart,
    pairSecond,
    pairCount,
  };
}

export const TITLE_LM_TABLE_FORMAT = 'newsdrop-title-lm-table-1';

interface TitleLmMeta {
  /** Where the model's text came from and its licence. */
  source: string;
  tokens: number;
  bigramCount: number;
}

/** Vocabulary words and keys hold no line break: one string each, joined by one. */
const SEPARATOR = '\n';

const joined = (words: readonly string[], what: string): string => {
  if (words.some((w) => w.includes(SEPARATOR))) throw new Error(`title LM: a ${what} holds a line break`);
  return words.join(SEPARATOR);
};

export function encodeTitleLmTable(lm: CompiledLm, source: string): Uint8Array {
  return encodeTableFile<TitleLmMeta>(
    TITLE_LM_TABLE_FORMAT,
    { source, tokens: lm.tokens, bigramCount: lm.bigramCount },
    {
      vocab: joined(lm.vocab, 'word'),
      vocabKeys: joined(lm.vocabKeys, 'key'),
      history: lm.history,
      follow: lm.follow,
      precede: lm.precede,
      pairStart: lm.pairStart,
      pairSecond: lm.pairSecond,
      pairCount: lm.pairCount,
    },
  );
}

export function decodeTitleLmTable(file: Uint8Array): CompiledLm {
  const table = decodeTableFile<TitleLmMeta>(file, TITLE_LM_TABLE_FORMAT);
  const vocab = table.text('vocab').split(SEPARATOR);
  const vocabKeys = table.text('vocabKeys').split(SEPARATOR);
  const lm: CompiledLm = {
    tokens: table.meta.tokens,
    bigramCount: table.meta.bigramCount,
    vocab,
    vocabKeys,
    history: table.array('history', 'i32'),
    follow: table.array('follow', 'i32'),
    precede: table.array('precede', 'i32'),
    pairStart: table.array('pairStart', 'i32'),
    pairSecond: table.array('pairSecond', 'i32'),
    pairCount: table.array('pairCount', 'i32'),
  };
  const size = vocab.length;
  const pairs = lm.pairSecond.length;
  if (
    vocabKeys.length !== size ||
    lm.history.length !== size ||
    lm.follow.length !== size ||
    lm.precede.length !== size ||
    lm.pairStart.length !== size + 1 ||
    lm.pairStart[size] !== pairs ||
    lm.pairCount.length !== pairs
  ) {
    throw new Error(`${TITLE_LM_TABLE_FORMAT}: sections do not fit together`);
  }
  return lm;
}
