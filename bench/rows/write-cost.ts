/**
 * Row 7: what storing an article costs, the store's layout (posting items, a budget of search terms)
 * against the layout before it (bench/baseline: one index item per facet in a byFacet GSI, every
 * syllable and pair of title, keywords, names and lede), on the same corpus records in the same run.
 *
 * Per article: item writes and write request units as on-demand DynamoDB bills them (bench/write-meter.ts:
 * base table and GSIs, larger of before/after, KB rounding), items and bytes stored (with DynamoDB's
 * 100-byte per-item overhead, GSI copies included), DynamoDB requests, and the store-only write rate on
 * dynalite. Then how `q` finds the same articles: a pair of title syllables, and a rare body word (a pair
 * of content syllables in one article's body only, not in its title, keywords, names or lede).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CreateTableCommand, DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { type CorpusDoc, loadCorpus } from '../../eval/corpus';

import { createTableInput, startEmulators } from '../../local/emulators';
import { documentClient, dynamoClientFor } from '../../local/link';
import type { ArticleRecord } from '../../shared/model/article';
import { processArticle } from '../../shared/process';
import { DynamoArticleStore } from '../../shared/store/article-store';
import { ARTICLE_TABLE, type TableDefinition } from '../../shared/store/table';
import { DEFAULT_STORY_CONFIG, storyTime } from '../../shared/stories/config';
import { isStopword } from '../../shared/text/search-terms';
import { searchKey } from '../../shared/text/vietnamese';
import { DynamoArticleStore as BaselineStore } from '../baseline/article-store-v1';
import { ARTICLE_TABLE as BASELINE_TABLE } from '../baseline/table-v1';
import { startDynaliteProcess } from '../dynalite-process';
import { dealParts, median, planRounds, quartiles } from '../paired-rounds';
import { pool } from '../pool';
import type { BenchRow } from '../report';
import { RoundGate } from '../round-gate';
import { type FilledWindow, fillWindow, putWindow, retimeInOrder } from '../story-window';
import { itemBytes, WriteMeter } from '../write-meter';

/** The upload key a corpus document is processed under. */
const documentKey = (d: { set: string; fileName: string }) => `incoming/bench/${d.set}/${d.fileName}`;

const ARTICLES = Number(process.env.BENCH_WRITE_ARTICLES ?? 200);
/**
 * Alternating timed rounds (with stories against without) after WARM_UP_ROUNDS not counted, each of a
 * part of at most ROUND_ARTICLES of the articles (bench/paired-rounds.ts): a multiple of twice the parts,
 * so each part and each order of the two counts as often (which one runs first moved a round's ratio).
 * 24 rounds of 50 were measured against 6 of 200 and were not steadier (CHANGELOG), so a round takes all
 * of them unless told.
 */
const ROUNDS = Number(process.env.BENCH_WRITE_ROUNDS ?? 6);
const ROUND_ARTICLES = Number(process.env.BENCH_WRITE_ROUND_ARTICLES ?? 200);
/** Rounds of both before the timed ones: the code's JIT state keeps improving for a few runs. */
const WARM_UP_ROUNDS = Number(process.env.BENCH_WRITE_WARM_UP ?? 2);
/**
 * Digest entries of other articles in the story window of the pre-filled line: 400 articles a day over
 * the 7 days of digest items a 72-hour window reads.
 */
const WINDOW_ENTRIES = Number(process.env.BENCH_WINDOW_ENTRIES ?? 2800);
/** The pre-filled line's articles arrive in event order over this many hours of today. */
const ARRIVAL_HOURS = 4;

// A full collection before each timed run and one inside it at its end, so each run pays for exactly its
// own garbage (without them a run's timing held collections of the previous run's garbage).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

interface Writer {
  putArticle(record: ArticleRecord, sequencer: string): Promise<unknown>;
  /** The store's counter aggregator (its requests are counted apart from the writers'). */
  foldCounters?(): Promise<{ deltas: number }>;
  listArticles(
    filter: { status: 'stored'; q: string },
    page: { limit: number },
  ): Promise<{ items: { id: string }[] }>;
}
type MakeStore = (doc: DynamoDBDocumentClient, tableName: string) => Writer;

interface LayoutCost {
  itemWrites: number;
  writeUnits: number;
  requests: number;
  /** Per article, the counter aggregator's folds after the writes (none when writers update counters). */
  foldRequests: number;
  /** Per article, the write units of those folds (with stories, the reviews' writes too). */
  foldWriteUnits: number;
  /** Per article by request kind, those folds. */
  foldByRequest: string;
  /** Per article with 8 writers at once (one Lambda batch): what writers share, they send once. */
  concurrentRequests: number;
  itemsStored: number;
  bytesStored: number;
  rate: number;
  titleFound: number;
  rareFound: Record<RareKind, number>;
  byKind: string;
  byRequest: string;
  /** Per article by request kind, 8 writers at once. */
  concurrentByRequest: string;
}

/** Creates a table and waits until dynalite has it ACTIVE (under load it answers CreateTable before). */
async function createTable(dynamo: DynamoDBClient, name: string, def: TableDefinition): Promise<void> {
  await dynamo.send(new CreateTableCommand(createTableInput(name, def)));
  for (let tries = 0; tries < 500; tries++) {
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: name }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`table ${name} did not become ACTIVE`);
}

