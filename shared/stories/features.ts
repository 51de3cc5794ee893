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

const fold = (text: string) => searchKey(text).replaceAll(' ', '');

/** A title's content syllables (not function words), folded, each once. */
function titleSyllables(title: string): string[] {
  return [...new Set(searchKey(title).split(' '))].filter((w) => w && !isStopword(w));
}

/** Adjacent pairs of a title's content syllables (not two function words), folded. */
function titlePairs(title: string): string[] {
  const words = searchKey(title).split(' ').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    if (isStopword(words[i]!) || isStopword(words[i + 1]!)) continue;
    out.push(`${words[i]} ${words[i + 1]}`);
  }
  return out;
}

export function storyFeatures(record: FeatureInput): StoryFeatures {
  const terms: StoryTerms = {};
  const add = (term: string, weight: number) => {
    if (term.length > 2 && (terms[term] ?? 0) < weight) terms[term] = weight;
  };
  const byMentions = <T extends { mentions: number }>(list: T[]) =>
    [...list].sort((a, b) => b.mentions - a.mentions);
  const people = byMentions(record.entities.person).map((e) => `e:${fold(e.name)}`);
  const orgs = byMentions(record.entities.organization).map((e) => `e:${fold(e.name)}`);
  const places = byMentions(record.entities.place).map((e) => `e:${fold(e.name)}`);
  const keywords = record.keywords.map((k) => `k:${fold(k)}`);
  const title = record.title ? titlePairs(record.title).map((p) => `t:${p}`) : [];
  for (const t of people) add(t, TERM_WEIGHTS.person);
  for (const t of orgs) add(t, TERM_WEIGHTS.organization);
  for (const t of places) add(t, TERM_WEIGHTS.place);
  for (const t of keywords) add(t, TERM_WEIGHTS.keyword);
  for (const t of title) add(t, TERM_WEIGHTS.title);
  for (const s of record.title ? titleSyllables(record.title) : []) terms[`${HEADLINE}${s}`] = 1;
  const known = new Set(title.map((t) => t.slice(2)));
  for (const p of bodyTerms(record.body, known, BODY_PAIRS)) add(`b:${p}`, TERM_WEIGHTS.body);
  // Look-up keys: alternate the kinds so one long list does not crowd out the others. Places come only
  // after them: a few places (Hà Nội, TP HCM) are in most articles, so a place finds the newest articles
  // of the window rather than those of the event, and a pair sharing only places is never close.
  const lookup: string[] = [];
  const lists = [people, orgs, keywords, title].map((l) => l.filter((t) => terms[t] !== undefined));
  for (let i = 0; lookup.length < MAX_LOOKUP_TERMS && lists.some((l) => i < l.length); i++) {
    for (const l of lists) {
      const t = l[i];
      if (t !== undefined && !lookup.includes(t) && lookup.length < MAX_LOOKUP_TERMS) lookup.push(t);
    }
  }
  for (const t of places) {
    if (lookup.length < MAX_LOOKUP_TERMS && terms[t] !== undefined && !lookup.includes(t)) lookup.push(t);
  }
  return { terms, lookup };
}

/**
 * Weighted Dice overlap of two articles' terms of one part (`inPart`), in [0, 1]. Runs for every candidate
 * pair an article is compared with, so it walks the objects with `for…in` rather than allocating their
 * entries (same order, same sums).
 */
function weightedDice(a: StoryTerms, b: StoryTerms, inPart: (term: string) => boolean): number {
  let shared = 0;
  let total = 0;
  for (const t in a) {
    if (!inPart(t)) continue;
    const w = a[t]!;
    total += w;
    const v = b[t];
    if (v !== undefined) shared += Math.min(w, v);
  }
  for (const t in b) if (inPart(t)) total += b[t]!;
  return total === 0 ? 0 : (2 * shared) / total;
}

const isHeadline = (term: string) => term.startsWith(HEADLINE);
const isContent = (term: string) => !term.startsWith(HEADLINE);
function hasHeadline(terms: StoryTerms): boolean {
  for (const t in terms) if (isHeadline(t)) return true;
  return false;
}

/** How much two articles say the same: weighted Dice overlap of their content terms (all but the headline). */
export const contentSimilarity = (a: StoryTerms, b: StoryTerms) => weightedDice(a, b, isContent);

/** How much two headlines say the same: Dice overlap of their content syllables. */
export const headlineSimilarity = (a: StoryTerms, b: StoryTerms) => weightedDice(a, b, isHeadline);

/**
 * How close two articles are, in [0, 1]: the weighted geometric mean of their content and headline
 * similarities (`headlineShare` the headline's exponent; 0 = the content alone), so both must agree. Two reports of one
 * event share the people and places and also say the same in their headlines; two stories on the
 * same people the same day (a match report and the coach's praise after it) share the names but
 * not the headline. Without a headline on either side (or a link stored before headlines were kept)
 * the content alone counts.
 */
export function termSimilarity(a: StoryTerms, b: StoryTerms, headlineShare: number): number {
  const content = contentSimilarity(a, b);
  if (headlineShare === 0 || !hasHeadline(a) || !hasHeadline(b)) return content;
  return content ** (1 - headlineShare) * headlineSimilarity(a, b) ** headlineShare;
}
