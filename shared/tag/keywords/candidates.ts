/**
 * Candidate key phrases of one article, counted by word ids in a trie (no strings are built while counting):
 * names (runs of capitalised syllables, acronyms) and 2-5 syllable phrases of the content runs.
 */

import { CONTENT_WORD, pairKind, prepareWords, wordKind } from './compounds';
import { IntTable } from './int-table';
import type { KeywordSettings } from './settings';
import { type Chunk, chunks, ID_SPACE, type WordInfo } from './words';

/**
 * A candidate phrase, found by its word ids (no strings are built while counting): its key and written
 * form are spelled out only for the few that survive the filters.
 */
export class Candidate {
  /** The lower-case syllables joined by spaces, spelled out when first asked (few candidates are). */
  private spelled: string | null = null;
  score = 0;
  /** Where a written form with capitals was first seen away from a sentence start, if ever. */
  formChunk: Chunk | null = null;
  formStart = 0;
  /** Also written all in lower case somewhere: then capitals elsewhere were a heading's, not a name's. */
  sawLowerCase = false;
  occurrences = 0;
  /** Best score of a surviving longer candidate containing this one. */
  longer = 0;
  /** Best score of a surviving longer name containing this one (a name gives way only to a name). */
  longerName = 0;
  /**
   * The word just before (after) every occurrence, or `FREE` when they differ or one has none (a number,
   * punctuation): a phrase always next to the same word is a piece of a longer word or phrase (`kiến cụ
   * thể` of `sáng kiến cụ thể`, `dụng trái phép` of `sử dụng trái phép`). A function word before it says
   * so only from three occurrences on (`sáng` is also `sáng kiến`'s, but `các nội dung` twice is chance);
   * one after it never does (`… của ASEAN`).
   */
  left = UNSEEN;
  right = UNSEEN;
  leftIsStop = false;
  rightIsStop = false;
  /** The last occurrence counted: a name's run is met again by the phrase pass and counts once. */
  lastChunk: Chunk | null = null;
  lastStart = -1;

  constructor(
    /** The first occurrence: its syllables are `chunk.info[start .. start + syllables]`. */
    readonly chunk: Chunk,
    readonly start: number,
    readonly syllables: number,
    public name: boolean,
    /** Seen in the title or lede. */
    public prominent: boolean,
  ) {}

  /** Always beside the same content word: a cut, not a whole word or phrase (names end at capitals). */
  isCut(): boolean {
    if (this.name) return false;
    const bound = (id: number, stop: boolean) => id >= 0 && (!stop || this.occurrences >= 3);
    return bound(this.left, this.leftIsStop) || (this.right >= 0 && !this.rightIsStop);
  }

  /**
   * Opens or closes on a Vietnamese grammar word (`trong năm Bính Ngọ`, `có lợi thế`, `lượng bán ra`): the
   * word list's set phrases (`trong năm`, `có thể`) let such a piece through the function-word cut.
   */
  hangsOnGrammarWord(): boolean {
    const { info } = this.chunk;
    return info[this.start]!.opensNoPhrase || info[this.start + this.syllables - 1]!.closesNoPhrase;
  }

  /** Word id of the `i`-th syllable. */
  idAt(i: number): number {
    return this.chunk.info[this.start + i]!.id;
  }

  get key(): string {
    this.spelled ??= joinWords(this.chunk.info, this.start, this.start + this.syllables, true);
    return this.spelled;
  }

  /** The written form with capitals, if it has any and was seen away from a sentence start. */
  form(): string | null {
    if (this.formChunk === null) return null;
    return joinWords(this.formChunk.info, this.formStart, this.formStart + this.syllables, false);
  }
}

/** Longest phrase counted, in syllables (editors' key phrases run to five: `giá vàng miếng SJC`). */
const MAX_PHRASE = 5;
const UNSEEN = -2;
const FREE = -1;

/** A neighbouring word's id; none for a number or the chunk's edge. */
const neighbourId = (info: WordInfo | undefined) => (info === undefined || info.digits ? FREE : info.id);

/** `seen` after one more occurrence next to `id`. */
const neighbour = (seen: number, id: number) => (seen === UNSEEN || seen === id ? id : FREE);