/** Every item, with the GSI copies each holds. */
async function storedItems(doc: DynamoDBDocumentClient, table: string, def: TableDefinition) {
  let items = 0;
  let bytes = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const res = await doc.send(
      new ScanCommand({ TableName: table, ...(startKey && { ExclusiveStartKey: startKey }) }),
    );
    for (const it of res.Items ?? []) {
      const copies =
        1 + def.globalSecondaryIndexes.filter((i) => it[i.partitionKey.name] !== undefined).length;
      items++;
      bytes += copies * (itemBytes(it) + 100);
    }
    startKey = res.LastEvaluatedKey;
  } while (startKey);
  return { items, bytes };
}

function words(text: string): string[] {
  return searchKey(text).split(' ').filter(Boolean);
}

/** Pairs of adjacent content syllables within a sentence, with how often the text says each. */
function contentPairs(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const sentence of text.split(/[.!?;:,()\n]+/u)) {
    const w = words(sentence);
    for (let i = 0; i + 1 < w.length; i++) {
      if (isStopword(w[i]!) || isStopword(w[i + 1]!)) continue;
      const pair = `${w[i]} ${w[i + 1]}`;
      out.set(pair, (out.get(pair) ?? 0) + 1);
    }
  }
  return out;
}

type RareKind = 'rare' | 'rareOnce' | 'rareRepeated';

/**
 * Per article: one title pair, and rare body words: pairs no other article's body (and no field of its
 * own) has, picked among all of them (`rare`), among those its body says once (`rareOnce`: mostly
 * chance neighbours across a word boundary, which nobody searches for) and among those it says twice or
 * more (`rareRepeated`: the words and names the article is about).
 */
function probes(records: ArticleRecord[]) {
  const bodyPairs = records.map((r) => contentPairs(r.body));
  const df = new Map<string, number>();
  for (const pairs of bodyPairs) for (const p of pairs.keys()) df.set(p, (df.get(p) ?? 0) + 1);
  return records.map((r, i) => {
    const head = [
      r.title ?? '',
      r.lede ?? '',
      ...r.keywords,
      ...Object.values(r.entities)
        .flat()
        .map((e) => e.name),
    ]
      .map(searchKey)
      .join(' | ');
    const rare = [...bodyPairs[i]!].filter(([p]) => df.get(p) === 1 && !` ${head} `.includes(` ${p} `));
    // Spread the pick over the body, the same way every run.
    const pick = (among: [string, number][]) =>
      among.length > 0 ? among[(i * 7919) % among.length]![0] : undefined;
    const t = words(r.title ?? '');
    return {
      id: r.id,
      title: t.length >= 2 ? `${t[0]} ${t[1]}` : undefined,
      rare: pick(rare),
      rareOnce: pick(rare.filter(([, n]) => n === 1)),
      rareRepeated: pick(rare.filter(([, n]) => n >= 2)),
    };
  });
}

/** A timed run: articles per second (wall clock) and per CPU second of this process (dynalite included). */
interface Timed {
  rate: number;
  cpuRate: number;
  /** CPU milliseconds per article of an emulator in another process, when it is given. */
  emulatorCpuMs?: number;
  /** CPU milliseconds of the full collection with nothing left to collect, taken off the run's. */
  idleCollectionMs: number;
}

/** Times `run` over `count` articles; `emulatorCpu` reads an emulator process's CPU microseconds. */
async function timed(
  count: number,
  run: () => Promise<void>,
  emulatorCpu?: () => Promise<number>,
): Promise<Timed> {
  collectGarbage();
  const other0 = await emulatorCpu?.();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await run();
  collectGarbage();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  // The closing collection also walks the bench's own live heap (corpus, models, the in-process dynalite's
  // tables: 35 ms to 0.6 s), the same for any run: a second one, with the run's garbage gone, measures that
  // part, which is taken off so a run pays for its own garbage only, however short it is.
  const idleCpu0 = process.cpuUsage();
  const idleT0 = performance.now();
  collectGarbage();
  const idleWall = performance.now() - idleT0;
  const idleCpu = process.cpuUsage(idleCpu0);
  const idleMicros = idleCpu.user + idleCpu.system;
  const other = other0 === undefined ? undefined : (await emulatorCpu!()) - other0;
  return {
    rate: (count / (wall - idleWall)) * 1000,
    cpuRate: (count / (cpu.user + cpu.system - idleMicros)) * 1e6,
    ...(other !== undefined && { emulatorCpuMs: other / 1000 / count }),
    idleCollectionMs: idleMicros / 1000,
  };
}

/**
 * What the counter aggregator does after the writes: folds until no delta is left (with stories, the
 * reviews of the writers' first looks and the moves they make, folded in turn).
 */
async function foldAll(store: Writer): Promise<void> {
  if (!store.foldCounters) return;
  for (let n = 0; n < 100; n++) if ((await store.foldCounters()).deltas === 0) return;
}

/** `putArticle` of processed records, 8 at a time, into the (new, empty) table. */
function storeOnly(store: Writer, records: readonly ArticleRecord[]): () => Promise<void> {
  return () =>
    pool(
      records.map((r, i) => ({ r, i })),
      8,
      ({ r, i }) => store.putArticle(r, (i + 1).toString(16)).then(() => {}),
    );
}

/**
 * What ingest does per upload after reading it: parse and tag, then `putArticle` (8 in flight).
 * `publishedAt`, by document, re-times the records (the pre-filled window's line).
 */
