/**
 * functions/query.ts as Lambda runs it: configured from the environment at module load, answering the
 * sample API Gateway HTTP API (v2) events in events/query-*.json against dynalite.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIGatewayProxyResult, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulators, startEmulators } from '../../local/emulators';
import { processArticle } from '../../shared/process';
import { DynamoArticleStore } from '../../shared/store/index';
import { readSeed, SEED_FILES } from '../helpers';
import { generateCorpus } from './corpus';

const EVENTS_DIR = join(import.meta.dirname, '..', '..', 'events');

let emu: Emulators;
let handler: (event: unknown, context: Context) => Promise<APIGatewayProxyResult>;

const context = {
  functionName: 'newsdrop-query',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:ap-southeast-1:123456789012:function:newsdrop-query',
  memoryLimitInMB: '512',
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
  logGroupName: '/aws/lambda/newsdrop-query',
  logStreamName: '2025/05/01/[$LATEST]abcdef',
  getRemainingTimeInMillis: () => 10_000,
} as unknown as Context;

beforeAll(async () => {
  emu = await startEmulators({ memory: true });
  const store = new DynamoArticleStore({ doc: emu.doc, tableName: emu.tableName });
  const records = [
    ...SEED_FILES.map((name) => processArticle({ key: `incoming/${name}` }, readSeed(name))),
    ...generateCorpus(40, 3, 99),
  ];
  for (const record of records) await store.putArticle(record, '1');
  await store.foldCounters(); // what the counter aggregator does after ingest: /topics and /entities read counters
  Object.assign(process.env, {
    TABLE_NAME: emu.tableName,
    CURSOR_SECRET: 'handler-test-cursor-secret-0123',
    CORS_ORIGINS: 'https://app.example.com',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: emu.dynamoEndpoint,
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  });
  ({ handler } = (await import('../../functions/query')) as unknown as { handler: typeof handler });
});

afterAll(async () => {
  await emu?.close();
});

function loadEvent(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(EVENTS_DIR, name), 'utf8'));
}

describe('query Lambda handler', () => {
  const expectations: Record<string, { status: number; check: (body: Record<string, unknown>) => void }> = {
    'query-list-articles.json': {
      status: 200,
      check: (b) => {
        expect((b.items as { entities: { person: { name: string }[] } }[]).length).toBeGreaterThan(0);
        for (const item of b.items as { entities: { person: { name: string }[] } }[]) {
          expect(item.entities.person.map((p) => p.name)).toContain('Phạm Bình Minh');
        }
      },
    },
    'query-search.json': { status: 200, check: (b) => expect(Array.isArray(b.items)).toBe(true) },
    'query-get-article-ninjs.json': {
      status: 200,
      check: (b) => expect(b.uri).toBe('urn:newsdrop:article:f4bee5f4179731e03317'),
    },
    'query-entities.json': { status: 200, check: (b) => expect(b.type).toBe('person') },
    'query-topics.json': {
      status: 200,
      check: (b) => expect((b.items as unknown[]).length).toBeGreaterThan(0),
    },
    'query-rejections.json': { status: 200, check: (b) => expect((b.items as unknown[]).length).toBe(3) },
    'query-health.json': { status: 200, check: (b) => expect(b).toEqual({ status: 'ok' }) },
    // API Gateway's own v2 samples carry a body on a GET; the Fetch API cannot, and the answer stays a problem.
    'query-get-with-body.json': {
      status: 400,
      check: (b) =>
        expect(b).toMatchObject({ status: 400, type: 'https://newsdrop.dev/problems/invalid-request' }),
    },
    'query-bad-limit.json': {
      status: 400,
      check: (b) => expect(b).toMatchObject({ status: 400, parameter: 'limit' }),
    },
  };

  it('has an expectation for every sample event', () => {
    const files = readdirSync(EVENTS_DIR).filter((f) => f.startsWith('query-'));
    expect(files.sort()).toEqual(Object.keys(expectations).sort());
  });

  it.each(Object.keys(expectations))('answers %s', async (file) => {
    const { status, check } = expectations[file]!;
    const res = await handler(loadEvent(file), context);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers?.['content-type']).toBe(
      status < 400 ? 'application/json' : 'application/problem+json',
    );
    check(JSON.parse(res.body));
  });

  it('pages with the cursor it hands out, across invocations', async () => {
    const event = loadEvent('query-list-articles.json');
    const first = JSON.parse((await handler({ ...event, rawQueryString: 'limit=10' }, context)).body) as {
      items: { id: string }[];
      next: string;
    };
    const second = JSON.parse(
      (
        await handler(
          { ...event, rawQueryString: `limit=10&cursor=${encodeURIComponent(first.next)}` },
          context,
        )
      ).body,
    ) as { items: { id: string }[] };
    expect(second.items).toHaveLength(10);
    expect(second.items.some((i) => first.items.some((f) => f.id === i.id))).toBe(false);
  });

  it('answers HEAD with the headers of the GET and no body', async () => {
    const event = loadEvent('query-health.json') as { requestContext: { http: object } };
    const res = await handler(
      {
        ...event,
        requestContext: { ...event.requestContext, http: { ...event.requestContext.http, method: 'HEAD' } },
      },
      context,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers?.['content-type']).toBe('application/json');
    expect(res.body).toBe('');
  });

  it('adds the CORS header for a configured origin', async () => {
    const event = loadEvent('query-health.json');
    const res = await handler(
      { ...event, headers: { ...(event.headers as object), origin: 'https://app.example.com' } },
      context,
    );
    expect(res.headers?.['access-control-allow-origin']).toBe('https://app.example.com');
  });
});
