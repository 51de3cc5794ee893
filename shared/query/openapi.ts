/**
 * The OpenAPI 3.1 document served at `GET /openapi.json`. Parameters come from params.ts (what the API
 * validates against) and the article schema from the record contract (`articleJsonSchema()`, generated
 * into article-record.schema.generated.json and checked by a test), so neither can drift.
 */
// articleJsonSchema() output, generated at build time: zod's JSON Schema generator stays out of the Lambda.
import articleSchema from './article-record.schema.generated.json';
import {
  type ApiAuth,
  errors,
  gatewayErrors,
  gatewayResponse,
  type Json,
  jsonResponse,
  pageSchema,
  params,
  problemResponse,
  ref,
  responseRef,
  securityScheme,
} from './openapi-parts';
import { storyPaths, storySchemas } from './openapi-stories';

export type { ApiAuth } from './openapi-parts';

/** The article record schema without its body: what list pages carry. */
function summarySchema(record: Json): Json {
  const properties = { ...(record.properties as Json) };
  delete properties.body;
  return {
    ...record,
    title: 'newsdrop article summary (record without body)',
    properties,
    required: (record.required as string[]).filter((r) => r !== 'body'),
  };
}

function recordSchema(): Json {
  const { $schema: _schema, $id: _id, ...schema } = structuredClone(articleSchema) as Json;
  return schema;
}

const cache = new Map<string, Json>();

/** The document for a deployment with this authorisation (default: IAM, as infra/query-api.ts deploys). */
export function openApiDocument(auth: ApiAuth = { mode: 'iam' }): Json {
  const key = JSON.stringify(auth);
  let doc = cache.get(key);
  if (!doc) {
    doc = buildDocument(auth);
    cache.set(key, doc);
  }
  return doc;
}

