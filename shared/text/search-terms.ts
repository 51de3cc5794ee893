/**
 * Which words of an article `q` can find: a budget of terms, most telling first. Each term is one
 * posting item, i.e. one write per article, so the store indexes few, well-chosen terms rather than every
 * syllable. Pure, no AWS.
 *
 * Terms are folded (`searchKey`) single syllables and adjacent pairs; Vietnamese words are mostly one or
 * two syllables, so a pair is about a word. In order, until MAX_SEARCH_TERMS:
 * 1. title, keywords, entity names: every syllable except function words, and every pair;
 * 2. lede: pairs of two content syllables;
 * then up to BODY_TERMS pairs from the body that the fields above lack, the most telling first (see
 * `bodyTerms`).
 */

import stopwordData from './data/search-stopwords.json';
import { searchKey } from './vietnamese';

const STOPWORDS: ReadonlySet<string> = new Set(stopwordData.words);

/** Most terms from title, keywords, entity names and lede. */
export const MAX_SEARCH_TERMS = 40;
/** Most body pairs indexed on top of those. */
export const BODY_TERMS = 8;
/** Longest search text kept on an article (title, keywords, entity names, lede). */
export const MAX_SEARCH_TEXT = 8000;

export const isStopword = (syllable: string) => STOPWORDS.has(syllable);

/** Fields of the search text are joined with this, so a phrase never spans two fields. */
export const FIELD_SEPARATOR = ' | ';

export interface SearchFields {
  /** Title, keywords, entity names and aliases: short and telling. */
  head: string[];
  lede: string | null;
  body: string;
}

/** The folded search text (`searchKey` of each field, joined with FIELD_SEPARATOR): what a phrase must be in. */
export function searchTextOf(fields: SearchFields): string {
  return [...fields.head, fields.lede ?? '']
    .map(searchKey)
    .filter(Boolean)
    .join(FIELD_SEPARATOR)
    .slice(0, MAX_SEARCH_TEXT);
}

function addFieldTerms(terms: Set<string>, field: string, pairsOnly: boolean, max: number): void {
  const words = field.split(' ').filter(Boolean);
  for (let i = 0; i < words.length && terms.size < max; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (!pairsOnly && !isStopword(w)) terms.add(w);
    if (next === undefined || terms.size >= max) continue;
    const content = pairsOnly ? !isStopword(w) && !isStopword(next) : !(isStopword(w) && isStopword(next));
    if (content) terms.add(`${w} ${next}`);
  }
}

const SENTENCE_BREAK = /[.!?;:,()[\]"“”'‘’…\n\r\t–—-]+/u;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Every pair of content syllables in the body with its score, in order of first occurrence: a pair
 * scores one per occurrence, plus two when both syllables are capitalised inside a sentence (a name the
 * recogniser missed: `Thủ Thiêm`, `Trường Sa`).
 */
function bodyPairScores(body: string): ReadonlyMap<string, number> {
  const score = new Map<string, number>();
  for (const sentence of body.split(SENTENCE_BREAK)) {
    const raw = sentence.match(WORD) ?? [];
    // Each word folded once, as the right of one pair and the left of the next.
    let a = raw.length > 0 ? searchKey(raw[0]!) : '';
    for (let i = 0; i + 1 < raw.length; i++) {
      const b = searchKey(raw[i + 1]!);
      if (a && b && !a.includes(' ') && !b.includes(' ') && !isStopword(a) && !isStopword(b)) {
        const pair = `${a} ${b}`;
        const named = i > 0 && CAPITAL.test(raw[i]!) && CAPITAL.test(raw[i + 1]!);
        score.set(pair, (score.get(pair) ?? 0) + 1 + (named ? 2 : 0));
      }
      a = b;
    }
  }
  return score;
}

const CAPITAL = /^\p{Lu}/u;

/**
 * The last few bodies' pair scores: storing an article asks for its body terms twice (its search terms
 * and its story features, each with other known terms), and scoring the body is the costly part. A
 * container stores several articles at once, so between the two asks others come: more bodies than
 * that are kept (those up to SCORED_BODY_CHARS long).
 */
const scoredBodies = new Map<string, ReadonlyMap<string, number>>();
const SCORED_BODIES = 16;
const SCORED_BODY_CHARS = 200_000;

function scoresOf(body: string): ReadonlyMap<string, number> {
  const known = scoredBodies.get(body);
  if (known) return known;
  const scores = bodyPairScores(body);
  if (body.length <= SCORED_BODY_CHARS) {
    if (scoredBodies.size >= SCORED_BODIES) scoredBodies.delete(scoredBodies.keys().next().value!);
    scoredBodies.set(body, scores);
  }
  return scores;
}

/**
 * The most telling pairs of content syllables in the body that `known` lacks (scored by
 * `bodyPairScores`); pairs scoring under 2 (a common word said once) are skipped. Ties keep the earlier
 * pair.
 */
export function bodyTerms(body: string, known: ReadonlySet<string>, max = BODY_TERMS): string[] {
  const kept: [string, number][] = [];
  for (const [pair, s] of scoresOf(body)) if (s >= 2 && !known.has(pair)) kept.push([pair, s]);
  return kept
    .sort((x, y) => y[1] - x[1]) // stable: ties keep first occurrence
    .slice(0, max)
    .map(([pair]) => pair);
}

/** Every term `q` can find an article by (see the module comment). */
export function searchTerms(fields: SearchFields): string[] {
  const terms = new Set<string>();
  for (const field of fields.head) {
    if (terms.size >= MAX_SEARCH_TERMS) break;
    addFieldTerms(terms, searchKey(field), false, MAX_SEARCH_TERMS);
  }
  if (fields.lede) addFieldTerms(terms, searchKey(fields.lede), true, MAX_SEARCH_TERMS);
  return [...terms, ...bodyTerms(fields.body, terms)];
}

/**
 * The terms an article must have for `q` (folded): its pairs of two content syllables, else its pairs
 * that are not two function words, else its one syllable. Empty when `q` is only function words.
 */
export function queryTerms(folded: string): string[] {
  const words = folded.split(' ').filter(Boolean);
  if (words.length === 1) return isStopword(words[0]!) ? [] : words;
  const pairs = words.slice(1).map((w, i) => [words[i]!, w] as const);
  const content = pairs.filter(([a, b]) => !isStopword(a) && !isStopword(b));
  const usable = content.length > 0 ? content : pairs.filter(([a, b]) => !(isStopword(a) && isStopword(b)));
  return [...new Set(usable.map(([a, b]) => `${a} ${b}`))];
}