function parseTagStore(
  store: Writer,
  docs: readonly CorpusDoc[],
  publishedAt?: readonly string[],
): () => Promise<void> {
  return () =>
    pool(
      docs.map((d, i) => ({ d, i })),
      8,
      async ({ d, i }) => {
        // Yield first, so the 8 in flight interleave their parsing with their store requests.
        await new Promise((r) => setImmediate(r));
        const record = processArticle({ key: documentKey(d) }, d.bytes);
        await store.putArticle(
          publishedAt ? { ...record, publishedAt: publishedAt[i]! } : record,
          (i + 1).toString(16),
        );
      },
    );
}

/** Articles per second of `putArticle`, 8 at a time, into the (new, empty) table. */
async function storeOnlyRate(
  emu: Awaited<ReturnType<typeof startEmulators>>,
  table: string,
  make: MakeStore,
  records: ArticleRecord[],
): Promise<number> {
  return (await timed(records.length, storeOnly(make(emu.doc, table), records))).rate;
}

interface RoundsResult {
  plain: Timed;
  stories: Timed;
  /**
   * The counter aggregator after each run (a store of its own on the run's table, as a container of its
   * own: cold, like the writers'), folding until no delta is left, timed apart: median runs.
   */
  folds?: {
    plain: Timed;
    stories: Timed;
    /** Median round's ratio of aggregator CPU per article, with stories against without. */
    cpuRatio: number;
    /** Median round's ratio of writer + aggregator CPU per article, without stories against with. */
    totalCpuRatio: number;
  };
  /** Median round's ratio, wall clock and CPU time, and every round's. */
  ratio: number;
  ratios: number[];
  cpuRatio: number;
  cpuRatios: number[];
  /** First and third quartiles of the rounds' CPU ratios. */
  cpuIqr: [number, number];
  /** Median CPU ms of a full collection with nothing to collect (taken off each run). */
  idleCollectionMs: number;
  /** Per round, whether the run without stories went first. */
  plainFirst: boolean[];
}

/**
 * A workload with stories against without, in alternating rounds (ABBA order, a fresh table each): the
 * machine's load changes between runs, so each round's ratio compares neighbours in time, and the figure
 * is the median round (of an even number: the mean of the middle two). Each round runs one part of the
 * workload (`parts` of it, ROUND_ARTICLES at most, in turn: bench/paired-rounds.ts). WARM_UP_ROUNDS of
 * both, not counted, warm the emulator and the code up; each timed run starts after a full garbage
 * collection and ends with one (timed, less what one costs with nothing to collect).
 * `workload(store, part)` gives the run of that part and how many articles it handles.
 */
async function storiesRounds(
  emu: { dynamo: DynamoDBClient; doc: DynamoDBDocumentClient; cpuMicros?: () => Promise<number> },
  name: string,
  makers: { plain: MakeStore; stories: MakeStore },
  items: number,
  workload: (store: Writer, part: readonly number[]) => { count: number; run: () => Promise<void> },
  /** Fills each fresh table before its run (not timed). */
  fill?: (doc: DynamoDBDocumentClient, table: string) => Promise<void>,
  /** Times the counter aggregator after each run too. */
  withFolds = false,
): Promise<RoundsResult> {
  type Round = Record<'plain' | 'stories' | 'plainFold' | 'storiesFold', Timed>;
  const rounds: Round[] = [];
  const plainFirst: boolean[] = [];
  const parts = dealParts(items, ROUND_ARTICLES);
  for (const [a, planned] of planRounds(ROUNDS, WARM_UP_ROUNDS, parts.length).entries()) {
    const round: Partial<Round> = {};
    for (const kind of planned.plainFirst
      ? (['plain', 'stories'] as const)
      : (['stories', 'plain'] as const)) {
      const table = `${name}${a}-${kind}`;
      await createTable(emu.dynamo, table, ARTICLE_TABLE);
      await fill?.(emu.doc, table);
      const { count, run } = workload(makers[kind](emu.doc, table), parts[planned.part]!);
      round[kind] = await timed(count, run, emu.cpuMicros);
      if (withFolds) {
        const aggregator = makers[kind](emu.doc, table);
        round[`${kind}Fold`] = await timed(count, () => foldAll(aggregator), emu.cpuMicros);
      }
    }
    if (!planned.counted) continue;
    rounds.push(round as Round);
    plainFirst.push(planned.plainFirst);
  }
  const ratios = rounds.map((r) => r.stories.rate / r.plain.rate);
  const cpuRatios = rounds.map((r) => r.stories.cpuRate / r.plain.cpuRate);
  const ms = (t: Timed) => 1000 / t.cpuRate;
  const of = (kind: keyof Round): Timed => ({
    rate: median(rounds.map((r) => r[kind].rate)),
    cpuRate: median(rounds.map((r) => r[kind].cpuRate)),
    ...(emu.cpuMicros && { emulatorCpuMs: median(rounds.map((r) => r[kind].emulatorCpuMs!)) }),
    idleCollectionMs: median(rounds.map((r) => r[kind].idleCollectionMs)),
  });
  return {
    plain: of('plain'),
    stories: of('stories'),
    ...(withFolds && {
      folds: {
        plain: of('plainFold'),
        stories: of('storiesFold'),
        cpuRatio: median(rounds.map((r) => ms(r.storiesFold) / ms(r.plainFold))),
        totalCpuRatio: median(
          rounds.map((r) => (ms(r.plain) + ms(r.plainFold)) / (ms(r.stories) + ms(r.storiesFold))),
        ),
      },
    }),
    ratio: median(ratios),
    ratios,
    cpuRatio: median(cpuRatios),
    cpuRatios,
    cpuIqr: quartiles(cpuRatios),
    idleCollectionMs: median(rounds.flatMap((r) => [r.plain.idleCollectionMs, r.stories.idleCollectionMs])),
    plainFirst,
  };
}

