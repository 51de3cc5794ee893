import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createQueryApp, type QueryLogger } from '../../shared/query/app';
import { CursorSealer } from '../../shared/query/cursor';
import type { ArticleFilter } from '../../shared/store/reader';
import { expected, generateCorpus } from './corpus';
import { FakeReader } from './fake-reader';

const SECRET = 'test-cursor-secret-0123456789';
const corpus = generateCorpus(300, 30, 11);

function setup(options: { corsOrigins?: string[] } = {}) {
  const reader = new FakeReader(corpus);
  const errors: unknown[][] = [];
  const logger: QueryLogger = { error: (...args) => void errors.push(args) };
  const app = createQueryApp({ reader, cursorSecret: SECRET, logger, ...options });
  return { app, reader, errors };
}

async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

async function expectProblem(res: Response, status: number, kind: string, parameter?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = await json(res);
  expect(body).toMatchObject({ type: `https://newsdrop.dev/problems/${kind}`, status });
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  expect(String(body.detail).length).toBeGreaterThan(10);
  if (parameter !== undefined) expect(body.parameter).toBe(parameter);
  expect(Object.keys(body).sort()).toEqual(
    ['detail', 'status', 'title', 'type', ...(body.parameter !== undefined ? ['parameter'] : [])].sort(),
  );
  return body as { type: string; title: string; status: number; detail: string; parameter?: string };
}

function lastFilter(reader: FakeReader): { filter: ArticleFilter; page: { limit: number } } {
  const call = reader.calls.filter((c) => c.method === 'listArticles').at(-1)!;
  return { filter: call.args[0] as ArticleFilter, page: call.args[1] as { limit: number } };
}

