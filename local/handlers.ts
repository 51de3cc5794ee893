/**
 * The two applications the local stack runs, built exactly as in AWS: the ingest handler the Lambda
 * runs (functions/ingest.ts) and the query application the API serves (shared/query/app.ts). This is
 * the one place that knows how to construct them.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import { createIngestHandler, type IngestHandler } from '../functions/ingest';
import type { IngestLogger } from '../functions/lib/observability';
import { DEFAULT_MAX_BYTES } from '../shared/parse/types';
import { INCOMING_PREFIX } from '../shared/process';
import { DynamoArticleStore } from '../shared/store/index';
import type { ArticleFilter, ArticleReader, EntityType } from '../shared/store/reader';

export interface LocalApps {
  store: DynamoArticleStore;
  ingest: IngestHandler;
  query: Hono;
}

export interface LocalAppsOptions {
  s3: S3Client;
  doc: DynamoDBDocumentClient;
  tableName: string;
  cursorSecret: string;
  logger?: IngestLogger;
  maxObjectBytes?: number;
}

interface QueryAppModule {
  createQueryApp(options: { reader: ArticleReader; cursorSecret: string; corsOrigins?: string[] }): Hono;
}

export async function createLocalApps(options: LocalAppsOptions): Promise<LocalApps> {
  const store = new DynamoArticleStore({ doc: options.doc, tableName: options.tableName });
  const ingest = createIngestHandler({
    s3: options.s3,
    store,
    config: {
      incomingPrefix: INCOMING_PREFIX,
      maxObjectBytes: options.maxObjectBytes ?? DEFAULT_MAX_BYTES,
    },
    ...(options.logger && { logger: options.logger }),
  });
  const query = await loadQueryApp(store, options.cursorSecret);
  return { store, ingest, query };
}

// The query application is being written beside this stack; until it lands the page and the tests
// run against a minimal stand-in with the same routes and response shapes.
async function loadQueryApp(reader: ArticleReader, cursorSecret: string): Promise<Hono> {
  const path = '../shared/query/app';
  try {
    const mod = (await import(/* @vite-ignore */ path)) as QueryAppModule;
    return mod.createQueryApp({ reader, cursorSecret });
  } catch (err) {
    if ((err as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') {
      process.stderr.write(`query app failed to load; serving the interim one: ${(err as Error).message}\n`);
    }
    return interimQueryApp(reader);
  }
}

const FILTER_KEYS = ['person', 'organization', 'place', 'province', 'topic', 'category', 'keyword', 'q'];

function interimQueryApp(reader: ArticleReader): Hono {
  const app = new Hono();
  const cursorOf = (raw: string | undefined) =>
    raw ? (JSON.parse(Buffer.from(raw, 'base64url').toString()) as Record<string, unknown>) : undefined;
  const list = async (filter: ArticleFilter, limit: string | undefined, cursor: string | undefined) => {
    const c = cursorOf(cursor);
    const page = await reader.listArticles(filter, {
      limit: Math.min(Number(limit ?? 20) || 20, 100),
      ...(c && { cursor: c }),
    });
    return {
      items: page.items,
      next: page.next && Buffer.from(JSON.stringify(page.next)).toString('base64url'),
    };
  };
  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.get('/articles', async (c) => {
    const filter: ArticleFilter = { status: c.req.query('status') === 'rejected' ? 'rejected' : 'stored' };
    for (const k of FILTER_KEYS) {
      const v = c.req.query(k);
      if (v) (filter as unknown as Record<string, string>)[k] = v;
    }
    return c.json(await list(filter, c.req.query('limit'), c.req.query('cursor')));
  });
  app.get('/rejections', async (c) =>
    c.json(await list({ status: 'rejected' }, c.req.query('limit'), c.req.query('cursor'))),
  );
  app.get('/articles/:id', async (c) => {
    const record = await reader.getArticle(c.req.param('id'));
    if (!record) return c.json({ title: 'Not Found', status: 404, detail: 'No such article.' }, 404);
    return c.json(record);
  });
  app.get('/entities', async (c) => {
    const type = (c.req.query('type') ?? 'person') as EntityType;
    const prefix = c.req.query('prefix');
    return c.json({
      items: await reader.topEntities(type, { limit: 20, ...(prefix && { prefix }) }),
    });
  });
  app.get('/topics', async (c) => c.json({ items: await reader.topTopics({ limit: 20 }) }));
  return app;
}
