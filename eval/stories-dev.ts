/**
 * `npx tsx eval/stories-dev.ts [threshold] [--more-distractors] [--orders=N] [--batch=B] [--batches=1,4,…] [--in-flight=N]`: error analysis of the stories on the DEV
 * half of the KTLAB clusters only, for choosing features and settings, in each arrival order the eval
 * scores: the stories that mix clusters and the clusters split over stories, with each pair's score and the
 * terms it shares. Then the mean over the orders beside what an order-free clustering of the same pair
 * scores gets (average linkage over all arrivals at once, which ingest cannot do): the part of the error
 * that is arrival order's rather than the similarity's; and how far the dev figures can be trusted: each
 * order, the two folds of the dev clusters and the 5th–95th percentiles over resamples of them.
 * `--more-distractors` also feeds the dantri half and the VLSP articles the eval leaves out, re-dated the
 * same way: on the eval's distractors the dev half has no wrong pair at the shipped setting, so a change's
 * cost in distractor joins and mixed clusters shows only there. Records are cached in the OS temp dir
 * (corpus text stays out of the repo), one file per parser and tagger version. Last, what the
 * store would read per arrival for it: the candidates' links, and the members the re-decisions read.
 * The dev half's same-cluster pairs that end apart are counted by cause (more than the window apart; joined
 * then parted; scored below the threshold, compared or never found by the look-up; scored above it, their
 * stories never joined or never found), so a change aims at the cause that loses most.
 * `--orders=N` scores N arrival orders instead of the eval's 4: wrong pairs come from a few pairs of
 * neighbouring clusters that one early arrival joins or not, so 4 orders can all miss them.
 * `--batch=B` has the counter fold review B arrivals at a time in all of the above (their first looks race,
 * see `cluster`; 1 by default); last, the dev figures over review batches `--batches` (1, 4, 16, 64, 256 by
 * default), each beside the first looks alone. `--in-flight=N`: the fold runs N reviews at once (8 by
 * default, as the store does; 1: one after another).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleRecord } from '../shared/model/article';
import { PROCESSOR_VERSION, processArticle } from '../shared/process';
import { DEFAULT_WINDOW_HOURS } from '../shared/stories/config';
import { DEFAULT_THRESHOLDS, pairScore, type StoryThresholds } from '../shared/stories/decide';
import { REGROUP_CLOSE } from '../shared/stories/regroup';
import { loadCorpus } from './corpus';
import { f3 } from './print';
import {
  ARRIVAL_ORDERS,
  type Arrival,
  arrivalOrders,
  bootstrap,
  type ClusterScores,
  type ClusterTrace,
  cluster,
  foldOf,
  noReads,
  REVIEWS_IN_FLIGHT,
  scoreClusters,
  scoreRuns,
  storyArrivals,
} from './stories-eval';

// Named by the processor version: records of another parser or tagger are never read back.
const CACHE = join(tmpdir(), `newsdrop-stories-dev-records-${PROCESSOR_VERSION}.json`);

async function arrivals(
  moreDistractors: boolean,
): Promise<{ order: Arrival[]; records: Map<string, ArticleRecord> }> {
  const ktlab = await loadCorpus({ sets: ['ktlab-mds-baomoi'] });
  const unc = await loadCorpus({ sets: ['unc-dantri'] });
  const news24h = await loadCorpus({ sets: ['crawl-news-24h'] });
  // The eval's distractors, then those it leaves out.
  const distractors = [...unc.filter((_, i) => i % 2 === 0), ...news24h];
  if (moreDistractors)
    distractors.push(...unc.filter((_, i) => i % 2 === 1), ...(await loadCorpus({ sets: ['vlsp2018-ner'] })));
  const cached: Record<string, ArticleRecord> = existsSync(CACHE)
    ? JSON.parse(readFileSync(CACHE, 'utf8'))
    : {};
  const records = new Map<string, ArticleRecord>();
  let processed = 0;
  const { order } = storyArrivals(ktlab, distractors, (d) => {
    const key = `${d.set}/${d.id}`;
    let record = cached[key];
    if (record === undefined) {
      record = processArticle({ key: d.fileName }, d.bytes);
      processed++;
    }
    records.set(key, record);
    return record;
  });
  if (processed > 0) writeFileSync(CACHE, JSON.stringify({ ...cached, ...Object.fromEntries(records) }));
  return { order, records };
}

const shared = (a: Arrival, b: Arrival) =>
  Object.keys(a.article.terms)
    .filter((t) => b.article.terms[t] !== undefined)
    .join(', ');

const hours = (a: Arrival, b: Arrival) => (Math.abs(a.article.time - b.article.time) / 3600_000).toFixed(1);

const summary = (s: ClusterScores) =>
  `pair P ${f3(s.precision)} R ${f3(s.recall)} F1 ${f3(s.f1)} B-cubed ${f3(s.bcubed)} wrong ${f3(s.wrongShare)}`;

function analyse(
  order: Arrival[],
  records: Map<string, ArticleRecord>,
  thresholds: StoryThresholds,
  batch: number,
) {
  const story = cluster(order, thresholds, DEFAULT_WINDOW_HOURS, { batch, inFlight });
  const s = scoreClusters(order, story, 'dev');
  console.log(`\n# Arrival order ${order[0]!.id} first\n\ndev: ${summary(s)} mixing ${s.mixedStories}`);
  const dev = order.filter((a) => a.cluster !== null && a.half === 'dev');
  const title = (a: Arrival) => records.get(a.id)?.title ?? '';
  const pair = (a: Arrival, b: Arrival) =>
    `    ${a.cluster}×${b.cluster ?? 'distractor'} score ${f3(pairScore(a.article, b.article, thresholds))} gap ${hours(a, b)} h\n      shared: ${shared(a, b)}`;
  const members = new Map<string, Arrival[]>();
  for (const a of order) members.set(story.get(a.id)!, [...(members.get(story.get(a.id)!) ?? []), a]);
  console.log('\n## Stories mixing dev clusters (or a dev cluster and a distractor)\n');
  for (const [sid, ms] of members) {
    const devMs = ms.filter((m) => m.cluster !== null && m.half === 'dev');
    const kinds = new Set(ms.map((m) => m.cluster ?? `x:${m.id}`));
    if (devMs.length === 0 || kinds.size < 2) continue;
    console.log(`story ${sid} (${ms.length})`);
    for (const m of ms)
      console.log(`  [${m.cluster ?? 'distractor'}] ${new Date(m.article.time).toISOString()} ${title(m)}`);
    for (let i = 0; i < ms.length; i++)
      for (let j = i + 1; j < ms.length; j++)
        if (ms[i]!.cluster !== ms[j]!.cluster) console.log(pair(ms[i]!, ms[j]!));
  }
  console.log('\n## Dev clusters split over stories\n');
  const byCluster = new Map<string, Arrival[]>();
  for (const a of dev) byCluster.set(a.cluster!, [...(byCluster.get(a.cluster!) ?? []), a]);
  for (const [c, ms] of byCluster) {
    const stories = new Set(ms.map((m) => story.get(m.id)));
    if (stories.size < 2) continue;
    console.log(`cluster ${c}: ${ms.length} articles in ${stories.size} stories`);
    for (const m of ms)
      console.log(`  {${story.get(m.id)}} ${new Date(m.article.time).toISOString()} ${title(m)}`);
    for (let i = 0; i < ms.length; i++)
      for (let j = i + 1; j < ms.length; j++)
        if (story.get(ms[i]!.id) !== story.get(ms[j]!.id)) console.log(pair(ms[i]!, ms[j]!));
  }
}

/**
 * Average-linkage (UPGMA) clustering of all arrivals at once: the two closest stories merge while their
 * mean pair score (pairs further apart than the window, or sharing no term, counting 0) is at least the
 * threshold. Quadratic in the stories that share a term; fine for an analysis, not for ingest.
 */
