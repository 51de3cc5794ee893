/**
 * `npm run eval stories` (issue 21): near-duplicates and stories, decided by the same code ingest runs
 * (shared/stories), against an in-memory model of the store's look-ups (the same limits and window).
 *
 * Near-duplicates: corpus bodies paired with copies edited at eval time (byline changed, a dateline put
 * in front, a paragraph dropped, punctuation changed) and with unrelated bodies of the same category; no
 * corpus text is written anywhere. Stories: the KTLAB baomoi clusters (articles about one event) mixed
 * with dantri and 24h articles as distractors, re-dated into the clusters' weeks so the window does not
 * keep them apart, fed in a seeded shuffled order. Settings are chosen on the dev half (by a hash of the
 * cluster or document id) and the test half is printed beside it.
 */
import { createHash } from 'node:crypto';
import type { ArticleRecord } from '../shared/model/article';
import { processArticle } from '../shared/process';
import { REVIEWS_IN_FLIGHT } from '../shared/store/counter-fold';
import { inWindowDays } from '../shared/store/story-digest';
import {
  BAND_LOOKUP_LIMIT,
  DEFAULT_WINDOW_HOURS,
  storyTime,
  TERM_LOOKUP_LIMIT,
} from '../shared/stories/config';
import {
  DEFAULT_THRESHOLDS,
  rankStories,
  type StoryArticle,
  type StoryCandidate,
  type StoryThresholds,
} from '../shared/stories/decide';
import { storyFeatures } from '../shared/stories/features';
import {
  BAND_ROWS,
  BANDS,
  bandKeys,
  bodySketch,
  MINHASH_SIZE,
  sketchSimilarity,
} from '../shared/stories/minhash';
import {
  REGROUP_CLOSE,
  regroup,
  regrouped,
  split,
  splitNeeded,
  storiesNearby,
} from '../shared/stories/regroup';
import { type CorpusDoc, loadCorpus } from './corpus';
import { f3, int, table } from './print';
import { rng } from './random';

type Half = 'dev' | 'test';
const halfOf = (key: string): Half =>
  createHash('sha1').update(`stories:${key}`).digest()[0]! % 2 === 0 ? 'dev' : 'test';

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// ------------------------------------------------------------------------------------ near-duplicates

/** Paragraphs, or for one-line bodies sentence runs of about a sixth of the text. */
function pieces(body: string): string[] {
  const paras = body.split(/\n+/).filter((p) => p.trim());
  if (paras.length >= 4) return paras;
  const sentences = body.split(/(?<=[.!?])\s+/);
  const size = Math.max(1, Math.ceil(sentences.length / 6));
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i += size) out.push(sentences.slice(i, i + size).join(' '));
  return out;
}