/** Round trips an article waits through, per article: mean, median, 90th percentile, most. */
interface CriticalPath {
  mean: number;
  p50: number;
  p90: number;
  max: number;
}

/**
 * Round trips on each article's critical path (bench/round-gate.ts): `putArticle` of the records into a
 * fresh table through a client that sends requests in rounds, `writers` at a time; an article's count is
 * the rounds from its call to its end (with several writers, rounds shared with the others count too).
 */
async function criticalPath(
  endpoint: string,
  name: string,
  make: MakeStore,
  records: ArticleRecord[],
  writers: number,
): Promise<CriticalPath> {
  const dynamo = dynamoClientFor(endpoint);
  try {
    await createTable(dynamo, name, ARTICLE_TABLE);
    const doc = documentClient(dynamo);
    const gate = new RoundGate();
    gate.install(doc);
    const store = make(doc, name);
    const spans: number[] = [];
    await pool(
      records.map((r, i) => ({ r, i })),
      writers,
      async ({ r, i }) => {
        const start = gate.rounds;
        await store.putArticle(r, (i + 1).toString(16));
        spans.push(gate.rounds - start);
      },
    );
    spans.sort((a, b) => a - b);
    const at = (q: number) => spans[Math.min(spans.length - 1, Math.floor(q * spans.length))]!;
    return {
      mean: spans.reduce((a, b) => a + b, 0) / spans.length,
      p50: at(0.5),
      p90: at(0.9),
      max: spans[spans.length - 1]!,
    };
  } finally {
    dynamo.destroy();
  }
}

/** A rounds result's ratios split by which side ran first, so an order effect shows. */
const byOrder = (r: RoundsResult, ratios: number[]) => {
  const of = (first: boolean) =>
    ratios
      .filter((_, i) => r.plainFirst[i] === first)
      .map((x) => x.toFixed(2))
      .join(', ');
  return `without stories first ${of(true)}; with stories first ${of(false)}`;
};

/** A rounds result's median CPU ratio with the interquartile range of its rounds. */
const cpuSpread = (r: RoundsResult) =>
  `median ratio ${r.cpuRatio.toFixed(2)}× (interquartile range of the ${r.cpuRatios.length} rounds ${r.cpuIqr[0].toFixed(2)}–${r.cpuIqr[1].toFixed(2)}, all ${Math.min(...r.cpuRatios).toFixed(2)}–${Math.max(...r.cpuRatios).toFixed(2)}; ${byOrder(r, r.cpuRatios)})`;

/** CPU milliseconds per article of a timed run. */
const cpuMs = (t: Timed) => (1000 / t.cpuRate).toFixed(1);

const pathText = (p: CriticalPath) =>
  `mean ${p.mean.toFixed(2)}, median ${p.p50}, 90th percentile ${p.p90}, most ${p.max}`;

