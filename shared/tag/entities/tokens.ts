/**
 * The rule tagger's tokens: words (syllables) with their case shape and a look-up key, punctuation as
 * separate tokens, and sentence starts marked. They are read off the model's tokens of the same text
 * (./tokens/index), so the characters are scanned once for both.
 */
import { HASH_SEED, hashStep, hashWord, SpellingTable } from '../../text/spellings';
import { normalizeTonePlacement } from '../../text/vietnamese';
import {
  type Spelling as BaseSpelling,
  isWordCode,
  type TokenArrays,
  tokenize as tokenizeText,
} from './tokens/index';

export interface Token {
  /** As written (NFC). */
  text: string;
  /** `nameKey` of the token: lower case, one tone placement. */
  key: string;
  kind: 'word' | 'number' | 'punct';
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Two or more letters, all upper case (acronyms: `ASEAN`, `UBND`, `GD-ĐT`). */
  upper: boolean;
  /** First word of a sentence, line, quotation or bracket. */
  sentenceStart: boolean;
  /** Separated from the previous token by white space (or at the start). */
  spaced: boolean;
  /** Shared by every spelling of the key (`Hà`, `hà`): marks the article's lower-case words. */
  seen: KeySeen;
}

/** Per lower-case key: what the tagger learnt of it, kept across articles. */
export interface KeySeen {
  /** The last article (by number) that wrote it in lower case. */
  lowerIn: number;
  /** Candidates of each phrase set (by its number) starting with this key; null when none. */
  phrases: (string[][] | null | undefined)[];
  /** Whether a lower-case cue starts with this key, once asked. */
  cueFirst?: boolean;
  /** Whether a place name starts with this key, once asked. */
  placeFirst?: boolean;
}

/** What is known of a word's spelling, worked out once per container. */
interface Spelling {
  /** The spelling itself. */
  word: string;
  key: string;
  kind: 'word' | 'number';
  cap: boolean;
  upper: boolean;
  seen: KeySeen;
  /** `keysGeneration` when `seen` was attached. */
  generation: number;
  /** A capitalised sentence opener that never goes on a name (see GLUED_STARTERS). */
  starter: boolean;
}

/**
 * Words that open a sentence and never go on a name: capitalised straight after a name, they start a
 * sentence whose full stop was lost (flattened bodies: `… Wolverhampton Không ai ngờ …`).
 */
const GLUED_STARTERS = new Set(
  'theo trong khi sau tại ở nhưng với nếu để các những hiện ngoài còn đặc việc bên không cựu'.split(' '),
);
/** `không`, `cựu` also go on names (`Phòng không Không quân`, `Hội Cựu chiến binh`): only after a foreign word. */
const ASCII_WORD = /^[A-Za-z]+$/;

const NO_KEY: KeySeen = { lowerIn: -1, phrases: [] };
/**
 * Spellings seen so far, found from the text being scanned: news reuses a few tens of thousands, so most
 * words cost a hash taken while scanning and no slice.
 */
const spellings = new SpellingTable(makeSpelling);
const keysSeen = new Map<string, KeySeen>();
/** Bumped when the keys' table starts over, so spellings made before re-attach to the new one. */
let keysGeneration = 0;
/** Bounds the keys' table: it starts over between articles once it holds this many keys. */
const MAX_KEYS = 100_000;
/** Number of the article being read; tokens of its texts mark their lower-case keys with it. */
let article = 0;

/** Starts a new article: lower-case marks of earlier ones no longer count. */
export function startArticle(): void {
  article++;
  if (keysSeen.size > MAX_KEYS) {
    keysSeen.clear();
    keysGeneration++;
  }
}

/** Was the key of this token written in lower case somewhere in the current article? */
export function seenInLowerCase(t: Token): boolean {
  return t.seen.lowerIn === article;
}

// Words may join across `.` `&` `+` `'` `-` with no space: TP.HCM, GD&ĐT, Vietnam+, O'Neil, Kim Jong-un.
const SENTENCE_BREAK = new Set([
  '.',
  '!',
  '?',
  '…',
  ':',
  ';',
  '“',
  '"',
  '(',
  '[',
  '-',
  '–',
  '—',
  '•',
  '*',
  '>',
  '/',
  '|',
  '”',
]);
const HAS_LOWER = /\p{Ll}/u;
const LETTERS = /\p{L}/gu;
const DIGITS = /^\p{N}+$/u;

const keyCache = new Map<string, string>();