const EDITS: Record<string, (body: string, random: () => number) => string> = {
  'byline changed': (body) => {
    const ps = pieces(body);
    const last = ps[ps.length - 1] ?? '';
    // A short last piece is taken for a byline; otherwise a byline is added.
    const kept = last.split(/\s+/).length <= 6 ? ps.slice(0, -1) : ps;
    return [...kept, 'Trần Minh Khoa (tổng hợp)'].join('\n');
  },
  'dateline added': (body) => `HÀ NỘI (PV) - ${body}`,
  'paragraph dropped': (body, random) => {
    const ps = pieces(body);
    if (ps.length < 3) return body;
    const drop = 1 + Math.floor(random() * (ps.length - 1));
    return ps.filter((_, i) => i !== drop).join('\n');
  },
  'punctuation changed': (body) =>
    body.replace(/, /g, ' - ').replace(/[“”"]/g, "'").replace(/\. /g, '; ').replace(/:/g, ' -'),
};

interface DupPair {
  half: Half;
  kind: string;
  same: boolean;
  a: string;
  b: string;
}

/** Would the store call b a copy of a: a shared band, then the full sketch over the threshold. */
function flaggedAsCopy(a: string, b: string, threshold: number): boolean {
  const sa = bodySketch(a);
  const sb = bodySketch(b);
  if (!sa || !sb) return false;
  const bands = new Set(bandKeys(sa));
  if (!bandKeys(sb).some((k) => bands.has(k))) return false;
  return sketchSimilarity(sa, sb) >= threshold;
}

function duplicatePairs(docs: CorpusDoc[]): DupPair[] {
  const random = rng(2101);
  const usable = docs.filter((d) => (d.gold.body ?? '').split(/\s+/).length >= 80 && d.gold.category);
  const pairs: DupPair[] = [];
  const byCategory = new Map<string, CorpusDoc[]>();
  for (const d of usable) {
    const key = `${d.set}:${d.gold.category}`;
    byCategory.set(key, [...(byCategory.get(key) ?? []), d]);
  }
  for (const d of usable) {
    const half = halfOf(`${d.set}:${d.id}`);
    const body = d.gold.body!;
    for (const [kind, edit] of Object.entries(EDITS)) {
      pairs.push({ half, kind, same: true, a: body, b: edit(body, random) });
    }
    // Unrelated article of the same category (another KTLAB cluster), same half.
    const pool = (byCategory.get(`${d.set}:${d.gold.category}`) ?? []).filter(
      (o) =>
        o !== d &&
        halfOf(`${o.set}:${o.id}`) === half &&
        (d.set !== 'ktlab-mds-baomoi' || o.id.split('/')[0] !== d.id.split('/')[0]),
    );
    const other = pool[Math.floor(random() * pool.length)];
    if (other) pairs.push({ half, kind: 'same topic, unrelated', same: false, a: body, b: other.gold.body! });
  }
  return pairs;
}

function runDuplicates(docs: CorpusDoc[]): void {
  const pairs = duplicatePairs(docs);
  console.log('### Near-duplicates (npm run eval stories)\n');
  console.log(
    `${int(pairs.filter((p) => p.same).length)} edited copies and ${int(pairs.filter((p) => !p.same).length)} unrelated same-category pairs from ${int(new Set(pairs.map((p) => p.a)).size)} KTLAB and dantri bodies (≥ 80 words); MinHash ${MINHASH_SIZE} × word 3-shingles, LSH ${BANDS} bands × ${BAND_ROWS} rows.\n`,
  );
  const score = (subset: DupPair[], threshold: number) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const p of subset) {
      const flagged = flaggedAsCopy(p.a, p.b, threshold);
      if (flagged && p.same) tp++;
      else if (flagged) fp++;
      else if (p.same) fn++;
    }
    return { p: tp + fp === 0 ? 1 : tp / (tp + fp), r: tp + fn === 0 ? 1 : tp / (tp + fn) };
  };
  const sweep = [0.3, 0.4, 0.5, 0.6, 0.7].map((t) => {
    const s = score(
      pairs.filter((p) => p.half === 'dev'),
      t,
    );
    return [f3(t), f3(s.p), f3(s.r)];
  });
  console.log('Threshold on the dev half (estimated Jaccard):\n');
  console.log(table(['threshold', 'precision', 'recall'], sweep, new Set([0, 1, 2])));
  const threshold = DEFAULT_THRESHOLDS.duplicate;
  const rows: string[][] = [];
  for (const half of ['dev', 'test'] as const) {
    const inHalf = pairs.filter((p) => p.half === half);
    const all = score(inHalf, threshold);
    rows.push([half, 'all', f3(all.p), f3(all.r), int(inHalf.length)]);
    for (const kind of Object.keys(EDITS)) {
      const s = score(
        inHalf.filter((p) => p.kind === kind || !p.same),
        threshold,
      );
      rows.push([half, kind, '', f3(s.r), int(inHalf.filter((p) => p.kind === kind).length)]);
    }
  }
  console.log(`\nAt the shipped threshold ${threshold} (targets: precision ≥ 0.99, recall ≥ 0.95):\n`);
  console.log(table(['half', 'edit', 'precision', 'recall', 'pairs'], rows, new Set([2, 3, 4])));
}

// ------------------------------------------------------------------------------------ stories

/** The setting shipped before headlines counted: average linkage over the content terms alone. */
const PREVIOUS_THRESHOLDS: Readonly<StoryThresholds> = {
  ...DEFAULT_THRESHOLDS,
  linkage: 'average',
  story: 0.16,
  timeDecay: 0.7,
  timeScaleHours: 24,
  headlineShare: 0,
};

const describe = (t: StoryThresholds) =>
  `${t.linkage} linkage, headline share ${t.headlineShare}, threshold ${t.story}, time decay ${t.timeDecay} over ${t.timeScaleHours} h`;

export interface Arrival {
  id: string;
  /** KTLAB cluster, or null for a distractor. */
  cluster: string | null;
  half: Half;
  article: StoryArticle;
  lookup: string[];
  bands: string[];
}

/**
 * The store's look-ups (shared/store/story-digest.ts), in memory: per term the newest entries in the
 * window, per band the earliest entries of the window's days.
 */
export class WindowIndex {
  private readonly terms = new Map<string, { id: string; time: number }[]>();
  private readonly bands = new Map<string, { id: string; time: number }[]>();

  constructor(private readonly windowMs: number) {}

  add(a: Arrival): void {
    for (const t of a.lookup) this.terms.set(t, [...(this.terms.get(t) ?? []), a.article]);
    for (const b of a.bands) this.bands.set(b, [...(this.bands.get(b) ?? []), a.article]);
  }