describe('GET /articles parameters', () => {
  it('lists stored articles, 20 per page, when no parameter is given', async () => {
    const { app, reader } = setup();
    const res = await app.request('/articles');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await json(res);
    expect((body.items as unknown[]).length).toBe(20);
    expect(typeof body.next).toBe('string');
    expect(lastFilter(reader)).toEqual({ filter: { status: 'stored' }, page: { limit: 20 } });
  });

  it.each([
    ['person=Phạm Bình Minh', { person: 'Phạm Bình Minh' }],
    ['organization=Bộ Y tế', { organization: 'Bộ Y tế' }],
    ['place=Hà Nội', { place: 'Hà Nội' }],
    ['province=01', { province: '01' }],
    ['topic=medtop:11000000', { topic: 'medtop:11000000' }],
    ['topic=11000000', { topic: 'medtop:11000000' }],
    ['topic=http://cv.iptc.org/newscodes/mediatopic/11000000', { topic: 'medtop:11000000' }],
    ['category=Thời sự', { category: 'Thời sự' }],
    ['keyword=giá vàng', { keyword: 'giá vàng' }],
    ['publisher=VnExpress', { publisher: 'VnExpress' }],
    ['from=2024-01-01', { from: '2024-01-01' }],
    ['to=2024-01-31', { to: '2024-01-31' }],
    ['q=pham binh minh', { q: 'pham binh minh' }],
    ['status=rejected', { status: 'rejected' }],
    ['person=  Bùi Thanh Sơn  ', { person: 'Bùi Thanh Sơn' }],
  ])('passes %s to the store as a filter', async (query, filter) => {
    const { app, reader } = setup();
    const [name, value] = [query.slice(0, query.indexOf('=')), query.slice(query.indexOf('=') + 1)];
    const res2 = await app.request(`/articles?${new URLSearchParams({ [name]: value })}`);
    expect(res2.status).toBe(200);
    expect(lastFilter(reader).filter).toEqual({ status: 'stored', ...filter });
  });

  it('combines filters with AND and answers exactly the matching articles', async () => {
    const { app } = setup();
    const filter: ArticleFilter = { status: 'stored', person: 'Phạm Bình Minh', publisher: 'VnExpress' };
    const res = await app.request(
      `/articles?${new URLSearchParams({ person: 'Phạm Bình Minh', publisher: 'VnExpress', limit: '100' })}`,
    );
    const body = await json(res);
    const want = expected(corpus, filter).map((a) => a.id);
    expect(want.length).toBeGreaterThan(0);
    expect((body.items as { id: string }[]).map((a) => a.id)).toEqual(want.slice(0, 100));
    for (const item of body.items as Record<string, unknown>[]) expect(item).not.toHaveProperty('body');
  });

  it.each(['1', '100', '37'])('accepts limit=%s', async (limit) => {
    const { app, reader } = setup();
    expect((await app.request(`/articles?limit=${limit}`)).status).toBe(200);
    expect(lastFilter(reader).page.limit).toBe(Number(limit));
  });

  it.each(['0', '101', '-1', 'abc', '1.5', '', '1e2', '999999999999'])(
    'refuses limit=%s with a 400 naming limit',
    async (limit) => {
      const { app, reader } = setup();
      const problem = await expectProblem(
        await app.request(`/articles?limit=${limit}`),
        400,
        'invalid-parameter',
        'limit',
      );
      expect(problem.detail).toMatch(/limit must be a whole number from 1 to 100/);
      expect(reader.calls).toEqual([]);
    },
  );

  it('refuses an unknown parameter and lists the accepted ones', async () => {
    const { app, reader } = setup();
    const problem = await expectProblem(
      await app.request('/articles?persn=Minh'),
      400,
      'unknown-parameter',
      'persn',
    );
    expect(problem.detail).toContain('"persn"');
    expect(problem.detail).toContain('person, organization, place, province');
    expect(reader.calls).toEqual([]);
  });

  it('refuses a parameter given twice', async () => {
    const { app } = setup();
    await expectProblem(await app.request('/articles?person=A&person=B'), 400, 'invalid-parameter', 'person');
  });

  it.each([
    ['from=2024-13-01', 'from'],
    ['from=2024-02-30', 'from'],
    ['to=20240101', 'to'],
    ['to=yesterday', 'to'],
    ['from=2024-01-01T00:00:00Z', 'from'],
    ['from=2024-03-02&to=2024-03-01', 'from'],
  ])('refuses a bad date: %s', async (query, parameter) => {
    const { app } = setup();
    const problem = await expectProblem(
      await app.request(`/articles?${query}`),
      400,
      'invalid-parameter',
      parameter,
    );
    expect(problem.detail).toMatch(/YYYY-MM-DD|after/);
  });

  it.each([
    ['person=', 'person'],
    ['person=%20%20', 'person'],
    ['q=%21%21%21', 'q'],
    [`q=${'a'.repeat(201)}`, 'q'],
    ['status=deleted', 'status'],
    ['topic=politics', 'topic'],
    ['topic=medtop:1100', 'topic'],
    ['cursor=', 'cursor'],
  ])('refuses an invalid value: %s', async (query, parameter) => {
    const { app } = setup();
    await expectProblem(await app.request(`/articles?${query}`), 400, 'invalid-parameter', parameter);
  });
});

describe('GET /articles query strings', () => {
  it('reads + as a space and percent-encoded UTF-8, as browsers and curl send them', async () => {
    const { app, reader } = setup();
    await app.request('/articles?q=pham+binh+minh');
    expect(lastFilter(reader).filter.q).toBe('pham binh minh');
    await app.request('/articles?person=Ph%E1%BA%A1m%20B%C3%ACnh%20Minh');
    expect(lastFilter(reader).filter.person).toBe('Phạm Bình Minh');
  });

  it('answers any query string with 200 or a 400 problem, never a server error', async () => {
    const { app, errors } = setup();
    const names = fc.constantFrom('person', 'q', 'from', 'to', 'limit', 'cursor', 'topic', 'status', 'x', '');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(names, fc.string({ maxLength: 30, unit: 'grapheme' })), { maxLength: 4 }),
        async (pairs) => {
          const query = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
          const res = await app.request(`/articles?${query}`);
          expect([200, 400]).toContain(res.status);
          if (res.status === 400) expect(res.headers.get('content-type')).toBe('application/problem+json');
        },
      ),
      { numRuns: 200 },
    );
    expect(errors).toEqual([]);
  });
});

