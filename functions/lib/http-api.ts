/**
 * API Gateway HTTP API (payload format 2.0) → a fetch-style app (the Hono query app) → the Lambda result.
 *
 * Hono's bundled `hono/aws-lambda` adapter is deprecated (removed in Hono 5) and its successor,
 * `@hono/aws-lambda`, is not on the npm registry yet. The query API needs only this one event shape and
 * JSON bodies, so the translation lives here, small and tested; swapping in the successor later is a
 * one-line change in functions/query.ts.
 *
 * What it does differently from the deprecated adapter: a request the Fetch API cannot represent (a GET or
 * HEAD with a body, as API Gateway's own v2 samples carry; a URL that does not parse) is
 * answered with an RFC 9457 problem, like every other error of the API, not with `text/plain`.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { PROBLEM_CONTENT_TYPE, problem } from '../../shared/query/problem';

/** Anything with a WHATWG `fetch` entry point (a Hono app). */
export interface FetchApp {
  fetch(request: Request): Response | Promise<Response>;
}

export type HttpApiHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

const METHODS_WITHOUT_BODY = new Set(['GET', 'HEAD']);

/** Thrown while reading an event the Fetch API cannot represent; its message is safe to show the caller. */
class InvalidRequestError extends Error {}

function requestBody(event: APIGatewayProxyEventV2, method: string): Uint8Array | undefined {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  if (METHODS_WITHOUT_BODY.has(method)) {
    throw new InvalidRequestError(
      `A ${method} request carries no body; send the query as URL parameters (see /openapi.json).`,
    );
  }
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64') : new TextEncoder().encode(event.body);
}

function requestHeaders(event: APIGatewayProxyEventV2): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value === undefined) continue;
    // API Gateway hands over header values as UTF-8 text; a Fetch header holds bytes 0-255 only, so
    // anything beyond is percent-encoded (as Hono's adapters do) rather than failing the request.
    headers.set(name, /[\u0100-\u{10ffff}]/u.test(value) ? encodeURIComponent(value) : value);
  }
  if (event.cookies?.length) headers.set('cookie', event.cookies.join('; '));
  return headers;
}

/** The Fetch API request an HTTP API event describes. */
export function toRequest(event: APIGatewayProxyEventV2): Request {
  const method = event.requestContext.http.method.toUpperCase();
  const host = event.requestContext.domainName || event.headers?.host || 'localhost';
  const query = event.rawQueryString ? `?${event.rawQueryString}` : '';
  let url: URL;
  try {
    url = new URL(`https://${host}${event.rawPath}${query}`);
  } catch {
    throw new InvalidRequestError('The request URL cannot be read.');
  }
  const body = requestBody(event, method);
  return new Request(url, { method, headers: requestHeaders(event), ...(body && { body }) });
}

/** The HTTP API result for a Fetch API response (bodies are text: the API only answers JSON). */
export async function toResult(
  response: Response,
  method: string,
): Promise<APIGatewayProxyStructuredResultV2> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  const body = method.toUpperCase() === 'HEAD' ? '' : await response.text();
  return {
    statusCode: response.status,
    headers,
    body,
    isBase64Encoded: false,
    ...(cookies.length > 0 && { cookies }),
  };
}

function invalidRequest(detail: string): Response {
  return new Response(JSON.stringify(problem('invalid-request', detail)), {
    status: 400,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, 'cache-control': 'no-store' },
  });
}

/** A Lambda handler serving `app` to API Gateway HTTP API (payload 2.0) events. */
export function httpApiHandler(app: FetchApp): HttpApiHandler {
  return async (event) => {
    const method = event.requestContext.http.method;
    let request: Request;
    try {
      request = toRequest(event);
    } catch (error) {
      if (!(error instanceof InvalidRequestError)) throw error;
      return toResult(invalidRequest(error.message), method);
    }
    return toResult(await app.fetch(request), method);
  };
}
