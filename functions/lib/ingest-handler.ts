/**
 * The ingest handler: SQS batches of S3 notifications → the ingest use case (shared/ingest/ingest.ts) for
 * each object change → `batchItemFailures` for the messages to retry. It decides nothing about articles;
 * it logs, counts and sorts errors into retry or not.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { type ArticleWriter, ingestChange, type IngestDeps as UseCaseDeps } from '../../shared/ingest/ingest';
import { s3ObjectReader } from '../../shared/ingest/object-reader';
import { classifyRecord, parseSqsBody } from '../../shared/ingest/s3-event';
import { partialBatch } from './batch';
import type { IngestConfig } from './config';
import {
  type IngestLogger,
  type IngestMetrics,
  noMetrics,
  reportError,
  reportOutcome,
  silentLogger,
} from './observability';

export interface IngestDeps {
  s3: S3Client;
  store: ArticleWriter;
  config: Pick<IngestConfig, 'incomingPrefix' | 'maxObjectBytes'>;
  logger?: IngestLogger;
  metrics?: IngestMetrics;
  /** Clock for processedAt, for reproducible tests. */
  now?: () => Date;
}

export type IngestHandler = (event: SQSEvent, context?: Partial<Context>) => Promise<SQSBatchResponse>;

/** Messages processed at once; a batch holds up to 10 (or more with a batching window). */
const CONCURRENCY = 8;

export function createIngestHandler(deps: IngestDeps): IngestHandler {
  const { config, logger = silentLogger, metrics = noMetrics } = deps;
  const useCase: UseCaseDeps = {
    readObject: s3ObjectReader(deps.s3),
    store: deps.store,
    maxObjectBytes: config.maxObjectBytes,
    incomingPrefix: config.incomingPrefix,
    ...(deps.now && { now: deps.now }),
  };

  /** True if the message must be retried. */
  async function handleMessage({ messageId, body }: SQSRecord): Promise<boolean> {
    const parsed = parseSqsBody(body);
    if (parsed.kind === 'test') {
      logger.info('ignoring s3:TestEvent', { messageId });
      return false;
    }
    if (parsed.kind === 'malformed') {
      // Not an S3 event: no retry can fix it, and retries would only delay its batch-mates. It is
      // logged with its reason and a sample of the body, and counted (MalformedEvents raises an alarm).
      logger.error('malformed message', {
        messageId,
        reason: parsed.reason,
        body: String(body).slice(0, 2048),
      });
      metrics.malformed();
      return false;
    }
    let retry = false;
    for (const raw of parsed.records) {
      const change = classifyRecord(raw, config.incomingPrefix);
      const logKeys = { messageId, key: change.key };
      if (change.action === 'ignore') {
        logger.debug('record ignored', { ...logKeys, reason: change.reason });
      } else if (change.action === 'malformed') {
        logger.error('malformed record', { ...logKeys, reason: change.reason });
        metrics.malformed();
      } else {
        const started = performance.now();
        Object.assign(logKeys, { sequencer: change.sequencer, event: change.action });
        try {
          reportOutcome(logger, metrics, logKeys, await ingestChange(change, useCase), started);
        } catch (err) {
          reportError(logger, metrics, logKeys, err);
          retry = true;
        }
      }
    }
    return retry;
  }

  return async (event, context) => {
    if (context?.awsRequestId) logger.addContext(context as Context);
    try {
      return await partialBatch(event.Records ?? [], handleMessage, CONCURRENCY);
    } finally {
      metrics.flush();
    }
  };
}
