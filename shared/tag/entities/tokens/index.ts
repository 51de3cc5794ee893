/**
 * Tokens for the learned recogniser: syllables and punctuation with their character offsets, so labelled
 * spans (data/entities) and decoded spans map to and from text. A word is a run of letters and digits,
 * joined across `'`, `’` and a `.` before an upper-case letter or digit (`TP.HCM`, `N.V.T`); hyphens
 * and every other symbol are tokens of their own (`SARS`, `-`, `CoV`, `-`, `2`).
 *
 * What is known of a spelling (its key, hash, shape) is worked out once per container and cached.
 */
import { HASH_SEED, hashStep, hashWord, SpellingTable } from '../../../text/spellings';
import { normalizeTonePlacement } from '../../../text/vietnamese';

/** Case and character shape of a token, a small integer (feature value). */
export const Shape = {
  punct: 0,
  number: 1,
  lower: 2,
  capitalised: 3,
  upper: 4,
  mixed: 5,
  letter: 6,
  dotted: 7,
  alnum: 8,
} as const;

export interface Spelling {
  /** As written. */
  word: string;
  /** Lower case, NFC, one tone placement (as `nameKey`). */
  key: string;
  /** 32-bit hash of `key`. */
  hash: number;
  shape: number;
  /** Carries a character outside ASCII (a Vietnamese mark, mostly). */
  marked: boolean;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Hashes of the key's last three and first two characters. */
  suffix: number;
  prefix: number;
  /** Lexicon bits of the key (../features/signals), worked out there on first use; -1 until then. */
  lexiconBits: number;
  /** Only letters, marks and digits (no `'`, `’` or `.` joined in). */
  plain: boolean;
  /**
   * What the rule tagger's tokens (../tokens) know of the same spelling, attached there on first use:
   * the rules read their tokens off these, so a word is looked up once per text, not once per stage.
   */
  ruleSpelling: unknown;
  /**
   * Where the shipped model keeps the scores this spelling's own features give (../model/weights-file
   * `spellingScores`): a row of its table, valid while `scoreOwner` names that table's current fill.
   */
  scoreRow: number;
  scoreOwner: number;
}

/** One text's tokens, as parallel arrays (the decoder's hot loop reads these). */
export interface TokenArrays {
  text: string;
  count: number;
  start: Int32Array;
  end: Int32Array;
  spelling: Spelling[];
  /** Each token's spelling's `hash` and `shape`, as columns (the feature extractor's hot loop reads these). */
  hash: Int32Array;
  shape: Uint8Array;
  /** Each token's spelling's `lexiconBits` as they were when tokenised (-1: not yet worked out). */
  lexiconBits: Int16Array;
  /** No white space before the token. */
  glued: Uint8Array;
  /** First token of the text or of a sentence, line, quotation or bracket. */
  sentenceStart: Uint8Array;
}

function shapeOf(word: string): number {
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let dot = 0;
  for (const ch of word) {
    if (ch === '.') dot++;
    else if (ch >= '0' && ch <= '9') digit++;
    else if (ch !== ch.toLowerCase()) upper++;
    else if (ch !== ch.toUpperCase()) lower++;
  }
  if (upper + lower + digit + dot === 0) return Shape.punct;
  if (digit > 0 && upper + lower === 0) return Shape.number;
  if (dot > 0) return Shape.dotted;
  if (digit > 0) return Shape.alnum;
  if (upper === 0) return Shape.lower;
  if (lower === 0) return upper === 1 ? Shape.letter : Shape.upper;
  const first = word[0] ?? '';
  const firstUpper = first !== first.toLowerCase();
  return firstUpper && upper === 1 ? Shape.capitalised : Shape.mixed;
}

function makeSpelling(word: string): Spelling {
  const key = normalizeTonePlacement(word).toLowerCase();
  const shape = shapeOf(word);
  return {
    word,
    key,
    hash: hashWord(key),
    shape,
    // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII range test
    marked: /[^\x00-\x7f]/.test(word),
    cap: (word[0] ?? '') !== (word[0] ?? '').toLowerCase(),
    suffix: hashWord(`>${key.slice(-3)}`),
    prefix: hashWord(`<${key.slice(0, 2)}`),
    lexiconBits: -1,
    plain: isPlain(word),
    ruleSpelling: undefined,
    scoreRow: -1,
    scoreOwner: 0,
  };
}

