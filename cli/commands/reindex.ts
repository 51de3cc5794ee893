import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ingestChange } from '../../shared/ingest/ingest';
import { s3ObjectReader } from '../../shared/ingest/object-reader';
import { DEFAULT_MAX_BYTES } from '../../shared/parse/types';
import { PROCESSOR_VERSION } from '../../shared/process';
import { DynamoArticleStore, type StoredArticleRef } from '../../shared/store/index';
import { parseWindowHours, storyConfig } from '../../shared/stories/config';
import { type Command, UsageError } from '../command';
import type { LocalStackLink } from '../local-stack';
import { Progress } from '../progress';

export interface ReindexOptions {
  store: DynamoArticleStore;
  s3: S3Client;
  /** Used when a record does not name its bucket. */
  defaultBucket?: string;
  /** Re-process every article, not only those of another processor version. */
  all?: boolean;
  dryRun?: boolean;
  maxBytes?: number;
  concurrency?: number;
  onProgress?: (stats: ReindexStats) => void;
}

export interface ReindexStats {
  scanned: number;
  upToDate: number;
  reprocessed: number;
  /** A newer upload or delete arrived meanwhile and won. */
  superseded: number;
  /** The object is no longer in the bucket (its delete event is on its way or was lost). */
  missing: number;
  failed: number;
}

/**
 * Re-runs parse-and-tag on stored articles made by another processor version, re-fetching each object.
 * Writes with the stored sequencer: a newer event for the key still wins, and a retry is harmless.
 */
export async function runReindex(options: ReindexOptions): Promise<ReindexStats> {
  const stats: ReindexStats = {
    scanned: 0,
    upToDate: 0,
    reprocessed: 0,
    superseded: 0,
    missing: 0,
    failed: 0,
  };
  const readObject = s3ObjectReader(options.s3);
  // A dry run parses and tags but writes nothing: its writer only says the write would apply.
  const store = options.dryRun
    ? { putArticle: async () => 'applied' as const, deleteArticle: async () => 'applied' as const }
    : options.store;
  const maxObjectBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const inFlight = new Set<Promise<void>>();
  const one = async (ref: StoredArticleRef) => {
    const bucket = ref.source.bucket ?? options.defaultBucket;
    if (!bucket) throw new UsageError(`article ${ref.id} names no bucket: give --bucket`);
    try {
      // The stored sequencer: a newer upload or delete that arrives meanwhile still wins.
      const change = { action: 'store' as const, bucket, key: ref.source.key, sequencer: ref.seq };
      const { outcome } = await ingestChange(change, { readObject, store, maxObjectBytes });
      if (outcome === 'missing') stats.missing++;
      else if (outcome === 'stale') stats.superseded++;
      else stats.reprocessed++;
    } catch (err) {
      stats.failed++;
      process.stderr.write(`reindex: ${ref.source.key}: ${(err as Error).message}\n`);
    }
  };
  for await (const ref of options.store.scanArticles()) {
    stats.scanned++;
    // An article item of the layout before bodies had their own items is rewritten whatever its version.
    if (!options.all && ref.processorVersion === PROCESSOR_VERSION && !ref.inlineBody) {
      stats.upToDate++;
    } else {
      const p = one(ref).finally(() => {
        inFlight.delete(p);
        options.onProgress?.(stats);
      });
      inFlight.add(p);
      if (inFlight.size >= (options.concurrency ?? 8)) await Promise.race(inFlight);
    }
    if (stats.scanned % 25 === 0) options.onProgress?.(stats);
  }
  await Promise.all(inFlight);
  options.onProgress?.(stats);
  return stats;
}

/** The endpoints of the local stack running on a data folder. */
async function runningStack(link: LocalStackLink, dataDir: string) {
  const e = await link.readEndpoints(dataDir);
  if (e?.s3 && e.dynamo && e.table && e.bucket)
    return { s3: e.s3, dynamo: e.dynamo, table: e.table, bucket: e.bucket };
  throw new UsageError(
    `no running local stack found (${link.endpointsPath(dataDir)} is missing or incomplete): start one with \`npm start\`, ` +
      'or give --table NAME (AWS) or --dynamo-endpoint/--s3-endpoint',
  );
}

function describeStats(s: ReindexStats): string {
  return `scanned ${s.scanned}, reprocessed ${s.reprocessed}, up to date ${s.upToDate}, superseded ${s.superseded}, missing ${s.missing}, failed ${s.failed}`;
}

