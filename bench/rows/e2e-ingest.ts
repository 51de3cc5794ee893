/**
 * Row 3: end-to-end local ingest. The local stack (local/stack.ts, memory mode, free ports) runs as
 * `npm start` does: s3rver events → S3-shaped notifications → in-process queue (batches of 10) → the
 * ingest handler the Lambda runs → DynamoDB (dynalite). 1,000 corpus files are PUT into the bucket under
 * incoming/ with the S3 client (16 uploads in flight, the path a CMS or `newsdrop upload` takes; the
 * inbox watcher adds a 0.1 s stability wait per file on top), and each file is timed from its upload
 * finishing to its record being queryable: the ingest handler returned for its batch with the article
 * stored (reads are consistent, so GET /articles/{id} answers from then on). At the end every file is
 * checked over HTTP with GET /articles/{articleId(key)}.
 *
 * Baselines in the same run: the same 1,000 PutObject calls on bare emulators with no ingest (the
 * upload floor), and processArticle alone on the same bytes (parse + tag, no I/O).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { BatchWriteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type CorpusDoc, loadCorpus } from '../../eval/corpus';
import type { IngestHandler } from '../../functions/lib/ingest-handler';
import { type Emulators, startEmulators } from '../../local/emulators';
import { s3ClientFor } from '../../local/link';
import { startLocalStack } from '../../local/stack';
import { decodeS3Key, parseSqsBody } from '../../shared/ingest/s3-event';
import { articleId, processArticle } from '../../shared/process';
import { DynamoArticleStore } from '../../shared/store/article-store';
import { pool } from '../pool';
import { type BenchRow, percentile } from '../report';

const FILES = Number(process.env.BENCH_E2E_FILES ?? 1000);
const UPLOAD_CONCURRENCY = 16;
/** Records stored with the store alone, for the DynamoDB ceiling. */
const STORE_SAMPLE = 200;

function sample(docs: CorpusDoc[], n: number): CorpusDoc[] {
  const step = docs.length / n;
  return Array.from({ length: Math.min(n, docs.length) }, (_, i) => docs[Math.floor(i * step)]!);
}

const keyOf = (d: CorpusDoc) => `incoming/bench/${d.set}/${d.fileName}`;

/** PUTs every file, `UPLOAD_CONCURRENCY` at a time; calls `done(key)` as each upload finishes. */
async function uploadAll(
  s3: S3Client,
  bucket: string,
  docs: CorpusDoc[],
  done: (key: string) => void = () => {},
): Promise<void> {
  await pool(docs, UPLOAD_CONCURRENCY, async (d) => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: keyOf(d), Body: d.bytes }));
    done(keyOf(d));
  });
}

export async function e2eIngestRow(): Promise<BenchRow> {
  const corpus = await loadCorpus();
  const docs = sample(corpus, FILES);
  const bytes = docs.reduce((n, d) => n + d.bytes.length, 0);
  const sets = new Map<string, number>();
  for (const d of docs) sets.set(d.set, (sets.get(d.set) ?? 0) + 1);

  // Baseline 1: the uploads alone, on bare emulators (nothing listens to the bucket's events).
  const bare = await startEmulators({ memory: true, dynamoThread: true });
  const u0 = performance.now();
  await uploadAll(bare.s3, bare.bucket, docs);
  const uploadRate = (docs.length / (performance.now() - u0)) * 1000;
  const store = await storeOnly(bare, docs.slice(0, STORE_SAMPLE));
  await bare.close();

  // Baseline 2: parse + tag alone on the same bytes.
  const p0 = performance.now();
  for (const d of docs) processArticle({ key: keyOf(d) }, d.bytes);
  const processRate = (docs.length / (performance.now() - p0)) * 1000;

  const dir = await mkdtemp(join(tmpdir(), 'newsdrop-bench-'));
  const uploadedAt = new Map<string, number>();
  const queryableAt = new Map<string, number>();
  let failedBatches = 0;
  const timed =
    (handler: IngestHandler): IngestHandler =>
    async (event, context) => {
      const res = await handler(event, context);
      const now = performance.now();
      const failed = new Set(res.batchItemFailures.map((f) => f.itemIdentifier));
      if (failed.size > 0) failedBatches++;
      for (const m of event.Records) {
        if (failed.has(m.messageId)) continue;
        const body = parseSqsBody(m.body);
        if (body.kind !== 'records') continue;
        for (const r of body.records) queryableAt.set(decodeS3Key(r.s3?.object?.key ?? ''), now);
      }
      return res;
    };
  const stack = await startLocalStack({
    memory: true,
    port: 0,
    dataDir: join(dir, 'data'),
    inboxDir: join(dir, 'inbox'),
    wrapIngest: timed,
  });
  const s3 = s3ClientFor(stack.endpoints.s3);
  let verified = { stored: 0, rejected: 0, missing: 0 };
  let elapsed = 0;
  try {
    const t0 = performance.now();
    await uploadAll(s3, stack.endpoints.bucket, docs, (key) => uploadedAt.set(key, performance.now()));
    while (queryableAt.size < docs.length) {
      await stack.queue.drain(2000);
      if (stack.queue.size === 0 && queryableAt.size < docs.length) {
        await new Promise((r) => setTimeout(r, 50)); // s3rver's last events not yet queued
        if (stack.queue.size === 0 && queryableAt.size < docs.length) break;
      }
    }
    elapsed = Math.max(...queryableAt.values()) - t0;
    verified = await verify(stack.url, docs);
  } finally {
    s3.destroy();
    await stack.close();
    await rm(dir, { recursive: true, force: true });
  }

  const latencies = docs
    .map((d) => (queryableAt.get(keyOf(d)) ?? Number.NaN) - (uploadedAt.get(keyOf(d)) ?? Number.NaN))
    .filter((x) => Number.isFinite(x))
    .sort((a, b) => a - b);
  const rate = (queryableAt.size / elapsed) * 1000;
  return {
    name: '3. e2e local ingest',
    inputs:
      `${docs.length} corpus files (${(bytes / 1e6).toFixed(1)} MB: ${[...sets].map(([s, n]) => `${s} ${n}`).join(', ')}; ` +
      `spread evenly over the ${corpus.length} documents of eval/corpus.ts loadCorpus()) PUT to incoming/ on the local stack (memory mode), ` +
      `${UPLOAD_CONCURRENCY} uploads in flight; time from the first upload until the last file is queryable`,
    figures: [
      {
        metric: 'ingest, upload → queryable',
        value: rate,
        unit: 'files/s',
        baseline: { name: 'PutObject only', value: uploadRate },
        goal: '≥ 200 files/s',
        met: rate >= 200,
      },
      {
        metric: 'ingest, upload → queryable',
        value: rate,
        unit: 'files/s',
        baseline: { name: 'processArticle only', value: processRate },
      },
      {
        metric: 'ingest, upload → queryable',
        value: rate,
        unit: 'files/s',
        baseline: { name: 'DynamoDB writes only (the ceiling)', value: store.rate },
      },
      {
        metric: 'upload → queryable p50',
        value: percentile(latencies, 50),
        unit: 'ms',
        baseline: { name: 'whole run', value: elapsed },
      },
      {
        metric: 'upload → queryable p99',
        value: percentile(latencies, 99),
        unit: 'ms',
        baseline: { name: 'whole run', value: elapsed },
      },
    ],
    notes: [
      `checked over HTTP afterwards (GET /articles/{id}): ${verified.stored} stored, ${verified.rejected} rejected, ${verified.missing} missing; ${latencies.length} timed; ${failedBatches} batches had failures (retried)`,
      `the ceiling: ${store.articles} of the same records stored with DynamoArticleStore.putArticle alone (8 at a time) on bare dynalite: ${store.requestsPerArticle.toFixed(1)} DynamoDB requests per article (${store.byCommand}); one 25-item BatchWriteItem takes ${store.batchMs.toFixed(1)} ms and one PutItem ${store.putMs.toFixed(1)} ms here, so dynalite, not parsing or S3, bounds the rate`,
      `a burst: all ${docs.length.toLocaleString('en-US')} are uploaded at once, so later files wait in the queue behind earlier ones (p99 ≈ the whole run); the local queue hands up to ${stack.queue.concurrency} batches of 10 to the handler at once (8 records at a time each), like as many Lambda instances; dynalite runs in its own thread (local/dynalite-thread.ts) as in \`npm start\``,
    ],
  };
}

