/**
 * Row 8: latency of the stories endpoints (GET /stories, /stories/{id}, /articles/{id}/related) through
 * the query application, beside GET /articles on the same table in the same run (the baseline: a story
 * page is built on the article listing, plus the reads of each listed story's members).
 *
 * Loading: synthetic events of one to six articles (the same names, keywords and title words, a few hours
 * apart, every other one a copy of the first's body), stored one by one through the real putArticle with
 * stories on, so the story items are the store's own. dynalite in memory, in its own worker thread.
 */
import { randomBytes } from 'node:crypto';
import { startEmulators } from '../../local/emulators';
import type { ArticleRecord } from '../../shared/model/article';
import { createQueryApp } from '../../shared/query/app';
import { DynamoArticleStore } from '../../shared/store/index';
import { DEFAULT_STORY_CONFIG } from '../../shared/stories/config';
import { pool } from '../pool';
import { type BenchRow, percentile } from '../report';
import { rng, syntheticRecord } from '../synthetic';
import { timeAll } from './query-latency';

const EVENTS = Number(process.env.BENCH_STORY_EVENTS ?? 60);
const SAMPLES = 100;
const WARMUP = 10;
const PUBLISHERS = ['VnExpress', 'Tuổi Trẻ', 'Thanh Niên', 'Dân trí', 'Lao Động', 'VietnamPlus'];

function eventArticles(event: number, r: () => number): ArticleRecord[] {
  const base = syntheticRecord(event, r);
  const size = 1 + Math.floor(r() * 6);
  const at = Date.parse(base.publishedAt!);
  return Array.from({ length: size }, (_, j) => {
    const own = syntheticRecord(100_000 + event * 10 + j, r);
    return {
      ...base,
      id: `${base.id}s${j}`,
      source: { ...base.source, key: `incoming/${base.id}s${j}.txt` },
      publisher: PUBLISHERS[j % PUBLISHERS.length]!,
      publishedAt: new Date(at + j * 3 * 3_600_000).toISOString().replace('Z', '+00:00'),
      body: j % 2 === 1 ? `${base.body} Phóng viên ${j}.` : j === 0 ? base.body : own.body,
    };
  });
}

export async function storyLatencyRow(): Promise<BenchRow> {
  const emulators = await startEmulators({ memory: true, dynamoThread: true });
  try {
    const r = rng(20261203);
    const records = Array.from({ length: EVENTS }, (_, e) => eventArticles(e, r)).flat();
    const store = new DynamoArticleStore({
      doc: emulators.doc,
      tableName: emulators.tableName,
      stories: DEFAULT_STORY_CONFIG,
    });
    const t0 = performance.now();
    let stored = 0;
    await pool(records, 4, async (record) => {
      await store.putArticle(record, '0000000000000001');
      if (++stored % 50 === 0) process.stderr.write(`  stored ${stored} of ${records.length}\r`);
    });
    process.stderr.write('\n');
    // The counter aggregator folds the story heads (the list by last seen, sizes), as it would by now.
    await store.foldCounters();
    const loadS = (performance.now() - t0) / 1000;

    const app = createQueryApp({ reader: store, cursorSecret: randomBytes(32) });
    const get = async (path: string) => {
      const res = await app.request(path);
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { items: { id: string }[]; next: string | null };
    };
    const first = await get('/stories?limit=100');
    const storyIds = first.items.map((s) => s.id);
    const pick = <T>(items: readonly T[], i: number) => items[(i * 7919) % items.length]!;

    process.stderr.write(`  loaded in ${((performance.now() - t0) / 1000).toFixed(0)} s; timing requests\n`);
    const articles = await timeAll(SAMPLES, async () => void (await get('/articles')), WARMUP);
    const stories = await timeAll(SAMPLES, async () => void (await get('/stories')), WARMUP);
    const pageMs: number[] = [];
    await timeAll(
      Math.floor(SAMPLES / 5),
      async () => {
        let next: string | null = null;
        for (let page = 0; page < 5; page++) {
          const t = performance.now();
          const body = await get(`/stories${next ? `?cursor=${next}` : ''}`);
          pageMs.push(performance.now() - t);
          next = body.next;
          if (!next) break;
        }
      },
      WARMUP,
    );
    pageMs.sort((a, b) => a - b);
    const story = await timeAll(
      SAMPLES,
      async (i) => void (await get(`/stories/${pick(storyIds, i)}`)),
      WARMUP,
    );
    const related = await timeAll(
      SAMPLES,
      async (i) => void (await get(`/articles/${pick(records, i).id}/related`)),
      WARMUP,
    );

    const base = (p: 'p50' | 'p99') => ({ name: `GET /articles ${p}`, value: articles[p] });
    const sizes = new Map<string, number>();
    for (const s of first.items as unknown as { id: string; size: number }[]) sizes.set(s.id, s.size);
    return {
      name: '8. story latency',
      inputs:
        `${records.length} synthetic stored articles in ${EVENTS} events of 1–6 articles (every other one a copy), ` +
        `stored one by one with stories on (${loadS.toFixed(0)} s, 4 in flight) in dynalite (memory, worker thread); ` +
        `${SAMPLES} requests per kind after ${WARMUP} warm-up, through createQueryApp + app.request (limit 20); ` +
        `baseline GET /articles (limit 20) on the same table in the same run`,
      figures: [
        { metric: 'GET /articles p50 (baseline)', value: articles.p50, unit: 'ms' },
        { metric: 'GET /stories p50', value: stories.p50, unit: 'ms', baseline: base('p50') },
        { metric: 'GET /stories p99', value: stories.p99, unit: 'ms', baseline: base('p99') },
        {
          metric: 'GET /stories 5-page walk, per page p99',
          value: percentile(pageMs, 99),
          unit: 'ms',
          baseline: base('p99'),
        },
        { metric: 'GET /stories/{id} p50', value: story.p50, unit: 'ms', baseline: base('p50') },
        { metric: 'GET /articles/{id}/related p50', value: related.p50, unit: 'ms', baseline: base('p50') },
      ],
      notes: [
        `the newest 100 stories hold ${[...sizes.values()].reduce((a, b) => a + b, 0)} articles (events of one article are stories of one)`,
      ],
    };
  } finally {
    await emulators.close();
  }
}