/** `nameKey` of one token, cached: tokens repeat a lot and the tone normalisation is the costly part. */
export function tokenKey(text: string): string {
  let key = keyCache.get(text);
  if (key === undefined) {
    key = normalizeTonePlacement(text).toLowerCase();
    if (keyCache.size > 200_000) keyCache.clear();
    keyCache.set(text, key);
  }
  return key;
}

// `TP.HCM`, `Q.1`, `VOV.VN` are one token; `Việt Nam.Tuy` (a missing space) is three.
const DOTTED_PREFIX = /^(\p{Lu}{1,4}|Tp)$/u;
const DOTTED_REST = /^[\p{Lu}\p{N}.]+$/u;

/** `Q.10`, `P.14`: a one-letter administrative abbreviation before a number is two tokens, unlike `TP.HCM`. */
const ADMIN_LETTER_NUMBER = /^[QPHqph]\.\d+[A-Z]?$/;

function splitDots(text: string): string[] {
  const dot = text.indexOf('.');
  if (
    dot < 0 ||
    (DOTTED_PREFIX.test(text.slice(0, dot)) &&
      DOTTED_REST.test(text.slice(dot + 1)) &&
      !ADMIN_LETTER_NUMBER.test(text))
  )
    return [text];
  return text.split('.').flatMap((p, i) => (i === 0 ? [p] : ['.', p]));
}

function splitMixedHyphen(text: string): string[] {
  // `ASEAN-Việt Nam`: an acronym glued to a name by a hyphen is two tokens; `COVID-19`, `Jong-un` stay one.
  const parts = text.split('-');
  if (parts.length < 2) return [text];
  const shapes = parts.map((p) => !HAS_LOWER.test(p));
  return shapes.every((s) => s === shapes[0]) ? [text] : parts.flatMap((p, i) => (i === 0 ? [p] : ['-', p]));
}

// Old-style tone placement at the end of a syllable (`hoà`, `thuý`), the only case the key must rewrite.
const TONED_END = new Set([...'àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ'].map((c) => c.charCodeAt(0)));

const ETH = /[\u00d0\u00f0]/g;

/** Lower-case look-up key of a word; precomposed (NFC) input, so only old-style tone placement needs work. */
function wordKey(text: string): string {
  // `Ð` (Icelandic eth, U+00D0) stands in for `Đ` in some older Vietnamese text: `Ấn Ðộ`.
  if (text.indexOf('\u00d0') >= 0 || text.indexOf('\u00f0') >= 0) return wordKey(text.replace(ETH, 'đ'));
  const n = text.length;
  if (n >= 2 && TONED_END.has(text.charCodeAt(n - 1))) {
    const before = text.charCodeAt(n - 2);
    if (before === 111 || before === 117 || before === 79 || before === 85) return tokenKey(text);
  }
  return text.toLowerCase();
}

function makeSpelling(piece: string): Spelling {
  const c = piece.charCodeAt(0);
  const digit = c >= 48 && c <= 57;
  let cap = false;
  if (c < 128) cap = c >= 65 && c <= 90;
  else {
    const ch = piece[0] ?? '';
    cap = ch !== ch.toLowerCase();
  }
  const key = wordKey(piece);
  // All upper case: the key differs from the text in every letter; checked only for capitalised words.
  const upper =
    cap && piece.length >= 2 && !HAS_LOWER.test(piece) && (piece.match(LETTERS)?.length ?? 0) >= 2;
  return {
    word: piece,
    key,
    kind: digit && DIGITS.test(piece) ? 'number' : 'word',
    cap,
    upper,
    seen: keySeen(key),
    generation: keysGeneration,
    starter: cap && !upper && GLUED_STARTERS.has(key),
  };
}

function keySeen(key: string): KeySeen {
  let seen = keysSeen.get(key);
  if (seen === undefined) {
    seen = { lowerIn: -1, phrases: [] };
    keysSeen.set(key, seen);
  }
  return seen;
}

function gluedSentence(prev: Token | undefined, key: string): boolean {
  if (prev?.kind !== 'word' || !prev.cap) return false;
  return (key !== 'không' && key !== 'cựu') || ASCII_WORD.test(prev.text);
}

function pushWord(
  tokens: Token[],
  spelling: Spelling,
  sentenceStart: boolean,
  spaced: boolean,
  mark: boolean,
): void {
  // A spelling made before the keys' table started over re-attaches to it.
  if (spelling.generation !== keysGeneration) {
    spelling.seen = keySeen(spelling.key);
    spelling.generation = keysGeneration;
  }
  if (mark && !spelling.cap) spelling.seen.lowerIn = article;
  if (spelling.starter && !sentenceStart) {
    sentenceStart = gluedSentence(tokens[tokens.length - 1], spelling.key);
  }
  tokens.push({
    text: spelling.word,
    key: spelling.key,
    kind: spelling.kind,
    cap: spelling.cap,
    upper: spelling.upper,
    sentenceStart,
    spaced,
    seen: spelling.seen,
  });
}