  candidates(a: Arrival): Set<string> {
    const out = new Set<string>();
    const t = a.article.time;
    for (const term of a.lookup) {
      const hits = (this.terms.get(term) ?? [])
        .filter((p) => p.id !== a.id && Math.abs(p.time - t) <= this.windowMs)
        .sort((x, y) => y.time - x.time || (x.id < y.id ? 1 : -1))
        .slice(0, TERM_LOOKUP_LIMIT);
      for (const h of hits) out.add(h.id);
    }
    for (const band of a.bands) {
      const hits = (this.bands.get(band) ?? [])
        .filter((p) => p.id !== a.id && inWindowDays(t, p.time, this.windowMs))
        .sort((x, y) => x.time - y.time || (x.id < y.id ? -1 : 1))
        .slice(0, BAND_LOOKUP_LIMIT);
      for (const h of hits) out.add(h.id);
    }
    return out;
  }
}

/** What the store would read for the arrivals' stories, summed over them (see cluster). */
export interface StoryReads {
  arrivals: number;
  /** Candidates' links read by the first look. */
  candidates: number;
  /** Candidates' links read by the review's fresh look-up. */
  reviewCandidates: number;
  /** Arrivals whose neighbours' stories are re-decided (regroup.ts). */
  regroups: number;
  /** Arrivals whose story's members are read to see whether it splits (regroup.ts splitNeeded). */
  splits: number;
  /** Stories whose members those re-decisions and splits read (one member query each). */
  stories: number;
  /** Members' links they read beyond the candidates. */
  members: number;
}

export const noReads = (): StoryReads => ({
  arrivals: 0,
  candidates: 0,
  reviewCandidates: 0,
  regroups: 0,
  splits: 0,
  stories: 0,
  members: 0,
});

/** What a clustering run tells as it goes, for an error analysis (stories-dev.ts). */
export interface ClusterTrace {
  /** The candidates the look-up found for an arrival. */
  found(id: string, candidates: readonly string[]): void;
  /** Each article's story once an arrival's decisions are done. */
  settled(storyOf: ReadonlyMap<string, string>): void;
}

/** How a clustering run is modelled and what it reports (see cluster). */
export interface ClusterOptions {
  /** Least pair score of a neighbour whose story the review re-decides; null: no review, first looks alone. */
  regroupClose?: number | null;
  /** Arrivals per review: the arrivals whose delta items one fold of the counter aggregator reads. */
  batch?: number;
  /** Reviews of a batch at once (see cluster); 1: one after another. */
  inFlight?: number;
  /** Counts what the store would read for the arrivals' stories. */
  reads?: StoryReads;
  /** Hears what each arrival found and how the stories stand after its review. */
  trace?: ClusterTrace;
}

/**
 * The counter fold's reviews at once: each of its workers takes the next arrival to review as it
 * finishes one.
 */
export { REVIEWS_IN_FLIGHT };

/**
 * Each article's story and each story's members. A view over a `base` reads the base's stories until it
 * changes them, and keeps its changes (`puts`, in order) to itself until they are replayed on the base: a
 * review running beside others sees the stories as they stood when it began, and its own changes.
 */
class StoryState {
  readonly storyOf = new Map<string, string>();
  private readonly membersOf = new Map<string, Set<string>>();
  readonly puts: [id: string, story: string][] = [];

  constructor(private readonly base?: StoryState) {}

  story(id: string): string | undefined {
    return this.storyOf.get(id) ?? this.base?.story(id);
  }

  members(story: string): ReadonlySet<string> | undefined {
    return this.membersOf.get(story) ?? this.base?.members(story);
  }

  put(id: string, story: string): void {
    const before = this.story(id);
    if (before !== undefined) this.own(before).delete(id);
    this.storyOf.set(id, story);
    this.own(story).add(id);
    if (this.base) this.puts.push([id, story]);
  }

  /** A story's members as this state's own set, copied from the base's on the first change. */
  private own(story: string): Set<string> {
    let members = this.membersOf.get(story);
    if (members === undefined) {
      members = new Set(this.base?.members(story));
      this.membersOf.set(story, members);
    }
    return members;
  }
}

