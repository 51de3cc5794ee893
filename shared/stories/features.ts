/**
 * What an article says about its event, as weighted terms: its entities (canonical names, folded), its
 * keywords, the content pairs of its title and the most telling pairs of its body; and apart from
 * those, its headline's content syllables (`h:`). Two articles about
 * one event share many heavy terms (the people, organisations, the words of the headline); two about
 * one topic share few. A few of the terms are look-up keys: the store finds candidate articles of the
 * time window through them. Pure, no AWS.
 */
import type { ArticleRecord } from '../model/article';
import { bodyTerms, isStopword } from '../text/search-terms';
import { searchKey } from '../text/vietnamese';
import weightData from './data/weights.json';
import { foldName } from './fold';

export interface StoryWeights {
  person: number;
  organization: number;
  place: number;
  keyword: number;
  title: number;
  body: number;
}

export const TERM_WEIGHTS: Readonly<StoryWeights> = weightData.weights;
/** Look-up keys per article (one posting each), from the heaviest kinds. */
export const MAX_LOOKUP_TERMS = weightData.lookupTerms;
/** Body pairs per article. */
export const BODY_PAIRS = weightData.bodyPairs;
/** Kind prefix of headline syllables, compared apart from the other terms (see termSimilarity). */
const HEADLINE = 'h:';

/** Terms `<kind letter>:<folded text>` with their weights. */
export type StoryTerms = Record<string, number>;

export interface StoryFeatures {
  terms: StoryTerms;
  /** The terms the store looks candidates up by, most telling first. */
  lookup: string[];
}

type FeatureInput = Pick<ArticleRecord, 'title' | 'keywords' | 'entities' | 'body'>;

/** A title's folded words (`searchKey`), split once for its syllables and its pairs. */
const titleWords = (title: string) => searchKey(title).split(' ').filter(Boolean);

/** A title's content syllables (not function words), each once. */
function titleSyllables(words: readonly string[]): string[] {
  return [...new Set(words)].filter((w) => !isStopword(w));
}

/** Adjacent pairs of a title's content syllables (not two function words). */
function titlePairs(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    if (isStopword(words[i]!) || isStopword(words[i + 1]!)) continue;
    out.push(`${words[i]} ${words[i + 1]}`);
  }
  return out;
}

const byMentions = (a: { mentions: number }, b: { mentions: number }) => b.mentions - a.mentions;

/** Entity terms, the most mentioned first (ties in the record's order). */
const entityTerms = (list: readonly { name: string; mentions: number }[]) =>
  [...list].sort(byMentions).map((e) => `e:${foldName(e.name)}`);

/** Sets a term's weight, unless it is too short or holds as much already. */
function addTerm(terms: StoryTerms, term: string, weight: number): void {
  if (term.length > 2 && (terms[term] ?? 0) < weight) terms[term] = weight;
}

function addTerms(terms: StoryTerms, list: readonly string[], weight: number): void {
  for (const t of list) addTerm(terms, t, weight);
}

export function storyFeatures(record: FeatureInput): StoryFeatures {
  // A dictionary from the start: each article brings keys no other object has, and adding them to a `{}`
  // makes a hidden class per key before V8 gives up on them (1.5× the CPU, .scratch measurement).
  const terms: StoryTerms = Object.create(null);
  const people = entityTerms(record.entities.person);
  const orgs = entityTerms(record.entities.organization);
  const places = entityTerms(record.entities.place);
  const keywords = record.keywords.map((k) => `k:${foldName(k)}`);
  const words = record.title ? titleWords(record.title) : [];
  const pairs = titlePairs(words);
  const title = pairs.map((p) => `t:${p}`);
  addTerms(terms, people, TERM_WEIGHTS.person);
  addTerms(terms, orgs, TERM_WEIGHTS.organization);
  addTerms(terms, places, TERM_WEIGHTS.place);
  addTerms(terms, keywords, TERM_WEIGHTS.keyword);
  addTerms(terms, title, TERM_WEIGHTS.title);
  for (const s of titleSyllables(words)) terms[`${HEADLINE}${s}`] = 1;
  for (const p of bodyTerms(record.body, new Set(pairs), BODY_PAIRS))
    addTerm(terms, `b:${p}`, TERM_WEIGHTS.body);
  // Look-up keys: alternate the kinds so one long list does not crowd out the others. Places come only
  // after them: a few places (Hà Nội, TP HCM) are in most articles, so a place finds the newest articles
  // of the window rather than those of the event, and a pair sharing only places is never close.
  const lookup: string[] = [];
  const lists = [people, orgs, keywords, title].map((l) => l.filter((t) => terms[t] !== undefined));
  const longest = Math.max(...lists.map((l) => l.length));
  for (let i = 0; i < longest && lookup.length < MAX_LOOKUP_TERMS; i++) {
    for (const l of lists) if (i < l.length) addLookup(lookup, terms, l[i]!);
  }
  for (const t of places) addLookup(lookup, terms, t);
  return { terms, lookup };
}

