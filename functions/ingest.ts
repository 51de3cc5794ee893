/**
 * Ingest Lambda: SQS batches of S3 notifications → parse and tag → article store. The handler only
 * adapts events: deciding what a record means is shared/ingest, making a record is shared/process,
 * storing it is shared/store. Partial batch failures return exactly the messages whose records hit an
 * error, so their batch-mates are not processed again.
 */

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { isTransientError } from '../shared/ingest/errors';
import { classifyRecord, type IngestAction, parseSqsBody } from '../shared/ingest/s3-event';
import { articleId, processArticle, rejectedRecord } from '../shared/process';
import { DynamoArticleStore } from '../shared/store/index';
import { type IngestConfig, readIngestConfig } from './lib/config';
import { createLogger, type IngestLogger, type IngestMetrics, powertoolsMetrics } from './lib/observability';
import { readObject } from './lib/read-object';

export type { IngestConfig } from './lib/config';

export interface IngestDeps {
  s3: S3Client;
  store: DynamoArticleStore;
  config: Pick<IngestConfig, 'incomingPrefix' | 'maxObjectBytes'>;
  logger?: IngestLogger;
  metrics?: IngestMetrics;
  /** Clock for processedAt, for reproducible tests. */
  now?: () => Date;
}

/** What happened to one S3 record. */
export type RecordOutcome =
  | 'stored'
  | 'rejected'
  | 'deleted'
  /** An equal-or-newer event is already stored for the key: nothing to do. */
  | 'stale'
  /** The object was gone when fetched: its delete event decides. */
  | 'missing'
  | 'ignored';

export type IngestHandler = (event: SQSEvent, context?: Partial<Context>) => Promise<SQSBatchResponse>;

/** Messages processed at once; a batch holds up to 10 (or more with a batching window). */
const CONCURRENCY = 8;

const silentLogger: IngestLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  addContext() {},
};
const noMetrics: IngestMetrics = {
  stored() {},
  rejected() {},
  retried() {},
  failed() {},
  processingTime() {},
  flush() {},
};

export function createIngestHandler(deps: IngestDeps): IngestHandler {
  const { s3, store, config } = deps;
  const logger = deps.logger ?? silentLogger;
  const metrics = deps.metrics ?? noMetrics;
  const now = deps.now ?? (() => new Date());

  async function handleAction(
    action: Extract<IngestAction, { action: 'store' | 'delete' }>,
  ): Promise<RecordOutcome> {
    const { bucket, key, sequencer } = action;
    if (action.action === 'delete') {
      return (await store.deleteArticle(articleId(key), sequencer)) === 'applied' ? 'deleted' : 'stale';
    }
    let record: ReturnType<typeof processArticle>;
    if (action.size > config.maxObjectBytes) {
      // Refused on the event's size alone: a 50 MB upload is never downloaded.
      record = rejectedRecord(
        { bucket, key, size: action.size },
        {
          code: 'too_large',
          message: `The file is ${action.size} bytes; the limit is ${config.maxObjectBytes}.`,
        },
        {},
        now(),
      );
    } else {
      const read = await readObject(s3, bucket, key, config.maxObjectBytes);
      if (read.kind === 'missing') return 'missing';
      record =
        read.kind === 'too_large'
          ? rejectedRecord(
              { bucket, key, size: read.size },
              {
                code: 'too_large',
                message: `The file is ${read.size} bytes; the limit is ${config.maxObjectBytes}.`,
              },
              {},
              now(),
            )
          : processArticle(
              { bucket, key, ...(read.contentType && { contentType: read.contentType }) },
              read.bytes,
              { maxBytes: config.maxObjectBytes, now },
            );
    }
    if ((await store.putArticle(record, sequencer)) === 'stale') return 'stale';
    if (record.status === 'rejected') {
      metrics.rejected(record.rejection!.code);
      logger.warn('article rejected', { key, sequencer, id: record.id, rejection: record.rejection });
      return 'rejected';
    }
    metrics.stored();
    return 'stored';
  }

  /** True if the message must be retried. */
  async function handleMessage(message: SQSRecord): Promise<boolean> {
    const messageId = message.messageId;
    const body = parseSqsBody(message.body);
    if (body.kind === 'test') {
      logger.info('ignoring s3:TestEvent', { messageId });
      return false;
    }
    if (body.kind === 'malformed') {
      // Not an S3 event at all: keep it (it ends in the DLQ) rather than drop it silently.
      logger.error('malformed message', { messageId, reason: body.reason });
      metrics.failed();
      return true;
    }
    let retry = false;
    for (const raw of body.records) {
      const action = classifyRecord(raw, config.incomingPrefix);
      if (action.action === 'ignore') {
        logger.debug('record ignored', { messageId, key: action.key, reason: action.reason });
        continue;
      }
      if (action.action === 'malformed') {
        logger.error('malformed record', { messageId, key: action.key, reason: action.reason });
        metrics.failed();
        retry = true;
        continue;
      }
      const started = performance.now();
      const logKeys = { messageId, key: action.key, sequencer: action.sequencer, event: action.action };
      try {
        const outcome = await handleAction(action);
        metrics.processingTime(performance.now() - started);
        logger.info('record processed', { ...logKeys, outcome });
      } catch (err) {
        retry = true;
        if (isTransientError(err)) {
          metrics.retried();
          logger.warn('transient error; message will be retried', { ...logKeys, error: err as Error });
        } else {
          metrics.failed();
          logger.error('record failed; message will be retried', { ...logKeys, error: err as Error });
        }
      }
    }
    return retry;
  }

  return async (event, context) => {
    if (context?.awsRequestId) logger.addContext(context as Context);
    const failures: { itemIdentifier: string }[] = [];
    const queue = [...(event.Records ?? [])];
    const worker = async () => {
      for (let m = queue.shift(); m; m = queue.shift()) {
        if (await handleMessage(m)) failures.push({ itemIdentifier: m.messageId });
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
    } finally {
      metrics.flush();
    }
    // Report in batch order: easier to read in logs and tests.
    const order = new Map(event.Records.map((r, i) => [r.messageId, i]));
    failures.sort((a, b) => order.get(a.itemIdentifier)! - order.get(b.itemIdentifier)!);
    return { batchItemFailures: failures };
  };
}

// ---- Lambda entry: config, clients, logger and metrics once per container.
let lambdaHandler: IngestHandler | undefined;

function coldStart(): IngestHandler {
  const config = readIngestConfig();
  const logger = createLogger(config.serviceName, config.logLevel);
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return createIngestHandler({
    s3: new S3Client({}),
    store: new DynamoArticleStore({ doc, tableName: config.tableName }),
    config,
    logger,
    metrics: powertoolsMetrics(config.metricsNamespace, config.serviceName),
  });
}

// In Lambda, fail the cold start on bad config; when imported elsewhere (tests, local stack), wait.
if (process.env.AWS_LAMBDA_FUNCTION_NAME) lambdaHandler = coldStart();

export const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
  lambdaHandler ??= coldStart();
  return lambdaHandler(event, context);
};
