/**
 * `newsdrop upload PATH…`: puts article files into the bucket's upload area (the local stack's or a
 * deployed one), then waits for each file's record and prints what became of it.
 */

import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { fileKey, listArticleFiles } from '../../shared/ingest/files';
import type { ArticleRecord } from '../../shared/model/article';
import { articleId, INCOMING_PREFIX, sha256Hex } from '../../shared/process';
import { DynamoArticleStore } from '../../shared/store/index';
import { type Command, UsageError } from '../command';
import type { CliContext } from '../local-stack';
import { Progress } from '../progress';

const HELP = `Usage: newsdrop upload [options] PATH...

Uploads article files (a folder: every file in it, recursively) and waits until each one is
processed, then prints a summary: stored, or rejected with the reason.

Where to (default: the local stack started by \`npm start\`, found through .newsdrop/endpoints.json):
  --data DIR          data folder of the local stack (default .newsdrop, or NEWSDROP_DATA)
  --s3-endpoint URL   an S3-compatible endpoint instead (e.g. the local stack's emulated S3)
  --bucket NAME       a deployed bucket, with the standard AWS credential chain (AWS_PROFILE, ...)
  --region REGION     AWS region of the bucket (default: from the AWS configuration)
  --prefix PREFIX     key prefix for the uploads (default ${INCOMING_PREFIX})

Waiting for results:
  --api URL           query API to poll for the records (local: found automatically)
  --table NAME        or read the records from this DynamoDB table (AWS credentials)
  --no-wait           upload only; do not wait for results
  --timeout SECONDS   how long to wait for all records (default 60)

Keys: a FILE goes to PREFIX + its name; files in a FOLDER go to PREFIX + their path inside it.
Exit code: 0 all stored, 1 any file rejected, not processed in time or not uploaded, 2 usage error.`;

interface Target {
  s3: S3Client;
  bucket: string;
  /** Where the records are read from, if anywhere. */
  results: ResultSource | null;
  describe: string;
}

type ResultSource =
  | { kind: 'api'; url: string }
  | { kind: 'table'; store: DynamoArticleStore; close: () => void };

interface UploadFile {
  path: string;
  key: string;
}

interface Uploaded extends UploadFile {
  id: string;
  size: number;
  sha256: string;
}

const CONCURRENCY = 6;
const POLL_MS = 250;

export const uploadCommand: Command = {
  name: 'upload',
  summary: 'Upload article files or folders and report what became of each',
  help: HELP,
  async run(argv, context) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        's3-endpoint': { type: 'string' },
        bucket: { type: 'string' },
        region: { type: 'string' },
        prefix: { type: 'string', default: INCOMING_PREFIX },
        api: { type: 'string' },
        table: { type: 'string' },
        'no-wait': { type: 'boolean', default: false },
        timeout: { type: 'string', default: '60' },
      },
    });
    if (positionals.length === 0) throw new UsageError('give at least one file or folder');
    const timeoutS = Number(values.timeout);
    if (!(timeoutS > 0)) throw new UsageError('--timeout takes a positive number of seconds');
    const prefix = values.prefix;
    if (prefix !== '' && !prefix.endsWith('/')) throw new UsageError('--prefix must end with /');

    const files = await collectFiles(positionals, prefix);
    if (files.length === 0) throw new UsageError('no files to upload');
    const target = await resolveTarget(values, context);
    const progress = new Progress('uploading', files.length);
    let failedUploads = 0;
    let uploaded: Uploaded[];
    try {
      uploaded = await mapLimit(files, CONCURRENCY, async (file) => {
        try {
          const bytes = await readFile(file.path);
          await target.s3.send(new PutObjectCommand({ Bucket: target.bucket, Key: file.key, Body: bytes }));
          return { ...file, id: articleId(file.key), size: bytes.length, sha256: sha256Hex(bytes) };
        } catch (err) {
          failedUploads++;
          progress.note(`not uploaded  ${file.path}: ${(err as Error).message}`);
          return null;
        } finally {
          progress.tick(file.key);
        }
      }).then((all) => all.filter((u): u is Uploaded => u !== null));
      progress.done(`uploaded ${uploaded.length} of ${files.length} files to ${target.describe}`);

      if (values['no-wait'] || !target.results) {
        if (!values['no-wait']) {
          process.stderr.write('not waiting for results: give --api URL or --table NAME to wait for them\n');
        }
        return failedUploads > 0 ? 1 : 0;
      }
      const outcome = await waitForRecords(uploaded, target.results, timeoutS * 1000);
      return printSummary(uploaded, outcome, failedUploads);
    } finally {
      target.s3.destroy();
      if (target.results?.kind === 'table') target.results.close();
    }
  },
};

