/**
 * The two decisions made for an arriving article against what the store found for it (pure):
 * - `duplicateOf`: the earliest candidate whose body sketch is close enough;
 * - its story: the story of its closest candidate in the window, if close enough, else a new one.
 */

import weightData from './data/weights.json';
import { type StoryTerms, termSimilarity } from './features';
import { type Sketch, sketchSimilarity } from './minhash';

export interface StoryThresholds {
  /** Share of the similarity lost at the window's edge (linearly with the time between the articles). */
  timeDecay: number;
  /** Least term similarity (features.ts) for two articles to be about one event. */
  story: number;
  /** Least estimated shingle Jaccard (minhash.ts) for two bodies to be one text. */
  duplicate: number;
}

export const DEFAULT_THRESHOLDS: Readonly<StoryThresholds> = {
  story: weightData.storyThreshold,
  duplicate: weightData.duplicateThreshold,
  timeDecay: weightData.timeDecay,
};

/** An article as the decisions see it. */
export interface StoryArticle {
  id: string;
  /** Event time (ms since epoch): publication, else processing. */
  time: number;
  terms: StoryTerms;
  sketch: Sketch | null;
}

/** A stored article found as a candidate, with the story it is in. */
export interface StoryCandidate extends StoryArticle {
  story: string;
}

/** Earlier in the store's order: by time, then id. */
export const isEarlier = (a: Pick<StoryArticle, 'id' | 'time'>, b: Pick<StoryArticle, 'id' | 'time'>) =>
  a.time < b.time || (a.time === b.time && a.id < b.id);

/** The id of the earliest candidate (earlier than the article itself) with the same text, else null. */
export function findDuplicateOf(
  self: StoryArticle,
  candidates: readonly StoryArticle[],
  threshold: number,
): string | null {
  if (!self.sketch) return null;
  let best: StoryArticle | null = null;
  for (const c of candidates) {
    if (c.id === self.id || !c.sketch || !isEarlier(c, self)) continue;
    if (sketchSimilarity(self.sketch, c.sketch) < threshold) continue;
    if (!best || isEarlier(c, best)) best = c;
  }
  return best?.id ?? null;
}

/**
 * The stories the article could join, best first, each with its best member's score: term similarity,
 * lowered with the time between the two (none at the window's edge is left at `1 - timeDecay`); a
 * same-text member scores 1. Only stories scoring at least `thresholds.story` are listed; none means the
 * article starts a story of its own.
 */
export function rankStories(
  self: StoryArticle,
  candidates: readonly StoryCandidate[],
  thresholds: StoryThresholds,
  windowMs: number,
): { story: string; score: number }[] {
  const best = new Map<string, number>();
  for (const c of candidates) {
    if (c.id === self.id) continue;
    const gap = Math.min(1, Math.abs(c.time - self.time) / windowMs);
    let score = termSimilarity(self.terms, c.terms) * (1 - thresholds.timeDecay * gap);
    if (score < thresholds.story && self.sketch && c.sketch) {
      if (sketchSimilarity(self.sketch, c.sketch) >= thresholds.duplicate) score = 1;
    }
    if (score >= thresholds.story && score > (best.get(c.story) ?? -1)) best.set(c.story, score);
  }
  return [...best]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([story, score]) => ({ story, score }));
}
