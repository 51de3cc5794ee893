/**
 * Row 1: parse + tag throughput on one core over the corpus (../shared/corpus as droppable files,
 * eval/corpus.ts), against the parse-only path, the floor (TextDecoder + a plain line split of the same
 * bytes) and vntk's NER (the peer, eval/vntk.ts) on a sample of the same articles.
 *
 * The pipeline is timed as the ingest Lambda runs it: bundled by esbuild the way CDK bundles the function
 * (bench/bundle.ts), not through the tsx loader the tests use, which transforms each file on its own and is
 * measurably slower.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadCorpus } from '../../eval/corpus';
import { loadVntk } from '../../eval/vntk';
import type { parseArticle as ParseArticle } from '../../shared/parse/index';
import type { processArticle as ProcessArticle } from '../../shared/process';
import { bundleEntry, ROOT } from '../bundle';
import type { BenchRow } from '../report';

interface Pipeline {
  parseArticle: typeof ParseArticle;
  processArticle: typeof ProcessArticle;
}

/** The parser and pipeline from an esbuild bundle built in this run (removed once imported). */
async function bundledPipeline(): Promise<Pipeline> {
  const dir = await mkdtemp(join(ROOT, 'node_modules', '.bench-'));
  try {
    const { file } = await bundleEntry(join(ROOT, 'bench', 'child', 'pipeline-entry.ts'), dir);
    return (await import(pathToFileURL(file).href)) as Pipeline;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const MIN_MS = 3000;
/** vntk tags about one article a second here: a sample (at most this many, for at most VNTK_MS) keeps the row short. */
const VNTK_SAMPLE = 20;
const VNTK_MS = 20_000;

/** Runs `fn` over all inputs repeatedly for at least `minMs`; returns items per second. */
function throughput<T>(inputs: T[], fn: (input: T) => unknown, minMs = MIN_MS): number {
  for (const input of inputs.slice(0, 50)) fn(input); // warm-up: JIT and lazily loaded data
  let done = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const input of inputs) fn(input);
    done += inputs.length;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return (done / elapsed) * 1000;
}

export async function throughputRow(): Promise<BenchRow> {
  const { parseArticle, processArticle } = await bundledPipeline();
  const docs = await loadCorpus();
  const bytes = docs.reduce((n, d) => n + d.bytes.length, 0);
  const decoder = new TextDecoder();
  const floor = throughput(docs, (d) => decoder.decode(d.bytes).split('\n').length);
  const parseOnly = throughput(docs, (d) => parseArticle({ bytes: d.bytes, fileName: d.fileName }));
  const full = throughput(docs, (d) => processArticle({ key: d.fileName }, d.bytes));
  const sets = new Map<string, number>();
  for (const d of docs) sets.set(d.set, (sets.get(d.set) ?? 0) + 1);

  const figures: BenchRow['figures'] = [
    {
      metric: 'parse + tag',
      value: full,
      unit: 'articles/s',
      baseline: { name: 'parse only', value: parseOnly },
      goal: '≥ 2,000 articles/s',
      met: full >= 2000,
    },
    {
      metric: 'parse + tag',
      value: full,
      unit: 'articles/s',
      baseline: { name: 'TextDecoder + split (floor)', value: floor },
    },
  ];
  const notes: string[] = [`parse only: ${parseOnly.toFixed(0)} articles/s`];
  const vntk = await loadVntk().catch((err: Error) => {
    notes.push(`vntk unavailable, no peer ratio: ${err.message}`);
    return null;
  });
  if (vntk) {
    // Stored articles spread over the sets; vntk gets what newsdrop tags (title, lede, body), already parsed.
    const step = Math.floor(docs.length / (VNTK_SAMPLE * 2));
    const sample = docs
      .filter((_, i) => i % step === 0)
      .map((d) => ({ d, r: processArticle({ key: d.fileName }, d.bytes) }))
      .filter((x) => x.r.status === 'stored')
      .slice(0, VNTK_SAMPLE);
    await vntk.tag('Ông Nguyễn Văn An đến Hà Nội.'); // load its models outside the timing
    let tagged = 0;
    const t0 = performance.now();
    for (const { r } of sample) {
      await vntk.tag([r.title, r.lede, r.body].filter(Boolean).join('\n'));
      tagged++;
      if (performance.now() - t0 > VNTK_MS) break;
    }
    const vntkRate = (tagged / (performance.now() - t0)) * 1000;
    sample.length = tagged;
    const ours = throughput(sample, ({ d }) => processArticle({ key: d.fileName }, d.bytes), 1000);
    figures.push({
      metric: 'parse + tag (vntk sample)',
      value: ours,
      unit: 'articles/s',
      baseline: { name: `vntk ${vntk.version} NER`, value: vntkRate },
      goal: '≥ 10×',
      met: ours / vntkRate >= 10,
    });
    notes.push(
      `vntk measured on ${tagged} stored articles of the same corpus (from every ${step}th document; at most ${VNTK_SAMPLE} or ${VNTK_MS / 1000} s), given the parsed title, lede and body (NER only, no parsing); newsdrop parses and tags the raw files of the same sample`,
    );
  }
  return {
    name: '1. parse + tag throughput',
    inputs: `${docs.length} corpus documents (${(bytes / 1e6).toFixed(1)} MB: ${[...sets].map(([s, n]) => `${s} ${n}`).join(', ')}) from ../shared/corpus via eval/corpus.ts loadCorpus(), one core, each path run ≥ ${MIN_MS / 1000} s; parser and pipeline from an esbuild bundle built as the ingest Lambda's is`,
    figures,
    notes,
  };
}
