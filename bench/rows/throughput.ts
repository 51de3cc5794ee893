/**
 * Row 1: parse + tag throughput on one core over the corpus (../shared/corpus as droppable files,
 * eval/corpus.ts), against the parse-only path, the floor (TextDecoder + a plain line split of the same
 * bytes) and vntk's NER (the peer, eval/vntk.ts) on a sample of the same articles.
 *
 * Each path is timed as the ingest Lambda runs the code: bundled by esbuild the way CDK bundles the function
 * (bench/bundle.ts), under plain node, each in a fresh process (bench/child/throughput-child.ts), so no path
 * inherits another's type feedback or heap: a Lambda container runs only the pipeline. Every rate is in
 * process CPU time: this 2-core machine is shared, and wall-clock rates swung about 5× with its load.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CORPUS_DIR, loadCorpus } from '../../eval/corpus';
import { loadVntk } from '../../eval/vntk';
import { STAGES } from '../../shared/model/stages';
import { processArticle } from '../../shared/process';
import { bundleEntry, ROOT } from '../bundle';
import type { BenchRow } from '../report';

const run = promisify(execFile);

/**
 * The parser the titles and layouts issue started from (parse-5): parse-only throughput may fall by at most
 * 10% against it. Its source is taken from git history in the run, so both parsers are timed alike.
 */
export const PARSER_BASELINE = { version: 'parse-5', commit: 'ec5e66a' } as const;

/** Bundles the parser as it was at `commit` (git archive of shared/); the child imports it for `parse-pair`. */
async function bundleParserAt(commit: string, dir: string): Promise<string> {
  const tree = join(dir, 'tree');
  await mkdir(tree, { recursive: true });
  await run('sh', ['-c', `git archive ${commit} shared | tar -x -C "${tree}"`], { cwd: ROOT });
  return (await bundleEntry(join(tree, 'shared', 'parse', 'index.ts'), join(dir, 'parser'))).file;
}

