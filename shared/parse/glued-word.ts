/**
 * One space-free word of a glued keyword line cut into the pieces it was glued from, or left whole: the
 * cheapest way to read it as a run of pieces, each priced by what it is (PIECE_COSTS). A word of the
 * article costs least, then a Vietnamese syllable (rarer ones cost more), a number or a model code
 * (`u23`, `24h`, `s26`), and a Latin word nobody knows costs much; a word with Vietnamese letters that
 * is no syllable costs most, so `Nộithời` falls into `Nội|thời` while `galaxy` stays whole (reading it as
 * `ga|la|xy` costs more).
 */
import { isVietnameseSyllable } from './encoding';

/** What the pieces are weighed against (the article's words, the syllable model's counts). */
export interface PieceLexicon {
  /** The lower-case piece is a word of the article. */
  inArticle(piece: string): boolean;
  /** The diacritic-free piece is a word of the article once folded (`quan` for `quần`). */
  inArticleFolded(piece: string): boolean;
  /** How often the model's text has the marked syllable. */
  syllableCount(piece: string): number;
  /** How often the model's text has a syllable that folds to the diacritic-free piece. */
  keyCount(piece: string): number;
  /**
   * The line has no Vietnamese letters, so a plain-letter piece may well be any syllable with its marks
   * lost (`tuc` for `tức`); in a marked line that is less likely than a syllable written without marks.
   */
  folded: boolean;
}

/** Prices of pieces, and of each cut: the cheapest reading wins, and a word left whole needs no cut. */
export const PIECE_COSTS = {
  article: 1,
  articleFolded: 1.5,
  number: 1,
  code: 2.5,
  /** Added for a number followed by two or three letters (`2026lan` is more often `2026` + `lan`). */
  longCode: 2,
  syllable: 1.5,
  unknownSyllable: 3.5,
  foldedSyllable: 2,
  /** Added when a marked line has a plain-letter piece that is a syllable only with marks (`tuc`). */
  markedLine: 1.5,
  /** Added to a syllable's price by rarity: seen fewer than 5 times, fewer than 50 times. */
  rare: 1.5,
  uncommon: 0.5,
  /** A Latin word nobody knows, and the price of each of its letters: a long one is more likely glued. */
  latinWord: 2.5,
  latinLetter: 0.4,
  shortLatin: 12,
  impossible: 25,
  cut: 0.5,
};

const MAX_PIECE = 24;
const ASCII_LETTERS = /^[a-z]+$/;
const NUMBER = /^\d+$/;
/** A model code: a few letters and digits (`u23`, `24h`, `s26`, `x300`, `16e`, `db7`). */
const CODE = /^(?:\p{L}{1,3}\d+\p{L}?|\d+\p{L})$/u;
const LONG_CODE = /^\d+\p{L}{2,3}$/u;
const UPPER = /^\p{Lu}{2,}$/u;
/** A year glued to the number after it (`202550` of `2025` + `50 năm`). */
const DIGIT = /\d/;
const YEAR = /^(?:19[5-9]\d|20[0-4]\d)$/;
const YEAR_AND_NUMBER = /^(?:19[5-9]\d|20[0-4]\d)[1-9]\d{0,2}$/;

const rarity = (count: number, c = PIECE_COSTS) => (count < 5 ? c.rare : count < 50 ? c.uncommon : 0);

const latin = (piece: string, c = PIECE_COSTS) =>
  piece.length >= 3 ? c.latinWord + c.latinLetter * piece.length : c.shortLatin;

/** The price of one piece (`written` as the line has it, `piece` lower-cased). */
export function pieceCost(piece: string, written: string, lexicon: PieceLexicon, c = PIECE_COSTS): number {
  // One letter is a word of most texts (`C`, `a`): it says nothing.
  if (piece.length > 1 && lexicon.inArticle(piece)) return c.article;
  if (NUMBER.test(piece)) return YEAR_AND_NUMBER.test(piece) ? c.code + c.cut : c.number;
  if (CODE.test(piece)) return c.code;
  if (LONG_CODE.test(piece)) return c.code + c.longCode;
  // An acronym is no run of syllables.
  if (UPPER.test(written)) return latin(piece, c);
  if (ASCII_LETTERS.test(piece)) {
    if (lexicon.inArticleFolded(piece)) return c.articleFolded;
    if (isVietnameseSyllable(piece)) {
      const marked = lexicon.folded ? 0 : lexicon.syllableCount(piece);
      if (marked > 0) return c.foldedSyllable + rarity(marked, c);
      const n = lexicon.keyCount(piece);
      if (n > 0) return c.foldedSyllable + rarity(n, c) + (lexicon.folded ? 0 : c.markedLine);
    }
    return latin(piece, c);
  }
  if (!isVietnameseSyllable(piece)) return c.impossible;
  const n = lexicon.syllableCount(piece);
  return n > 0 ? c.syllable + rarity(n, c) : c.unknownSyllable;
}

/** The word's pieces, in its own letters (cases kept); the word itself when no cut is cheaper. */
export function gluedWordCuts(word: string, lexicon: PieceLexicon, c = PIECE_COSTS): string[] {
  const lower = word.toLowerCase();
  if (
    lower.length !== word.length ||
    lower.length < 2 ||
    lower.length > 80 ||
    /[^\p{L}\p{M}\p{N}]/u.test(lower)
  )
    return [word];
  // best[i]: the cheapest reading of the first i letters: its price, pieces, and where its last piece starts.
  const best: { cost: number; pieces: number; start: number }[] = [{ cost: 0, pieces: 0, start: 0 }];
  for (let end = 1; end <= lower.length; end++) {
    let here: { cost: number; pieces: number; start: number } | undefined;
    for (let start = Math.max(0, end - MAX_PIECE); start < end; start++) {
      const prev = best[start];
      if (!prev || prev.cost === Number.POSITIVE_INFINITY) continue;
      const piece = pieceCost(lower.slice(start, end), word.slice(start, end), lexicon, c);
      // A number is cut only after a year (`2025|50`).
      const digits = start > 0 && DIGIT.test(lower[start - 1]!) && DIGIT.test(lower[start]!);
      const yearCut = digits && YEAR.test(lower.slice(prev.start, start));
      const cut = start === 0 ? 0 : digits && !yearCut ? c.impossible : c.cut;
      const cost = prev.cost + piece + cut;
      const pieces = prev.pieces + 1;
      if (!here || cost < here.cost || (cost === here.cost && pieces < here.pieces))
        here = { cost, pieces, start };
    }
    best[end] = here ?? { cost: Number.POSITIVE_INFINITY, pieces: 0, start: 0 };
  }
  const whole = pieceCost(lower, word, lexicon, c);
  if (best[lower.length]!.cost >= whole) return [word];
  const cuts: number[] = [];
  for (let end = lower.length; end > 0; end = best[end]!.start) cuts.unshift(best[end]!.start);
  return cuts.map((start, i) => word.slice(start, cuts[i + 1] ?? word.length));
}
