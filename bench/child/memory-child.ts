/**
 * Child process of the memory row (bundled like the Lambda, run with plain node): builds the ingest
 * handler exactly as functions/ingest.ts's Lambda entry does, but with clients pointed at the parent's
 * emulators, then handles the one SQS event given in the file named by argv[2]. Prints peak RSS
 * (VmHWM) after init and after the event, with the outcome. Config comes from the environment.
 */
import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent } from 'aws-lambda';
import { createIngestHandler } from '../../functions/lib/ingest-handler';
import type { IngestLogger } from '../../functions/lib/observability';
import { decodeS3Key } from '../../shared/ingest/s3-event';
import { DEFAULT_MAX_BYTES } from '../../shared/parse/types';
import { articleId, INCOMING_PREFIX } from '../../shared/process';
import { DynamoArticleStore } from '../../shared/store/index';

/** Peak resident set size so far, in bytes (Linux). */
function peakRss(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : process.resourceUsage().maxRSS * 1024;
}

const env = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is required`);
  return v;
};
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const region = 'us-east-1';
const s3 = new S3Client({
  endpoint: env('BENCH_S3_ENDPOINT'),
  region,
  credentials,
  forcePathStyle: true,
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});
const doc = DynamoDBDocumentClient.from(
  new DynamoDBClient({ endpoint: env('BENCH_DYNAMO_ENDPOINT'), region, credentials }),
  { marshallOptions: { removeUndefinedValues: true } },
);
const store = new DynamoArticleStore({ doc, tableName: env('BENCH_TABLE') });
/** Warnings and errors to stderr (the parent reports them); stdout carries only the result line. */
const toStderr = (message: string, extra?: unknown) =>
  process.stderr.write(
    `${message} ${JSON.stringify(extra, (_, v) => (v instanceof Error ? `${v.name}: ${v.message}` : v))}\n`,
  );
const logger = {
  debug() {},
  info() {},
  warn: toStderr,
  error: toStderr,
  addContext() {},
} as unknown as IngestLogger;
const handler = createIngestHandler({
  s3,
  store,
  logger,
  config: { incomingPrefix: INCOMING_PREFIX, maxObjectBytes: DEFAULT_MAX_BYTES },
});
const event = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as SQSEvent;
const idle = peakRss();
const res = await handler(event);
const peak = peakRss();
const key = decodeS3Key(
  (JSON.parse(event.Records[0]!.body) as { Records: { s3: { object: { key: string } } }[] }).Records[0]!.s3
    .object.key,
);
const record = await store.getArticle(articleId(key));
process.stdout.write(
  `${JSON.stringify({
    idle,
    peak,
    failures: res.batchItemFailures.length,
    status: record?.status ?? null,
    rejection: record?.rejection?.code ?? null,
    bodyChars: record?.body.length ?? 0,
  })}\n`,
);
s3.destroy();
doc.destroy();
