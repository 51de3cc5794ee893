/**
 * What a news URL tells: the section (category), the publisher's site, and a title slug whose
 * diacritics can be restored from the article's own words and a syllable lexicon.
 */

import { HASH_SEED, hashStep, hashWord, SpellingTable } from '../text/spellings';
import { isSpaceCode, isWordCharAt, searchKey, stripDiacritics } from '../text/vietnamese';
import sections from './data/sections.json';

/** Section slugs and their labels as the sites write them (data/sections.json, hand-written). */
const SECTIONS: Readonly<Record<string, string>> = sections.sections;
const HOME_PAGES: ReadonlySet<string> = new Set(sections.home);

const ASSET = /\.(htm|html|shtml|php|aspx?|vov|chn|tpo|epi|ldo)$/i;

/**
 * The last URL read, its path segments and host (null when it is no URL): an article's URL is read for its
 * section, its slug and its site.
 */
let lastUrl: string | undefined;
let lastSegments: readonly string[] = [];
let lastHost: string | null = null;

function readUrl(url: string): void {
  if (url === lastUrl) return;
  try {
    const parsed = new URL(url);
    lastSegments = parsed.pathname.split('/').filter(Boolean);
    lastHost = parsed.hostname;
  } catch {
    lastSegments = [];
    lastHost = null;
  }
  lastUrl = url;
}

function pathSegments(url: string): readonly string[] {
  readUrl(url);
  return lastSegments;
}

/** `vov.vn` from `https://www.vov.vn/...`. */
export function siteOf(url: string): string | null {
  readUrl(url);
  return lastHost === null ? null : lastHost.replace(/^www\./, '');
}

function camelToSlug(segment: string): string {
  return segment.replace(/([a-zà-ỹ])([A-ZÀ-Ỹ])/gu, '$1-$2').toLowerCase();
}

/**
 * The section of a news URL as a category path, e.g. `https://vov.vn/chinh-tri/...` → `["Chính trị"]`;
 * empty when the section is a home page or not one whose label is known (a slug's spelling is not guessed).
 */
export function categoryFromUrl(url: string): string[] {
  const segments = pathSegments(url);
  // baomoi: /Home/<Category>/<source-site>/<slug>/<id>.epi
  if (segments[0]?.toLowerCase() === 'home' && segments.length > 2) {
    return labelled(camelToSlug(segments[1]!));
  }
  const first = segments[0];
  if (!first || segments.length < 2 || ASSET.test(first)) return [];
  return labelled(first.toLowerCase());
}

const labelled = (slug: string): string[] => {
  const label = SECTIONS[slug];
  return label ? [label] : [];
};

/**
 * A category as a reader should see it: a section slug (`thi-truong-tieu-dung`) becomes its label, a
 * home-page slug (`trang-chu`) or any other bare slug is no category (null); a label stays as written.
 */
export function categoryLabel(value: string): string | null {
  const slug = value.trim().toLowerCase();
  if (HOME_PAGES.has(slug) || HOME_PAGES.has(searchKey(slug).replace(/ /g, '-'))) return null;
  const label = SECTIONS[slug];
  if (label) return label;
  return /^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(slug) ? null : value.trim() || null;
}

/** The last URL whose slug was read, and its words: a text's URL is read for its title and to check it. */
let lastSlugUrl: string | undefined;
let lastSlugWords: readonly string[] = [];

/** The title slug of an article URL without its id: `khai-mac-...-ammr-1001345.vov` → `khai mac ... ammr`. */
export function slugWords(url: string): readonly string[] {
  if (url !== lastSlugUrl) {
    lastSlugWords = readSlugWords(url);
    lastSlugUrl = url;
  }
  return lastSlugWords;
}

function readSlugWords(url: string): string[] {
  const segments = pathSegments(url);
  const last = segments.at(-1);
  if (!last) return [];
  const words = last.replace(ASSET, '').split(/[-_]+/).filter(Boolean);
  // Trailing article ids (`1001345`, `20201001144758157`, `c51a1735211`) are not words; years are.
  while (words.length > 0 && digits(words.at(-1)!) >= 6) words.pop();
  return words.every((w) => /^[a-z0-9]+$/i.test(w)) ? words.map((w) => w.toLowerCase()) : [];
}