/**
 * Story of each article after all arrivals, as the store decides it. The arrivals come in batches of
 * `batch`, each the arrivals one fold of the counter aggregator reads (folds run one at a time):
 * - first looks: each arrival joins its best-ranked story, else founds one, against the entries of the
 *   earlier batches as their reviews left them and none of its own batch's (writers racing do not see
 *   each other: the pessimistic case);
 * - then the fold reviews the batch's arrivals in arrival order, each against a fresh look-up of every
 *   entry written (its batch's too, in their current stories): an arrival that founded its story merges
 *   it with every other story it now ranks; then the stories of its close neighbours are re-decided over
 *   their members (regroup.ts), and its story splits when its members disagree. `inFlight` reviews run
 *   at once, as the fold's workers do: each review reads the stories as the reviews begun `inFlight` or
 *   more before it left them (every review of equal length), and its changes land after those of the
 *   reviews begun before it; a review working from stories changed since wins over them (the last write).
 * A batch of 1 is one arrival decided whole before the next comes. `regroupClose` null leaves the stories
 * as the first looks made them (decisions at arrival only).
 */
export function cluster(
  arrivals: Arrival[],
  thresholds: StoryThresholds,
  windowHours: number,
  options: ClusterOptions = {},
): Map<string, string> {
  const { regroupClose = REGROUP_CLOSE, batch = 1, inFlight = 1, reads = noReads(), trace } = options;
  const windowMs = windowHours * 3600_000;
  const index = new WindowIndex(windowMs);
  const stories = new StoryState();
  const byId = new Map(arrivals.map((a) => [a.id, a]));
  /** Articles of the window as `a`'s decisions see them: each with its story and that story's size then. */
  const around = (state: StoryState, a: Arrival) => {
    const near = (id: string) => Math.abs(byId.get(id)!.article.time - a.article.time) <= windowMs;
    // A story's size as the decision takes it: its members in the article's window, the article not counted.
    const inWindow = (story: string) =>
      [...(state.members(story) ?? [])].filter((id) => id !== a.id && near(id)).length;
    const candidateOf = (id: string): StoryCandidate => ({
      ...byId.get(id)!.article,
      story: state.story(id)!,
      storySize: inWindow(state.story(id)!),
    });
    return { near, candidateOf };
  };
  const firstLook = (a: Arrival) => {
    const { candidateOf } = around(stories, a);
    const candidates = [...index.candidates(a)].map(candidateOf);
    trace?.found(
      a.id,
      candidates.map((c) => c.id),
    );
    reads.arrivals++;
    reads.candidates += candidates.length;
    const ranked = rankStories(a.article, candidates, thresholds, windowMs);
    return { a, founded: ranked.length === 0, story: ranked[0]?.story ?? `s${a.id}` };
  };
  const review = (state: StoryState, a: Arrival, founded: boolean, close: number) => {
    const { near, candidateOf } = around(state, a);
    const put = (id: string, to: string) => state.put(id, to);
    const story = state.story(a.id)!;
    let candidates = [...index.candidates(a)].map(candidateOf);
    trace?.found(
      a.id,
      candidates.map((c) => c.id),
    );
    reads.reviewCandidates += candidates.length;
    if (founded) {
      // A racing arrival of the same new event founded a story too: the founder's takes in those it ranks now.
      const others = rankStories(a.article, candidates, thresholds, windowMs)
        .map((r) => r.story)
        .filter((s) => s !== story);
      for (const s of others) for (const id of [...state.members(s)!]) put(id, story);
      if (others.length > 0)
        candidates = candidates.map((c) => (others.includes(c.story) ? candidateOf(c.id) : c));
    }
    // The candidates as the split sees them: after the re-decision's merges and moves, with the members it read.
    let seen: StoryCandidate[] = candidates;
    const nearby = storiesNearby(a.article, story, candidates, thresholds, windowMs, close);
    if (nearby.length > 0) {
      // The store reads these stories' members: the neighbourhood is the candidates and them.
      const found = new Set(candidates.map((c) => c.id));
      const read = [story, ...nearby].flatMap((s) => [...(state.members(s) ?? [])]);
      const members = read.filter((id) => id !== a.id && !found.has(id) && near(id)).map(candidateOf);
      reads.regroups++;
      reads.stories += 1 + nearby.length;
      reads.members += members.length;
      const r = regroup(a.article, story, [...candidates, ...members], thresholds, windowMs, close);
      for (const s of r.merges) for (const id of [...state.members(s)!]) put(id, story);
      for (const m of r.moves) put(m.id, story);
      seen = regrouped([...candidates, ...members], story, r);
    }
    // Then the article's story splits when its members disagree (regroup.ts split), as in the store.
    if (splitNeeded(a.article, story, seen, windowMs)) {
      const found = new Set(seen.map((c) => c.id));
      // All of the story's members, as the store reads them (split groups those beyond the window too).
      const members = [...state.members(story)!].filter((id) => id !== a.id);
      reads.splits++;
      reads.stories++;
      reads.members += members.filter((id) => !found.has(id)).length;
      for (const group of split(a.article, story, members.map(candidateOf), thresholds, windowMs))
        for (const id of group) put(id, `s${group[0]}~${story}`);
    }
  };
  for (let start = 0; start < arrivals.length; start += batch) {
    const looks = arrivals.slice(start, start + batch).map(firstLook);
    for (const { a, story } of looks) {
      stories.put(a.id, story);
      index.add(a);
    }
    if (regroupClose === null) {
      for (let i = 0; i < looks.length; i++) trace?.settled(stories.storyOf);
      continue;
    }
    // Reviews under way, oldest first: each lands (its changes replayed) once `inFlight` have begun after it.
    const running: StoryState[] = [];
    const land = (view: StoryState) => {
      for (const [id, story] of view.puts) stories.put(id, story);
      trace?.settled(stories.storyOf);
    };
    for (const { a, founded } of looks) {
      if (running.length === inFlight) land(running.shift()!);
      const view = new StoryState(stories);
      review(view, a, founded, regroupClose);
      running.push(view);
    }
    for (const view of running) land(view);
  }
  return stories.storyOf;
}

