/**
 * Row 5: peak RSS of the ingest handler, isolated in a child process: the handler bundled as CDK bundles
 * it (bench/child/memory-child.ts → esbuild, node24, @aws-sdk external) and run with plain node against
 * the parent's emulators. Two events, one child each: the largest valid article (a ~1 MB Vietnamese text
 * assembled at bench time from corpus sentences, never committed) and a 50 MB upload that must be refused
 * from the event's size without being downloaded. Baseline: the same child's peak RSS after loading the
 * handler and creating its clients, before the event (idle).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { SQSEvent } from 'aws-lambda';
import { loadCorpus } from '../../eval/corpus';
import { startEmulators } from '../../local/emulators';
import { notificationBody, SequencerClock, toS3Notification } from '../../local/notifications';
import { bundleEntry, ROOT } from '../bundle';
import type { BenchRow } from '../report';

const run = promisify(execFile);
const LARGE_BYTES = 1024 * 1024;
const HUGE_BYTES = 50 * 1024 * 1024;
const LAMBDA_MB = 256;

/** A ~1 MB article: a title line, then corpus paragraphs (UNC bodies) until the size is reached. */
async function largeArticle(): Promise<Uint8Array> {
  const docs = await loadCorpus({ sets: ['unc-dantri'] });
  const lines = ['Tổng hợp tin tức: bài viết dài nhất mà hệ thống nhận'];
  let size = 0;
  const decoder = new TextDecoder();
  for (const d of docs) {
    for (const line of decoder.decode(d.bytes).split('\n').slice(5)) {
      if (!line.trim()) continue;
      const bytes = Buffer.byteLength(line) + 1;
      if (size + bytes > LARGE_BYTES) return new TextEncoder().encode(lines.join('\n'));
      lines.push(line);
      size += bytes;
    }
  }
  return new TextEncoder().encode(lines.join('\n'));
}

interface ChildResult {
  idle: number;
  peak: number;
  failures: number;
  status: string | null;
  rejection: string | null;
  bodyChars: number;
  log?: string;
}

export async function memoryRow(): Promise<BenchRow> {
  const dir = await mkdtemp(join(ROOT, 'node_modules', '.bench-mem-'));
  const emulators = await startEmulators({ memory: true });
  try {
    const child = await bundleEntry(join(ROOT, 'bench', 'child', 'memory-child.ts'), join(dir, 'child'));
    const events: string[] = [];
    const clock = new SequencerClock();
    emulators.s3rver.on('event', (event) => {
      for (const r of event.Records) events.push(notificationBody(toS3Notification(r, clock.next())));
    });
    const env = {
      ...process.env,
      NODE_OPTIONS: '',
      BENCH_S3_ENDPOINT: emulators.s3Endpoint,
      BENCH_DYNAMO_ENDPOINT: emulators.dynamoEndpoint,
      BENCH_TABLE: emulators.tableName,
    };
    const handle = async (key: string, body: Uint8Array): Promise<ChildResult> => {
      events.length = 0;
      await emulators.s3.send(new PutObjectCommand({ Bucket: emulators.bucket, Key: key, Body: body }));
      for (let i = 0; i < 100 && events.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      const event: SQSEvent = {
        Records: [
          {
            messageId: 'bench-1',
            receiptHandle: 'bench',
            body: events[0]!,
            attributes: {
              ApproximateReceiveCount: '1',
              SentTimestamp: String(Date.now()),
              SenderId: 'bench',
              ApproximateFirstReceiveTimestamp: String(Date.now()),
            },
            messageAttributes: {},
            md5OfBody: '',
            eventSource: 'aws:sqs',
            eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:newsdrop-ingest',
            awsRegion: 'us-east-1',
          },
        ],
      };
      const file = join(dir, `${key.replace(/\W/g, '_')}.json`);
      await writeFile(file, JSON.stringify(event));
      const { stdout, stderr } = await run(process.execPath, [child.file, file], { env, cwd: ROOT });
      return { ...(JSON.parse(stdout.trim()) as ChildResult), log: stderr.trim() };
    };
    const large = await largeArticle();
    const big = await handle('incoming/bench/largest-article.txt', large);
    const huge = await handle('incoming/bench/huge.txt', new Uint8Array(HUGE_BYTES).fill(0x61));
    const mb = (b: number) => b / 1024 / 1024;
    const limit = `≤ ${LAMBDA_MB} MB`;
    return {
      name: '5. memory',
      inputs:
        `ingest handler bundle (${(child.bytes / 1024).toFixed(0)} KB, as deployed) in a child node process per event, ` +
        `emulators in the parent; largest valid article ${large.length.toLocaleString('en')} bytes of Vietnamese text ` +
        `(corpus paragraphs), rejected upload ${HUGE_BYTES.toLocaleString('en')} bytes; peak RSS = VmHWM`,
      figures: [
        {
          metric: 'peak RSS, 1 MB article',
          value: mb(big.peak),
          unit: 'MB',
          baseline: { name: 'idle after init', value: mb(big.idle) },
          goal: limit,
          met: mb(big.peak) <= LAMBDA_MB,
        },
        {
          metric: 'peak RSS, 50 MB upload (rejected)',
          value: mb(huge.peak),
          unit: 'MB',
          baseline: { name: 'idle after init', value: mb(huge.idle) },
          goal: limit,
          met: mb(huge.peak) <= LAMBDA_MB && huge.rejection === 'too_large',
        },
      ],
      notes: [
        ...[big, huge].filter((r) => r.log).map((r) => `handler log: ${r.log!.slice(0, 400)}`),
        `1 MB article: ${big.status ?? 'NOT stored (see the handler log)'}${big.rejection ? ` (${big.rejection})` : ''}, body ${big.bodyChars.toLocaleString('en')} characters stored, ${big.failures} batch failures`,
        `50 MB upload: ${huge.status}${huge.rejection ? ` (${huge.rejection})` : ''}, ${huge.failures} batch failures; +${mb(huge.peak - huge.idle).toFixed(1)} MB over idle (refused from the event's size, never downloaded)`,
      ],
    };
  } finally {
    await emulators.close();
    await rm(dir, { recursive: true, force: true });
  }
}