function digits(word: string): number {
  let n = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) n++;
  }
  return n;
}

/** A spelling and its `searchKey`. */
interface KeyedWord {
  word: string;
  key: string;
}

/** Spellings met in article texts, with their keys: the few words a slug may spell cost no slice. */
const keyedWords = new SpellingTable<KeyedWord>((word) => ({ word, key: searchKey(word) }));

/**
 * What the phrase index needs of each code below U+2000, worked out when first met: whether it is a word
 * character (`isWordCharAt`), and for a word character whose diacritics stripped and lower-cased leave one
 * ASCII letter or digit, that character (then a word of them has these characters for its `searchKey`),
 * or that nothing is left (a combining mark, `DROPPED`); else whether it is white space (`isSpaceCode`).
 */
const CODE_KINDS = new Int16Array(0x2000).fill(-1);
const NOT_WORD = 0;
const WORD = 0x100;
const DROPPED = 0x200;
const SPACE = 0x400;

/** The kind of any code unit at `i` of `text` (see `CODE_KINDS`; above U+2000 without the folded letter). */
function kindAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code >= 0x2000) return isWordCharAt(text, i) ? WORD : isSpaceCode(code) ? SPACE : NOT_WORD;
  const kind = CODE_KINDS[code]!;
  return kind < 0 ? codeKind(code) : kind;
}

function codeKind(code: number): number {
  let kind = CODE_KINDS[code]!;
  if (kind < 0) {
    const char = String.fromCharCode(code);
    if (!isWordCharAt(char, 0)) kind = isSpaceCode(code) ? SPACE : NOT_WORD;
    else {
      // `searchKey` without its last steps, which change nothing in a word of such characters.
      const folded = stripDiacritics(char).toLowerCase();
      if (folded === '') kind = WORD | DROPPED;
      else kind = /^[a-z0-9]$/.test(folded) ? WORD | folded.charCodeAt(0) : WORD;
    }
    CODE_KINDS[code] = kind;
  }
  return kind;
}

/**
 * Index of the article's own word sequences by their diacritic-free key, so a slug can be matched back
 * to how the article writes it. Keys are the slug's own word sequences (the only ones `restoreWords`
 * asks for), up to `maxN` words long.
 *
 * Most words of a text are not slug words: a word whose characters all fold to an ASCII letter or digit
 * (or are dropped) has its key hashed while scanning, and when that hash is no slug word's it is known
 * not to be one without looking the word up. No phrase the slug spells runs through such a word, so it
 * ends the run of words indexed together as punctuation does.
 */
function countPhrases(text: string, slug: readonly string[], maxN: number): PhraseCounts {
  const slugWords = new Set(slug);
  const slugHashes = new Int32Array(slugWords.size);
  let h = 0;
  for (const word of slugWords) slugHashes[h++] = hashWord(word);
  // Where each slug word stands in the slug, so a run's word finds the phrases it may start at once.
  const positions = new Map<string, number[]>();
  slug.forEach((word, j) => {
    const at = positions.get(word);
    if (at) at.push(j);
    else positions.set(word, [j]);
  });
  // A byte of each slug word's hash: most words are ruled out by one look-up here.
  const slugBytes = SLUG_BYTES;
  for (const hash of slugHashes) slugBytes[hashByte(hash)] = 1;
  try {
    return countPhrasesWith(text, slug, maxN, slugHashes, slugBytes, positions);
  } finally {
    // Cleared for the next slug (the table is shared: a fresh one per call cost more than the scan's start).
    for (const hash of slugHashes) slugBytes[hashByte(hash)] = 0;
  }
}

/** `slugBytes` of `countPhrases`, kept all zero between calls. */
const SLUG_BYTES = new Uint8Array(256);