export interface ClusterScores {
  precision: number;
  recall: number;
  f1: number;
  bcubed: number;
  wrongShare: number;
  /** Share of the wrong pairs that join a distractor (the rest join two clusters). */
  fromDistractors: number;
  /** Stories holding articles of two or more clusters of the half. */
  mixedStories: number;
  clusters: number;
  articles: number;
}

/**
 * Pair and B-cubed scores over the KTLAB articles of one half. `weightOf` counts each cluster that many
 * times (0 leaves it out): a resample of the half's clusters, or one fold of it.
 */
export function scoreClusters(
  arrivals: Arrival[],
  story: Map<string, string>,
  half: Half,
  weightOf: (cluster: string) => number = () => 1,
): ClusterScores {
  const members = new Map<string, Arrival[]>();
  for (const a of arrivals) members.set(story.get(a.id)!, [...(members.get(story.get(a.id)!) ?? []), a]);
  const inHalf = arrivals.filter((a) => a.cluster !== null && a.half === half);
  const gold = inHalf.filter((a) => weightOf(a.cluster!) > 0);
  const goldSize = new Map<string, number>();
  for (const a of gold) goldSize.set(a.cluster!, (goldSize.get(a.cluster!) ?? 0) + 1);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let bp = 0;
  let br = 0;
  let withDistractor = 0;
  let weight = 0;
  for (const a of gold) {
    const w = weightOf(a.cluster!);
    const mates = members.get(story.get(a.id)!)!.filter((m) => m !== a);
    const right = mates.filter((m) => m.cluster === a.cluster).length;
    // Pairs counted from each end: a pair with a distractor, another half or a cluster left out counts once, from here.
    for (const m of mates) {
      if (m.cluster === a.cluster) tp += 0.5 * w;
      else fp += (m.cluster !== null && m.half === half && weightOf(m.cluster) > 0 ? 0.5 : 1) * w;
      if (m.cluster === null) withDistractor += w;
    }
    fn += ((goldSize.get(a.cluster!)! - 1 - right) / 2) * w;
    bp += ((right + 1) / (mates.length + 1)) * w;
    br += ((right + 1) / goldSize.get(a.cluster!)!) * w;
    weight += w;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const bP = bp / weight;
  const bR = br / weight;
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    bcubed: (2 * bP * bR) / (bP + bR),
    wrongShare: tp + fp === 0 ? 0 : fp / (tp + fp),
    fromDistractors: fp === 0 ? 0 : withDistractor / fp,
    mixedStories: [...members.values()].filter(
      (ms) =>
        new Set(
          ms
            .filter((m) => m.cluster !== null && m.half === half && weightOf(m.cluster) > 0)
            .map((m) => m.cluster),
        ).size > 1,
    ).length,
    clusters: goldSize.size,
    articles: gold.length,
  };
}

/** Two folds of the dev half's clusters (by a hash of the cluster), to check a setting chosen on one on the other. */
export const foldOf = (cluster: string): 'A' | 'B' =>
  createHash('sha1').update(`fold:${cluster}`).digest()[0]! % 2 === 0 ? 'A' : 'B';

/** The 5th and 95th percentiles of a score (its mean over the runs) over resamples, with replacement, of the half's clusters. */
export function bootstrap(
  runs: readonly Run[],
  half: Half,
  score: (s: ClusterScores) => number,
  resamples = 500,
): [number, number] {
  const first = runs[0]!.order;
  const clusters = [...new Set(first.filter((a) => a.half === half && a.cluster).map((a) => a.cluster!))];
  const random = rng(2103);
  const values: number[] = [];
  for (let i = 0; i < resamples; i++) {
    const times = new Map<string, number>();
    for (let j = 0; j < clusters.length; j++) {
      const c = clusters[Math.floor(random() * clusters.length)]!;
      times.set(c, (times.get(c) ?? 0) + 1);
    }
    values.push(score(scoreRuns(runs, half, (c) => times.get(c) ?? 0).mean));
  }
  values.sort((a, b) => a - b);
  return [values[Math.floor(resamples * 0.05)]!, values[Math.floor(resamples * 0.95)]!];
}