/** `info[start..end]` as written (or in lower case), joined by spaces. */
function joinWords(info: readonly WordInfo[], start: number, end: number, lower: boolean): string {
  let out = lower ? info[start]!.lower : info[start]!.word;
  for (let i = start + 1; i < end; i++) out += ` ${lower ? info[i]!.lower : info[i]!.word}`;
  return out;
}
/** First syllables of organisation names and titles, whose capitalised head (`Sở Giao`) is not the name. */
/** Function-word flags (`CandidateTable.functionWords`). */
const STOP = 1;
const IN_FUNCTION_WORD = 2;

const NAME_HEADS: ReadonlySet<string> = new Set(
  'bộ sở ban phó thủ hội ủy cục viện trường công tổng ngân tập phòng chủ bí quốc tỉnh bệnh đại học chi'.split(
    ' ',
  ),
);

/**
 * A capitalised word standing alone away from a sentence start is a one-word name (`Apple`, `Nga`,
 * `Tết`), unless it is a function word (`Theo`), a number, a single letter (`A`), or the first or last
 * syllable of a word (`Ngoại hạng`, `Sử dụng`).
 */
function isOneWordName(info: readonly WordInfo[], i: number, stop: number): boolean {
  const word = info[i]!;
  if (word.acronym || word.digits || stop !== 0 || word.word.length < 2) return false;
  return wordKind(info, i) === 0;
}

/** Key of a bigram in the article's counts: both ids in one small integer. */
const bigramKey = (first: number, second: number) => (first << 15) | second;

/**
 * The article's candidates in a trie over word ids: node 0 is the empty sequence and each node's children
 * extend it by one word, so a phrase is found by small-integer look-ups as it grows, with no string built.
 */
export class CandidateTable {
  /** Child node by `parent * 2^15 + word id` (one table for every article: reading is synchronous). */
  private static readonly children = new IntTable(1 << 14);
  /** Bigram counts by `bigramKey`. */
  private static readonly bigrams = new IntTable(1 << 12);
  /** Function-word flags of the chunk being read (one buffer, reused). */
  private static stops = new Uint8Array(256);
  private nodes = 1;
  /** The candidate of each node, if it was counted. */
  private readonly byNode: (Candidate | undefined)[] = [undefined];
  /** Every candidate, in the order first seen. */
  readonly all: Candidate[] = [];

  constructor(
    private readonly english: boolean,
    private readonly earlyBody: KeywordSettings['earlyBody'],
  ) {
    CandidateTable.children.clear();
    CandidateTable.bigrams.clear();
  }

  private isStop(info: WordInfo): boolean {
    return this.english ? info.stopEn : info.stopVi;
  }

