/**
 * The query API as a Hono application: the same app answers in Lambda (functions/query.ts) and in the
 * local stack's Node server. It validates and translates requests; what a filter means is the store's
 * business (ArticleReader). No AWS imports here.
 */
import { type Context, Hono } from 'hono';
import { cors } from 'hono/cors';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ArticleReader, ArticleSummary, Page, StoryReader, StorySummary } from '../store/reader';
import { CursorSealer } from './cursor';
import { mediaTopicUri, toNinjs } from './ninjs';
import { type ApiAuth, openApiDocument } from './openapi';
import {
  type ArticleListQuery,
  articleListQuery,
  articleQuery,
  entityQuery,
  noParams,
  rejectionListQuery,
  storyListQuery,
  topicQuery,
} from './params';
import { PROBLEM_CONTENT_TYPE, type Problem, ProblemError, problem } from './problem';

/** The subset of a logger the app needs; Powertools' Logger and `console` both fit. */
export interface QueryLogger {
  error(message: string, error: Error): void;
}

export interface QueryAppDeps {
  reader: ArticleReader & StoryReader;
  /** Key for sealing pagination cursors (at least 16 bytes); cursors sealed with another key are refused. */
  cursorSecret: string | Uint8Array;
  /** Browser origins allowed by CORS; none (the default) sends no CORS headers. */
  corsOrigins?: string[];
  /** What API Gateway enforces in front of the app, declared in /openapi.json. @default { mode: 'iam' } */
  auth?: ApiAuth;
  /** Where unexpected errors are logged; the client only gets a generic 500. */
  logger?: QueryLogger;
}

/** Paths this app serves (Hono syntax); anything else is a 404 problem. */
export const QUERY_ROUTES = [
  '/articles',
  '/articles/:id',
  '/articles/:id/related',
  '/stories',
  '/stories/:id',
  '/entities',
  '/topics',
  '/rejections',
  '/health',
  '/openapi.json',
] as const;

/** Longest id looked up; longer ones cannot exist (ids are short hashes) and are answered 404 at once. */
const MAX_ID_LENGTH = 256;
/** Both list endpoints page the same listing; a cursor is bound to this scope plus the filter. */
const LIST_SCOPE = 'articles';
const STORY_SCOPE = 'stories';

export interface ArticleListResponse {
  items: ArticleSummary[];
  /** Cursor for the next page; null on the last one. */
  next: string | null;
}

function problemResponse(c: Context, p: Problem, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(p), p.status as ContentfulStatusCode, {
    'Content-Type': PROBLEM_CONTENT_TYPE,
    'Cache-Control': 'no-store',
    ...headers,
  });
}

/** Errors the store throws for input it refuses; matched by name so this module needs no store import. */
const STORE_INPUT_ERRORS: Record<string, ProblemError['kind']> = {
  InvalidCursorError: 'invalid-cursor',
  InvalidFilterError: 'invalid-parameter',
};

