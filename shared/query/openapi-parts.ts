/**
 * Building blocks of the OpenAPI document (openapi.ts): parameters, responses, the errors API Gateway
 * answers itself, problem details and the security scheme of each authorisation mode.
 */
import { ENDPOINT_PARAMS, type Endpoint, type ParamSpec } from './params';
import { PROBLEM_CONTENT_TYPE, PROBLEMS, type ProblemKind, problemType } from './problem';

export type Json = Record<string, unknown>;

/**
 * What API Gateway enforces in front of the query function (infra/query-api.ts): SigV4-signed IAM
 * requests, or bearer JWTs from one OIDC issuer.
 */
export type ApiAuth =
  | { readonly mode: 'iam' }
  | { readonly mode: 'jwt'; readonly issuer: string; readonly audience?: readonly string[] };

/** Errors API Gateway itself answers, before the function runs; its body is `{"message": ...}`. */
export type GatewayError = 'Unauthorized' | 'Forbidden' | 'TooManyRequests';

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
/** A cursor-paged list of `items` (`{ items, next }`), as every list endpoint answers. */
export const pageSchema = (items: string, description: string): Json => ({
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
export const responseRef = (name: string) => ({ $ref: `#/components/responses/${name}` });

export function queryParameter(spec: ParamSpec): Json {
  return {
    name: spec.name,
    in: 'query',
    description: spec.description,
    required: spec.required ?? false,
    schema: spec.schema,
    ...(spec.example !== undefined && { example: spec.example }),
  };
}

export const params = (endpoint: Endpoint) => (ENDPOINT_PARAMS[endpoint] as ParamSpec[]).map(queryParameter);

export function jsonResponse(description: string, schema: Json): Json {
  return { description, content: { 'application/json': { schema } } };
}

export const GATEWAY_STATUS: Record<GatewayError, string> = {
  Unauthorized: '401',
  Forbidden: '403',
  TooManyRequests: '429',
};

export const THROTTLED =
  'API Gateway throttled the request (the stage rate or burst limit); retry with exponential backoff.';

export const GATEWAY_ANSWERS: Record<ApiAuth['mode'], Partial<Record<GatewayError, string>>> = {
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

export const GATEWAY_MESSAGES: Record<GatewayError, string> = {
  Unauthorized: 'Unauthorized',
  Forbidden: 'Forbidden',
  TooManyRequests: 'Too Many Requests',
};

/** The answers API Gateway gives itself in a deployment with this authorisation. */
export function gatewayErrors(auth: ApiAuth): GatewayError[] {
  return Object.keys(GATEWAY_ANSWERS[auth.mode]) as GatewayError[];
}

export function gatewayResponse(auth: ApiAuth, error: GatewayError): Json {
  return {
    description: GATEWAY_ANSWERS[auth.mode][error],
    content: {
      'application/json': { schema: ref('GatewayError'), example: { message: GATEWAY_MESSAGES[error] } },
    },
  };
}

/** Error responses every endpoint may give, plus the ones given. */
export function errors(auth: ApiAuth, ...extra: ('NotFound' | 'NotRepresentable' | 'BadRequest')[]): Json {
  const out: Json = {};
  for (const name of extra) {
    out[name === 'NotFound' ? '404' : name === 'BadRequest' ? '400' : '409'] = responseRef(name);
  }
  for (const error of gatewayErrors(auth)) out[GATEWAY_STATUS[error]] = responseRef(error);
  out['405'] = responseRef('MethodNotAllowed');
  out['500'] = responseRef('InternalError');
  return out;
}

export function problemResponse(description: string, kinds: ProblemKind[]): Json {
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

export const EXAMPLE_DETAILS: Record<ProblemKind, string> = {
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

export function securityScheme(auth: ApiAuth): Json {
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
