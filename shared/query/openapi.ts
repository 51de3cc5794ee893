/**
 * The OpenAPI 3.1 document served at `GET /openapi.json`. Parameters come from params.ts (what the API
 * validates against) and the article schema from the record contract (`articleJsonSchema()`, generated
 * into article-record.schema.generated.json and checked by a test), so neither can drift.
 */
// articleJsonSchema() output, generated at build time: zod's JSON Schema generator stays out of the Lambda.
import articleSchema from './article-record.schema.generated.json';
import { ENDPOINT_PARAMS, type Endpoint, type ParamSpec } from './params';
import { PROBLEM_CONTENT_TYPE, PROBLEMS, type ProblemKind, problemType } from './problem';

type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const responseRef = (name: string) => ({ $ref: `#/components/responses/${name}` });

function queryParameter(spec: ParamSpec): Json {
  return {
    name: spec.name,
    in: 'query',
    description: spec.description,
    required: spec.required ?? false,
    schema: spec.schema,
    ...(spec.example !== undefined && { example: spec.example }),
  };
}

const params = (endpoint: Endpoint) => (ENDPOINT_PARAMS[endpoint] as ParamSpec[]).map(queryParameter);

function jsonResponse(description: string, schema: Json): Json {
  return { description, content: { 'application/json': { schema } } };
}

/** Error responses every endpoint may give, plus the ones given. */
function errors(...extra: ('NotFound' | 'NotRepresentable' | 'BadRequest')[]): Json {
  const out: Json = {};
  for (const name of extra) {
    out[name === 'NotFound' ? '404' : name === 'BadRequest' ? '400' : '409'] = responseRef(name);
  }
  out['405'] = responseRef('MethodNotAllowed');
  out['500'] = responseRef('InternalError');
  return out;
}

function problemResponse(description: string, kinds: ProblemKind[]): Json {
  return {
    description,
    content: {
      [PROBLEM_CONTENT_TYPE]: {
        schema: ref('Problem'),
        examples: Object.fromEntries(
          kinds.map((kind) => [
            kind,
            {
              value: {
                type: problemType(kind),
                title: PROBLEMS[kind].title,
                status: PROBLEMS[kind].status,
                detail: EXAMPLE_DETAILS[kind],
              },
            },
          ]),
        ),
      },
    },
  };
}

const EXAMPLE_DETAILS: Record<ProblemKind, string> = {
  'unknown-parameter': 'Unknown query parameter "persn". /articles accepts: person, organization, …',
  'invalid-parameter': 'limit must be a whole number from 1 to 100 (got "500")',
  'invalid-cursor':
    'The cursor is malformed or was modified. Use the `next` value of a previous page unchanged.',
  'not-found': 'No article with id "0123456789abcdef0123".',
  'method-not-allowed': 'POST is not allowed on /articles; use GET.',
  'not-representable':
    'Article "0123456789abcdef0123" is a rejected file; only stored articles have a ninjs form.',
  'internal-error': 'The server could not answer this request. Try again later.',
};

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

let cached: Json | undefined;

export function openApiDocument(): Json {
  cached ??= buildDocument();
  return cached;
}

function buildDocument(): Json {
  const record = recordSchema();
  const page = (items: string, description: string): Json => ({
    type: 'object',
    description,
    properties: {
      items: { type: 'array', items: ref(items) },
      next: {
        type: ['string', 'null'],
        description:
          'Cursor for the next page (pass as `cursor` with the same filters); null on the last page.',
      },
    },
    required: ['items', 'next'],
    additionalProperties: false,
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'newsdrop query API',
      version: '1.0.0',
      description:
        'Read access to the articles newsdrop has parsed and tagged. Every response is JSON; every error is ' +
        '`application/problem+json` (RFC 9457). In AWS the API requires SigV4-signed requests (IAM) by ' +
        'default, or a JWT bearer token when deployed with a JWT authorizer.',
    },
    tags: [
      { name: 'articles', description: 'Articles and rejected files' },
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
            'Filters combine with AND. Name filters (person, organization, place, category, keyword, publisher) ' +
            'match the whole name, ignoring case. Pages come newest first (publication time, else processing ' +
            'time); follow `next` to get every match exactly once.',
          parameters: params('/articles'),
          responses: {
            '200': jsonResponse('A page of article summaries', ref('ArticleList')),
            '400': responseRef('BadRequest'),
            ...errors(),
          },
        },
      },
      '/articles/{id}': {
        get: {
          operationId: 'getArticle',
          tags: ['articles'],
          summary: 'One article (stored or rejected) in full, as a record or as ninjs',
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
            ...errors('BadRequest', 'NotFound', 'NotRepresentable'),
          },
        },
      },
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
            ...errors('BadRequest'),
          },
        },
      },
      '/entities': {
        get: {
          operationId: 'listEntities',
          tags: ['facets'],
          summary: 'Most frequent people, organisations or places with their article counts',
          parameters: params('/entities'),
          responses: {
            '200': jsonResponse('Entities, most frequent first', ref('EntityList')),
            ...errors('BadRequest'),
          },
        },
      },
      '/topics': {
        get: {
          operationId: 'listTopics',
          tags: ['facets'],
          summary: 'Most frequent IPTC Media Topics with their article counts',
          parameters: params('/topics'),
          responses: {
            '200': jsonResponse('Topics, most frequent first', ref('TopicList')),
            ...errors('BadRequest'),
          },
        },
      },
      '/health': {
        get: {
          operationId: 'health',
          tags: ['meta'],
          summary: 'Liveness: the function answers (it does not query the table)',
          parameters: params('/health'),
          responses: { '200': jsonResponse('Alive', ref('Health')), ...errors('BadRequest') },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'openApi',
          tags: ['meta'],
          summary: 'This document',
          parameters: params('/openapi.json'),
          responses: {
            '200': jsonResponse('OpenAPI 3.1 document', { type: 'object' }),
            ...errors('BadRequest'),
          },
        },
      },
    },
    components: {
      schemas: {
        ArticleRecord: record,
        ArticleSummary: summarySchema(record),
        ArticleList: page('ArticleSummary', 'A page of articles, newest first.'),
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
          required: ['uri'],
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
      responses: {
        BadRequest: problemResponse('Unknown parameter, invalid value or invalid cursor', [
          'unknown-parameter',
          'invalid-parameter',
          'invalid-cursor',
        ]),
        NotFound: problemResponse('No such article (or route)', ['not-found']),
        NotRepresentable: problemResponse('A rejected file has no ninjs form', ['not-representable']),
        MethodNotAllowed: problemResponse('Only GET (and HEAD) are allowed', ['method-not-allowed']),
        InternalError: problemResponse('Unexpected server error (details are logged, not returned)', [
          'internal-error',
        ]),
      },
    },
  };
}