/** What is known of each spelling, found from the text in place (no slice, no string hashing). */
const spellings = new SpellingTable(makeSpelling);

export function spellingOf(word: string): Spelling {
  return spellings.lookup(word, 0, word.length, hashWord(word));
}

/** Letter, mark or digit, by code unit. */
export function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c <= 0xbf || c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false;
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c >= 0xfe00 && c <= 0xfe6f) return false;
  if (c >= 0xff00 && c <= 0xff20) return false;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return true;
}

function isPlain(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (!isWordCode(word.charCodeAt(i))) return false;
  return true;
}

export function isUpperOrDigit(c: number): boolean {
  if (c >= 48 && c <= 57) return true;
  if (c < 128) return c >= 65 && c <= 90;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

export function isSpace(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000
  );
}

/** Punctuation after which the next word opens a sentence. */
const OPENERS = new Set(['.', '!', '?', ':', ';', '"', '“', '(', '[', '…', '•', '-', '–', '—']);

/** Token offsets and flags of the text being tokenised, grown as needed (a text has at most one token per unit). */
let startScratch = new Int32Array(4096);
let endScratch = new Int32Array(4096);
let gluedScratch = new Uint8Array(4096);
let sentenceScratch = new Uint8Array(4096);
let hashScratch = new Int32Array(4096);
let shapeScratch = new Uint8Array(4096);
let bitsScratch = new Int16Array(4096);

export function tokenize(text: string): TokenArrays {
  const n = text.length;
  if (startScratch.length < n) {
    startScratch = new Int32Array(n * 2);
    endScratch = new Int32Array(n * 2);
    gluedScratch = new Uint8Array(n * 2);
    sentenceScratch = new Uint8Array(n * 2);
    hashScratch = new Int32Array(n * 2);
    shapeScratch = new Uint8Array(n * 2);
    bitsScratch = new Int16Array(n * 2);
  }
  const starts = startScratch;
  const ends = endScratch;
  const glued = gluedScratch;
  const sentence = sentenceScratch;
  const hashes = hashScratch;
  const shapes = shapeScratch;
  const bits = bitsScratch;
  const found: Spelling[] = [];
  let count = 0;
  let opens = true;
  let spaced = true;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (c === 10) opens = true;
      spaced = true;
      i++;
      continue;
    }
    let j = i + 1;
    if (isWordCode(c)) {
      while (j < n) {
        const d = text.charCodeAt(j);
        if (isWordCode(d)) {
          j++;
          continue;
        }
        const next = j + 1 < n ? text.charCodeAt(j + 1) : 0;
        if ((d === 39 || d === 0x2019) && isWordCode(next)) {
          j += 2;
          continue;
        }
        if (d === 46 && isUpperOrDigit(next)) {
          j += 2;
          continue;
        }
        break;
      }
    }
    let hash = HASH_SEED;
    for (let k = i; k < j; k++) hash = hashStep(hash, text.charCodeAt(k));
    const spelling = spellings.lookup(text, i, j, hash);
    const word = spelling.word;
    starts[count] = i;
    ends[count] = j;
    found.push(spelling);
    hashes[count] = spelling.hash;
    shapes[count] = spelling.shape;
    bits[count] = spelling.lexiconBits;
    glued[count] = spaced ? 0 : 1;
    const isWord = j - i > 1 || isWordCode(c);
    sentence[count] = isWord && opens ? 1 : 0;
    count++;
    // A dash opens a sentence only at a line's start (`- Ông A nói`), not inside `Hà Nội - Hải Phòng`.
    if (!isWord) opens = OPENERS.has(word) && (word !== '-' || count === 1 || opens);
    else opens = false;
    spaced = false;
    i = j;
  }
  return {
    text,
    count,
    start: starts.slice(0, count),
    end: ends.slice(0, count),
    spelling: found,
    hash: hashes.slice(0, count),
    shape: shapes.slice(0, count),
    lexiconBits: bits.slice(0, count),
    glued: glued.slice(0, count),
    sentenceStart: sentence.slice(0, count),
  };
}
