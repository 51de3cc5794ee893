/**
 * Keywords of an article: the file's own keywords when it declares any, otherwise key phrases
 * extracted from the text, best first.
 *
 * Extraction (adapted to Vietnamese, where a word is one to four syllables and capitals mark names):
 * text is cut at punctuation and at function words into content runs. Candidates are
 * - names: runs of two or more capitalised syllables (`Phạm Bình Minh`; an organisation's capitalised
 *   head like `Sở Giao` is skipped, the full name comes from the phrases) and acronyms (`ASEAN`, `TP.HCM`);
 * - phrases: every two- to four-syllable piece of a content run (never starting with a number).
 * A candidate's score sums its occurrences weighted by where they are (title 3, lede 2, body 1, earlier
 * body text a little more), times a bonus for names and longer phrases. Phrases seen only once are
 * dropped; a phrase gives way to a longer one containing it that occurs nearly as often
 * (`xe buýt` → `xe buýt điện`); overlapping candidates keep the better one.
 */
import type { ParsedArticle } from '../../parse/types';
import { HASH_SEED, hashStep, SpellingTable } from '../../text/spellings';
import { ENGLISH_STOPWORDS, GENERIC_PHRASES, VIETNAMESE_STOPWORDS } from '../../text/stopwords';
import { nameKey } from '../../text/vietnamese';
import { IntTable } from './int-table';

export const MAX_KEYWORDS = 10;
/** Body syllables read: key phrases of a news story show up early. */
const MAX_BODY_SYLLABLES = 500;
/** Captions read (each up to 100 syllables). */
const MAX_CAPTIONS = 10;
/** A shorter phrase gives way to a longer one containing it when that scores at least this share of it. */
const DOMINANCE = 0.75;

type KeywordText = Pick<ParsedArticle, 'title' | 'lede' | 'body' | 'captions' | 'keywords'>;

/**
 * A candidate phrase, found by its word ids (no strings are built while counting): its key and written
 * form are spelled out only for the few that survive the filters.
 */
class Candidate {
  /** The lower-case syllables joined by spaces; spelled out by `spell` once the candidate survives. */
  key = '';
  score = 0;
  /** Where a written form with capitals was first seen away from a sentence start, if ever. */
  formChunk: Chunk | null = null;
  formStart = 0;
  /** Also written all in lower case somewhere: then capitals elsewhere were a heading's, not a name's. */
  sawLowerCase = false;
  occurrences = 0;
  /** Best score of a surviving longer candidate containing this one. */
  longer = 0;

  constructor(
    /** The first occurrence: its syllables are `chunk.info[start .. start + syllables]`. */
    readonly chunk: Chunk,
    readonly start: number,
    readonly syllables: number,
    public name: boolean,
    /** Seen in the title or lede. */
    public prominent: boolean,
  ) {}

  /** Word id of the `i`-th syllable. */
  idAt(i: number): number {
    return this.chunk.info[this.start + i]!.id;
  }

  spell(): void {
    this.key = joinWords(this.chunk.info, this.start, this.start + this.syllables, true);
  }

  /** The written form with capitals, if it has any and was seen away from a sentence start. */
  form(): string | null {
    if (this.formChunk === null) return null;
    return joinWords(this.formChunk.info, this.formStart, this.formStart + this.syllables, false);
  }
}

/** `info[start..end]` as written (or in lower case), joined by spaces. */
function joinWords(info: readonly WordInfo[], start: number, end: number, lower: boolean): string {
  let out = lower ? info[start]!.lower : info[start]!.word;
  for (let i = start + 1; i < end; i++) out += ` ${lower ? info[i]!.lower : info[i]!.word}`;
  return out;
}
const SENTENCE_ENDS: ReadonlySet<number> = new Set([...'.!?:…'].map((c) => c.charCodeAt(0)));
const JOINERS: ReadonlySet<number> = new Set([...".&'’-"].map((c) => c.charCodeAt(0)));
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

/** Starts with a capital letter (`lower` is the word in lower case). */
function isCapitalised(word: string, lower: string): boolean {
  return word.charCodeAt(0) !== lower.charCodeAt(0);
}