async function collectFiles(paths: string[], prefix: string): Promise<UploadFile[]> {
  const byKey = new Map<string, UploadFile>();
  for (const p of paths) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(p);
    } catch (err) {
      throw new UsageError(`cannot read ${p}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    if (info.isDirectory()) {
      for (const rel of await listArticleFiles(p)) {
        byKey.set(fileKey(prefix, rel), { path: join(p, rel), key: fileKey(prefix, rel) });
      }
    } else {
      byKey.set(fileKey(prefix, basename(p)), { path: p, key: fileKey(prefix, basename(p)) });
    }
  }
  return [...byKey.values()];
}

async function resolveTarget(
  values: {
    data?: string | undefined;
    's3-endpoint'?: string | undefined;
    bucket?: string | undefined;
    region?: string | undefined;
    api?: string | undefined;
    table?: string | undefined;
  },
  context: CliContext,
): Promise<Target> {
  const api = values.api?.replace(/\/+$/, '');
  if (values.bucket && !values['s3-endpoint']) {
    // A deployed bucket: the SDK's default credential chain and region.
    const region = values.region ? { region: values.region } : {};
    let results: ResultSource | null = api ? { kind: 'api', url: api } : null;
    if (!results && values.table) {
      const dynamo = new DynamoDBClient(region);
      const doc = DynamoDBDocumentClient.from(dynamo);
      results = {
        kind: 'table',
        store: new DynamoArticleStore({ doc, tableName: values.table }),
        close: () => dynamo.destroy(),
      };
    }
    return {
      s3: new S3Client(region),
      bucket: values.bucket,
      results,
      describe: `s3://${values.bucket}`,
    };
  }
  // The local stack, reached through the link the CLI is given.
  const link = await context.localStack();
  if (values['s3-endpoint']) {
    const bucket = values.bucket ?? link.LOCAL_BUCKET_NAME;
    return {
      s3: link.s3ClientFor(values['s3-endpoint']),
      bucket,
      results: api ? { kind: 'api', url: api } : null,
      describe: `${values['s3-endpoint']} bucket ${bucket}`,
    };
  }
  const dataDir = values.data ?? process.env.NEWSDROP_DATA ?? '.newsdrop';
  const endpoints = await link.readEndpoints(dataDir);
  if (!endpoints?.s3 || !endpoints.bucket || !endpoints.api) {
    throw new UsageError(
      `no running local stack found (${link.endpointsPath(dataDir)} is missing): start one with \`npm start\`, ` +
        'or give --bucket NAME for a deployed bucket',
    );
  }
  return {
    s3: link.s3ClientFor(endpoints.s3),
    bucket: endpoints.bucket,
    results: { kind: 'api', url: api ?? endpoints.api },
    describe: `the local stack (${endpoints.api})`,
  };
}

type Outcome = Map<string, ArticleRecord>;

/**
 * Polls until every upload has its record. A record counts when it is for these bytes (same sha256), or
 * is a rejection made after the upload started (a file refused on its size is never read, so its record
 * cannot carry the file's hash).
 */
async function waitForRecords(files: Uploaded[], source: ResultSource, timeoutMs: number): Promise<Outcome> {
  const started = Date.now();
  const found: Outcome = new Map();
  const progress = new Progress('processing', files.length);
  while (found.size < files.length && Date.now() - started < timeoutMs) {
    const pending = files.filter((f) => !found.has(f.key));
    await mapLimit(pending, CONCURRENCY, async (f) => {
      const record = await fetchRecord(source, f.id).catch(() => null);
      if (!record || record.source.key !== f.key) return;
      const fresh =
        record.source.sha256 === f.sha256 ||
        (record.status === 'rejected' && Date.parse(record.processedAt) >= started - 5_000);
      if (fresh) {
        found.set(f.key, record);
        progress.tick(f.key);
      }
    });
    if (found.size < files.length) await new Promise((r) => setTimeout(r, POLL_MS));
  }
  progress.done(`processed ${found.size} of ${files.length} files`);
  return found;
}

async function fetchRecord(source: ResultSource, id: string): Promise<ArticleRecord | null> {
  if (source.kind === 'table') return source.store.getArticle(id);
  const res = await fetch(`${source.url}/articles/${encodeURIComponent(id)}`);
  if (res.status === 404) {
    await res.body?.cancel();
    return null;
  }
  if (!res.ok) throw new Error(`GET /articles/${id}: HTTP ${res.status}`);
  return (await res.json()) as ArticleRecord;
}

function printSummary(files: Uploaded[], outcome: Outcome, failedUploads: number): number {
  let stored = 0;
  let rejected = 0;
  let pending = 0;
  const out: string[] = [];
  for (const f of files) {
    const r = outcome.get(f.key);
    if (!r) {
      pending++;
      out.push(`pending   ${f.path}  not processed in time (key ${f.key})`);
    } else if (r.status === 'rejected') {
      rejected++;
      out.push(`rejected  ${f.path}  ${r.rejection?.code}: ${r.rejection?.message}`);
    } else {
      stored++;
      const { person, organization, place } = r.entities;
      const n = person.length + organization.length + place.length;
      out.push(`stored    ${f.path}  ${JSON.stringify(r.title ?? '')}  ${n} entities  id ${r.id}`);
    }
  }
  const parts = [`${stored} stored`, `${rejected} rejected`];
  if (pending) parts.push(`${pending} not processed in time`);
  if (failedUploads) parts.push(`${failedUploads} not uploaded`);
  out.push(parts.join(', '));
  process.stdout.write(`${out.join('\n')}\n`);
  return rejected + pending + failedUploads > 0 ? 1 : 0;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