export function createQueryApp(deps: QueryAppDeps): Hono {
  const { reader } = deps;
  const sealer = new CursorSealer(deps.cursorSecret);
  const logger: QueryLogger = deps.logger ?? { error: (message, error) => console.error(message, error) };
  const corsOrigins = deps.corsOrigins?.filter(Boolean) ?? [];
  const allow = corsOrigins.length > 0 ? 'GET, HEAD, OPTIONS' : 'GET, HEAD';

  const app = new Hono({ strict: false });

  if (corsOrigins.length > 0) {
    app.use(
      '*',
      cors({
        origin: corsOrigins,
        allowMethods: ['GET', 'HEAD', 'OPTIONS'],
        allowHeaders: ['Authorization', 'Content-Type'],
        maxAge: 3600,
      }),
    );
  }

  async function listPage(q: ArticleListQuery): Promise<ArticleListResponse> {
    const cursor = q.cursor !== undefined ? sealer.open(q.cursor, LIST_SCOPE, q.filter) : undefined;
    const page: Page<ArticleSummary> = await reader.listArticles(q.filter, {
      limit: q.limit,
      ...(cursor && { cursor }),
    });
    return {
      items: page.items,
      next: page.next ? sealer.seal(page.next, LIST_SCOPE, q.filter) : null,
    };
  }

  app.get('/articles', async (c) => c.json(await listPage(articleListQuery(c.req.queries()))));

  app.get('/rejections', async (c) => c.json(await listPage(rejectionListQuery(c.req.queries()))));

  app.get('/articles/:id', async (c) => {
    const { format } = articleQuery(c.req.queries());
    const id = c.req.param('id');
    const record = id.length <= MAX_ID_LENGTH ? await reader.getArticle(id) : null;
    if (!record) throw new ProblemError('not-found', `No article with id ${JSON.stringify(id)}.`);
    if (format === 'json') return c.json(record);
    if (record.status !== 'stored') {
      throw new ProblemError(
        'not-representable',
        `Article ${JSON.stringify(id)} is a rejected file (${record.rejection?.code ?? 'rejected'}); only stored articles have a ninjs form.`,
      );
    }
    return c.json(toNinjs(record));
  });

  app.get('/articles/:id/related', async (c) => {
    noParams('/articles/{id}/related', c.req.queries());
    const id = c.req.param('id');
    const related = id.length <= MAX_ID_LENGTH ? await reader.relatedArticles(id) : null;
    if (!related) throw new ProblemError('not-found', `No article with id ${JSON.stringify(id)}.`);
    return c.json(related);
  });

  app.get('/stories', async (c) => {
    const q = storyListQuery(c.req.queries());
    const cursor = q.cursor !== undefined ? sealer.open(q.cursor, STORY_SCOPE, q.filter) : undefined;
    const page: Page<StorySummary> = await reader.listStories(q.filter, {
      limit: q.limit,
      ...(cursor && { cursor }),
    });
    return c.json({
      items: page.items,
      next: page.next ? sealer.seal(page.next, STORY_SCOPE, q.filter) : null,
    });
  });

  app.get('/stories/:id', async (c) => {
    noParams('/stories/{id}', c.req.queries());
    const id = c.req.param('id');
    const view = id.length <= MAX_ID_LENGTH ? await reader.getStory(id) : null;
    if (!view) throw new ProblemError('not-found', `No story with id ${JSON.stringify(id)}.`);
    return c.json(view);
  });

  app.get('/entities', async (c) => {
    const { type, prefix, limit } = entityQuery(c.req.queries());
    const items = await reader.topEntities(type, { limit, ...(prefix !== undefined && { prefix }) });
    return c.json({ type, items });
  });

  app.get('/topics', async (c) => {
    const { limit } = topicQuery(c.req.queries());
    const items = await reader.topTopics({ limit });
    return c.json({
      items: items.map((t) => ({ code: t.code, label: t.label, uri: mediaTopicUri(t.code), count: t.count })),
    });
  });

  app.get('/health', (c) => {
    // Validated like every endpoint, so a typo'd probe is noticed rather than silently ignored.
    if (Object.keys(c.req.queries()).length > 0) {
      throw new ProblemError('unknown-parameter', '/health accepts no parameters.');
    }
    return c.json({ status: 'ok' }, 200, { 'Cache-Control': 'no-store' });
  });

  app.get('/openapi.json', (c) => {
    if (Object.keys(c.req.queries()).length > 0) {
      throw new ProblemError('unknown-parameter', '/openapi.json accepts no parameters.');
    }
    return c.json(openApiDocument(deps.auth), 200, { 'Cache-Control': 'public, max-age=300' });
  });

  for (const path of QUERY_ROUTES) {
    app.all(path, (c) =>
      problemResponse(
        c,
        problem('method-not-allowed', `${c.req.method} is not allowed on ${c.req.path}; use GET.`),
        { Allow: allow },
      ),
    );
  }

  app.notFound((c) =>
    problemResponse(
      c,
      problem(
        'not-found',
        `No such endpoint: ${c.req.path}. See /openapi.json for the endpoints of this API.`,
      ),
    ),
  );

  app.onError((err, c) => {
    if (err instanceof ProblemError) return problemResponse(c, err.toProblem());
    const storeKind = STORE_INPUT_ERRORS[err.name];
    if (storeKind) {
      return problemResponse(
        c,
        problem(
          storeKind,
          storeKind === 'invalid-cursor'
            ? 'The cursor does not belong to this query. Start again without a cursor.'
            : err.message,
          storeKind === 'invalid-cursor' ? 'cursor' : undefined,
        ),
      );
    }
    logger.error(`${c.req.method} ${c.req.path} failed`, err);
    return problemResponse(
      c,
      problem('internal-error', 'The server could not answer this request. Try again later.'),
    );
  });

  return app;
}
