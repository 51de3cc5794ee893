import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { articleJsonSchema } from '../../shared/model/article';
import { createQueryApp, QUERY_ROUTES } from '../../shared/query/app';
import { ARTICLE_SCHEMA_FILE } from '../../shared/query/build/article-schema';
import { openApiDocument } from '../../shared/query/openapi';
import { ENDPOINT_PARAMS } from '../../shared/query/params';
import { generateCorpus } from './corpus';
import { FakeReader } from './fake-reader';

// biome-ignore lint/suspicious/noExplicitAny: walking a JSON document whose shape the test asserts
type Json = Record<string, any>;

const doc = openApiDocument() as Json;
// Two stories among the stored articles, the second article a copy of the first.
const generated = generateCorpus(120, 10, 5);
const corpus = generated.map((r, n) =>
  r.status === 'stored' && n < 6
    ? { ...r, story: { id: `story${n % 2}`, size: 3 }, duplicateOf: n === 2 ? generated[0]!.id : null }
    : r,
);
const app = createQueryApp({ reader: new FakeReader(corpus), cursorSecret: 'openapi-test-secret-0123' });

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('is served at GET /openapi.json', async () => {
    const res = await app.request('/openapi.json');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(doc);
  });

  it('describes every route the app serves, and only those', () => {
    const routes = QUERY_ROUTES.map((r) => r.replace(/:(\w+)/g, '{$1}')).sort();
    expect(Object.keys(doc.paths).sort()).toEqual(routes);
    expect(Object.keys(ENDPOINT_PARAMS).sort()).toEqual(routes);
  });

  it('describes every query parameter of every endpoint', () => {
    for (const [path, specs] of Object.entries(ENDPOINT_PARAMS)) {
      const documented = (doc.paths[path].get.parameters as Json[]).filter((p) => p.in === 'query');
      expect(documented.map((p) => p.name)).toEqual(specs.map((s) => s.name));
      for (const p of documented) expect(p.description.length).toBeGreaterThan(5);
    }
    const articleParams = (doc.paths['/articles'].get.parameters as Json[]).map((p) => p.name);
    for (const name of [
      'person',
      'organization',
      'place',
      'province',
      'topic',
      'category',
      'keyword',
      'publisher',
      'from',
      'to',
      'status',
      'q',
      'limit',
      'cursor',
    ]) {
      expect(articleParams).toContain(name);
    }
    expect(doc.paths['/articles/{id}'].get.parameters[0]).toMatchObject({
      name: 'id',
      in: 'path',
      required: true,
    });
    expect(doc.paths['/entities'].get.parameters[0]).toMatchObject({ name: 'type', required: true });
  });

  it('documents the error answers as problem+json', () => {
    for (const path of Object.keys(doc.paths)) {
      const responses = doc.paths[path].get.responses as Json;
      for (const status of ['400', '405', '500'])
        expect(responses[status], `${path} ${status}`).toBeDefined();
    }
    expect(doc.paths['/articles/{id}'].get.responses['404']).toBeDefined();
    expect(doc.paths['/articles/{id}'].get.responses['409']).toBeDefined();
    const gateway = ['Unauthorized', 'Forbidden', 'TooManyRequests'];
    for (const [name, response] of Object.entries(doc.components.responses) as [string, Json][]) {
      // The gateway's own refusals are its `{"message": ...}` JSON; everything the function answers is a problem.
      const expected = gateway.includes(name) ? 'application/json' : 'application/problem+json';
      expect(Object.keys(response.content), name).toEqual([expected]);
    }
  });

  it('declares the security API Gateway enforces: SigV4 by default, the JWT issuer when configured', () => {
    expect(doc.security).toEqual([{ sigv4: [] }]);
    expect(doc.components.securitySchemes).toEqual({
      sigv4: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'Authorization' }),
    });
    const jwt = openApiDocument({
      mode: 'jwt',
      issuer: 'https://id.example.com/',
      audience: ['app'],
    }) as Json;
    expect(jwt.security).toEqual([{ jwt: [] }]);
    expect(jwt.components.securitySchemes).toEqual({
      jwt: expect.objectContaining({
        type: 'openIdConnect',
        openIdConnectUrl: 'https://id.example.com/.well-known/openid-configuration',
      }),
    });
    expect(jwt.paths['/articles'].get.responses['401']).toEqual({
      $ref: '#/components/responses/Unauthorized',
    });
  });

  it("documents the gateway's own 401, 403 and 429 answers on every operation", () => {
    const jwt = openApiDocument({ mode: 'jwt', issuer: 'https://id.example.com/' }) as Json;
    for (const path of Object.keys(doc.paths)) {
      for (const status of ['403', '429'])
        expect(doc.paths[path].get.responses[status], `${path} ${status}`).toBeDefined();
      // SigV4 failures are 403s: an IAM-authorised HTTP API never answers 401.
      expect(doc.paths[path].get.responses['401']).toBeUndefined();
      for (const status of ['401', '403', '429'])
        expect(jwt.paths[path].get.responses[status], `${path} ${status}`).toBeDefined();
    }
    expect(doc.components.responses.Forbidden.content['application/json'].example).toEqual({
      message: 'Forbidden',
    });
  });

  it('names its servers, licence and contact, and describes every operation', () => {
    expect(doc.servers[0]).toMatchObject({
      url: 'https://{apiId}.execute-api.{region}.amazonaws.com',
      variables: { apiId: expect.any(Object), region: expect.any(Object) },
    });
    expect(doc.info.license.name).toBeTruthy();
    expect(doc.info.contact.url).toMatch(/^https:\/\//);
    for (const path of Object.keys(doc.paths)) expect(doc.paths[path].get.description, path).toMatch(/\w{3}/);
  });

  it('declares the ninjs uri it requires', () => {
    const ninjs = doc.components.schemas.Ninjs;
    for (const name of ninjs.required) expect(ninjs.properties, name).toHaveProperty(name);
  });

  it('carries the article record schema of the contract (regenerate with npx tsx shared/query/build/article-schema.ts)', () => {
    expect(JSON.parse(readFileSync(ARTICLE_SCHEMA_FILE, 'utf8'))).toEqual(articleJsonSchema());
    const { $schema: _s, $id: _i, ...record } = articleJsonSchema();
    expect(doc.components.schemas.ArticleRecord).toEqual(record);
    expect(doc.components.schemas.ArticleSummary.properties).not.toHaveProperty('body');
  });
});