/**
 * Arrival orders the stories are scored over: the seeded one and reshuffles of it. One order is one draw:
 * which story an article starts or joins depends on what arrived before it, and on the dev half a setting
 * that scored 0.938 B-cubed with no wrong pairs in one order averaged 0.919 with 0.045 over six others.
 */
export const ARRIVAL_ORDERS = 4;
export const arrivalOrders = (order: Arrival[], n = ARRIVAL_ORDERS): Arrival[][] => [
  order,
  ...Array.from({ length: n - 1 }, (_, i) => shuffle(order, rng(2110 + i))),
];

/** One arrival order and the stories it ends with. */
export interface Run {
  order: Arrival[];
  story: Map<string, string>;
}

export const clusterRuns = (
  orders: Arrival[][],
  thresholds: StoryThresholds,
  regroupClose: number | null = REGROUP_CLOSE,
  batch = 1,
  inFlight = 1,
): Run[] =>
  orders.map((order) => ({
    order,
    story: cluster(order, thresholds, DEFAULT_WINDOW_HOURS, { regroupClose, batch, inFlight }),
  }));

/** Each run's scores, their mean, and the most wrong pairs of any one run. */
export function scoreRuns(
  runs: readonly Run[],
  half: Half,
  weightOf?: (cluster: string) => number,
): { mean: ClusterScores; worstWrong: number; mixedRuns: number } {
  const each = runs.map((r) => scoreClusters(r.order, r.story, half, weightOf));
  const mean = { ...each[0]! };
  for (const key of Object.keys(mean) as (keyof ClusterScores)[])
    mean[key] = each.reduce((sum, s) => sum + s[key], 0) / each.length;
  return {
    mean,
    worstWrong: Math.max(...each.map((s) => s.wrongShare)),
    mixedRuns: each.filter((s) => s.mixedStories > 0).length,
  };
}

function arrivalOf(doc: CorpusDoc, record: ArticleRecord, time: number): Arrival {
  const features = storyFeatures(record);
  const sketch = bodySketch(record.body);
  const cluster = doc.set === 'ktlab-mds-baomoi' ? doc.id.split('/')[0]! : null;
  return {
    id: `${doc.set}/${doc.id}`,
    cluster,
    half: halfOf(cluster ?? `${doc.set}:${doc.id}`),
    article: { id: `${doc.set}/${doc.id}`, time, terms: features.terms, sketch },
    lookup: features.lookup,
    bands: sketch ? bandKeys(sketch) : [],
  };
}

/** The KTLAB articles and the distractors re-dated into the clusters' weeks, in one seeded shuffled order. */
export function storyArrivals(
  ktlab: CorpusDoc[],
  distractors: CorpusDoc[],
  recordOf = (d: CorpusDoc) => processArticle({ key: d.fileName }, d.bytes),
): { order: Arrival[]; clustered: number; clusters: number } {
  const random = rng(2102);
  const records = (docs: CorpusDoc[]) => docs.map((d) => ({ doc: d, record: recordOf(d) }));
  const clustered = records(ktlab).filter((r) => r.record.status === 'stored');
  const times = clustered.map((r) => storyTime(r.record)).sort((a, b) => a - b);
  // Distractors take times of the clusters' busiest weeks (between the 10th and 90th percentile).
  const lo = times[Math.floor(times.length * 0.1)]!;
  const hi = times[Math.floor(times.length * 0.9)]!;
  const arrivals = [
    ...clustered.map((r) => arrivalOf(r.doc, r.record, storyTime(r.record))),
    ...records(distractors)
      .filter((r) => r.record.status === 'stored')
      .map((r) => arrivalOf(r.doc, r.record, lo + random() * (hi - lo))),
  ];
  return {
    order: shuffle(arrivals, random),
    clustered: clustered.length,
    clusters: new Set(clustered.map((r) => r.doc.id.split('/')[0])).size,
  };
}