export const reindexCommand: Command = {
  name: 'reindex',
  summary: 'Re-process stored articles made by an older parser/tagger version',
  help: `Usage: newsdrop reindex [--table NAME] [--bucket NAME] [--endpoint URL | --dynamo-endpoint URL --s3-endpoint URL]
                        [--region R] [--all] [--recount] [--dry-run] [--concurrency N] [--max-bytes N]

Scans the article table and, for every article whose processorVersion differs from this
code's (${PROCESSOR_VERSION}) or that is stored in an older item layout (body inside the
article item), fetches its object from S3 again, parses and tags it and stores the new record. Writes carry the article's stored S3 sequencer, so an upload or delete that
arrives meanwhile still wins. Progress goes to stderr; the final counts to stdout.

In AWS:     newsdrop reindex --table <ArticleTableName> --bucket <BucketName> [--region ap-southeast-1]
            (both are outputs of the newsdrop stack)
            (credentials and region from the usual AWS environment/profile)
Locally:    newsdrop reindex
            (finds the running \`npm start\` stack through .newsdrop/endpoints.json), or
            newsdrop reindex --dynamo-endpoint http://127.0.0.1:PORT --s3-endpoint http://127.0.0.1:PORT

Options:
  --table NAME            article table (default: the local stack's, with local endpoints; required in AWS)
  --bucket NAME           bucket for records that do not name one (default: the local stack's, locally)
  --data DIR              local stack data folder with endpoints.json (default .newsdrop or $NEWSDROP_DATA)
  --dynamo-endpoint URL   DynamoDB endpoint (dynalite of the local stack)
  --s3-endpoint URL       S3 endpoint (s3rver of the local stack)
  --region R              AWS region (default from the environment)
  --all                   re-process every article, whatever its version
  --recount               then rebuild the entity and topic counts from the index and the story
                          heads from the articles' links (full scans; repairs a count or a story
                          size left off by one by a crashed write)
  --dry-run               fetch and parse, but write nothing
  --concurrency N         articles processed at once (default 8)
  --max-bytes N           largest object accepted (default ${DEFAULT_MAX_BYTES})

Exit code: 0 done, 1 some articles failed, 2 usage error.`,
  async run(argv, context) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        table: { type: 'string' },
        bucket: { type: 'string' },
        endpoint: { type: 'string' },
        'dynamo-endpoint': { type: 'string' },
        's3-endpoint': { type: 'string' },
        region: { type: 'string' },
        all: { type: 'boolean', default: false },
        recount: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        concurrency: { type: 'string' },
        'max-bytes': { type: 'string' },
        data: { type: 'string' },
      },
    });
    if (positionals.length > 0) throw new UsageError('reindex takes no arguments');
    let dynamoEndpoint = values['dynamo-endpoint'] ?? values.endpoint;
    let s3Endpoint = values['s3-endpoint'] ?? values.endpoint;
    let table = values.table;
    let bucket = values.bucket;
    // Local endpoints (given, or of the running local stack) need the local stack's client settings.
    const link = table && !dynamoEndpoint && !s3Endpoint ? undefined : await context.localStack();
    if (link && !table && !dynamoEndpoint) {
      // No target given: the running local stack, as `newsdrop upload` finds it.
      const stack = await runningStack(link, values.data ?? process.env.NEWSDROP_DATA ?? '.newsdrop');
      ({ dynamo: dynamoEndpoint, s3: s3Endpoint, table } = stack);
      bucket ??= stack.bucket;
    }
    const local = dynamoEndpoint !== undefined;
    table ??= local ? link?.LOCAL_TABLE_NAME : undefined;
    if (!table) throw new UsageError('give --table (the article table), or local endpoints');
    const positive = (name: string, raw: string | undefined) => {
      if (raw === undefined) return undefined;
      const n = Number(raw);
      if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} takes a positive whole number`);
      return n;
    };
    const concurrency = positive('concurrency', values.concurrency);
    const maxBytes = positive('max-bytes', values['max-bytes']);
    const region = values.region ? { region: values.region } : {};
    const dynamo = link && dynamoEndpoint ? link.dynamoClientFor(dynamoEndpoint) : new DynamoDBClient(region);
    const s3 = link && s3Endpoint ? link.s3ClientFor(s3Endpoint) : new S3Client(region);
    const doc = DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } });
    // Reindex writes as ingest does, stories included (the window from STORY_WINDOW_HOURS, as the Lambda's).
    const store = new DynamoArticleStore({
      doc,
      tableName: table,
      stories: storyConfig(parseWindowHours(process.env.STORY_WINDOW_HOURS)),
    });
    bucket ??= local ? link?.LOCAL_BUCKET_NAME : undefined;
    const progress = new Progress('reindex');
    try {
      const stats = await runReindex({
        store,
        s3,
        ...(bucket && { defaultBucket: bucket }),
        all: values.all,
        dryRun: values['dry-run'],
        ...(concurrency && { concurrency }),
        ...(maxBytes && { maxBytes }),
        onProgress: (s) => progress.tick(describeStats(s), s.scanned),
      });
      progress.done();
      process.stdout.write(`reindex${values['dry-run'] ? ' (dry run)' : ''}: ${describeStats(stats)}\n`);
      if (values.recount && !values['dry-run']) {
        const changed = await store.recountCounters();
        process.stdout.write(
          `reindex: recounted entity and topic counts and story heads, ${changed} corrected\n`,
        );
      }
      return stats.failed > 0 ? 1 : 0;
    } finally {
      dynamo.destroy();
      s3.destroy();
    }
  },
};