/** Adds a term to the look-up keys while they are not full, if it is a term and not there yet. */
function addLookup(lookup: string[], terms: StoryTerms, term: string): void {
  if (lookup.length < MAX_LOOKUP_TERMS && terms[term] !== undefined && !lookup.includes(term))
    lookup.push(term);
}

// `h:` by its two units: called for every term of every pair compared.
const isHeadline = (term: string) => term.charCodeAt(0) === 0x68 && term.charCodeAt(1) === 0x3a;

/** A pair's weighted Dice overlaps, content and headline apart: written by `overlap`, read at once. */
const pair = { content: 0, headline: 0, bothHeadlines: false };

/**
 * Weighted Dice overlap of two articles' terms, each part (content, headline) in [0, 1]: per shared term
 * the smaller weight, twice, over both sides' weights. Runs for every pair compared, so both parts come
 * from one walk of each side's term list, and write into `pair` rather than a new object.
 */
function overlap(a: StoryTerms, b: StoryTerms): void {
  const listA = termList(a);
  const listB = termList(b);
  let contentShared = 0;
  let contentTotal = 0;
  let headlineShared = 0;
  let headlineTotal = 0;
  for (let i = 0; i < listA.terms.length; i++) {
    const w = listA.weights[i]!;
    const v = listB.weightOf.get(listA.terms[i]!);
    if (listA.headline[i]) {
      headlineTotal += w;
      if (v !== undefined) headlineShared += Math.min(w, v);
    } else {
      contentTotal += w;
      if (v !== undefined) contentShared += Math.min(w, v);
    }
  }
  for (let i = 0; i < listB.terms.length; i++) {
    if (listB.headline[i]) headlineTotal += listB.weights[i]!;
    else contentTotal += listB.weights[i]!;
  }
  pair.content = contentTotal === 0 ? 0 : (2 * contentShared) / contentTotal;
  pair.headline = headlineTotal === 0 ? 0 : (2 * headlineShared) / headlineTotal;
  pair.bothHeadlines = listA.hasHeadline && listB.hasHeadline;
}

/** How much two articles say the same: weighted Dice overlap of their content terms (all but the headline). */
export function contentSimilarity(a: StoryTerms, b: StoryTerms): number {
  overlap(a, b);
  return pair.content;
}

/** How much two headlines say the same: Dice overlap of their content syllables. */
export function headlineSimilarity(a: StoryTerms, b: StoryTerms): number {
  overlap(a, b);
  return pair.headline;
}

/**
 * How close two articles are, in [0, 1]: the weighted geometric mean of their content and headline
 * similarities (`headlineShare` the headline's exponent; 0 = the content alone), so both must agree. Two reports of one
 * event share the people and places and also say the same in their headlines; two stories on the
 * same people the same day (a match report and the coach's praise after it) share the names but
 * not the headline. Without a headline on either side (or a link stored before headlines were kept)
 * the content alone counts.
 */
export function termSimilarity(a: StoryTerms, b: StoryTerms, headlineShare: number): number {
  overlap(a, b);
  return combined(headlineShare);
}

const combined = (headlineShare: number) =>
  headlineShare === 0 || !pair.bothHeadlines
    ? pair.content
    : pair.content ** (1 - headlineShare) * pair.headline ** headlineShare;

/** termSimilarity and contentSimilarity of one pair, from one walk of its terms. */
export function pairSimilarities(
  a: StoryTerms,
  b: StoryTerms,
  headlineShare: number,
): { term: number; content: number } {
  overlap(a, b);
  return { term: combined(headlineShare), content: pair.content };
}

/** An article's terms as arrays, in the terms' own order, with a map of their weights. */
interface TermList {
  terms: string[];
  weights: number[];
  headline: boolean[];
  hasHeadline: boolean;
  weightOf: Map<string, number>;
}

/**
 * Each terms object's list, made once: an arriving article is compared with every candidate, and a
 * candidate with the article several times (ranking, counting, regrouping), and walking a many-keyed
 * object with `for…in` gathers its keys again each time. Terms are never changed once made.
 */
const termLists = new WeakMap<StoryTerms, TermList>();

function termList(terms: StoryTerms): TermList {
  let list = termLists.get(terms);
  if (list) return list;
  list = { terms: [], weights: [], headline: [], hasHeadline: false, weightOf: new Map() };
  for (const t in terms) {
    const w = terms[t]!;
    const headline = isHeadline(t);
    list.terms.push(t);
    list.weights.push(w);
    list.headline.push(headline);
    list.weightOf.set(t, w);
    if (headline) list.hasHeadline = true;
  }
  termLists.set(terms, list);
  return list;
}