describe('cursors', () => {
  async function walk(app: ReturnType<typeof setup>['app'], query: Record<string, string>) {
    const ids: string[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const params = new URLSearchParams({ ...query, ...(next && { cursor: next }) });
      const res = await app.request(`/articles?${params}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { items: { id: string }[]; next: string | null };
      ids.push(...body.items.map((i) => i.id));
      next = body.next;
      pages++;
    } while (next && pages < 100);
    return { ids, pages };
  }

  it('walks every matching article exactly once, in order, then ends with next = null', async () => {
    const { app } = setup();
    const { ids, pages } = await walk(app, { limit: '7', publisher: 'Tuổi Trẻ' });
    const want = expected(corpus, { status: 'stored', publisher: 'Tuổi Trẻ' }).map((a) => a.id);
    expect(ids).toEqual(want);
    expect(pages).toBe(Math.ceil(want.length / 7));
  });

  it('keeps working when the page size changes between pages', async () => {
    const { app } = setup();
    const first = (await json(await app.request('/articles?limit=5'))) as { next: string };
    const res = await app.request(`/articles?limit=50&cursor=${encodeURIComponent(first.next)}`);
    expect(res.status).toBe(200);
  });

  it('refuses a cursor with any character changed', async () => {
    const { app, reader } = setup();
    const { next } = (await json(await app.request('/articles?limit=5'))) as { next: string };
    reader.calls.length = 0;
    for (const at of [0, Math.floor(next.length / 2), next.indexOf('.') + 1, next.length - 1]) {
      const c = next[at] === 'A' ? 'B' : 'A';
      const forged = `${next.slice(0, at)}${c}${next.slice(at + 1)}`;
      const res = await app.request(`/articles?limit=5&cursor=${encodeURIComponent(forged)}`);
      const problem = await expectProblem(res, 400, 'invalid-cursor', 'cursor');
      expect(problem.detail).toMatch(/malformed or was modified/);
    }
    expect(reader.calls).toEqual([]);
  });

  it('refuses a cursor whose payload was rewritten, even when well-formed', async () => {
    const { app } = setup();
    const { next } = (await json(await app.request('/articles?limit=5'))) as { next: string };
    const [body, mac] = next.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    payload.c = { o: 0 };
    const rewritten = `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${mac}`;
    await expectProblem(
      await app.request(`/articles?limit=5&cursor=${encodeURIComponent(rewritten)}`),
      400,
      'invalid-cursor',
    );
  });

  it('refuses a cursor issued for another filter', async () => {
    const { app } = setup();
    const { next } = (await json(await app.request('/articles?limit=5&publisher=VnExpress'))) as {
      next: string;
    };
    const problem = await expectProblem(
      await app.request(`/articles?limit=5&publisher=Dân trí&cursor=${encodeURIComponent(next)}`),
      400,
      'invalid-cursor',
      'cursor',
    );
    expect(problem.detail).toMatch(/different query/);
    await expectProblem(
      await app.request(`/articles?limit=5&cursor=${encodeURIComponent(next)}`),
      400,
      'invalid-cursor',
    );
  });

  it('refuses a cursor sealed with another secret', async () => {
    const { app } = setup();
    const foreign = new CursorSealer('another-secret-0123456789').seal({ o: 5 }, 'articles', {
      status: 'stored',
    });
    await expectProblem(await app.request(`/articles?cursor=${foreign}`), 400, 'invalid-cursor');
  });

  it.each(['abc', 'a.b.c', '.', `${'x'.repeat(3000)}.y`, '%00'])(
    'refuses the garbage cursor %s',
    async (c) => {
      const { app } = setup();
      await expectProblem(
        await app.request(`/articles?cursor=${encodeURIComponent(c)}`),
        400,
        'invalid-cursor',
      );
    },
  );

  it('turns a cursor the store refuses into a 400, not a 500', async () => {
    const { app, reader, errors } = setup();
    const { next } = (await json(await app.request('/articles?limit=5'))) as { next: string };
    reader.failWith = Object.assign(new Error('cursor does not belong to this filter'), {
      name: 'InvalidCursorError',
    });
    await expectProblem(
      await app.request(`/articles?limit=5&cursor=${encodeURIComponent(next)}`),
      400,
      'invalid-cursor',
    );
    reader.failWith = Object.assign(new Error('empty person filter'), { name: 'InvalidFilterError' });
    await expectProblem(await app.request('/articles?person=x'), 400, 'invalid-parameter');
    expect(errors).toEqual([]);
  });
});

describe('GET /articles/{id}', () => {
  const stored = corpus.find((a) => a.status === 'stored')!;
  const rejected = corpus.find((a) => a.status === 'rejected')!;

  it('returns the full record, body included', async () => {
    const { app } = setup();
    const res = await app.request(`/articles/${stored.id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(stored);
  });

  it('returns a rejected record with its reason', async () => {
    const { app } = setup();
    const body = await json(await app.request(`/articles/${rejected.id}`));
    expect(body.rejection).toEqual(rejected.rejection);
  });

  it('answers 404 with a problem for an unknown id', async () => {
    const { app } = setup();
    const problem = await expectProblem(await app.request('/articles/nope'), 404, 'not-found');
    expect(problem.detail).toContain('"nope"');
    await expectProblem(await app.request(`/articles/${'x'.repeat(300)}`), 404, 'not-found');
  });

  it('returns ninjs with format=ninjs', async () => {
    const { app } = setup();
    const body = await json(await app.request(`/articles/${stored.id}?format=ninjs`));
    expect(body.uri).toBe(`urn:newsdrop:article:${stored.id}`);
    expect(body.headlines).toEqual([{ role: 'main', value: stored.title }]);
  });

  it('refuses ninjs for a rejected file with 409, and an unknown format with 400', async () => {
    const { app } = setup();
    await expectProblem(await app.request(`/articles/${rejected.id}?format=ninjs`), 409, 'not-representable');
    await expectProblem(
      await app.request(`/articles/${stored.id}?format=xml`),
      400,
      'invalid-parameter',
      'format',
    );
    await expectProblem(
      await app.request(`/articles/${stored.id}?fields=title`),
      400,
      'unknown-parameter',
      'fields',
    );
  });
});

describe('GET /entities, /topics, /rejections', () => {
  it('lists the most frequent entities of a type, with a prefix that ignores diacritics', async () => {
    const { app, reader } = setup();
    const body = (await json(await app.request('/entities?type=person&prefix=ph&limit=5'))) as {
      type: string;
      items: { name: string; count: number }[];
    };
    expect(body.type).toBe('person');
    expect(body.items.map((i) => i.name).sort()).toEqual(['Phan Văn Mãi', 'Phạm Bình Minh']);
    expect(reader.calls.at(-1)).toEqual({
      method: 'topEntities',
      args: ['person', { limit: 5, prefix: 'ph' }],
    });
  });

  it('requires a known entity type', async () => {
    const { app } = setup();
    const missing = await expectProblem(await app.request('/entities'), 400, 'invalid-parameter', 'type');
    expect(missing.detail).toMatch(/type is required/);
    await expectProblem(await app.request('/entities?type=city'), 400, 'invalid-parameter', 'type');
    await expectProblem(
      await app.request('/entities?type=place&limit=500'),
      400,
      'invalid-parameter',
      'limit',
    );
  });

  it('lists topics with their IPTC URIs', async () => {
    const { app } = setup();
    const body = (await json(await app.request('/topics?limit=3'))) as { items: Record<string, unknown>[] };
    expect(body.items).toHaveLength(3);
    for (const t of body.items) {
      expect(t.uri).toBe(`http://cv.iptc.org/newscodes/mediatopic/${String(t.code).slice(7)}`);
      expect(t.count).toBeGreaterThan(0);
    }
  });

  it('lists rejected files newest first, paged like articles', async () => {
    const { app, reader } = setup();
    const body = (await json(await app.request('/rejections?limit=10&from=2025-02-10'))) as {
      items: { id: string; rejection: unknown }[];
    };
    expect(lastFilter(reader).filter).toEqual({ status: 'rejected', from: '2025-02-10' });
    expect(body.items.map((i) => i.id)).toEqual(
      expected(corpus, { status: 'rejected', from: '2025-02-10' })
        .slice(0, 10)
        .map((a) => a.id),
    );
    for (const item of body.items) expect(item.rejection).toBeDefined();
    await expectProblem(await app.request('/rejections?q=x'), 400, 'unknown-parameter', 'q');
  });
});

describe('GET /stories, /stories/{id}, /articles/{id}/related', () => {
  it('passes the article filters without a status, and refuses a status', async () => {
    const { app, reader } = setup();
    expect((await app.request('/stories?publisher=Dân trí&from=2025-01-01&limit=7')).status).toBe(200);
    expect(reader.calls.at(-1)).toEqual({
      method: 'listStories',
      args: [{ publisher: 'Dân trí', from: '2025-01-01' }, { limit: 7 }],
    });
    await expectProblem(await app.request('/stories?status=stored'), 400, 'unknown-parameter', 'status');
    await expectProblem(await app.request('/stories?q=%21%21'), 400, 'invalid-parameter', 'q');
  });

  it('refuses a cursor of /articles on /stories', async () => {
    const { app } = setup();
    const { next } = (await json(await app.request('/articles?limit=5'))) as { next: string };
    await expectProblem(
      await app.request(`/stories?cursor=${encodeURIComponent(next)}`),
      400,
      'invalid-cursor',
      'cursor',
    );
  });

  it('answers 404 problems for an unknown story or article, and refuses parameters', async () => {
    const { app } = setup();
    await expectProblem(await app.request('/stories/nope'), 404, 'not-found');
    await expectProblem(await app.request('/articles/nope/related'), 404, 'not-found');
    await expectProblem(
      await app.request(`/articles/${corpus[0]!.id}/related?limit=3`),
      400,
      'unknown-parameter',
      'limit',
    );
    await expectProblem(await app.request('/stories/nope', { method: 'POST' }), 405, 'method-not-allowed');
  });
});

describe('routing and errors', () => {
  it('answers /health and its HEAD', async () => {
    const { app } = setup();
    expect(await json(await app.request('/health'))).toEqual({ status: 'ok' });
    const head = await app.request('/health', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    await expectProblem(await app.request('/health?verbose=1'), 400, 'unknown-parameter');
  });

  it('answers an unknown route with a 404 problem', async () => {
    const { app } = setup();
    await expectProblem(await app.request('/article'), 404, 'not-found');
    await expectProblem(await app.request('/articles/a/b'), 404, 'not-found');
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('answers %s with 405 and an Allow header', async (method) => {
    const { app, reader } = setup();
    const res = await app.request('/articles', { method, body: method === 'DELETE' ? null : '{}' });
    await expectProblem(res, 405, 'method-not-allowed');
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(reader.calls).toEqual([]);
  });

  it('answers an unexpected failure with a generic 500 and logs the error', async () => {
    const { app, reader, errors } = setup();
    const failure = new Error(
      'ResourceNotFoundException: Requested resource not found: Table: prod-articles-X1',
    );
    reader.failWith = failure;
    const res = await app.request('/articles?person=Minh');
    const text = await res.clone().text();
    const problem = await expectProblem(res, 500, 'internal-error');
    expect(problem.detail).toBe('The server could not answer this request. Try again later.');
    expect(text).not.toMatch(/prod-articles|ResourceNotFound|at .*\.ts|Error/);
    expect(errors).toEqual([['GET /articles failed', failure]]);
  });
});

describe('CORS', () => {
  it('sends no CORS headers unless origins are configured', async () => {
    const { app } = setup();
    const res = await app.request('/health', { headers: { Origin: 'https://app.example.com' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows exactly the configured origins, on answers and on errors', async () => {
    const { app } = setup({ corsOrigins: ['https://app.example.com'] });
    const ok = await app.request('/health', { headers: { Origin: 'https://app.example.com' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    const err = await app.request('/articles?limit=0', { headers: { Origin: 'https://app.example.com' } });
    expect(err.status).toBe(400);
    expect(err.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    const other = await app.request('/health', { headers: { Origin: 'https://evil.example.com' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await app.request('/articles', {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
  });
});

describe('createQueryApp', () => {
  it('refuses a cursor secret shorter than 16 bytes', () => {
    expect(() => createQueryApp({ reader: new FakeReader([]), cursorSecret: 'short' })).toThrow(/16 bytes/);
  });

  it('logs to console.error when no logger is given', async () => {
    const reader = new FakeReader([]);
    reader.failWith = new Error('boom');
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const app = createQueryApp({ reader, cursorSecret: SECRET });
    expect((await app.request('/topics')).status).toBe(500);
    expect(spy).toHaveBeenCalledWith('GET /topics failed', reader.failWith);
    spy.mockRestore();
  });
});