/** All capitals, at least two of them: `ASEAN`, `TP.HCM`, `COVID-19`. */
function isAcronym(word: string, lower: string): boolean {
  if (word.length < 2 || word !== word.toUpperCase()) return false;
  let capitals = 0;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== lower.charCodeAt(i)) capitals++;
  return capitals >= 2;
}

/** First syllables of organisation names and titles, whose capitalised head (`Sở Giao`) is not the name. */
const NAME_HEADS: ReadonlySet<string> = new Set(
  'bộ sở ban phó thủ hội ủy cục viện trường công tổng ngân tập phòng chủ bí quốc tỉnh bệnh đại học chi'.split(
    ' ',
  ),
);

/** Declared keywords, trimmed and without repeats (compared by `nameKey`). */
function declaredKeywords(keywords: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of keywords) {
    const keyword = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
    const key = nameKey(keyword);
    if (!keyword || seen.has(key)) continue;
    seen.add(key);
    out.push(keyword);
  }
  return out;
}

/** One stretch of words between punctuation. */
interface Chunk {
  /** What is known of each word (its spelling included). */
  info: WordInfo[];
  atSentenceStart: boolean;
}

/** What the phrase builder asks of a word, worked out once per container for each distinct spelling. */
interface WordInfo {
  /** Id of the lower-case form (the same for `Hà` and `hà`). */
  id: number;
  word: string;
  lower: string;
  /** Written all in lower case (`word === lower`). */
  lowerCase: boolean;
  capitalised: boolean;
  acronym: boolean;
  stopVi: boolean;
  stopEn: boolean;
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
const ID_SPACE = 1 << 15;

/**
 * Words seen so far, by spelling: a known word is found straight from the text being scanned. Starting
 * over mid-article is harmless (ids come from `lowerIds`).
 */
const knownWords = new SpellingTable(wordInfo);

function forgetWordsIfFull(): void {
  if (lowerIds.size < MAX_WORD_IDS) return;
  knownWords.clear();
  lowerIds.clear();
}

/** Works out what is known of a new spelling. */
function wordInfo(word: string): WordInfo {
  const lower = word.toLowerCase();
  let id = lowerIds.get(lower);
  if (id === undefined) {
    id = lowerIds.size;
    lowerIds.set(lower, id);
  }
  return {
    id,
    word,
    lower,
    lowerCase: word === lower,
    capitalised: isCapitalised(word, lower),
    acronym: isAcronym(word, lower),
    stopVi: VIETNAMESE_STOPWORDS.has(lower),
    stopEn: ENGLISH_STOPWORDS.has(lower),
    digits: DIGITS.test(lower),
    year: YEAR.test(lower),
  };
}

/** Key of a bigram in the article's counts: both ids in one small integer. */
const bigramKey = (first: number, second: number) => (first << 15) | second;

/**
 * The article's candidates in a trie over word ids: node 0 is the empty sequence and each node's children
 * extend it by one word, so a phrase is found by small-integer look-ups as it grows, with no string built.
 */
class CandidateTable {
  /** Child node by `parent * 2^15 + word id` (one table for every article: reading is synchronous). */
  private static readonly children = new IntTable(1 << 14);
  /** Bigram counts by `bigramKey`. */
  private static readonly bigrams = new IntTable(1 << 12);
  private nodes = 1;
  /** The candidate of each node, if it was counted. */
  private readonly byNode: (Candidate | undefined)[] = [undefined];
  /** Every candidate, in the order first seen. */
  readonly all: Candidate[] = [];

  constructor(private readonly english: boolean) {
    CandidateTable.children.clear();
    CandidateTable.bigrams.clear();
  }

  private isStop(info: WordInfo): boolean {
    return this.english ? info.stopEn : info.stopVi;
  }

  /** The node of `node`'s sequence followed by word `id`, made if new. */
  private child(node: number, id: number): number {
    const next = CandidateTable.children.getOrSet(node * ID_SPACE + id, this.nodes);
    if (next === this.nodes) {
      this.nodes++;
      this.byNode.push(undefined);
    }
    return next;
  }

