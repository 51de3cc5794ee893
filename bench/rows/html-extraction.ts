/**
 * Row: web-page (.html) parsing on the article-extraction benchmark's pages (../shared/corpus, measuring
 * only): throughput of today's parser against the parser as it was at parse-2 (eval/baseline/) and
 * Readability.js over linkedom, each in a fresh process from an esbuild bundle built as the ingest Lambda's is;
 * the first page's latency of each, extractor modules loaded on the way; and each extractor option bundled
 * alone (size, init), the figures issue 22 asks to set side by side.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CORPUS_DIR } from '../../eval/corpus';
import { SECOND_OPINION_CHUNK } from '../../shared/assets/index';
import { ASK_BELOW_CHARS } from '../../shared/parse/second-opinion/index';
import { bundleEntry, ROOT } from '../bundle';
import type { BenchRow } from '../report';

const run = promisify(execFile);
const MIN_MS = 3000;
const INIT_RUNS = 9;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function htmlExtractionRow(): Promise<BenchRow> {
  const dir = await mkdtemp(join(ROOT, 'node_modules', '.bench-'));
  try {
    const child = await bundleEntry(join(ROOT, 'bench', 'child', 'html-child.ts'), join(dir, 'child'));
    const chunkKb = (await stat(join(dir, 'child', SECOND_OPINION_CHUNK.name))).size / 1024;
    const env = { ...process.env, NODE_OPTIONS: '', NEWSDROP_CORPUS_DIR: CORPUS_DIR };
    const childRun = async (...args: string[]) =>
      Number((await run(process.execPath, [child.file, ...args], { cwd: ROOT, env })).stdout.trim());
    const rate: Record<string, number> = {};
    const first: Record<string, number> = {};
    for (const path of ['parse-2', 'parse', 'readability']) {
      rate[path] = await childRun('rate', path, String(MIN_MS));
      const samples: number[] = [];
      for (let i = 0; i < 5; i++) samples.push(await childRun('first', path));
      first[path] = median(samples);
    }

    // Each extractor option alone: bundle bytes and the median init of a fresh process importing it.
    const runner = join(dir, 'runner.mjs');
    await writeFile(
      runner,
      `const t0 = performance.now();\nawait import(process.argv[2]);\nprocess.stdout.write(String(performance.now() - t0));\n`,
    );
    const options = {
      'newsdrop (htmlparser2 + block scoring)': `export { parseHtml } from '${join(ROOT, 'shared', 'parse', 'html')}';\n`,
      'Readability.js + linkedom': `export { parseHTML } from 'linkedom';\nexport { Readability } from '@mozilla/readability';\n`,
    };
    const sizes: Record<string, { kb: number; initMs: number }> = {};
    for (const [name, source] of Object.entries(options)) {
      const sub = join(dir, name.replace(/\W+/g, '-'));
      const entry = join(ROOT, 'node_modules', `.bench-entry-${name.replace(/\W+/g, '-')}.ts`);
      await writeFile(entry, source);
      const bundle = await bundleEntry(entry, sub);
      await rm(entry);
      const samples: number[] = [];
      for (let i = 0; i < INIT_RUNS; i++)
        samples.push(
          Number((await run(process.execPath, [runner, bundle.file], { cwd: ROOT })).stdout.trim()),
        );
      sizes[name] = { kb: bundle.bytes / 1024, initMs: median(samples) };
    }
    const [ours, theirs] = Object.values(sizes) as [
      { kb: number; initMs: number },
      { kb: number; initMs: number },
    ];
    return {
      name: '6. HTML extraction',
      inputs: `the article-extraction benchmark's dev pages (../shared/corpus/article-extraction-benchmark, MIT, measuring only), each path ≥ ${MIN_MS / 1000} s in its own process from an esbuild bundle built as the ingest Lambda's is; first page = median of 5 fresh processes, from importing the extractor to the first body; options bundled alone, init = median of ${INIT_RUNS} fresh processes`,
      figures: [
        {
          metric: 'HTML parse (today)',
          value: rate.parse!,
          unit: 'pages/s',
          baseline: { name: 'parse-2 HTML parser', value: rate['parse-2']! },
          goal: '≥ 0.5× (within 2× of parse-2)',
          met: rate.parse! / rate['parse-2']! >= 0.5,
        },
        {
          metric: 'HTML parse (today)',
          value: rate.parse!,
          unit: 'pages/s',
          baseline: { name: 'Readability.js + linkedom', value: rate.readability! },
        },
        {
          metric: 'first page (today)',
          value: first.parse!,
          unit: 'ms',
          baseline: { name: 'Readability.js + linkedom, loaded for it', value: first.readability! },
        },
        {
          metric: 'extractor bundle (newsdrop)',
          value: ours.kb,
          unit: 'KB',
          baseline: { name: 'Readability.js + linkedom bundle', value: theirs.kb },
        },
        {
          metric: 'extractor init (newsdrop)',
          value: ours.initMs,
          unit: 'ms',
          baseline: { name: 'Readability.js + linkedom init', value: theirs.initMs },
        },
      ],
      notes: [
        `first page, parse-2: ${first['parse-2']!.toFixed(1)} ms`,
        `Readability.js + linkedom (${theirs.kb.toFixed(0)} KB) does not fit the ingest bundle (budget 400 KB): it ships beside it as ${SECOND_OPINION_CHUNK.name} (${chunkKb.toFixed(0)} KB), loaded by the first web page of a container and asked when our own extraction reads under ${ASK_BELOW_CHARS} characters (shared/parse/second-opinion); "HTML parse (today)" and "first page (today)" include it`,
      ],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
