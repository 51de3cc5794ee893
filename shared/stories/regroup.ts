/**
 * Local re-clustering around an arriving article (pure). Ingest decides each article once, against what
 * had arrived before it, so an early article may have founded a story of its own, or joined a loosely
 * linked one, before the rest of its event came; and one event may have started as two stories. Once the
 * arrival is in its story, the stories of its close neighbours are re-decided with the same average
 * linkage and threshold a join uses, over the members of those stories and the article's (which the
 * store reads for it, see storiesNearby), so the outcome depends less on the arrival order:
 * - merge: a story whose mean pair score with the article's story (over both stories' sizes) reaches the
 *   threshold joins it;
 * - move: a close neighbour whose mean score with the article's story (the article counted) reaches the
 *   threshold and beats its mean with the rest of its own story moves to the article's story.
 * Members the reads did not give count 0, as they do for the arriving article.
 */
import weightData from './data/weights.json';
import { pairScore, type StoryArticle, type StoryCandidate, type StoryThresholds } from './decide';

/** Least pair score with the arriving article for a neighbour in another story to be re-decided. */
export const REGROUP_CLOSE: number = weightData.regroupClose;
/**
 * Most members (the article's other) of a story a split reads and compares, all with all: a stray joins
 * a story while it is small and leaves it at the next joins, so a larger story is not read for it.
 */
export const SPLIT_MEMBERS: number = weightData.splitMembers;

export interface Regroup {
  /** Stories to merge with the article's story. */
  merges: string[];
  /** Neighbours to move into the article's story, each with the story it leaves. */
  moves: { id: string; from: string }[];
}

/** The candidates in the window, other than the article. */
const inWindow = (self: StoryArticle, candidates: readonly StoryCandidate[], windowMs: number) =>
  candidates.filter((c) => c.id !== self.id && Math.abs(c.time - self.time) <= windowMs);

const closeTo = (
  self: StoryArticle,
  story: string,
  candidates: readonly StoryCandidate[],
  thresholds: StoryThresholds,
  windowMs: number,
  close: number,
) =>
  inWindow(self, candidates, windowMs).filter(
    (c) => c.story !== story && pairScore(self, c, thresholds) >= close,
  );

/**
 * The stories, other than the article's `story`, of its close neighbours: the ones to re-decide. The store
 * reads their members and the article's story's before calling regroup; none means nothing to do.
 */
export function storiesNearby(
  self: StoryArticle,
  story: string,
  candidates: readonly StoryCandidate[],
  thresholds: StoryThresholds,
  windowMs: number,
  close: number = REGROUP_CLOSE,
): string[] {
  return [
    ...new Set(closeTo(self, story, candidates, thresholds, windowMs, close).map((c) => c.story)),
  ].sort();
}

/**
 * What to re-decide around an article now in `story`, given its candidates and the members read of the
 * stories nearby, each with its story and that story's size in the window (for the article's story, its
 * size before the article joined).
 */
export function regroup(
  self: StoryArticle,
  story: string,
  candidates: readonly StoryCandidate[],
  thresholds: StoryThresholds,
  windowMs: number,
  close: number = REGROUP_CLOSE,
): Regroup {
  const near = inWindow(self, candidates, windowMs);
  const closeOnes = closeTo(self, story, near, thresholds, windowMs, close);
  if (closeOnes.length === 0) return { merges: [], moves: [] };
  const members = new Map<string, StoryArticle[]>([[story, [self]]]);
  const sizeOf = new Map<string, number>();
  for (const c of near) {
    members.set(c.story, [...(members.get(c.story) ?? []), c]);
    sizeOf.set(c.story, Math.max(sizeOf.get(c.story) ?? 0, c.storySize ?? 0));
  }
  // Sizes given for the article's story do not count the article yet.
  sizeOf.set(story, (sizeOf.get(story) ?? 0) + 1);
  for (const [s, ms] of members) sizeOf.set(s, Math.max(sizeOf.get(s) ?? 0, ms.length));
  const scores = new Map<string, number>();
  const score = (a: StoryArticle, b: StoryArticle) => {
    const key = a.id < b.id ? `${a.id}\n${b.id}` : `${b.id}\n${a.id}`;
    const known = scores.get(key);
    if (known !== undefined) return known;
    const s = pairScore(a, b, thresholds);
    scores.set(key, s);
    return s;
  };
  /** Mean score of `a` with story `s` (without `a`), over the story's size. */
  const link = (a: StoryArticle, s: string) => {
    const others = members.get(s)!.filter((m) => m.id !== a.id);
    const n = sizeOf.get(s)! - (others.length < members.get(s)!.length ? 1 : 0);
    return n <= 0 ? 0 : others.reduce((sum, m) => sum + score(a, m), 0) / n;
  };
  const merges: string[] = [];
  for (const s of [...new Set(closeOnes.map((c) => c.story))].sort()) {
    if (sizeOf.get(s)! < 2) continue; // a story of one is a move
    let sum = 0;
    for (const a of members.get(s)!) for (const b of members.get(story)!) sum += score(a, b);
    if (sum / (sizeOf.get(s)! * sizeOf.get(story)!) >= thresholds.story) merges.push(s);
  }
  const moves = closeOnes
    .filter((c) => !merges.includes(c.story))
    .filter((c) => {
      const to = link(c, story);
      return to >= thresholds.story && to > link(c, c.story);
    })
    .map((c) => ({ id: c.id, from: c.story }));
  return { merges, moves };
}