function countPhrasesWith(
  text: string,
  slug: readonly string[],
  maxN: number,
  slugHashes: Int32Array,
  slugBytes: Uint8Array,
  positions: ReadonlyMap<string, readonly number[]>,
): PhraseCounts {
  // No phrase is longer than the slug, whatever `maxN` says.
  const counts: PhraseCounts = { lengths: Math.min(maxN, slug.length) + 1, forms: [], order: [], parts: 1 };
  let inSpace = false;
  // The words of each stretch between punctuation (runs of letters, marks and digits) that may be slug words:
  // `run[0 .. runLength]` (the array is reused, never shortened).
  const run: KeyedWord[] = [];
  let runLength = 0;
  const length = text.length;
  for (let i = 0; i < length; ) {
    let kind = kindAt(text, i);
    if ((kind & WORD) === 0) {
      // White space runs, counted as `text.split(/\s+/)` would part the text (no word character is a space).
      const space = kind === SPACE;
      if (space && !inSpace) counts.parts++;
      inSpace = space;
      // Punctuation ends the run of words indexed together.
      if (!space && runLength > 0) {
        indexRun(run, runLength, slug, positions, maxN, counts);
        runLength = 0;
      }
      i++;
      continue;
    }
    // A word: the hash of its key, while every character of it folds (else `folds` is false).
    inSpace = false;
    const start = i;
    let keyHash = HASH_SEED;
    let folds = true;
    do {
      if (kind === WORD) folds = false;
      else if ((kind & DROPPED) === 0) keyHash = hashStep(keyHash, kind & 0xff);
      if (++i === length) break;
      kind = kindAt(text, i);
    } while ((kind & WORD) !== 0);
    if (folds && (slugBytes[hashByte(keyHash)] === 0 || !includes(slugHashes, keyHash))) {
      if (runLength > 0) indexRun(run, runLength, slug, positions, maxN, counts);
      runLength = 0;
    } else {
      let hash = HASH_SEED;
      for (let j = start; j < i; j++) hash = hashStep(hash, text.charCodeAt(j));
      run[runLength++] = keyedWords.lookup(text, start, i, hash);
    }
  }
  if (runLength > 0) indexRun(run, runLength, slug, positions, maxN, counts);
  return counts;
}

/** How the article writes the slug's phrase of `n` words from word `start`: written forms and their counts. */
export type PhraseForms = (start: number, n: number) => ReadonlyMap<string, number> | undefined;

/** The article's written forms of every slug phrase up to `maxN` words (see `countPhrases`). */
export function phraseForms(text: string, slug: readonly string[], maxN = 6): PhraseForms {
  return articlePhrases(text, slug, maxN).forms;
}

/** The article's written forms of the slug's phrases, and how many parts white space splits it into. */
export function articlePhrases(
  text: string,
  slug: readonly string[],
  maxN = 6,
): { forms: PhraseForms; parts: number } {
  const counts = countPhrases(text, slug, maxN);
  // Each phrase's id, found when first asked for (the decoder asks for most phrases several times): 0 unknown.
  const ids = new Int32Array(slug.length * counts.lengths);
  const forms: PhraseForms = (start, n) => {
    if (n >= counts.lengths || start + n > slug.length) return undefined;
    const asked = start * counts.lengths + n;
    if (ids[asked] === 0) ids[asked] = phraseId(slug, start, n, counts.lengths);
    return counts.forms[ids[asked]!];
  };
  return { forms, parts: counts.parts };
}

/** A phrase's id names the first place its keys line up with the slug (see `PhraseCounts`). */
function phraseId(slug: readonly string[], start: number, n: number, lengths: number): number {
  for (let j = 0; j < start; j++) {
    let same = true;
    for (let k = 0; k < n && same; k++) same = slug[j + k] === slug[start + k];
    if (same) return j * lengths + n;
  }
  return start * lengths + n;
}

/**
 * Index of the article's word sequences by their diacritic-free key: the most frequent written form of
 * each slug phrase up to `maxN` words.
 */
