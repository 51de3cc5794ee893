/**
 * `npx tsx eval/stories-dev.ts`: error analysis of the stories on the DEV half of the KTLAB clusters only,
 * for choosing features and settings: the stories that mix clusters and the clusters split over stories,
 * with each pair's score and the terms it shares. Records are cached in the OS temp dir (corpus text
 * stays out of the repo); delete the cache when the parser or tagger changes.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleRecord } from '../shared/model/article';
import { processArticle } from '../shared/process';
import { DEFAULT_WINDOW_HOURS } from '../shared/stories/config';
import { DEFAULT_THRESHOLDS, pairScore, type StoryThresholds } from '../shared/stories/decide';
import { loadCorpus } from './corpus';
import { f3 } from './print';
import { type Arrival, cluster, scoreClusters, storyArrivals } from './stories-eval';

const CACHE = join(tmpdir(), 'newsdrop-stories-dev-records.json');

async function arrivals(): Promise<{ order: Arrival[]; records: Map<string, ArticleRecord> }> {
  const ktlab = await loadCorpus({ sets: ['ktlab-mds-baomoi'] });
  const unc = await loadCorpus({ sets: ['unc-dantri'] });
  const news24h = await loadCorpus({ sets: ['crawl-news-24h'] });
  const cached: Record<string, ArticleRecord> = existsSync(CACHE)
    ? JSON.parse(readFileSync(CACHE, 'utf8'))
    : {};
  const records = new Map<string, ArticleRecord>();
  const { order } = storyArrivals(ktlab, [...unc.filter((_, i) => i % 2 === 0), ...news24h], (d) => {
    const key = `${d.set}/${d.id}`;
    const record = cached[key] ?? processArticle({ key: d.fileName }, d.bytes);
    records.set(key, record);
    return record;
  });
  if (!existsSync(CACHE)) writeFileSync(CACHE, JSON.stringify(Object.fromEntries(records)));
  return { order, records };
}

const shared = (a: Arrival, b: Arrival) =>
  Object.keys(a.article.terms)
    .filter((t) => b.article.terms[t] !== undefined)
    .join(', ');

const hours = (a: Arrival, b: Arrival) => (Math.abs(a.article.time - b.article.time) / 3600_000).toFixed(1);

function analyse(order: Arrival[], records: Map<string, ArticleRecord>, thresholds: StoryThresholds) {
  const story = cluster(order, thresholds, DEFAULT_WINDOW_HOURS);
  const s = scoreClusters(order, story, 'dev');
  console.log(
    `dev: pair P ${f3(s.precision)} R ${f3(s.recall)} F1 ${f3(s.f1)} B-cubed ${f3(s.bcubed)} wrong ${f3(s.wrongShare)} mixing ${s.mixedStories}`,
  );
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

const { order, records } = await arrivals();
const story = process.argv[2] === undefined ? DEFAULT_THRESHOLDS.story : Number(process.argv[2]);
analyse(order, records, { ...DEFAULT_THRESHOLDS, story });
