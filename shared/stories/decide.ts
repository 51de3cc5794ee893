/**
 * The two decisions made for an arriving article against what the store found for it (pure):
 * - `duplicateOf`: the earliest candidate whose body sketch is close enough;
 * - its story: the story of its closest candidate in the window, if close enough, else a new one.
 */

import weightData from './data/weights.json';
import { pairSimilarities, type StoryTerms } from './features';
import { type Sketch, sketchSimilarity } from './minhash';

export interface StoryThresholds {
  /** Share of a pair's similarity lost with the time between the two articles (all of it at `timeScaleHours`). */
  timeDecay: number;
  /** Hours apart at which two articles lose the whole `timeDecay`; closer ones lose it in proportion. */
  timeScaleHours: number;
  /** Exponent of the headline similarity in a pair's similarity, the content's being 1 − it (termSimilarity). */
  headlineShare: number;
  /** How a story is scored from its members' scores (see LINKAGE). */
  linkage: Linkage;
  /** Least story score for the article to join the story. */
  story: number;
  /** Least estimated shingle Jaccard (minhash.ts) for two bodies to be one text. */
  duplicate: number;
  /**
   * Content similarity from which it counts alone, whatever the headlines say (see pairScore); above 1,
   * never.
   */
  contentAlone: number;
}

/**
 * A story's score from the scores of its members found as candidates and its size:
 * - `single`: its best member's (one close member is enough, so stories chain through loose links);
 * - `average`: the mean over all its members, a member not found counting 0 (the article must be close
 *   to most of the story, so one loose link cannot pull it in).
 */
export const LINKAGE = {
  single: (scores: readonly number[]) => Math.max(...scores),
  average: (scores: readonly number[], size: number) =>
    scores.reduce((sum, s) => sum + s, 0) / Math.max(size, scores.length),
} as const;
export type Linkage = keyof typeof LINKAGE;

export const DEFAULT_THRESHOLDS: Readonly<StoryThresholds> = {
  story: weightData.storyThreshold,
  duplicate: weightData.duplicateThreshold,
  timeDecay: weightData.timeDecay,
  timeScaleHours: weightData.timeScaleHours,
  linkage: weightData.linkage as Linkage,
  headlineShare: weightData.headlineShare,
  contentAlone: weightData.contentAlone,
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
  /** Articles in that story now (its head's count); when unknown, the candidates found in it. */
  storySize?: number;
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
 * How close a candidate is to the article: their term similarity (content and headline), lowered with
 * the time between them; a same-text candidate scores 1. Two reports of one event may word their
 * headlines apart while sharing most of their people, organisations and body pairs (a market report
 * headed by the index, another by the foreign money): when the content similarity alone reaches
 * `thresholds.contentAlone`, it counts too, lowered with the whole of the time between them (two
 * days' market reports share as much, a day apart).
 */
export function pairScore(self: StoryArticle, c: StoryArticle, thresholds: StoryThresholds): number {
  if (self.sketch && c.sketch && sketchSimilarity(self.sketch, c.sketch) >= thresholds.duplicate) return 1;
  const gap = Math.min(1, Math.abs(c.time - self.time) / (thresholds.timeScaleHours * 3600_000));
  const { term, content } = pairSimilarities(self.terms, c.terms, thresholds.headlineShare);
  const score = term * (1 - thresholds.timeDecay * gap);
  if (thresholds.contentAlone > 1 || gap >= 1) return score;
  return content >= thresholds.contentAlone ? Math.max(score, content * (1 - gap)) : score;
}

/** The candidates' stories with their members' pair scores and the largest size given for each. */
function foundStories(
  self: StoryArticle,
  candidates: readonly StoryCandidate[],
  thresholds: StoryThresholds,
  windowMs: number,
): Map<string, { scores: number[]; size: number }> {
  const found = new Map<string, { scores: number[]; size: number }>();
  for (const c of candidates) {
    if (c.id === self.id || Math.abs(c.time - self.time) > windowMs) continue;
    const story = found.get(c.story) ?? { scores: [], size: 0 };
    story.scores.push(pairScore(self, c, thresholds));
    story.size = Math.max(story.size, c.storySize ?? 0);
    found.set(c.story, story);
  }
  return found;
}

const storyScore = ({ scores, size }: { scores: number[]; size: number }, thresholds: StoryThresholds) =>
  scores.includes(1) ? 1 : LINKAGE[thresholds.linkage](scores, size);

/**
 * The stories the article could join, best first, each with its score: its members' pair scores combined
 * by `thresholds.linkage`; a story holding a same-text copy of the article scores 1. Candidates further
 * than `windowMs` away do not count. Only stories scoring at least `thresholds.story` are listed; none
 * means the article starts a story of its own.
 */
export function rankStories(
  self: StoryArticle,
  candidates: readonly StoryCandidate[],
  thresholds: StoryThresholds,
  windowMs: number,
): { story: string; score: number }[] {
  const ranked: { story: string; score: number }[] = [];
  for (const [story, found] of foundStories(self, candidates, thresholds, windowMs)) {
    const score = storyScore(found, thresholds);
    if (score >= thresholds.story) ranked.push({ story, score });
  }
  return ranked.sort((a, b) => b.score - a.score || (a.story < b.story ? -1 : 1));
}

/**
 * The stories whose size in the article's window could change the decision: close enough by their best
 * member, but not by the mean over their whole size (members older than the window dilute it). The store
 * counts these stories' members in the window and gives that as `storySize`; a long-running story then
 * takes new articles as its recent members allow. Few stories pass the first test, so few are counted.
 */
export function storiesToCount(
  self: StoryArticle,
  candidates: readonly StoryCandidate[],
  thresholds: StoryThresholds,
  windowMs: number,
): string[] {
  const out: string[] = [];
  for (const [story, found] of foundStories(self, candidates, thresholds, windowMs)) {
    const best = LINKAGE.single(found.scores);
    if (best >= thresholds.story && storyScore(found, thresholds) < thresholds.story) out.push(story);
  }
  return out.sort();
}