function buildDocument(auth: ApiAuth): Json {
  const record = recordSchema();
  const schemeName = auth.mode === 'jwt' ? 'jwt' : 'sigv4';
  return {
    openapi: '3.1.0',
    info: {
      title: 'newsdrop query API',
      version: '1.0.0',
      description:
        'Read access to the articles newsdrop has parsed and tagged. Every response is JSON; every error the ' +
        'function answers is `application/problem+json` (RFC 9457), while API Gateway answers 401, 403 and ' +
        '429 itself with `{"message": ...}`. ' +
        (auth.mode === 'jwt'
          ? 'This deployment requires a bearer JWT from its OIDC issuer on every request. '
          : 'This deployment requires SigV4-signed requests (IAM) on every request. ') +
        'Every GET operation also answers HEAD (same headers, no body).',
      contact: { name: 'newsdrop maintainers', url: 'https://newsdrop.dev' },
      license: {
        name: 'Proprietary: all rights reserved by the newsdrop maintainers',
        identifier: 'LicenseRef-newsdrop-proprietary',
      },
    },
    servers: [
      {
        url: 'https://{apiId}.execute-api.{region}.amazonaws.com',
        description: 'The deployed API (the stack output ApiUrl); authenticated as `security` says.',
        variables: {
          apiId: { default: 'abc123def4', description: 'Id of the HTTP API (first label of ApiUrl)' },
          region: { default: 'ap-southeast-1', description: 'AWS region of the stack' },
        },
      },
      {
        url: 'http://localhost:{port}',
        description: 'The local stack (`npm start`), which serves the same app without authentication.',
        variables: { port: { default: '3000', description: 'NEWSDROP_PORT or --port of npm start' } },
      },
    ],
    security: [{ [schemeName]: [] }],
    tags: [
      { name: 'articles', description: 'Articles and rejected files' },
      { name: 'stories', description: 'Stories: the articles about one event, and copies of one text' },
      { name: 'facets', description: 'Entity and topic counts for autocomplete and facets' },
      { name: 'meta', description: 'Health and this document' },
    ],
    paths: {
      '/articles': {
        get: {
          operationId: 'listArticles',
          tags: ['articles'],
          summary: 'Articles matching every given filter, newest first',
          description:
            'Filters combine with AND. Name filters match the whole name: person, organization and place ' +
            'ignoring case, diacritics and spacing (and matching aliases), category, keyword and publisher ' +
            'ignoring case. Pages come newest first by publication time; undated articles come after every ' +
            'dated one (newest processed first), are outside every from/to range, and `dated=false` lists ' +
            'them alone. Follow `next` to get every match exactly once.',
          parameters: params('/articles'),
          responses: {
            '200': jsonResponse('A page of article summaries', ref('ArticleList')),
            '400': responseRef('BadRequest'),
            ...errors(auth),
          },
        },
      },
      '/articles/{id}': {
        get: {
          operationId: 'getArticle',
          tags: ['articles'],
          summary: 'One article (stored or rejected) in full, as a record or as ninjs',
          description:
            'The full record (body included) of a stored article or a rejected file. With `format=ninjs` a ' +
            'stored article comes as an IPTC ninjs 2.2 document; a rejected file has no ninjs form (409).',
          parameters: [
            {
              name: 'id',
              in: 'path',
              required: true,
              description: 'Article id (from a list, or `newsdrop parse FILE`).',
              schema: { type: 'string', minLength: 1 },
            },
            ...params('/articles/{id}'),
          ],
          responses: {
            '200': {
              description: 'The article record, or its ninjs 2.2 document with `format=ninjs`',
              content: {
                'application/json': { schema: { oneOf: [ref('ArticleRecord'), ref('Ninjs')] } },
              },
            },
            ...errors(auth, 'BadRequest', 'NotFound', 'NotRepresentable'),
          },
        },
      },
      ...storyPaths(auth),
      '/rejections': {
        get: {
          operationId: 'listRejections',
          tags: ['articles'],
          summary: 'Rejected files with the reason, newest first',
          description:
            'What editors need to fix: each item carries `rejection.code`, `rejection.message` and `source.key`. ' +
            'Same as `/articles?status=rejected`, paged the same way.',
          parameters: params('/rejections'),
          responses: {
            '200': jsonResponse('A page of rejected records', ref('ArticleList')),
            ...errors(auth, 'BadRequest'),
          },
        },
      },
      '/entities': {
        get: {
          operationId: 'listEntities',
          tags: ['facets'],
          summary: 'Most frequent people, organisations or places with their article counts',
          description:
            'Counts stored articles per entity name of one type, most frequent first; `prefix` narrows to ' +
            'names that start with it (for autocomplete). Places carry the province they resolve to. ' +
            'Counts are eventually consistent: an article is counted a second or two after it is listed.',
          parameters: params('/entities'),
          responses: {
            '200': jsonResponse('Entities, most frequent first', ref('EntityList')),
            ...errors(auth, 'BadRequest'),
          },
        },
      },
      '/topics': {
        get: {
          operationId: 'listTopics',
          tags: ['facets'],
          summary: 'Most frequent IPTC Media Topics with their article counts',
          description:
            'Counts stored articles per IPTC Media Topic, most frequent first, each with its label and its ' +
            'URI on cv.iptc.org. Counts are eventually consistent: an article is counted a second or two ' +
            'after it is listed.',
          parameters: params('/topics'),
          responses: {
            '200': jsonResponse('Topics, most frequent first', ref('TopicList')),
            ...errors(auth, 'BadRequest'),
          },
        },
      },
      '/health': {
        get: {
          operationId: 'health',
          tags: ['meta'],
          summary: 'Liveness: the function answers (it does not query the table)',
          description:
            'Answers `{"status": "ok"}` when the function runs; it reads neither the table nor the secret, so ' +
            'it says nothing about the data path.',
          parameters: params('/health'),
          responses: { '200': jsonResponse('Alive', ref('Health')), ...errors(auth, 'BadRequest') },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'openApi',
          tags: ['meta'],
          summary: 'This document',
          description: 'This OpenAPI 3.1 document, describing the deployment that serves it.',
          parameters: params('/openapi.json'),
          responses: {
            '200': jsonResponse('OpenAPI 3.1 document', { type: 'object' }),
            ...errors(auth, 'BadRequest'),
          },
        },
      },
    },
    components: {
      schemas: {
        ArticleRecord: record,
        ArticleSummary: summarySchema(record),
        ArticleList: pageSchema('ArticleSummary', 'A page of articles, newest first.'),
        ...storySchemas(record),
        EntityCount: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            count: { type: 'integer', minimum: 1, description: 'Stored articles that name the entity' },
            province: {
              type: 'object',
              description: 'For places: the province the place resolves to',
              properties: { code: { type: 'string' }, name: { type: 'string' } },
              required: ['code', 'name'],
            },
          },
          required: ['name', 'count'],
        },
        EntityList: {
          type: 'object',
          properties: {
            type: { type: 'string', enum: ['person', 'organization', 'place'] },
            items: { type: 'array', items: ref('EntityCount') },
          },
          required: ['type', 'items'],
        },
        TopicCount: {
          type: 'object',
          properties: {
            code: { type: 'string', pattern: '^medtop:\\d{8}$' },
            label: { type: 'string' },
            uri: { type: 'string', format: 'uri', description: 'The topic on cv.iptc.org' },
            count: { type: 'integer', minimum: 1 },
          },
          required: ['code', 'label', 'uri', 'count'],
        },
        TopicList: {
          type: 'object',
          properties: { items: { type: 'array', items: ref('TopicCount') } },
          required: ['items'],
        },
        Health: {
          type: 'object',
          properties: { status: { const: 'ok' } },
          required: ['status'],
        },
        Ninjs: {
          type: 'object',
          description: 'An IPTC ninjs 2.2 document; validates against the schema at `standard.schema`.',
          externalDocs: { url: 'https://iptc.org/standards/ninjs/' },
          properties: {
            uri: {
              type: 'string',
              format: 'uri',
              description: "The article's identifier (`urn:newsdrop:article:<id>`).",
            },
          },
          required: ['uri'],
        },
        GatewayError: {
          type: 'object',
          description:
            'The body API Gateway answers with when it refuses a request before the function runs.',
          properties: { message: { type: 'string' } },
          required: ['message'],
        },
        Problem: {
          type: 'object',
          description: 'RFC 9457 problem details.',
          properties: {
            type: { type: 'string', format: 'uri' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            parameter: { type: 'string', description: 'The query parameter at fault, if any' },
          },
          required: ['type', 'title', 'status', 'detail'],
        },
      },
      securitySchemes: { [schemeName]: securityScheme(auth) },
      responses: {
        BadRequest: problemResponse('Unknown parameter, invalid value, invalid cursor or a body on a GET', [
          'invalid-request',
          'unknown-parameter',
          'invalid-parameter',
          'invalid-cursor',
        ]),
        NotFound: problemResponse('No such article or story (or route)', ['not-found']),
        NotRepresentable: problemResponse('A rejected file has no ninjs form', ['not-representable']),
        MethodNotAllowed: problemResponse('Only GET (and HEAD) are allowed', ['method-not-allowed']),
        InternalError: problemResponse('Unexpected server error (details are logged, not returned)', [
          'internal-error',
        ]),
        ...Object.fromEntries(gatewayErrors(auth).map((error) => [error, gatewayResponse(auth, error)])),
      },
    },
  };
}