/** The candidates as they stand once a regroup's merges and moves are done: those in the article's `story`. */
export function regrouped(
  candidates: readonly StoryCandidate[],
  story: string,
  decided: Regroup,
): StoryCandidate[] {
  const moved = new Set(decided.moves.map((m) => m.id));
  return candidates.map((c) => (decided.merges.includes(c.story) || moved.has(c.id) ? { ...c, story } : c));
}

/**
 * Whether the article's story may split (see split), so the store reads its members only then: it held
 * at least two others in the window, and at most SPLIT_MEMBERS. (Reading them only when the article disagrees with one of its
 * candidates there misses the stories where the article agrees with both groups: see CHANGELOG.)
 */
export function splitNeeded(
  self: StoryArticle,
  story: string,
  candidates: readonly StoryCandidate[],
  windowMs: number,
): boolean {
  const found = inWindow(self, candidates, windowMs).filter((c) => c.story === story);
  const size = Math.max(found.length, ...found.map((c) => c.storySize ?? 0));
  return size >= 2 && size <= SPLIT_MEMBERS;
}

/**
 * Splits a story whose members fall in groups that disagree: average linkage over the members of the
 * article's `story` (the article among them; those beyond its window too, see below) at the join threshold, so each group is
 * cohesive and any two groups' mean pair score is below the threshold. An early article of a
 * neighbouring event (a match report, then the coach's praise after it) joins a story while it is
 * small; once the story's own reports have come, it and the articles that joined through it stand
 * apart. The groups without the article leave, each to a story of its own; none when the story is one
 * group, or when it has grown beyond SPLIT_MEMBERS others in the window. Members beyond the article's
 * window are grouped too when the story has at most SPLIT_MEMBERS others in all: a merge decided over
 * the members in the window of the arrival that made it brings the rest of the story along (a report
 * joins a story of later articles through one of them; a sister report merges its story with it, and
 * the later articles come too). `members` are the story's members as read, each with its story;
 * others are ignored.
 */
export function split(
  self: StoryArticle,
  story: string,
  members: readonly StoryCandidate[],
  thresholds: StoryThresholds,
  windowMs: number,
): string[][] {
  // Members beyond the article's window too: a merge brings a story's members from beyond the window of
  // the arrival that decided it, which no decision compared. A story too large to compare all with all
  // is split over its members in the window, as far as they allow.
  const mine = members.filter((m) => m.id !== self.id && m.story === story);
  const all = [self, ...(mine.length <= SPLIT_MEMBERS ? mine : inWindow(self, mine, windowMs))];
  if (all.length < 3 || all.length > SPLIT_MEMBERS + 1) return [];
  // Groups by their first index; sum[g][h] is the sum of pair scores between groups g and h.
  const sum = all.map(() => all.map(() => 0));
  for (let i = 0; i < all.length; i++)
    for (let j = i + 1; j < all.length; j++)
      sum[i]![j] = sum[j]![i] = pairScore(all[i]!, all[j]!, thresholds);
  const groups = new Map(all.map((_, i) => [i, [i]]));
  for (;;) {
    let best: [number, number, number] | undefined;
    for (const [g, gm] of groups)
      for (const [h, hm] of groups) {
        const mean = sum[g]![h]! / (gm.length * hm.length);
        if (g < h && mean >= thresholds.story && (!best || mean > best[2])) best = [g, h, mean];
      }
    if (!best) break;
    const [g, h] = best;
    groups.get(g)!.push(...groups.get(h)!);
    groups.delete(h);
    for (const k of groups.keys()) sum[g]![k] = sum[k]![g] = sum[g]![k]! + sum[h]![k]!;
  }
  return [...groups.values()]
    .filter((g) => !g.includes(0))
    .map((g) => g.map((i) => all[i]!.id).sort())
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}