  /**
   * Credits `c`'s score to every shorter candidate inside it (as their `longer`), to find dominated
   * phrases: each piece is walked from each start, stopping where the trie has no such sequence.
   */
  creditPieces(c: Candidate): void {
    for (let i = 0; i < c.syllables; i++) {
      let node = 0;
      for (let j = i; j < c.syllables && j - i + 1 < c.syllables; j++) {
        node = CandidateTable.children.get(node * ID_SPACE + c.idAt(j), -1);
        if (node < 0) break;
        const piece = this.byNode[node];
        if (piece !== undefined) piece.longer = Math.max(piece.longer, c.score);
      }
    }
  }

  /** Counts `chunk.info[start..end]`, whose trie node is `node`. */
  private add(
    chunk: Chunk,
    start: number,
    end: number,
    node: number,
    weight: number,
    name: boolean,
    prominent: boolean,
  ) {
    let candidate = this.byNode[node];
    if (candidate === undefined) {
      candidate = new Candidate(chunk, start, end - start, name, prominent);
      this.byNode[node] = candidate;
      this.all.push(candidate);
    }
    candidate.score += weight;
    candidate.occurrences++;
    candidate.name ||= name;
    candidate.prominent ||= prominent;
    // Keep the capitals an editor wrote (`Hà Nội`), but not those a sentence start forced (`Giá vàng`).
    if (name || !(chunk.atSentenceStart && start === 0)) {
      let lowerCase = true;
      for (let i = start; i < end && lowerCase; i++) lowerCase = chunk.info[i]!.lowerCase;
      if (lowerCase) candidate.sawLowerCase = true;
      else if (candidate.formChunk === null) {
        candidate.formChunk = chunk;
        candidate.formStart = start;
      }
    }
  }

  /** Names: runs of capitalised syllables (a sentence's first word alone is just a capital letter). */
  private addNames(chunk: Chunk, weight: number, prominent: boolean): void {
    const { info } = chunk;
    let start = 0;
    while (start < info.length) {
      if (!info[start]!.capitalised) {
        start++;
        continue;
      }
      let end = start;
      while (end < info.length && info[end]!.capitalised) end++;
      const from = start + (chunk.atSentenceStart && start === 0 && end - start > 2 ? 1 : 0);
      const next = info[end];
      const continues = next !== undefined && !this.isStop(next) && !next.digits;
      const isHead = continues && NAME_HEADS.has(info[from]!.lower);
      if (end - from >= 2 && end - from <= 5 && !isHead) {
        let node = 0;
        for (let i = from; i < end; i++) node = this.child(node, info[i]!.id);
        this.add(chunk, from, end, node, weight, true, prominent);
      }
      for (let i = from; i < end; i++) {
        if (info[i]!.acronym) this.add(chunk, i, i + 1, this.child(0, info[i]!.id), weight, true, prominent);
      }
      start = end;
    }
  }

  /**
   * Phrases: the 2-4 syllable pieces of the content runs between function words. A phrase must occur
   * twice, so only pieces whose every bigram occurs twice are counted (which skips most of them cheaply).
   */
  private addPhrases(chunk: Chunk, weight: number, prominent: boolean): void {
    const { info } = chunk;
    const bigrams = CandidateTable.bigrams;
    for (let s = 0; s + 1 < info.length; s++) {
      const first = info[s]!;
      if (this.isStop(first) || first.digits) continue;
      let node = 0;
      for (let n = 2; n <= 4 && s + n <= info.length; n++) {
        const last = info[s + n - 1]!;
        if (this.isStop(last) || bigrams.get(bigramKey(info[s + n - 2]!.id, last.id), 0) < 2) break;
        node = this.child(n === 2 ? this.child(0, first.id) : node, last.id);
        if (last.digits && !last.year) continue;
        this.add(chunk, s, s + n, node, weight, false, prominent);
      }
    }
  }

  /** Splits a part of the article (title, lede, body, caption) into chunks between punctuation. */
  static chunks(text: string, maxSyllables: number): { chunk: Chunk; position: number }[] {
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
        JOINERS.has(code) &&
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
      if (SENTENCE_ENDS.has(code) || code === 10 || code === 13) sentenceStart = true;
      chunk.atSentenceStart = sentenceStart;
    }
    flush();
    return out;
  }

