/**
 * What an article says about its event, as weighted terms: its entities (canonical names, folded), its
 * keywords, the content pairs of its title and the most telling pairs of its body. Two articles about
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

/** Terms `<kind letter>:<folded text>` with their weights. */
export type StoryTerms = Record<string, number>;

export interface StoryFeatures {
  terms: StoryTerms;
  /** The terms the store looks candidates up by, most telling first. */
  lookup: string[];
}

type FeatureInput = Pick<ArticleRecord, 'title' | 'keywords' | 'entities' | 'body'>;

const fold = (text: string) => searchKey(text).replaceAll(' ', '');

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
  const known = new Set(title.map((t) => t.slice(2)));
  for (const p of bodyTerms(record.body, known, BODY_PAIRS)) add(`b:${p}`, TERM_WEIGHTS.body);
  // Look-up keys: alternate the kinds so one long list does not crowd out the others.
  const lookup: string[] = [];
  const lists = [people, orgs, keywords, title, places].map((l) => l.filter((t) => terms[t] !== undefined));
  for (let i = 0; lookup.length < MAX_LOOKUP_TERMS && lists.some((l) => i < l.length); i++) {
    for (const l of lists) {
      const t = l[i];
      if (t !== undefined && !lookup.includes(t) && lookup.length < MAX_LOOKUP_TERMS) lookup.push(t);
    }
  }
  return { terms, lookup };
}

/** Weighted Dice overlap of two articles' terms, in [0, 1]. */
export function termSimilarity(a: StoryTerms, b: StoryTerms): number {
  let shared = 0;
  let total = 0;
  for (const [t, w] of Object.entries(a)) {
    total += w;
    const v = b[t];
    if (v !== undefined) shared += Math.min(w, v);
  }
  for (const w of Object.values(b)) total += w;
  return total === 0 ? 0 : (2 * shared) / total;
}