function runStories(ktlab: CorpusDoc[], distractors: CorpusDoc[]): void {
  const { order, clustered, clusters } = storyArrivals(ktlab, distractors);
  const orders = arrivalOrders(order);
  const dev = (thresholds: StoryThresholds) => scoreRuns(clusterRuns(orders, thresholds), 'dev').mean;
  console.log('\n### Stories (npm run eval stories)\n');
  console.log(
    `${int(clustered)} KTLAB articles in ${int(clusters)} clusters, ${int(order.length - clustered)} dantri and 24h distractors re-dated into the clusters' weeks, window ${DEFAULT_WINDOW_HOURS} h, in ${orders.length} seeded shuffled arrival orders: each figure is the mean over the orders. Pairs and B-cubed over the KTLAB articles of each half; a story member that is a distractor counts against precision. The sweeps and the robustness table review each arrival before the next comes (review batch 1); the last table takes larger batches.\n`,
  );
  const rows = (s: ClusterScores) => [
    f3(s.precision),
    f3(s.recall),
    f3(s.f1),
    f3(s.bcubed),
    f3(s.wrongShare),
  ];
  const sweep = [0.14, 0.16, 0.18, 0.2, 0.22, 0.25].map((t) => [
    f3(t),
    ...rows(dev({ ...DEFAULT_THRESHOLDS, story: t })),
  ]);
  console.log(
    `Story threshold on the dev half (${DEFAULT_THRESHOLDS.linkage} linkage, headline share ${DEFAULT_THRESHOLDS.headlineShare}):\n`,
  );
  console.log(
    table(
      ['threshold', 'pair P', 'pair R', 'pair F1', 'B-cubed F1', 'wrong pairs'],
      sweep,
      new Set([0, 1, 2, 3, 4, 5]),
    ),
  );
  const shares = [0, 0.3, 0.5, 0.7].map((h) => [
    f3(h),
    ...rows(dev({ ...DEFAULT_THRESHOLDS, headlineShare: h })),
  ]);
  console.log(
    `\nHeadline share on the dev half (threshold ${DEFAULT_THRESHOLDS.story}; 0 = the content terms alone):\n`,
  );
  console.log(
    table(
      ['headline share', 'pair P', 'pair R', 'pair F1', 'B-cubed F1', 'wrong pairs'],
      shares,
      new Set([0, 1, 2, 3, 4, 5]),
    ),
  );
  const closes = [null, 0.15, 0.2, 0.25, 0.3].map((c) => [
    c === null ? 'none' : f3(c),
    ...rows(scoreRuns(clusterRuns(orders, DEFAULT_THRESHOLDS, c), 'dev').mean),
  ]);
  console.log(
    "\nRe-deciding the stories of an arrival's close neighbours (regroup.ts) on the dev half: least pair score of a neighbour to re-decide (none = decisions at arrival only):\n",
  );
  console.log(
    table(
      ['neighbour score', 'pair P', 'pair R', 'pair F1', 'B-cubed F1', 'wrong pairs'],
      closes,
      new Set([1, 2, 3, 4, 5]),
    ),
  );
  const shipped = DEFAULT_THRESHOLDS.story;
  const robust = [-0.02, 0, 0.02].map((d) => {
    const t = Math.round((shipped + d) * 1000) / 1000;
    const runs = clusterRuns(orders, { ...DEFAULT_THRESHOLDS, story: t });
    const fold = (f: 'A' | 'B') => scoreRuns(runs, 'dev', (c) => (foldOf(c) === f ? 1 : 0)).mean;
    const [a, b] = [fold('A'), fold('B')];
    const all = scoreRuns(runs, 'dev');
    const [b3lo, b3hi] = bootstrap(runs, 'dev', (s) => s.bcubed);
    const [wlo, whi] = bootstrap(runs, 'dev', (s) => s.wrongShare);
    return [
      f3(t),
      f3(a.bcubed),
      f3(a.wrongShare),
      f3(b.bcubed),
      f3(b.wrongShare),
      `${f3(b3lo)}–${f3(b3hi)}`,
      `${f3(wlo)}–${f3(whi)}`,
      f3(all.worstWrong),
      `${all.mixedRuns}/${runs.length}`,
    ];
  });
  console.log(
    '\nRobustness on the dev half: its clusters in two folds (by a hash of the cluster); the 5th–95th percentiles over 500 resamples of its clusters; the worst arrival order:\n',
  );
  console.log(
    table(
      [
        'threshold',
        'fold A B-cubed',
        'fold A wrong',
        'fold B B-cubed',
        'fold B wrong',
        'B-cubed 5–95%',
        'wrong pairs 5–95%',
        'worst order wrong',
        'orders mixing clusters',
      ],
      robust,
      new Set([0, 1, 2, 3, 4, 7]),
    ),
  );
  printShipped(orders, ['dev', 'test']);
}

/**
 * Review batches `npm run eval stories` scores the shipped setting over: one (each arrival decided whole
 * before the next, the store before the review moved to the counter fold) to a busy fold's worth.
 */
