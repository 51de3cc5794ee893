/**
 * Row 2: bundle size and init time of the deployed bundles, against a hello-world bundle that creates
 * the same AWS SDK clients. Init = a fresh Node process importing the bundle (module scope runs: config,
 * clients, lexicons), timed inside the process so Node's own start-up is not counted.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BUNDLE_TARGET, bundleEntry, ROOT, writeHelloWorld } from '../bundle';
import type { BenchRow } from '../report';

const run = promisify(execFile);
const RUNS = 15;

const ENV = {
  ...process.env,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  TABLE_NAME: 'bench-articles',
  ARTICLE_BUCKET: 'bench-bucket',
  CURSOR_SECRET: 'bench-cursor-secret-0123456789abcdef',
  POWERTOOLS_SERVICE_NAME: 'newsdrop-bench',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/**
 * Median init of each bundle over RUNS fresh processes. The bundles take turns (hello, ingest, query, hello, …)
 * so a change in the shared machine's load falls on all of them alike instead of on whichever ran then.
 */
async function initMs(runner: string, bundles: readonly string[]): Promise<number[]> {
  const samples = bundles.map(() => [] as number[]);
  for (let i = 0; i < RUNS; i++) {
    for (const [b, bundle] of bundles.entries()) {
      const { stdout } = await run(process.execPath, [runner, bundle], { env: ENV, cwd: ROOT });
      samples[b]!.push(Number(stdout.trim()));
    }
  }
  return samples.map((s) => s.sort((a, b) => a - b)[Math.floor(s.length / 2)]!);
}

export async function coldStartRow(): Promise<BenchRow> {
  const dir = await mkdtemp(join(ROOT, 'node_modules', '.bench-'));
  const runner = join(dir, 'runner.mjs');
  await writeFile(
    runner,
    `const t0 = performance.now();\nawait import(process.argv[2]);\nprocess.stdout.write(String(performance.now() - t0));\n`,
  );
  const hello = await bundleEntry(await writeHelloWorld(dir), join(dir, 'hello'));
  const ingest = await bundleEntry(join(ROOT, 'functions', 'ingest.ts'), join(dir, 'ingest'));
  const query = await bundleEntry(join(ROOT, 'functions', 'query.ts'), join(dir, 'query'));
  const [helloMs = 0, ingestMs = 0, queryMs = 0] = await initMs(runner, [
    hello.file,
    ingest.file,
    query.file,
  ]);
  await rm(dir, { recursive: true, force: true });
  const kb = (b: number) => b / 1024;
  return {
    name: '2. cold start',
    inputs: `esbuild bundles as CDK builds them (minified UTF-8 ESM, ${BUNDLE_TARGET}, @aws-sdk external) built in this run under node_modules/.bench-*; init = median of ${RUNS} fresh Node processes importing the bundle, the three bundles taking turns`,
    figures: [
      {
        metric: 'ingest bundle',
        value: kb(ingest.bytes),
        unit: 'KB',
        goal: '≤ 400 KB',
        met: kb(ingest.bytes) <= 400,
      },
      {
        metric: 'query bundle',
        value: kb(query.bytes),
        unit: 'KB',
        goal: '≤ 250 KB',
        met: kb(query.bytes) <= 250,
      },
      {
        metric: 'ingest init',
        value: ingestMs,
        unit: 'ms',
        baseline: { name: 'hello-world init', value: helloMs },
        goal: '≤ 1.5×',
        met: ingestMs / helloMs <= 1.5,
      },
      {
        metric: 'query init',
        value: queryMs,
        unit: 'ms',
        baseline: { name: 'hello-world init', value: helloMs },
        goal: '≤ 1.5×',
        met: queryMs / helloMs <= 1.5,
      },
    ],
    notes: [
      `hello-world bundle: ${kb(hello.bytes).toFixed(1)} KB (creates S3Client and DynamoDBDocumentClient)`,
    ],
  };
}