  /**
   * Per syllable: 0 for a content word; STOP for a function word standing alone; IN_FUNCTION_WORD for one
   * inside a word made only of function words (`hôm nay`), which may go on or end a phrase (`giá vàng hôm
   * nay`) but not start one (`trong khi giá vàng`). A function word inside a longer word with a content
   * syllable (`thời` of `thời tiết`) is a content word.
   */
  private functionWords(info: readonly WordInfo[]): Uint8Array {
    if (CandidateTable.stops.length < info.length) CandidateTable.stops = new Uint8Array(info.length * 2);
    const stops = CandidateTable.stops;
    // The pair after a function word is the pair before the next one: function words come in runs.
    let pairAfter = 0;
    let pairAfterOf = -1;
    for (let i = 0; i < info.length; i++) {
      if (!this.isStop(info[i]!)) {
        stops[i] = 0;
        continue;
      }
      const before = pairAfterOf === i - 1 ? pairAfter : pairKind(info, i - 1);
      pairAfter = pairKind(info, i);
      pairAfterOf = i;
      const kind =
        before === CONTENT_WORD || pairAfter === CONTENT_WORD ? CONTENT_WORD : Math.max(before, pairAfter);
      stops[i] = kind === CONTENT_WORD ? 0 : kind === 0 ? STOP : IN_FUNCTION_WORD;
    }
    return stops;
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
        if (piece !== undefined) {
          piece.longer = Math.max(piece.longer, c.score);
          if (c.name) piece.longerName = Math.max(piece.longerName, c.score);
        }
      }
    }
  }

  /** Counts `chunk.info[start..end]`, whose trie node is `node`. */
  private add(
    chunk: Chunk,
    stops: Uint8Array,
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
    } else if (candidate.lastChunk === chunk && candidate.lastStart === start) return;
    candidate.lastChunk = chunk;
    candidate.lastStart = start;
    candidate.score += weight;
    candidate.occurrences++;
    const before = chunk.info[start - 1];
    const after = chunk.info[end];
    candidate.left = neighbour(candidate.left, neighbourId(before));
    candidate.right = neighbour(candidate.right, neighbourId(after));
    if (before !== undefined) candidate.leftIsStop = stops[start - 1] !== 0;
    if (after !== undefined) candidate.rightIsStop = stops[end] !== 0;
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
  private addNames(chunk: Chunk, stops: Uint8Array, weight: number, prominent: boolean): void {
    const { info } = chunk;
    let start = 0;
    while (start < info.length) {
      if (!info[start]!.capitalised) {
        start++;
        continue;
      }
      let end = start;
      while (end < info.length && info[end]!.capitalised) end++;
      const atStart = chunk.atSentenceStart && start === 0;
      const from = start + (atStart && end - start > 2 ? 1 : 0);
      const next = info[end];
      const continues = next !== undefined && !this.isStop(next) && !next.digits;
      const isHead = continues && NAME_HEADS.has(info[from]!.lower);
      // A run ending inside a word written on in lower case (`Tết Nguyên` of `Tết Nguyên đán`) is no name.
      const endsInWord = next?.lowerCase === true && pairKind(info, end - 1) !== 0;
      if (end - from >= 2 && end - from <= 5 && !isHead && !endsInWord) {
        let node = 0;
        for (let i = from; i < end; i++) node = this.child(node, info[i]!.id);
        this.add(chunk, stops, from, end, node, weight, true, prominent);
      }
      if (end - start === 1 && !atStart && isOneWordName(info, start, stops[start]!))
        this.add(chunk, stops, start, end, this.child(0, info[start]!.id), weight, true, prominent);
      for (let i = from; i < end; i++) {
        if (info[i]!.acronym)
          this.add(chunk, stops, i, i + 1, this.child(0, info[i]!.id), weight, true, prominent);
      }
      start = end;
    }
  }

  /**
   * Phrases: the 2-5 syllable pieces of the content runs between function words (`stops`: a function
   * word inside a longer word, `thời` of `thời tiết`, is none). A phrase must occur twice, so only pieces whose every
   * bigram occurs twice are counted (which skips most of them cheaply).
   */
  private addPhrases(chunk: Chunk, stops: Uint8Array, weight: number, prominent: boolean): void {
    const { info } = chunk;
    const bigrams = CandidateTable.bigrams;
    for (let s = 0; s + 1 < info.length; s++) {
      const first = info[s]!;
      if (stops[s] !== 0 || first.digits) continue;
      let node = 0;
      for (let n = 2; n <= MAX_PHRASE && s + n <= info.length; n++) {
        const last = info[s + n - 1]!;
        if (stops[s + n - 1] === STOP || bigrams.get(bigramKey(info[s + n - 2]!.id, last.id), 0) < 2) break;
        node = this.child(n === 2 ? this.child(0, first.id) : node, last.id);
        if (last.digits && !last.year) continue;
        this.add(chunk, stops, s, s + n, node, weight, false, prominent);
      }
    }
  }

  /** Reads the parts of an article: `[text, weight, prominent, maxSyllables]`. */
  read(parts: readonly (readonly [string, number, boolean, number])[]): void {
    const chunked = parts.map(([text, weight, prominent, max]) => ({
      weight,
      prominent,
      chunks: chunks(text, max),
    }));
    prepareWords();
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
        // Early text weighs a little more than late text.
        const weight = part.weight * (1 + this.earlyBody.bonus / (1 + position / this.earlyBody.syllables));
        const stops = this.functionWords(chunk.info);
        this.addNames(chunk, stops, weight, part.prominent);
        this.addPhrases(chunk, stops, weight, part.prominent);
      }
    }
  }
}