describe('responses match the document', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...structuredClone(doc), $id: 'https://newsdrop.dev/openapi.json' });
  const schema = (name: string) =>
    ajv.getSchema(`https://newsdrop.dev/openapi.json#/components/schemas/${name}`)!;

  async function expectConforms(path: string, name: string, status = 200) {
    const res = await app.request(path);
    expect(res.status).toBe(status);
    const validate = schema(name);
    const body = await res.json();
    const ok = validate(body);
    expect(validate.errors ?? [], path).toEqual([]);
    expect(ok).toBe(true);
  }

  it.each([
    ['/articles?limit=50', 'ArticleList'],
    ['/articles?status=rejected', 'ArticleList'],
    ['/rejections', 'ArticleList'],
    [`/articles/${corpus[0]!.id}`, 'ArticleRecord'],
    [`/articles/${corpus.at(-1)!.id}`, 'ArticleRecord'],
    ['/entities?type=place', 'EntityList'],
    ['/topics', 'TopicList'],
    ['/health', 'Health'],
    ['/stories?limit=1', 'StoryList'],
    ['/stories', 'StoryList'],
    ['/stories/story0', 'StoryView'],
    [`/articles/${corpus[2]!.id}/related`, 'RelatedArticles'],
    [`/articles/${corpus[0]!.id}/related`, 'RelatedArticles'],
    [`/articles/${corpus.at(-1)!.id}/related`, 'RelatedArticles'],
  ])('GET %s answers a %s', async (path, name) => {
    await expectConforms(path, name);
  });

  it.each([
    ['/articles?limit=0', 400],
    ['/nowhere', 404],
    ['/articles/unknown', 404],
    ['/stories/unknown', 404],
    ['/articles/unknown/related', 404],
    ['/stories?status=stored', 400],
  ])('GET %s answers a Problem', async (path, status) => {
    await expectConforms(path, 'Problem', status);
  });

  it('is checked by schemas that do refuse a wrong answer', () => {
    expect(schema('ArticleList')({ items: [{ id: 'x' }], next: null })).toBe(false);
    expect(schema('Problem')({ title: 'x' })).toBe(false);
    expect(schema('StoryList')({ items: [{ id: 'x', size: 1 }], next: null })).toBe(false);
    expect(
      schema('RelatedArticles')({ id: 'x', story: null, duplicateOf: null, items: [{ relation: 'copy' }] }),
    ).toBe(false);
  });
});