async function measure(
  emu: Awaited<ReturnType<typeof startEmulators>>,
  name: string,
  def: TableDefinition,
  make: MakeStore,
  records: ArticleRecord[],
  asked: ReturnType<typeof probes>,
): Promise<LayoutCost> {
  const metered = `${name}-metered`;
  const timed = `${name}-timed`;
  for (const t of [metered, timed]) await createTable(emu.dynamo, t, def);
  const meter = new WriteMeter(emu.doc, metered, def);
  const store = make(meter.asDocumentClient(), metered);
  for (const [i, r] of records.entries()) await store.putArticle(r, (i + 1).toString(16));
  const sent = () => [...meter.requests.values()].reduce((a, b) => a + b, 0);
  const writerRequests = sent();
  const writerUnits = meter.writeUnits;
  const writerByRequest = new Map(meter.requests);
  await foldAll(store);
  const foldRequests = sent() - writerRequests;
  const foldByRequest = [...meter.requests]
    .map(([k, n]) => [k, n - (writerByRequest.get(k) ?? 0)] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${(n / records.length).toFixed(2)}`)
    .join(', ');
  const foldWriteUnits = (meter.writeUnits - writerUnits) / records.length;
  // Writes and folds only: the `q` probes below go through the same meter.
  const byRequest = [...meter.requests].map(([k, n]) => `${k} ${(n / records.length).toFixed(1)}`).join(', ');
  const stored = await storedItems(emu.doc, metered, def);
  let concurrentRequests = 0;
  const concurrentByKind = new Map<string, number>();
  emu.doc.middlewareStack.add(
    (next, context) => async (args) => {
      concurrentRequests++;
      const kind = String(context.commandName).replace(/(Item)?Command$/, '');
      concurrentByKind.set(kind, (concurrentByKind.get(kind) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'benchCountConcurrent' },
  );
  const rate = await storeOnlyRate(emu, timed, make, records);
  emu.doc.middlewareStack.remove('benchCountConcurrent');
  const found = async (kind: 'title' | RareKind) => {
    const tried = asked.filter((a) => a[kind] !== undefined);
    let hits = 0;
    for (const a of tried) {
      const page = await store.listArticles({ status: 'stored', q: a[kind]! }, { limit: 100 });
      if (page.items.some((x) => x.id === a.id)) hits++;
    }
    return { share: hits / tried.length, tried: tried.length };
  };
  const itemWrites = meter.itemWrites;
  return {
    itemWrites,
    writeUnits: meter.writeUnits / records.length,
    requests: writerRequests / records.length,
    foldRequests: foldRequests / records.length,
    foldWriteUnits,
    foldByRequest,
    concurrentRequests: concurrentRequests / records.length,
    itemsStored: stored.items / records.length,
    bytesStored: stored.bytes / records.length,
    rate,
    titleFound: (await found('title')).share,
    rareFound: {
      rare: (await found('rare')).share,
      rareOnce: (await found('rareOnce')).share,
      rareRepeated: (await found('rareRepeated')).share,
    },
    byKind: [...meter.byKind].map(([k, u]) => `${k} ${(u / records.length).toFixed(1)}`).join(', '),
    byRequest,
    concurrentByRequest: [...concurrentByKind]
      .map(([k, n]) => `${k} ${(n / records.length).toFixed(2)}`)
      .join(', '),
  };
}

/** Write units per article of `putArticle` of the records, one at a time, into a fresh table `fill` fills. */
async function meteredWrites(
  emu: Awaited<ReturnType<typeof startEmulators>>,
  table: string,
  make: MakeStore,
  records: ArticleRecord[],
  fill: (doc: DynamoDBDocumentClient, table: string) => Promise<void>,
): Promise<{ writeUnits: number; byKind: string }> {
  await createTable(emu.dynamo, table, ARTICLE_TABLE);
  await fill(emu.doc, table);
  const meter = new WriteMeter(emu.doc, table, ARTICLE_TABLE);
  const store = make(meter.asDocumentClient(), table);
  for (const [i, r] of records.entries()) await store.putArticle(r, (i + 1).toString(16));
  return {
    writeUnits: meter.writeUnits / records.length,
    byKind: [...meter.byKind].map(([k, u]) => `${k} ${(u / records.length).toFixed(1)}`).join(', '),
  };
}

/**
 * The pre-filled window's workload: the documents in event order, re-timed into a few hours of today
 * (their publication dates), and the window of other articles' digest entries around them.
 */
function arrivals(docs: CorpusDoc[], processed: ArticleRecord[], records: ArticleRecord[]) {
  const hour = 3_600_000;
  // Today (UTC) from 01:00: the arrivals' windows read the same days.
  const start = Math.floor(Date.now() / (24 * hour)) * 24 * hour + hour;
  const span = ARRIVAL_HOURS * hour;
  const retimed = retimeInOrder(processed.map(storyTime), start, span);
  const publishedAt = retimed.order.map((i) => new Date(retimed.times[i]!).toISOString());
  const window: FilledWindow = fillWindow(records, {
    from: start,
    to: start + span,
    windowMs: DEFAULT_STORY_CONFIG.windowHours * hour,
    count: WINDOW_ENTRIES,
  });
  return {
    docs: retimed.order.map((i) => docs[i]!),
    publishedAt,
    records: retimed.order
      .map((i, k) => ({ ...processed[i]!, publishedAt: publishedAt[k]! }))
      .filter((r) => r.status === 'stored'),
    window,
    fill: (doc: DynamoDBDocumentClient, table: string) => putWindow(doc, table, window),
  };
}

export async function writeCostRow(): Promise<BenchRow> {
  const began = performance.now();
  const progress = (done: string) =>
    process.stderr.write(`write-cost: ${done} (${((performance.now() - began) / 1000).toFixed(0)} s)\n`);
  const corpus = await loadCorpus();
  const step = corpus.length / ARTICLES;
  const docs = Array.from({ length: ARTICLES }, (_, i) => corpus[Math.floor(i * step)]!);
  const processed = docs.map((d) => processArticle({ key: documentKey(d) }, d.bytes));
  const records = processed.filter((r) => r.status === 'stored');
  const asked = probes(records);
  const arriving = arrivals(docs, processed, records);
  const emu = await startEmulators({ memory: true });
  try {
    const before = await measure(
      emu,
      'v1',
      BASELINE_TABLE,
      (doc, tableName) => new BaselineStore({ doc, tableName }),
      records,
      asked,
    );
    const now = await measure(
      emu,
      'v2',
      ARTICLE_TABLE,
      (doc, tableName) => new DynamoArticleStore({ doc, tableName }),
      records,
      asked,
    );
    const withStories: MakeStore = (doc, tableName) =>
      new DynamoArticleStore({ doc, tableName, stories: DEFAULT_STORY_CONFIG });
    const stories = await measure(emu, 'v2s', ARTICLE_TABLE, withStories, records, asked);
    progress('layouts metered');
    const makers = {
      plain: (doc, tableName) => new DynamoArticleStore({ doc, tableName }),
      stories: withStories,
    } satisfies Record<string, MakeStore>;
    const rounds = await storiesRounds(emu, 'store', makers, records.length, (store, p) => ({
      count: p.length,
      run: storeOnly(
        store,
        p.map((i) => records[i]!),
      ),
    }));
    progress('store-only rounds');
    const pipeline = await storiesRounds(emu, 'pipeline', makers, docs.length, (store, p) => ({
      count: p.length,
      run: parseTagStore(
        store,
        p.map((i) => docs[i]!),
      ),
    }));
    progress('parse + tag + store rounds, dynalite in this process');
    // The same rounds with dynalite in a child process: this process's CPU is then the writer's own
    // (parse, tag, the stories' computation, the SDK client), what a Lambda pays for besides waiting.
    const outside = await startDynaliteProcess();
    let apart: RoundsResult;
    let filled: RoundsResult;
    let paths: Record<'plain' | 'stories', { one: CriticalPath; eight: CriticalPath }>;
    try {
      const dynamo = dynamoClientFor(outside.endpoint);
      const target = { dynamo, doc: documentClient(dynamo), cpuMicros: outside.cpuMicros };
      apart = await storiesRounds(
        target,
        'apart',
        makers,
        docs.length,
        (store, p) => ({
          count: p.length,
          run: parseTagStore(
            store,
            p.map((i) => docs[i]!),
          ),
        }),
        undefined,
        true,
      );
      progress('parse + tag + store rounds, dynalite in a child process');
      // The same with the story window as production has it (bench/story-window.ts).
      filled = await storiesRounds(
        target,
        'filled',
        makers,
        arriving.docs.length,
        (store, p) => ({
          count: p.length,
          run: parseTagStore(
            store,
            p.map((i) => arriving.docs[i]!),
            p.map((i) => arriving.publishedAt[i]!),
          ),
        }),
        arriving.fill,
        true,
      );
      progress('the same, story window pre-filled');
      dynamo.destroy();
      const path = async (kind: 'plain' | 'stories') => ({
        one: await criticalPath(outside.endpoint, `path1-${kind}`, makers[kind], records, 1),
        eight: await criticalPath(outside.endpoint, `path8-${kind}`, makers[kind], records, 8),
      });
      paths = { plain: await path('plain'), stories: await path('stories') };
      progress('round trips counted');
    } finally {
      await outside.close();
    }
    const filledUnits = {
      plain: await meteredWrites(emu, 'filled-metered', makers.plain, arriving.records, arriving.fill),
      stories: await meteredWrites(emu, 'filleds-metered', withStories, arriving.records, arriving.fill),
    };
    progress('pre-filled window metered');
    const base = (value: number) => ({ name: 'layout before (bench/baseline)', value });
    const noStories = (value: number) => ({ name: 'without stories', value });
    // The issue's cost target: a rate with stories against the same rate without.
    const againstTarget = (metric: string, rate: { stories: number; plain: number }, ratio: number) => ({
      metric,
      value: rate.stories,
      unit: 'articles/s',
      baseline: noStories(rate.plain),
      ratio,
      goal: '≥ 0.85× (falls at most 15%)',
      met: ratio >= 0.85,
    });
    // The target's two rates of one setup of rounds: per CPU second (`cpuOf` names whose) and by wall clock.
    const targetRates = (r: RoundsResult, cpuOf: string, wallWith: string) => [
      againstTarget(
        `with stories: parse + tag + store (8 in flight), articles per CPU second of ${cpuOf}, median of ${ROUNDS} alternating rounds`,
        { stories: r.stories.cpuRate, plain: r.plain.cpuRate },
        r.cpuRatio,
      ),
      againstTarget(
        `with stories: parse + tag + store (8 in flight), wall clock, ${wallWith}, median of ${ROUNDS} alternating rounds`,
        { stories: r.stories.rate, plain: r.plain.rate },
        r.ratio,
      ),
    ];
    // Where the stories' work moved: the counter aggregator's folds and reviews, timed after each run.
    const aggregatorCpu = (r: RoundsResult, what: string) => [
      {
        metric: `with stories, ${what}: counter aggregator CPU per article (folds + reviews after the run, dynalite in a child process, median run)`,
        value: 1000 / r.folds!.stories.cpuRate,
        unit: 'ms',
        baseline: noStories(1000 / r.folds!.plain.cpuRate),
        ratio: r.folds!.cpuRatio,
      },
      {
        metric: `with stories, ${what}: writer + counter aggregator, articles per CPU second (median round)`,
        value: 1000 / (1000 / r.stories.cpuRate + 1000 / r.folds!.stories.cpuRate),
        unit: 'articles/s',
        baseline: noStories(1000 / (1000 / r.plain.cpuRate + 1000 / r.folds!.plain.cpuRate)),
        ratio: r.folds!.totalCpuRatio,
      },
    ];
    const cut = before.writeUnits / now.writeUnits;
    return {
      name: '7. store write cost',
      inputs: `${records.length} stored corpus records (spread evenly over the ${corpus.length} documents of loadCorpus()), each written once with putArticle into an empty table on dynalite, per layout; write units metered as on-demand DynamoDB bills them (bench/write-meter.ts)`,
      figures: [
        {
          metric: 'write request units per article',
          value: now.writeUnits,
          unit: 'WRU',
          baseline: base(before.writeUnits),
          goal: '≥ 3× fewer',
          met: cut >= 3,
        },
        {
          metric: 'item writes per article',
          value: now.itemWrites / records.length,
          unit: 'items',
          baseline: base(before.itemWrites / records.length),
        },
        {
          metric: 'items stored per article',
          value: now.itemsStored,
          unit: 'items',
          baseline: base(before.itemsStored),
        },
        {
          metric: 'bytes stored per article (GSI copies, 100 B/item overhead)',
          value: now.bytesStored,
          unit: 'B',
          baseline: base(before.bytesStored),
        },
        {
          metric: 'DynamoDB requests per article, one writer',
          value: now.requests,
          unit: 'requests',
          baseline: base(before.requests),
        },
        {
          metric: 'counter aggregator requests per article (folds after the writes)',
          value: now.foldRequests,
          unit: 'requests',
          baseline: base(before.foldRequests),
        },
        {
          metric: 'DynamoDB requests per article, 8 writers at once',
          value: now.concurrentRequests,
          unit: 'requests',
          baseline: base(before.concurrentRequests),
        },
        {
          metric: 'store-only writes (8 at a time)',
          value: now.rate,
          unit: 'articles/s',
          baseline: base(before.rate),
        },
        {
          metric: 'with stories: write request units per article',
          value: stories.writeUnits,
          unit: 'WRU',
          baseline: noStories(now.writeUnits),
        },
        {
          metric: 'with stories: DynamoDB requests per article',
          value: stories.requests,
          unit: 'requests',
          baseline: noStories(now.requests),
        },
        {
          metric: 'with stories: DynamoDB requests per article, 8 writers at once',
          value: stories.concurrentRequests,
          unit: 'requests',
          baseline: noStories(now.concurrentRequests),
        },
        {
          metric: 'with stories: counter aggregator requests per article (folds after the writes)',
          value: stories.foldRequests,
          unit: 'requests',
          baseline: noStories(now.foldRequests),
        },
        {
          metric:
            'with stories: counter aggregator write request units per article (folds after the writes, the reviews’ writes included)',
          value: stories.foldWriteUnits,
          unit: 'WRU',
          baseline: noStories(now.foldWriteUnits),
        },
        ...targetRates(
          apart,
          'the writer process, dynalite in a child process',
          'dynalite in a child process',
        ),
        ...aggregatorCpu(apart, 'corpus'),
        ...aggregatorCpu(filled, `story window pre-filled (${WINDOW_ENTRIES} entries)`),
        againstTarget(
          `with stories, story window pre-filled (${WINDOW_ENTRIES} entries), articles in event order: parse + tag + store (8 in flight), articles per CPU second of the writer process, dynalite in a child process, median of ${ROUNDS} alternating rounds`,
          { stories: filled.stories.cpuRate, plain: filled.plain.cpuRate },
          filled.cpuRatio,
        ),
        {
          metric: `with stories, story window pre-filled (${WINDOW_ENTRIES} entries): writer CPU per article, parse + tag + store (median run)`,
          value: 1000 / filled.stories.cpuRate,
          unit: 'ms',
          baseline: noStories(1000 / filled.plain.cpuRate),
        },
        {
          metric: `with stories, story window pre-filled (${WINDOW_ENTRIES} entries): write request units per article`,
          value: filledUnits.stories.writeUnits,
          unit: 'WRU',
          baseline: noStories(filledUnits.plain.writeUnits),
        },
        {
          metric: "with stories: DynamoDB round trips on an article's critical path, one writer (mean)",
          value: paths.stories.one.mean,
          unit: 'round trips',
          baseline: noStories(paths.plain.one.mean),
        },
        {
          metric: 'with stories: DynamoDB round trips an article spans, 8 writers at once (mean)',
          value: paths.stories.eight.mean,
          unit: 'round trips',
          baseline: noStories(paths.plain.eight.mean),
        },
        ...targetRates(
          pipeline,
          'the process with dynalite in it (its CPU counts)',
          'dynalite in the same process',
        ),
        {
          metric: `with stories: store-only writes (8 at a time), median of ${ROUNDS} alternating rounds`,
          value: rounds.stories.rate,
          unit: 'articles/s',
          baseline: noStories(rounds.plain.rate),
          ratio: rounds.ratio,
        },
        {
          metric: 'q = two title syllables finds its article',
          value: now.titleFound * 100,
          unit: '% found',
          baseline: base(before.titleFound * 100),
        },
        ...(
          [
            ['rare', 'q = a rare body word finds its article (any)'],
            ['rareRepeated', 'q = a rare body word said 2+ times finds its article'],
            ['rareOnce', 'q = a rare body word said once finds its article'],
          ] as const
        ).map(([kind, metric]) => ({
          metric,
          value: now.rareFound[kind] * 100,
          unit: '% found',
          baseline: base(before.rareFound[kind] * 100),
        })),
      ],
      notes: [
        `write units ${cut.toFixed(2)}× fewer. Per article by item kind, now: ${now.byKind}; before: ${before.byKind} (counters: one item per entity or topic with a byCount GSI in both layouts)`,
        `requests per article by kind (writes and folds), without stories: ${now.byRequest}; with stories: ${stories.byRequest}. Write units by item kind with stories: ${stories.byKind}`,
        `the counter aggregator (folds after the one-at-a-time writes, until no delta is left): requests per article by kind without stories ${now.foldByRequest}; with stories ${stories.foldByRequest} (the reviews: each stored version's link and its candidates' links and heads, the window's days and arrival items, member Queries of re-decisions and splits, and the moves they make); write units per article ${stories.foldWriteUnits.toFixed(1)} against ${now.foldWriteUnits.toFixed(1)} (in the with-stories total above). The stories' work after the first look moved from the writer to the aggregator, which runs one fold at a time: it did not vanish. Aggregator CPU per article after each timed round (a store of its own, cold like the writers', timed apart from them): corpus ${cpuMs(apart.folds!.stories)} ms with stories against ${cpuMs(apart.folds!.plain)} ms without; pre-filled window ${cpuMs(filled.folds!.stories)} against ${cpuMs(filled.folds!.plain)} ms; writer + aggregator together ${apart.folds!.totalCpuRatio.toFixed(2)}× and ${filled.folds!.totalCpuRatio.toFixed(2)}× (articles per CPU second, with stories against without, median round). One fold after a whole run folds more deltas at once than the stream's folds of a burst do, so the fold's own part per article is lower here than in AWS; the reviews' part is per article`,
        `requests per article by kind, 8 writers at once (the store-only rate's run), without stories: ${now.concurrentByRequest}; with stories: ${stories.concurrentByRequest}`,
        `parse + tag + store with stories against without (what the issue's cost target names): the ${docs.length} corpus documents, each processed with processArticle (parse, tag; the stories' features and decisions run in putArticle) and stored with putArticle, 8 in flight, ${ROUNDS} rounds taking turns after ${WARM_UP_ROUNDS} warm-up rounds not counted (ABBA order, a fresh table each, ${docs.length > ROUND_ARTICLES ? `each round one of ${Math.ceil(docs.length / ROUND_ARTICLES)} parts of the documents dealt like cards` : 'each round all of them'}; each run timed from just after a full garbage collection to the end of one at its end, less what a full collection with nothing to collect costs (median ${apart.idleCollectionMs.toFixed(0)} ms a run in the child-process rounds: the bench's own heap), so it pays for its own garbage alone; on the same dynalite in this process, whose CPU therefore counts too: on Lambda DynamoDB's work is not the function's, so this is harsher on stories than Lambda). Articles per CPU second of the process (user + system): ${cpuSpread(pipeline)}; wall clock: ${pipeline.ratio.toFixed(2)}× (rounds ${pipeline.ratios.map((r) => r.toFixed(2)).join(', ')})`,
        `the same parse + tag + store rounds with dynalite in a child process (bench/dynalite-process.ts; a worker thread's CPU would count in this process's): this process's CPU is the writer's own — parsing, tagging, the stories' features and decisions, the SDK client (with the emulator's unsigned requests: a Lambda also signs each one) — what a Lambda is billed for besides waiting. Writer CPU: ${cpuSpread(apart)}; per article ${cpuMs(apart.stories)} ms with stories against ${cpuMs(apart.plain)} ms without (median runs); wall clock ${apart.ratio.toFixed(2)}× (rounds ${apart.ratios.map((r) => r.toFixed(2)).join(', ')}); dynalite's own CPU per article (median round) ${apart.stories.emulatorCpuMs!.toFixed(1)} ms with stories against ${apart.plain.emulatorCpuMs!.toFixed(1)} ms without`,
        `the same rounds with the story window as production has it (bench/story-window.ts): before each run its fresh table gets ${arriving.window.entries} digest entries of other articles (one digest item each: evenly over the event times of the days the articles' ${DEFAULT_STORY_CONFIG.windowHours}-hour windows read, arrived a day before them, as many look-up terms and bands as the bench's records, matching none of them; written with the store's own digestKey and encodeEntry), then the ${arriving.docs.length} documents arrive in event order, re-timed to ${ARRIVAL_HOURS} hours of today (publication dates evenly spread, order kept), parsed, tagged and stored 8 in flight. Writer CPU: ${cpuSpread(filled)}; per article ${cpuMs(filled.stories)} ms with stories against ${cpuMs(filled.plain)} ms without (median runs); wall clock ${filled.ratio.toFixed(2)}× (rounds ${filled.ratios.map((r) => r.toFixed(2)).join(', ')}); dynalite's own CPU per article ${filled.stories.emulatorCpuMs!.toFixed(1)} ms with stories against ${filled.plain.emulatorCpuMs!.toFixed(1)} ms without. Write units per article (putArticle of the ${arriving.records.length} re-timed records one at a time into such a table, metered): with stories ${filledUnits.stories.writeUnits.toFixed(1)} (${filledUnits.stories.byKind}) against ${filledUnits.plain.writeUnits.toFixed(1)} without`,
        `round trips on an article's critical path (bench/round-gate.ts: the client holds every request until the writers only wait, sends all held ones as one round and answers them together; an article's count is the rounds from its putArticle call to its end; with DynamoDB at ~5 ms a round trip this, not CPU, decides a Lambda's duration): one writer, with stories ${pathText(paths.stories.one)}; without ${pathText(paths.plain.one)}. 8 writers at once (rounds shared with the others count): with stories ${pathText(paths.stories.eight)}; without ${pathText(paths.plain.eight)}`,
        `store-only writes with stories against without, the ${records.length} processed records, ${ROUNDS} rounds taking turns after ${WARM_UP_ROUNDS} warm-up rounds (as above): median ratio ${rounds.ratio.toFixed(2)}× (rounds ${rounds.ratios.map((r) => r.toFixed(2)).join(', ')}), per CPU second ${cpuSpread(rounds)}; the single runs above: ${stories.rate.toFixed(1)} against ${now.rate.toFixed(1)} articles/s`,
        `rare body word: a pair of content syllables (a Vietnamese word is mostly two syllables) found in exactly one article's body among the ${records.length}, and not in its title, lede, keywords or entity names; one per article, picked among all such pairs (${asked.filter((a) => a.rare).length} articles have one), among those its body says twice or more (${asked.filter((a) => a.rareRepeated).length}), and among those it says once (${asked.filter((a) => a.rareOnce).length}: mostly chance neighbours across a word boundary). The layout before indexed no body words; the index takes up to 8 body pairs said twice or more or written as a name`,
      ],
    };
  } finally {
    await emu.close();
  }
}
