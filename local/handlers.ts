/**
 * The applications the local stack runs, built exactly as in AWS: the ingest handler the Lambda runs
 * (functions/lib/ingest-handler.ts), the counter aggregator's handler (functions/lib/counter-handler.ts)
 * and the query application the API serves (shared/query/app.ts). This is the one place that knows how
 * to construct them.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Hono } from 'hono';
import { type CounterHandler, createCounterHandler } from '../functions/lib/counter-handler';
import { createIngestHandler, type IngestHandler } from '../functions/lib/ingest-handler';
import type { IngestLogger } from '../functions/lib/observability';
import type { ArticleWriter } from '../shared/ingest/ingest';
import type { ArticleRecord } from '../shared/model/article';
import { DEFAULT_MAX_BYTES } from '../shared/parse/types';
import { INCOMING_PREFIX } from '../shared/process';
import { createQueryApp } from '../shared/query/app';
import { DynamoArticleStore } from '../shared/store/index';
import { storyConfig } from '../shared/stories/config';

export interface LocalApps {
  store: DynamoArticleStore;
  ingest: IngestHandler;
  /** The counter aggregator's handler (the local stack runs it on a timer, local/counter-timer.ts). */
  counters: CounterHandler;
  query: Hono;
}

export interface LocalAppsOptions {
  s3: S3Client;
  doc: DynamoDBDocumentClient;
  tableName: string;
  cursorSecret: string;
  logger?: IngestLogger;
  maxObjectBytes?: number;
  /** Told of each record the ingest handler stored (not a stale one), so nothing has to read it back. */
  onStored?: (record: ArticleRecord) => void;
  /** Story window (hours), as the ingest Lambda's `STORY_WINDOW_HOURS`. @default 72 */
  storyWindowHours?: number;
}

export function createLocalApps(options: LocalAppsOptions): LocalApps {
  // Ingest keeps stories as the Lambda does; the query app reads them from the same store.
  const store = new DynamoArticleStore({
    doc: options.doc,
    tableName: options.tableName,
    stories: storyConfig(options.storyWindowHours),
  });
  const onStored = options.onStored;
  const writer: ArticleWriter = onStored
    ? {
        putArticle: async (record, sequencer) => {
          const result = await store.putArticle(record, sequencer);
          if (result === 'applied') onStored(record);
          return result;
        },
        deleteArticle: (id, sequencer) => store.deleteArticle(id, sequencer),
      }
    : store;
  const ingest = createIngestHandler({
    s3: options.s3,
    store: writer,
    config: {
      incomingPrefix: INCOMING_PREFIX,
      maxObjectBytes: options.maxObjectBytes ?? DEFAULT_MAX_BYTES,
    },
    ...(options.logger && { logger: options.logger }),
  });
  const query = createQueryApp({
    reader: store,
    cursorSecret: options.cursorSecret,
    logger: { error: (message, error) => process.stderr.write(`query API: ${message}: ${error.stack}\n`) },
  });
  const counters = createCounterHandler({ store, ...(options.logger && { logger: options.logger }) });
  return { store, ingest, counters, query };
}