/** Runs each job in a fresh process of one bundled child; returns what each printed. */
async function childOutputs(jobs: readonly { path: string; minMs: number; indices?: readonly number[] }[]) {
  const dir = await mkdtemp(join(ROOT, 'node_modules', '.bench-'));
  try {
    const child = await bundleEntry(join(ROOT, 'bench', 'child', 'throughput-child.ts'), dir);
    const baselineParser = jobs.some((j) => j.path === 'parse-pair')
      ? await bundleParserAt(PARSER_BASELINE.commit, join(dir, 'baseline'))
      : '';
    const outputs: string[] = [];
    for (const job of jobs) {
      const args = [child.file, job.path, String(job.minMs), (job.indices ?? []).join(',')];
      const env = {
        ...process.env,
        NODE_OPTIONS: '',
        NEWSDROP_CORPUS_DIR: CORPUS_DIR,
        NEWSDROP_BASELINE_PARSER: baselineParser,
      };
      const { stdout } = await run(process.execPath, args, { cwd: ROOT, env });
      outputs.push(stdout.trim());
    }
    return outputs;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Times the paths in fresh processes of one bundled child; returns their rates (items per second). */
async function childRates(jobs: readonly { path: string; minMs: number; indices?: readonly number[] }[]) {
  return (await childOutputs(jobs)).map(Number);
}

/** What the child's `parse-pair` path prints: both parsers' median CPU-time rates, the median ratio, each round's. */
interface PairedParse {
  parse: number;
  baseline: number;
  ratio: number;
  ratios: number[];
  /** Documents timed at a turn. */
  slice: number;
}

/** What the child's `stages` path prints: the rate with the stage clock and each stage's CPU ms per document. */
interface StageTimes {
  rate: number;
  msPerDoc: Record<string, number>;
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
  const [floor = 0, full = 0] = await childRates([
    { path: 'floor', minMs: MIN_MS },
    { path: 'full', minMs: MIN_MS },
  ]);
  // The two parsers in one process, taking turns pass by pass and timed in CPU time (the child's
  // `pairedRates`): a load spike on this shared machine falls on one pass of one round, not on one parser.
  const [pairOutput = '{}'] = await childOutputs([{ path: 'parse-pair', minMs: MIN_MS }]);
  const pair = JSON.parse(pairOutput) as PairedParse;
  const [stagesOutput = '{}'] = await childOutputs([{ path: 'stages', minMs: MIN_MS }]);
  const stages = JSON.parse(stagesOutput) as StageTimes;
  const parseOnly = pair.parse;
  const parseBaseline = pair.baseline;

  const figures: BenchRow['figures'] = [
    {
      metric: 'parse + tag',
      value: full,
      unit: 'articles/s',
      baseline: { name: 'parse only', value: parseOnly },
      goal: '≥ 1,000 articles/s (issue 16)',
      met: full >= 1000,
    },
    {
      metric: 'parse + tag',
      value: full,
      unit: 'articles/s',
      baseline: { name: 'TextDecoder + split (floor)', value: floor },
    },
  ];
  figures.push({
    metric: 'parse only',
    value: parseOnly,
    unit: 'articles/s',
    baseline: {
      name: `parser at ${PARSER_BASELINE.version} (git ${PARSER_BASELINE.commit})`,
      value: parseBaseline,
    },
    ratio: pair.ratio,
    goal: '≥ 0.9× (falls ≤ 10%)',
    met: pair.ratio >= 0.9,
  });
  // Where the CPU time of parse + tag goes, per corpus document (a rejected one's counts as parsing).
  for (const stage of STAGES) {
    figures.push({ metric: `CPU per document: ${stage}`, value: stages.msPerDoc[stage] ?? 0, unit: 'ms' });
  }
  const notes: string[] = [
    `rates are corpus documents per second of process CPU time (process.cpuUsage: user + system, all threads), so time spent waiting for a core on this shared machine counts for none; the stage lines time \`processArticle\` with a stage clock (shared/model/stages.ts) in a process of their own, at ${stages.rate.toFixed(0)} documents/s with the clock; they sum to ${Object.values(
      stages.msPerDoc,
    )
      .reduce((a, b) => a + b, 0)
      .toFixed(2)} ms per document`,
    `parse only: ${parseOnly.toFixed(0)} articles/s; the ${PARSER_BASELINE.version} parser is bundled from \`git archive ${PARSER_BASELINE.commit} shared\` in the run and loaded in the same process; the two take turns ${pair.slice} documents at a time (ABBA order; ${pair.ratios.length} rounds of a pass over the corpus each, after a warm pass), each pass timed in process CPU time; the rates are each parser's median and the ratio is the median of the rounds' ratios (they ranged ${Math.min(...pair.ratios).toFixed(2)}–${Math.max(...pair.ratios).toFixed(2)})`,
  ];
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
    const cpu0 = process.cpuUsage();
    for (const { r } of sample) {
      await vntk.tag([r.title, r.lede, r.body].filter(Boolean).join('\n'));
      tagged++;
      if (performance.now() - t0 > VNTK_MS) break;
    }
    const cpu = process.cpuUsage(cpu0);
    const vntkRate = (tagged / (cpu.user + cpu.system)) * 1e6;
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
      `vntk measured on ${tagged} stored articles of the same corpus (from every ${step}th document; at most ${VNTK_SAMPLE} or ${VNTK_MS / 1000} s), given the parsed title, lede and body (NER only, no parsing), in this process's CPU time; newsdrop parses and tags the raw files of the same sample`,
    );
  }
  return {
    name: '1. parse + tag throughput',
    inputs: `${docs.length} corpus documents (${(bytes / 1e6).toFixed(1)} MB: ${[...sets].map(([s, n]) => `${s} ${n}`).join(', ')}) from ../shared/corpus via eval/corpus.ts loadCorpus(), one core, each path run ≥ ${MIN_MS / 1000} s of CPU time in its own process (the two parsers in one, taking turns) from an esbuild bundle built as the ingest Lambda's is`,
    figures,
    notes,
  };
}
