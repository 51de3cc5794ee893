/**
 * The words of an article as the key-phrase counter reads them: each distinct spelling worked out once per
 * container (its lower-case id, capitals, stop-word and digit flags), and text cut into chunks of words
 * between punctuation.
 */

import { listedSyllable } from '../../assets/word-pairs';
import { HASH_SEED, hashStep, SpellingTable } from '../../text/spellings';
import {
  ENGLISH_STOPWORDS,
  PHRASE_EDGE_WORDS,
  PHRASE_END_WORDS,
  VIETNAMESE_STOPWORDS,
} from '../../text/stopwords';

/** `.!?:…`: they end a sentence. */
const isSentenceEnd = (code: number) =>
  code === 0x2e || code === 0x21 || code === 0x3f || code === 0x3a || code === 0x2026;
/** `.&'’-`: between word characters they join them into one word. */
const isJoiner = (code: number) =>
  code === 0x2e || code === 0x26 || code === 0x27 || code === 0x2019 || code === 0x2d;
const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;
const DIGITS = /^[\d.,]+$/;
const YEAR = /^(19|20)\d\d$/;

/** Letters (any script), combining marks and digits; fast paths for ASCII and Vietnamese. */
function isWordChar(code: number, text: string, i: number): boolean {
  if (code < 0x80)
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  if ((code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) || (code >= 0x1e00 && code <= 0x1eff))
    return true;
  if (code >= 0x300 && code <= 0x36f) return true;
  if (code === 0xa0 || (code >= 0x2000 && code <= 0x206f)) return false;
  return LETTER_OR_DIGIT.test(text[i]!);
}

/** A brand written in camel case: lower-case Latin letters, then a capital (`iPhone`, `eSIM`, `iOS`). */
const CAMEL_CASE = /^[a-z]+[A-Z]/;

/**
 * Starts with a capital letter, or is a brand in camel case, a name all the same (`lower` is the word in
 * lower case).
 */
function isCapitalised(word: string, lower: string): boolean {
  return word.charCodeAt(0) !== lower.charCodeAt(0) || CAMEL_CASE.test(word);
}

/** All capitals, at least two of them: `ASEAN`, `TP.HCM`, `COVID-19`. */
function isAcronym(word: string, lower: string): boolean {
  if (word.length < 2 || word !== word.toUpperCase()) return false;
  let capitals = 0;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== lower.charCodeAt(i)) capitals++;
  return capitals >= 2;
}

/** One stretch of words between punctuation. */
export interface Chunk {
  /** What is known of each word (its spelling included). */
  info: WordInfo[];
  atSentenceStart: boolean;
}

/** What the phrase builder asks of a word, worked out once per container for each distinct spelling. */
export interface WordInfo {
  /** Id of the lower-case form (the same for `Hà` and `hà`). */
  id: number;
  /** Number of the lower-case form among the syllables of the listed words (shared/assets/word-pairs.ts), or -1. */
  listed: number;
  word: string;
  lower: string;
  /** Written all in lower case (`word === lower`). */
  lowerCase: boolean;
  capitalised: boolean;
  acronym: boolean;
  stopVi: boolean;
  stopEn: boolean;
  /** A Vietnamese grammar word no key phrase opens with (data/keywords/phrase-edges.txt). */
  opensNoPhrase: boolean;
  /** A Vietnamese word no key phrase closes with (phrase-edges.txt and phrase-ends.txt). */
  closesNoPhrase: boolean;
  digits: boolean;
  year: boolean;
}

/**
 * Ids of the lower-case words seen so far. With `knownWords` (below): news reuses a few tens of thousands
 * of spellings, so after the first articles every word is one look-up instead of a lower-casing and
 * several set and regex tests.
 */
const lowerIds = new Map<string, number>();
/**
 * Ids stay below 2^15 so a bigram key (two ids) is a small integer, the fastest map key: the tables start
 * over before an article once they pass this (an article reads at most about 2,500 words).
 */
const MAX_WORD_IDS = 30_000;
export const ID_SPACE = 1 << 15;

/**
 * Words seen so far, by spelling: a known word is found straight from the text being scanned. Starting
 * over mid-article is harmless (ids come from `lowerIds`).
 */
const knownWords = new SpellingTable(wordInfo);

/** Starts the word ids over once they pass MAX_WORD_IDS; true when it did (ids then mean other words). */
export function forgetWordsIfFull(): boolean {
  if (lowerIds.size < MAX_WORD_IDS) return false;
  knownWords.clear();
  lowerIds.clear();
  return true;
}

/** The id of a lower-case word (given one if new). */
export function idOfLower(lower: string): number {
  let id = lowerIds.get(lower);
  if (id === undefined) {
    id = lowerIds.size;
    lowerIds.set(lower, id);
  }
  return id;
}

/** Works out what is known of a new spelling. */
function wordInfo(word: string): WordInfo {
  const lower = word.toLowerCase();
  const id = idOfLower(lower);
  return {
    id,
    listed: listedSyllable(lower),
    word,
    lower,
    lowerCase: word === lower,
    capitalised: isCapitalised(word, lower),
    acronym: isAcronym(word, lower),
    stopVi: VIETNAMESE_STOPWORDS.has(lower),
    stopEn: ENGLISH_STOPWORDS.has(lower),
    opensNoPhrase: PHRASE_EDGE_WORDS.has(lower),
    closesNoPhrase: PHRASE_END_WORDS.has(lower),
    digits: DIGITS.test(lower),
    year: YEAR.test(lower),
  };
}

/** Splits a part of the article (title, lede, body, caption) into chunks between punctuation. */
export function chunks(text: string, maxSyllables: number): { chunk: Chunk; position: number }[] {
  const out: { chunk: Chunk; position: number }[] = [];
  let read = 0;
  let chunk: Chunk = { info: [], atSentenceStart: true };
  let sentenceStart = true;
  const flush = () => {
    if (chunk.info.length > 0) out.push({ chunk, position: read });
    chunk = { info: [], atSentenceStart: sentenceStart };
  };
  let start = -1;
  let hash = HASH_SEED;
  for (let i = 0; i <= text.length && read < maxSyllables; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    if (isWordChar(code, text, i)) {
      if (start < 0) {
        start = i;
        hash = HASH_SEED;
      }
      hash = hashStep(hash, code);
      continue;
    }
    // `TP.HCM`, `COVID-19`, `A&B`: a joiner between word characters stays inside the word.
    if (
      start >= 0 &&
      isJoiner(code) &&
      i + 1 < text.length &&
      isWordChar(text.charCodeAt(i + 1), text, i + 1)
    ) {
      hash = hashStep(hash, code);
      continue;
    }
    if (start >= 0) {
      if (chunk.info.length === 0) chunk.atSentenceStart = sentenceStart;
      sentenceStart = false;
      chunk.info.push(knownWords.lookup(text, start, i, hash));
      read++;
      start = -1;
    }
    if (code === 32 || code === 9 || code === 0xa0) continue;
    // Any other character ends the chunk; some end the sentence.
    flush();
    if (isSentenceEnd(code) || code === 10 || code === 13) sentenceStart = true;
    chunk.atSentenceStart = sentenceStart;
  }
  flush();
  return out;
}
