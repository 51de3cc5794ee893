/**
 * Row 1: parse + tag throughput on one core over the corpus (../shared/corpus as droppable files,
 * eval/corpus.ts), against the parse-only path, the floor (TextDecoder + a plain line split of the same
 * bytes) and vntk's NER (the peer, eval/vntk.ts) on a sample of the same articles.
 *
 * Each path is timed as the ingest Lambda runs the code: bundled by esbuild the way CDK bundles the function
 * (bench/bundle.ts), under plain node, each in a fresh process (bench/child/throughput-child.ts), so no path
 * inherits another's type feedback or heap: a Lambda container runs only the pipeline. This 2-core machine
 * is shared: the same path reads ±15% from run to run, so compare ratios within one run.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CORPUS_DIR, loadCorpus } from '../../eval/corpus';
import { loadVntk } from '../../eval/vntk';
import { processArticle } from '../../shared/process';
import { bundleEntry, ROOT } from '../bundle';
import type { BenchRow } from '../report';

const run = promisify(execFile);

/** Times the paths in fresh processes of one bundled child; returns path → rate. */
async function childRates(jobs: readonly { path: string; minMs: number; indices?: readonly number[] }[]) {
  const dir = await mkdtemp(join(ROOT, 'node_modules', '.bench-'));
  try {
    const child = await bundleEntry(join(ROOT, 'bench', 'child', 'throughput-child.ts'), dir);
    const rates: number[] = [];
    for (const job of jobs) {
      const args = [child.file, job.path, String(job.minMs), (job.indices ?? []).join(',')];
      const env = { ...process.env, NODE_OPTIONS: '', NEWSDROP_CORPUS_DIR: CORPUS_DIR };
      const { stdout } = await run(process.execPath, args, { cwd: ROOT, env });
      rates.push(Number(stdout.trim()));
    }
    return rates;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const MIN_MS = 3000;
/** vntk tags about one article a second here: a sample (at most this many, for at most VNTK_MS) keeps the row short. */
const VNTK_SAMPLE = 20;
const VNTK_MS = 20_000;

export async function throughputRow(): Promise<BenchRow> {
  const docs = await loadCorpus();
  const bytes = docs.reduce((n, d) => n + d.bytes.length, 0);
  const sets = new Map<string, number>();
  for (const d of docs) sets.set(d.set, (sets.get(d.set) ?? 0) + 1);
  const [floor = 0, parseOnly = 0, full = 0] = await childRates([
    { path: 'floor', minMs: MIN_MS },
    { path: 'parse', minMs: MIN_MS },
    { path: 'full', minMs: MIN_MS },
  ]);

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
      .map((d, i) => ({ i, r: i % step === 0 ? processArticle({ key: d.fileName }, d.bytes) : null }))
      .filter((x): x is { i: number; r: ReturnType<typeof processArticle> } => x.r?.status === 'stored')
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
    const [ours = 0] = await childRates([{ path: 'full', minMs: 1000, indices: sample.map((x) => x.i) }]);
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
    inputs: `${docs.length} corpus documents (${(bytes / 1e6).toFixed(1)} MB: ${[...sets].map(([s, n]) => `${s} ${n}`).join(', ')}) from ../shared/corpus via eval/corpus.ts loadCorpus(), one core, each path run ≥ ${MIN_MS / 1000} s in its own process from an esbuild bundle built as the ingest Lambda's is`,
    figures,
    notes,
  };
}
