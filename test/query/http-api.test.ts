import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { httpApiHandler } from '../../functions/lib/http-api';
import { createQueryApp } from '../../shared/query/app';
import { generateCorpus } from './corpus';
import { FakeReader } from './fake-reader';

const EVENTS_DIR = join(import.meta.dirname, '..', '..', 'events');
const event = (name: string) =>
  JSON.parse(readFileSync(join(EVENTS_DIR, name), 'utf8')) as APIGatewayProxyEventV2;
const withMethod = (e: APIGatewayProxyEventV2, method: string): APIGatewayProxyEventV2 => ({
  ...e,
  requestContext: { ...e.requestContext, http: { ...e.requestContext.http, method } },
});

const serve = httpApiHandler(
  createQueryApp({
    reader: new FakeReader(generateCorpus(12, 2, 3)),
    cursorSecret: 'http-api-test-secret-0123',
  }),
);

describe('the HTTP API adapter', () => {
  it('answers a GET that carries a body (as API Gateway samples do) with a problem, not text/plain', async () => {
    const res = await serve(event('query-get-with-body.json'));
    expect(res.statusCode).toBe(400);
    expect(res.headers?.['content-type']).toBe('application/problem+json');
    expect(JSON.parse(res.body!)).toMatchObject({
      type: 'https://newsdrop.dev/problems/invalid-request',
      status: 400,
      detail: expect.stringMatching(/GET request carries no body/),
    });
  });

  it('passes the query string and path through unchanged', async () => {
    const res = await serve({
      ...event('query-health.json'),
      rawPath: '/articles',
      rawQueryString: 'limit=3',
    });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body!).items).toHaveLength(3);
  });

  it('hands a base64 body of another method to the app, which refuses the method', async () => {
    const post = { ...withMethod(event('query-health.json'), 'POST'), body: 'e30=', isBase64Encoded: true };
    const res = await serve(post);
    expect(res.statusCode).toBe(405);
    expect(res.headers?.allow).toBe('GET, HEAD');
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await serve(withMethod(event('query-health.json'), 'HEAD'));
    expect(res.statusCode).toBe(200);
    expect(res.headers?.['content-type']).toBe('application/json');
    expect(res.body).toBe('');
  });

  it('serves a request whose header value the Fetch API cannot hold as it stands', async () => {
    const e = event('query-health.json');
    const res = await serve({ ...e, headers: { ...e.headers, 'user-agent': 'Trình duyệt Hà Nội' } });
    expect(res.statusCode).toBe(200);
  });
});