function orderFree(order: Arrival[], thresholds: StoryThresholds): Map<string, string> {
  const windowMs = DEFAULT_WINDOW_HOURS * 3600_000;
  const byTerm = new Map<string, number[]>();
  order.forEach((a, i) => {
    for (const t in a.article.terms) byTerm.set(t, [...(byTerm.get(t) ?? []), i]);
  });
  // Per story (by its first member's index), the sums of pair scores with the stories it shares a term with.
  const sums = new Map(order.map((_, i) => [i, new Map<number, number>()]));
  for (let i = 0; i < order.length; i++) {
    const near = new Set<number>();
    for (const t in order[i]!.article.terms) for (const j of byTerm.get(t)!) if (j > i) near.add(j);
    for (const j of near) {
      const [a, b] = [order[i]!.article, order[j]!.article];
      if (Math.abs(a.time - b.time) > windowMs) continue;
      const s = pairScore(a, b, thresholds);
      if (s > 0) {
        sums.get(i)!.set(j, s);
        sums.get(j)!.set(i, s);
      }
    }
  }
  const members = new Map(order.map((_, i) => [i, [i]]));
  for (;;) {
    let best: [number, number, number] | undefined;
    for (const [a, m] of sums)
      for (const [b, sum] of m) {
        const mean = sum / (members.get(a)!.length * members.get(b)!.length);
        if (a < b && mean >= thresholds.story && (!best || mean > best[2])) best = [a, b, mean];
      }
    if (!best) break;
    const [a, b] = best;
    members.set(a, [...members.get(a)!, ...members.get(b)!]);
    members.delete(b);
    const [toA, toB] = [sums.get(a)!, sums.get(b)!];
    for (const [c, sum] of toB) {
      if (c === a) continue;
      toA.set(c, (toA.get(c) ?? 0) + sum);
      sums.get(c)!.set(a, toA.get(c)!);
      sums.get(c)!.delete(b);
    }
    toA.delete(b);
    sums.delete(b);
  }
  const story = new Map<string, string>();
  for (const [first, ms] of members) for (const i of ms) story.set(order[i]!.id, String(first));
  return story;
}