async function verify(url: string, docs: CorpusDoc[]) {
  const out = { stored: 0, rejected: 0, missing: 0 };
  await pool(docs, 8, async (d) => {
    const res = await fetch(`${url}/articles/${articleId(keyOf(d))}`);
    if (res.status !== 200) {
      out.missing++;
      await res.body?.cancel();
      return;
    }
    const record = (await res.json()) as { status: string };
    if (record.status === 'stored') out.stored++;
    else out.rejected++;
  });
  return out;
}

/**
 * The DynamoDB ceiling of local ingest: the same records written by the store alone (no S3, no queue, no
 * parsing), counting requests by command, and the cost of the two request kinds the store mostly sends.
 */
async function storeOnly(emulators: Emulators, docs: CorpusDoc[]) {
  const counts = new Map<string, number>();
  emulators.doc.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? 'unknown';
      counts.set(command, (counts.get(command) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'benchCountRequests' },
  );
  const store = new DynamoArticleStore({ doc: emulators.doc, tableName: emulators.tableName });
  const records = docs.map((d) => processArticle({ key: keyOf(d) }, d.bytes));
  const t0 = performance.now();
  await pool(
    records.map((record, i) => ({ record, sequencer: (i + 1).toString(16) })),
    8,
    ({ record, sequencer }) => store.putArticle(record, sequencer).then(() => {}),
  );
  const rate = (records.length / (performance.now() - t0)) * 1000;
  const requests = [...counts.values()].reduce((a, b) => a + b, 0);
  emulators.doc.middlewareStack.remove('benchCountRequests');

  const table = emulators.tableName;
  const REPEAT = 50;
  const b0 = performance.now();
  for (let b = 0; b < REPEAT; b++) {
    const items = Array.from({ length: 25 }, (_, i) => ({
      PutRequest: {
        Item: { pk: `bench#${b}`, sk: `I#w#t${i}`, gsi1pk: `w#t${i}`, gsi1sk: `2025-01-01T00:00#${b}` },
      },
    }));
    await emulators.doc.send(new BatchWriteCommand({ RequestItems: { [table]: items } }));
  }
  const batchMs = (performance.now() - b0) / REPEAT;
  const p0 = performance.now();
  for (let b = 0; b < REPEAT; b++) {
    await emulators.doc.send(new PutCommand({ TableName: table, Item: { pk: `bench#put#${b}`, sk: 'x' } }));
  }
  const putMs = (performance.now() - p0) / REPEAT;
  const perArticle = (n: number) => (n / records.length).toFixed(1);
  return {
    articles: records.length,
    rate,
    requestsPerArticle: requests / records.length,
    byCommand: [...counts]
      .sort((a, b) => b[1] - a[1])
      .map(([command, n]) => `${command.replace(/Command$/, '')} ${perArticle(n)}`)
      .join(', '),
    batchMs,
    putMs,
  };
}