export const REVIEW_BATCHES = [1, 16, 256] as const;

/**
 * The shipped setting over the review batches beside the first looks alone and the previous setting,
 * for the halves given (stories-dev.ts-style checks pass the dev half alone); then the headline, the
 * worst over the batches.
 */
export function printShipped(orders: Arrival[][], halves: readonly Half[]): void {
  const settings: [string, StoryThresholds, number | null, number, number][] = [
    ['previous', PREVIOUS_THRESHOLDS, null, 1, 1],
    ...REVIEW_BATCHES.map((b): [string, StoryThresholds, null, number, number] => [
      'at arrival only',
      DEFAULT_THRESHOLDS,
      null,
      b,
      1,
    ]),
    // The fold's reviews one after another, and as many at once as the store runs (one of a batch of 1).
    ...REVIEW_BATCHES.flatMap((b) =>
      [...new Set([1, Math.min(b, REVIEWS_IN_FLIGHT)])].map(
        (inFlight): [string, StoryThresholds, number, number, number] => [
          'shipped',
          DEFAULT_THRESHOLDS,
          REGROUP_CLOSE,
          b,
          inFlight,
        ],
      ),
    ),
  ];
  const worst = new Map(halves.map((h) => [h, { bcubed: 1, wrong: 0, worstOrder: 0 }]));
  const result = settings.flatMap(([name, thresholds, close, batch, inFlight]) => {
    const runs = clusterRuns(orders, thresholds, close, batch, inFlight);
    return halves.map((half) => {
      const { mean: s, worstWrong } = scoreRuns(runs, half);
      if (name === 'shipped') {
        const w = worst.get(half)!;
        w.bcubed = Math.min(w.bcubed, s.bcubed);
        w.wrong = Math.max(w.wrong, s.wrongShare);
        w.worstOrder = Math.max(w.worstOrder, worstWrong);
      }
      return [
        name,
        int(batch),
        int(inFlight),
        half,
        int(s.clusters),
        int(s.articles),
        f3(s.precision),
        f3(s.recall),
        f3(s.f1),
        f3(s.bcubed),
        f3(s.wrongShare),
        f3(worstWrong),
        f3(s.fromDistractors),
        s.mixedStories.toFixed(1),
      ];
    });
  });
  console.log(
    `\nAt the shipped setting (${describe(DEFAULT_THRESHOLDS)}; the counter fold reviews each batch of arrivals: founders merge with the stories they now rank, close neighbours' stories re-decided from a pair score of ${REGROUP_CLOSE}, splits) over review batches of ${REVIEW_BATCHES.join(', ')} arrivals (a batch's first looks race, none seeing another's entry; 1 is the store before the review moved to the fold), the fold reviewing one arrival at a time or ${REVIEWS_IN_FLIGHT} at once as the store does, beside the first looks alone (at arrival only) and the previous setting (${describe(PREVIOUS_THRESHOLDS)}, at arrival only), means over the ${orders.length} arrival orders; targets: B-cubed F1 ≥ 0.90, wrong pairs ≤ 0.02:\n`,
  );
  console.log(
    table(
      [
        'setting',
        'review batch',
        'reviews at once',
        'half',
        'clusters',
        'articles',
        'pair P',
        'pair R',
        'pair F1',
        'B-cubed F1',
        'wrong pairs',
        'worst order wrong',
        'of them with distractors',
        'stories mixing clusters',
      ],
      result,
      new Set([1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]),
    ),
  );
  console.log(
    `\nHeadline, the shipped setting at its worst over review batches of ${REVIEW_BATCHES.join(', ')} arrivals, reviewed one at a time or ${REVIEWS_IN_FLIGHT} at once (lowest B-cubed, most wrong pairs): ${halves
      .map((h) => {
        const w = worst.get(h)!;
        return `${h} B-cubed F1 ${f3(w.bcubed)} (target ≥ 0.90 ${w.bcubed >= 0.9 ? '✓' : '✗'}), wrong pairs ${f3(w.wrong)} (≤ 0.02 ${w.wrong <= 0.02 ? '✓' : '✗'}), worst order ${f3(w.worstOrder)}`;
      })
      .join('; ')}.`,
  );
}

export async function runStoriesEval(): Promise<void> {
  const ktlab = await loadCorpus({ sets: ['ktlab-mds-baomoi'] });
  const unc = await loadCorpus({ sets: ['unc-dantri'] });
  const news24h = await loadCorpus({ sets: ['crawl-news-24h'] });
  runDuplicates([...ktlab, ...unc.filter((_, i) => i % 3 === 0)]);
  runStories(ktlab, [...unc.filter((_, i) => i % 2 === 0), ...news24h]);
}