  /** Reads the parts of an article: `[text, weight, prominent, maxSyllables]`. */
  read(parts: readonly (readonly [string, number, boolean, number])[]): void {
    const chunked = parts.map(([text, weight, prominent, max]) => ({
      weight,
      prominent,
      chunks: CandidateTable.chunks(text, max),
    }));
    // Bigrams are counted first, so phrases seen once are never built.
    const bigrams = CandidateTable.bigrams;
    for (const part of chunked) {
      for (const { chunk } of part.chunks) {
        const { info } = chunk;
        for (let i = 0; i + 1 < info.length; i++) {
          bigrams.add(bigramKey(info[i]!.id, info[i + 1]!.id), 1);
        }
      }
    }
    for (const part of chunked) {
      for (const { chunk, position } of part.chunks) {
        const weight = part.weight * positionWeight(position);
        this.addNames(chunk, weight, part.prominent);
        this.addPhrases(chunk, weight, part.prominent);
      }
    }
  }
}

/** Early body text weighs a little more than late body text. */
function positionWeight(syllablesRead: number): number {
  return 1 + 0.5 / (1 + syllablesRead / 200);
}

/** True if `b[bFrom..]` lines up with `a[aFrom..]` for as long as both last. */
function linesUp(a: Candidate, aFrom: number, b: Candidate, bFrom: number): boolean {
  for (let i = 0; aFrom + i < a.syllables && bFrom + i < b.syllables; i++)
    if (a.idAt(aFrom + i) !== b.idAt(bFrom + i)) return false;
  return true;
}

/** Two phrases overlap when one contains the other or they share syllables at an edge. */
function overlaps(a: Candidate, b: Candidate): boolean {
  // Slide b along a: any alignment where the overlapping syllables agree and b starts or ends inside a.
  for (let offset = 1 - b.syllables; offset < a.syllables; offset++) {
    const ok = offset >= 0 ? linesUp(a, offset, b, 0) : linesUp(b, -offset, a, 0);
    if (ok) return true;
  }
  return false;
}

/** Key phrases of the text, best first, at most `limit`. */
export function extractKeyPhrases(article: KeywordText, language: string, limit = MAX_KEYWORDS): string[] {
  forgetWordsIfFull();
  const table = new CandidateTable(language === 'en');
  // The body repeats the lede; it is read for its frequencies all the same.
  table.read([
    [article.title ?? '', 3, true, 200],
    [article.lede ?? '', 2, true, 400],
    [article.body, 1, false, MAX_BODY_SYLLABLES],
    ...article.captions.slice(0, MAX_CAPTIONS).map((caption) => [caption, 0.5, false, 100] as const),
  ]);

  const candidates: Candidate[] = [];
  for (const c of table.all) {
    if (c.occurrences < 2 && !(c.name && c.prominent)) continue;
    c.spell();
    if (c.name || !GENERIC_PHRASES.has(c.key)) candidates.push(c);
  }
  // The best score of a longer candidate containing each shorter one, to find dominated phrases.
  for (const c of candidates) if (c.syllables >= 2) table.creditPieces(c);
  const ranked = candidates
    .filter((c) => c.longer < DOMINANCE * c.score)
    .map((c) => {
      const lengthBonus = c.syllables === 1 ? 0.9 : c.syllables === 2 ? 1 : c.syllables === 3 ? 1.15 : 1.2;
      return { c, score: c.score * lengthBonus * (c.name ? 1.3 : 1) };
    })
    .sort((a, b) => b.score - a.score || (a.c.key < b.c.key ? -1 : 1));

  const chosen: Candidate[] = [];
  for (const { c } of ranked) {
    if (chosen.some((k) => overlaps(k, c))) continue;
    chosen.push(c);
    if (chosen.length === limit) break;
  }
  return chosen.map((c) => (c.name || !c.sawLowerCase ? (c.form() ?? c.key) : c.key).normalize('NFC'));
}

/** The article's keywords: its own when it declares them, else extracted key phrases (at most 10). */
export function articleKeywords(article: KeywordText, language: string): string[] {
  const declared = declaredKeywords(article.keywords);
  if (declared.length > 0) return declared;
  if (language !== 'vi' && language !== 'en') return [];
  return extractKeyPhrases(article, language);
}