/**
 * Tokens of one text. `mark` when the text is the current article's (see `startArticle`): its lower-case
 * words are then marked as seen.
 */
export function tokenize(text: string, mark = false): Token[] {
  return ruleTokens(tokenizeText(text), mark);
}

const HYPHEN = 45;
const AMPERSAND = 38;
const PLUS = 43;
const NEWLINE = 10;

/** A line break in the white space before token `k` of `base`. */
function lineBreakBefore(base: TokenArrays, k: number): boolean {
  const { text } = base;
  for (let at = base.end[k - 1] ?? 0, to = base.start[k] ?? 0; at < to; at++)
    if (text.charCodeAt(at) === NEWLINE) return true;
  return false;
}

function punctToken(text: string, spaced: boolean): Token {
  return {
    text,
    key: text,
    kind: 'punct',
    cap: false,
    upper: false,
    sentenceStart: false,
    spaced,
    seen: NO_KEY,
  };
}

/**
 * The rule tagger's tokens, read off the model's tokens of the same text (./tokens/index: one pass over
 * the characters, one spelling look-up per word). The rules' words are the model's joined across a `-`
 * or `&` before a letter or digit, with a `+` that closes them (`Vietnam+`); a joined word is then cut
 * again by `splitDots` and `splitMixedHyphen` (`TP.HCM` stays one, `ASEAN-Việt Nam` is two).
 */
export function ruleTokens(base: TokenArrays, mark = false): Token[] {
  const { text, count, glued } = base;
  const n = text.length;
  const tokens: Token[] = [];
  let start = true;
  let k = 0;
  while (k < count) {
    const from = base.start[k] as number;
    const spaced = glued[k] === 0;
    if (spaced && k > 0 && lineBreakBefore(base, k)) start = true;
    if (!isWordCode(text.charCodeAt(from))) {
      const punct = text[from] ?? '';
      tokens.push(punctToken(punct, spaced));
      if (SENTENCE_BREAK.has(punct)) start = true;
      k++;
      continue;
    }
    // A word: the model's word, joined across `-` and `&` before a letter or digit (their tokens k + 1, k + 2).
    const first = base.spelling[k] as BaseSpelling;
    let last = k;
    let end = base.end[k] as number;
    while (end + 1 < n) {
      const d = text.charCodeAt(end);
      if ((d !== HYPHEN && d !== AMPERSAND) || !isWordCode(text.charCodeAt(end + 1))) break;
      last += 2;
      end = base.end[last] as number;
    }
    const joined = last > k || !first.plain;
    const plus = text.charCodeAt(end) === PLUS;
    const to = plus ? end + 1 : end;
    k = last + (plus ? 2 : 1);
    if (!joined) {
      const spelling = plus
        ? spellings.lookup(text, from, to, hashOf(text, from, to))
        : ruleSpellingOf(first);
      pushWord(tokens, spelling, start, spaced, mark);
      start = false;
      continue;
    }
    const pieces = splitDots(text.slice(from, to)).flatMap((p) =>
      p.includes('-') ? splitMixedHyphen(p) : [p],
    );
    for (let p = 0; p < pieces.length; p++) {
      const piece = pieces[p] ?? '';
      if (piece === '.' || piece === '-') {
        tokens.push(punctToken(piece, false));
        if (piece === '.') start = true;
        continue;
      }
      if (!piece) continue;
      pushWord(
        tokens,
        spellings.lookup(piece, 0, piece.length, hashWord(piece)),
        start,
        p === 0 ? spaced : false,
        mark,
      );
      start = false;
    }
  }
  return tokens;
}

function hashOf(text: string, from: number, to: number): number {
  let hash = HASH_SEED;
  for (let i = from; i < to; i++) hash = hashStep(hash, text.charCodeAt(i));
  return hash;
}

/** The rules' spelling of a plain word, kept on the model's spelling of it. */
function ruleSpellingOf(base: BaseSpelling): Spelling {
  let spelling = base.ruleSpelling as Spelling | undefined;
  if (spelling === undefined) {
    spelling = makeSpelling(base.word);
    base.ruleSpelling = spelling;
  }
  return spelling;
}