/** Why two articles of one cluster ended in different stories, first cause that applies. */
const MISS_CAUSES = [
  'more than the window apart',
  'joined, then parted (split or move)',
  'scored below the threshold, compared',
  'scored below the threshold, never found by the look-up',
  'scored above the threshold, their stories never joined',
  'scored above the threshold, never found by the look-up',
] as const;
type MissCause = (typeof MISS_CAUSES)[number];

/**
 * The dev half's same-cluster pairs that end apart in one order, each with its cause: whether the look-up
 * ever found one for the other (as a candidate when the later arrived), whether they ever stood in one
 * story, and their pair score.
 */
function missedPairs(
  order: Arrival[],
  thresholds: StoryThresholds,
  batch: number,
): { cluster: string; cause: MissCause }[] {
  const byCluster = new Map<string, Arrival[]>();
  for (const a of order)
    if (a.cluster !== null && a.half === 'dev')
      byCluster.set(a.cluster, [...(byCluster.get(a.cluster) ?? []), a]);
  const key = (x: string, y: string) => (x < y ? `${x}\n${y}` : `${y}\n${x}`);
  const compared = new Set<string>();
  const together = new Set<string>();
  const trace: ClusterTrace = {
    found: (id, candidates) => {
      for (const c of candidates) compared.add(key(id, c));
    },
    settled: (storyOf) => {
      for (const ms of byCluster.values())
        for (let i = 0; i < ms.length; i++)
          for (let j = i + 1; j < ms.length; j++) {
            const s = storyOf.get(ms[i]!.id);
            if (s !== undefined && s === storyOf.get(ms[j]!.id)) together.add(key(ms[i]!.id, ms[j]!.id));
          }
    },
  };
  const story = cluster(order, thresholds, DEFAULT_WINDOW_HOURS, { trace, batch, inFlight });
  const out: { cluster: string; cause: MissCause }[] = [];
  for (const [c, ms] of byCluster)
    for (let i = 0; i < ms.length; i++)
      for (let j = i + 1; j < ms.length; j++) {
        const [a, b] = [ms[i]!, ms[j]!];
        if (story.get(a.id) === story.get(b.id)) continue;
        const k = key(a.id, b.id);
        const found = compared.has(k);
        const above = pairScore(a.article, b.article, thresholds) >= thresholds.story;
        const cause: MissCause =
          Math.abs(a.article.time - b.article.time) > DEFAULT_WINDOW_HOURS * 3600_000
            ? 'more than the window apart'
            : together.has(k)
              ? 'joined, then parted (split or move)'
              : above
                ? found
                  ? 'scored above the threshold, their stories never joined'
                  : 'scored above the threshold, never found by the look-up'
                : found
                  ? 'scored below the threshold, compared'
                  : 'scored below the threshold, never found by the look-up';
        out.push({ cluster: c, cause });
      }
  return out;
}

