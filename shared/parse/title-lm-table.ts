/**
 * The title language model as shipped: `compileLm` of title-lm.generated.json (the reviewed form,
 * build/title-lm.ts) in a table file (../assets/table-file.ts) that `npm run build:data` writes, so
 * loading it views the pair arrays and splits two strings instead of unpacking and parsing ~1 MB of JSON.
 */
import { decodeTableFile, encodeTableFile } from '../assets/table-file';
import type { CompiledLm } from './syllable-lm';

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