export function phraseIndex(text: string, slug: readonly string[], maxN = 6): Map<string, string> {
  const counts = countPhrases(text, slug, maxN);
  const index = new Map<string, string>();
  for (const id of counts.order) {
    const forms = counts.forms[id]!;
    const start = Math.floor(id / counts.lengths);
    const key = slug.slice(start, start + (id % counts.lengths)).join(' ');
    // Prefer the most frequent form; on ties, the lower-case one (sentence-initial capitals are noise).
    // Most phrases are written one way: then there is nothing to sort.
    const form =
      forms.size === 1
        ? (forms.keys().next().value as string)
        : [...forms].sort((a, b) => b[1] - a[1] || (a[0] === a[0].toLowerCase() ? -1 : 1))[0]![0];
    index.set(key, form);
  }
  return index;
}

/**
 * Written forms of the slug's phrases and how often each occurs, by phrase id: `start * lengths + n` for
 * the phrase of `n` words (`lengths` is `maxN + 1`) whose keys first line up with the slug at `start`: one
 * id per key, so no key string is built while counting. `order` lists the ids as first met.
 */
interface PhraseCounts {
  lengths: number;
  forms: (Map<string, number> | undefined)[];
  order: number[];
  /** How many parts `text.split(/\s+/)` gives. */
  parts: number;
}

const hashByte = (hash: number) => (hash ^ (hash >>> 8) ^ (hash >>> 16) ^ (hash >>> 24)) & 0xff;

function includes(hashes: Int32Array, hash: number): boolean {
  for (let i = 0; i < hashes.length; i++) if (hashes[i] === hash) return true;
  return false;
}

/** Counts the written forms of the slug's word sequences in one run of words, `words[0 .. length]`. */
function indexRun(
  words: readonly KeyedWord[],
  length: number,
  slug: readonly string[],
  positions: ReadonlyMap<string, readonly number[]>,
  maxN: number,
  counts: PhraseCounts,
): void {
  for (let i = 0; i < length; i++) {
    // Where in the slug the phrase from `i` still lines up: a phrase the slug does not spell is never
    // asked for, so the phrase stops growing once no position is left.
    let at = positions.get(words[i]!.key);
    if (at === undefined) continue;
    let phrase = words[i]!.word;
    for (let n = 1; n <= maxN && i + n <= length; n++) {
      if (n > 1) {
        const { word, key } = words[i + n - 1]!;
        at = at.filter((j) => slug[j + n - 1] === key);
        if (at.length === 0) break;
        phrase += ` ${word}`;
      }
      // The first position the phrase lines up at names its key: the same words, the same id.
      const id = at[0]! * counts.lengths + n;
      let forms = counts.forms[id];
      if (forms === undefined) {
        forms = new Map<string, number>();
        counts.forms[id] = forms;
        counts.order.push(id);
      }
      forms.set(phrase, (forms.get(phrase) ?? 0) + 1);
    }
  }
}

/**
 * True when the URL has a word slug and the given headline does not spell it. `strict` is for a candidate
 * that reads like a sentence (ends with a full stop or colon): then the slug must match it almost exactly.
 */
export function slugDisagrees(url: string, headline: string, strict = false): boolean {
  const slug = slugWords(url);
  if (slug.length < 3) return false;
  const headlineWords = searchKey(headline).split(' ');
  // Some CMSs glue slug words together (`toiuutainguyenhe-thong`): compare the letters alone first.
  const slugLetters = slug.join('');
  const headlineLetters = headlineWords.join('');
  if (headlineLetters === slugLetters || (slugLetters.length > 15 && headlineLetters.startsWith(slugLetters)))
    return false;
  const shared = inOrder(slug, headlineWords);
  if (strict) return shared < 0.9 * slug.length || headlineWords.length > slug.length + 2;
  // Slugs may shorten a headline, but keep its words in order and most of its length.
  return shared < 0.6 * slug.length || headlineWords.length > 1.6 * slug.length + 3;
}

/** Length of the longest common subsequence of two word lists. */
function inOrder(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = [0];
    for (let j = 0; j < b.length; j++) row.push(x === b[j] ? prev[j]! + 1 : Math.max(prev[j + 1]!, row[j]!));
    prev = row;
  }
  return prev[b.length]!;
}