const args = process.argv.slice(2);
const { order, records } = await arrivals(args.includes('--more-distractors'));
const thresholdArg = args.find((a) => !a.startsWith('--'));
const story = thresholdArg === undefined ? DEFAULT_THRESHOLDS.story : Number(thresholdArg);
const thresholds = { ...DEFAULT_THRESHOLDS, story };
// The orders the eval scores: one order is one draw of which article starts or joins which story.
const ordersArg = args.find((a) => a.startsWith('--orders='));
const orders = arrivalOrders(order, ordersArg === undefined ? ARRIVAL_ORDERS : Number(ordersArg.slice(9)));
// Arrivals per review (one fold of the counter aggregator) for the analysis; the sweep below takes several.
const batchArg = args.find((a) => a.startsWith('--batch='));
const batch = batchArg === undefined ? 1 : Number(batchArg.slice(8));
const inFlightArg = args.find((a) => a.startsWith('--in-flight='));
const inFlight = inFlightArg === undefined ? REVIEWS_IN_FLIGHT : Number(inFlightArg.slice(12));
for (const o of orders) analyse(o, records, thresholds, batch);
const reads = noReads();
const runs = orders.map((o) => ({
  order: o,
  story: cluster(o, thresholds, DEFAULT_WINDOW_HOURS, { reads, batch, inFlight }),
}));
console.log(
  `\n# Dev half at threshold ${story}, reviews of ${batch} arrival${batch === 1 ? '' : 's'}, ${inFlight} at once\n`,
);
console.log(`at ingest, mean of ${orders.length} orders: ${summary(scoreRuns(runs, 'dev').mean)}`);
console.log(
  `order-free (average linkage over all arrivals): ${summary(scoreClusters(order, orderFree(order, thresholds), 'dev'))}`,
);
const each = runs.map((r) => scoreClusters(r.order, r.story, 'dev'));
const fold = (f: 'A' | 'B') => scoreRuns(runs, 'dev', (c) => (foldOf(c) === f ? 1 : 0)).mean;
const range = ([lo, hi]: [number, number]) => `${f3(lo)}–${f3(hi)}`;
console.log(
  `each order (B-cubed / wrong pairs): ${each.map((s) => `${f3(s.bcubed)} / ${f3(s.wrongShare)}`).join(', ')}`,
);
const worst = Math.max(...each.map((s) => s.wrongShare));
console.log(
  `worst order's wrong pairs ${f3(worst)}; orders with wrong pairs ${each.filter((s) => s.wrongShare > 0).length} of ${each.length}`,
);
console.log(
  `folds of the dev clusters: A ${f3(fold('A').bcubed)} / ${f3(fold('A').wrongShare)}, B ${f3(fold('B').bcubed)} / ${f3(fold('B').wrongShare)}`,
);
console.log(
  `5th–95th percentiles over 500 resamples of the dev clusters: B-cubed ${range(bootstrap(runs, 'dev', (s) => s.bcubed))}, wrong pairs ${range(bootstrap(runs, 'dev', (s) => s.wrongShare))}`,
);
const missed = orders.map((o) => missedPairs(o, thresholds, batch));
const perOrder = (cause: MissCause, fold?: 'A' | 'B') =>
  (
    missed.reduce(
      (sum, m) => sum + m.filter((p) => p.cause === cause && (!fold || foldOf(p.cluster) === fold)).length,
      0,
    ) / orders.length
  ).toFixed(1);
console.log('same-cluster pairs that end apart, per order (folds A, B), by cause:');
for (const cause of MISS_CAUSES)
  console.log(`  ${cause}: ${perOrder(cause)} (${perOrder(cause, 'A')}, ${perOrder(cause, 'B')})`);
const perArrival = (n: number) => (n / reads.arrivals).toFixed(2);
console.log(
  `reads per arrival (all arrivals, all orders): candidates' links ${perArrival(reads.candidates)}, again by the review's look-up ${perArrival(reads.reviewCandidates)}; re-decisions ${perArrival(reads.regroups)} and splits ${perArrival(reads.splits)}, reading the members of ${perArrival(reads.stories)} stories and ${perArrival(reads.members)} links beyond the candidates`,
);

// The same over review batches: B arrivals' first looks race (none sees another's entry), then one fold reviews them.
const batchesArg = args.find((a) => a.startsWith('--batches='));
const batches = (batchesArg === undefined ? '1,4,16,64,256' : batchesArg.slice(10)).split(',').map(Number);
console.log(
  `\nreviews over batches of B arrivals (the arrivals one fold of the counter aggregator reads), ${inFlight} at once, mean of ${orders.length} orders, B-cubed / wrong pairs; worst order's wrong pairs; folds A, B; then the first looks alone (no review):`,
);
for (const b of batches) {
  const scored = (regroupClose: number | null) => {
    const bRuns = orders.map((o) => ({
      order: o,
      story: cluster(o, thresholds, DEFAULT_WINDOW_HOURS, { batch: b, regroupClose, inFlight }),
    }));
    const { mean, worstWrong } = scoreRuns(bRuns, 'dev');
    const foldB = (f: 'A' | 'B') => scoreRuns(bRuns, 'dev', (c) => (foldOf(c) === f ? 1 : 0)).mean;
    const [a, bb] = [foldB('A'), foldB('B')];
    return `${f3(mean.bcubed)} / ${f3(mean.wrongShare)}, worst ${f3(worstWrong)}, A ${f3(a.bcubed)} / ${f3(a.wrongShare)}, B ${f3(bb.bcubed)} / ${f3(bb.wrongShare)}`;
  };
  console.log(`  B = ${b}: ${scored(REGROUP_CLOSE)}; at arrival only ${scored(null)}`);
}
