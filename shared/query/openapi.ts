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

/**
 * What API Gateway enforces in front of the query function (infra/query-api.ts): SigV4-signed IAM
 * requests, or bearer JWTs from one OIDC issuer.
 */
export type ApiAuth =
  | { readonly mode: 'iam' }
  | { readonly mode: 'jwt'; readonly issuer: string; readonly audience?: readonly string[] };

/** Errors API Gateway itself answers, before the function runs; its body is `{"message": ...}`. */
type GatewayError = 'Unauthorized' | 'Forbidden' | 'TooManyRequests';

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

const GATEWAY_STATUS: Record<GatewayError, string> = {
  Unauthorized: '401',
  Forbidden: '403',
  TooManyRequests: '429',
};

const THROTTLED =
  'API Gateway throttled the request (the stage rate or burst limit); retry with exponential backoff.';

const GATEWAY_ANSWERS: Record<ApiAuth['mode'], Partial<Record<GatewayError, string>>> = {
  iam: {
    Forbidden:
      'API Gateway refused the request: it is not SigV4-signed, the signature is wrong or expired, or the ' +
      'caller has no `execute-api:Invoke` permission on the API.',
    TooManyRequests: THROTTLED,
  },
  jwt: {
    Unauthorized:
      'API Gateway refused the request: the `Authorization: Bearer` token is missing, expired, or not from ' +
      'the configured issuer and audience.',
    Forbidden: 'API Gateway refused the request: the token lacks a scope the route requires.',
    TooManyRequests: THROTTLED,
  },
};

const GATEWAY_MESSAGES: Record<GatewayError, string> = {
  Unauthorized: 'Unauthorized',
  Forbidden: 'Forbidden',
  TooManyRequests: 'Too Many Requests',
};

/** The answers API Gateway gives itself in a deployment with this authorisation. */
function gatewayErrors(auth: ApiAuth): GatewayError[] {
  return Object.keys(GATEWAY_ANSWERS[auth.mode]) as GatewayError[];
}

function gatewayResponse(auth: ApiAuth, error: GatewayError): Json {
  return {
    description: GATEWAY_ANSWERS[auth.mode][error],
    content: {
      'application/json': { schema: ref('GatewayError'), example: { message: GATEWAY_MESSAGES[error] } },
    },
  };
}

/** Error responses every endpoint may give, plus the ones given. */
function errors(auth: ApiAuth, ...extra: ('NotFound' | 'NotRepresentable' | 'BadRequest')[]): Json {
  const out: Json = {};
  for (const name of extra) {
    out[name === 'NotFound' ? '404' : name === 'BadRequest' ? '400' : '409'] = responseRef(name);
  }
  for (const error of gatewayErrors(auth)) out[GATEWAY_STATUS[error]] = responseRef(error);
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
  'invalid-request': 'A GET request carries no body; send the query as URL parameters (see /openapi.json).',
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

function securityScheme(auth: ApiAuth): Json {
  if (auth.mode === 'jwt') {
    const audience = auth.audience?.length ? ` for the audience ${auth.audience.join(', ')}` : '';
    return {
      type: 'openIdConnect',
      description:
        `A bearer JWT (\`Authorization: Bearer <token>\`) issued by ${auth.issuer}${audience}; API Gateway's JWT ` +
        'authorizer checks it before the function runs.',
      openIdConnectUrl: `${auth.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
    };
  }
  return {
    type: 'apiKey',
    name: 'Authorization',
    in: 'header',
    description:
      'AWS Signature Version 4 (service `execute-api`), as the AWS SDKs and `aws-sigv4` clients sign ' +
      'requests; the caller needs `execute-api:Invoke` on the API. API Gateway checks it before the function runs.',
    'x-amazon-apigateway-authtype': 'awsSigv4',
  };
}

function buildDocument(auth: ApiAuth): Json {
  const record = recordSchema();
  const schemeName = auth.mode === 'jwt' ? 'jwt' : 'sigv4';
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
            'names that start with it (for autocomplete). Places carry the province they resolve to.',
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
            'URI on cv.iptc.org.',
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
        NotFound: problemResponse('No such article (or route)', ['not-found']),
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
