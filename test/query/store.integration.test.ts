/**
 * The query API over the real store on dynalite: the two seed articles plus a generated corpus, every
 * filter and some combinations walked page by page over HTTP and compared with the reference meaning.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulators, startEmulators } from '../../local/emulators';
import type { ArticleRecord } from '../../shared/model/article';
import { processArticle } from '../../shared/process';
import { createQueryApp } from '../../shared/query/app';
import { DynamoArticleStore } from '../../shared/store/index';
import type { ArticleFilter } from '../../shared/store/reader';
import { nameKey, searchKey } from '../../shared/text/vietnamese';
import { readSeed, SEED_FILES } from '../helpers';
import { expected, generateCorpus } from './corpus';

const STORED = 2000;
const REJECTED = 60;

let emu: Emulators;
let app: ReturnType<typeof createQueryApp>;
let corpus: ArticleRecord[];
let seeds: ArticleRecord[];

beforeAll(async () => {
  emu = await startEmulators({ memory: true });
  const store = new DynamoArticleStore({ doc: emu.doc, tableName: emu.tableName });
  seeds = SEED_FILES.map((name) => processArticle({ key: `incoming/${name}` }, readSeed(name)));
  corpus = [...generateCorpus(STORED, REJECTED, 2024), ...seeds];
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < corpus.length) {
        const record = corpus[next++]!;
        expect(await store.putArticle(record, '0000000000000001')).toBe('applied');
      }
    }),
  );
  // Counts follow once the aggregator has folded the writers' counter deltas.
  await store.foldCounters();
  app = createQueryApp({ reader: store, cursorSecret: 'integration-cursor-secret-0123' });
}, 300_000);

afterAll(async () => {
  await emu?.close();
});

interface ListBody {
  items: ArticleRecord[];
  next: string | null;
}

/** Every page of a listing, following `next` until null. */
async function walk(path: string, query: Record<string, string>, limit = 100) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const params = new URLSearchParams({ ...query, limit: String(limit), ...(cursor && { cursor }) });
    const res = await app.request(`${path}?${params}`);
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as ListBody;
    expect(body.items.length).toBeLessThanOrEqual(limit);
    if (body.next) expect(body.items.length).toBe(limit);
    ids.push(...body.items.map((i) => i.id));
    cursor = body.next;
    pages++;
  } while (cursor && pages < 200);
  return { ids, pages };
}

function want(filter: Omit<ArticleFilter, 'status'> & { status?: ArticleFilter['status'] }): string[] {
  return expected(corpus, { status: 'stored', ...filter }).map((a) => a.id);
}

async function expectListing(query: Record<string, string>, limit = 100) {
  const { ids } = await walk('/articles', query, limit);
  const reference = want(query as Omit<ArticleFilter, 'status'>);
  expect(new Set(ids).size, 'no article twice').toBe(ids.length);
  expect(ids).toEqual(reference);
  return ids;
}

describe('query API on the DynamoDB store', () => {
  it('loaded the corpus', async () => {
    const body = (await (await app.request('/articles?limit=1')).json()) as ListBody;
    expect(body.items).toHaveLength(1);
    expect(body.next).not.toBeNull();
  });

  it('pages through all stored articles exactly once, newest first', async () => {
    const { ids, pages } = await walk('/articles', {}, 100);
    expect(ids).toEqual(want({}));
    expect(ids.length).toBe(STORED + seeds.length);
    expect(pages).toBe(Math.ceil(ids.length / 100));
  });

  it('pages a filter exactly once with a small page size', async () => {
    const ids = await expectListing({ person: 'Bùi Thanh Sơn', publisher: 'Dân trí' }, 3);
    expect(ids.length).toBeGreaterThan(6);
  });

  it.each([
    ['person', 'Phạm Bình Minh'],
    ['person', 'nguyễn thị hoà'], // other case and tone placement of Nguyễn Thị Hòa
    ['organization', 'Bộ Ngoại giao'],
    ['place', 'Hội An'],
    ['province', '48'],
    ['province', 'Thành phố Hồ Chí Minh'],
    ['province', 'tinh lao cai'],
    ['province', 'Hà Nội'], // the name alone, without Thành phố
    ['province', 'da nang'],
    ['topic', 'medtop:04000000'],
    ['category', 'Thời sự'],
    ['category', 'Bóng đá'],
    ['keyword', 'giá vàng'],
    ['publisher', 'Thanh Niên'],
    ['from', '2024-12-01'],
    ['to', '2023-01-20'],
  ])('filters by %s=%s', async (name, value) => {
    const ids = await expectListing({ [name]: value });
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThan(STORED);
  });

  it('counts a day in Vietnamese time, whatever offset the publication time was written in', async () => {
    // 2024-03-01T17:30:00Z is 2024-03-02 00:30 in Vietnam: it belongs to the 2nd, not the 1st.
    const utcLate = corpus.find(
      (a) =>
        a.publishedAt?.endsWith('Z') && Number(a.publishedAt.slice(11, 13)) >= 17 && a.status === 'stored',
    )!;
    const utcDay = utcLate.publishedAt!.slice(0, 10);
    const fromUtcDay = await expectListing({ from: utcDay, to: utcDay });
    expect(fromUtcDay).not.toContain(utcLate.id);
    const next = new Date(Date.parse(`${utcDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(await expectListing({ from: next, to: next })).toContain(utcLate.id);
  });

  it.each<Record<string, string>>([
    { person: 'Phạm Bình Minh', topic: 'medtop:11000000' },
    { place: 'Hà Nội', from: '2024-01-01', to: '2024-06-30' },
    { publisher: 'VnExpress', category: 'Thời sự', keyword: 'biển Đông' },
    { province: '01', organization: 'Quốc hội', to: '2024-06-30' },
    { q: 'hoi nghi', publisher: 'Tuổi Trẻ' },
    { person: 'Võ Văn Thưởng', organization: 'Bộ Y tế', place: 'Đà Nẵng', topic: 'medtop:07000000' },
  ])('combines filters with AND: %o', async (query) => {
    await expectListing(query);
  });

  it('finds the same articles for pham binh minh, Phạm Bình Minh and PHAM BINH MINH', async () => {
    const plain = await expectListing({ q: 'pham binh minh' });
    expect(plain.length).toBeGreaterThan(10);
    expect((await walk('/articles', { q: 'Phạm Bình Minh' })).ids).toEqual(plain);
    expect((await walk('/articles', { q: 'PHAM BINH MINH' })).ids).toEqual(plain);
    expect((await walk('/articles', { q: '  phạm   BÌNH minh ' })).ids).toEqual(plain);
  });

  it('matches đ with d', async () => {
    const withD = await expectListing({ q: 'dang thi ngoc thinh' });
    expect(withD.length).toBeGreaterThan(0);
    expect((await walk('/articles', { q: 'Đặng Thị Ngọc Thịnh' })).ids).toEqual(withD);
    expect((await walk('/articles', { q: 'duong day' })).ids).toEqual(
      (await walk('/articles', { q: 'Đường dây' })).ids,
    );
  });

  it('searches titles, ledes and keywords, not only entity names', async () => {
    const ids = await expectListing({ q: 'tom tat' });
    expect(ids.length).toBeGreaterThan(0);
    expect(await expectListing({ q: 'gia vang' })).toEqual(await expectListing({ q: 'giá vàng' }));
  });

  it('answers an empty page, not an error, when nothing matches', async () => {
    const body = (await (await app.request('/articles?person=Không%20Ai')).json()) as ListBody;
    expect(body).toEqual({ items: [], next: null });
  });

  it('returns each seed article in full and as valid-looking ninjs', async () => {
    for (const seed of seeds) {
      const record = await (await app.request(`/articles/${seed.id}`)).json();
      expect(record).toEqual(seed);
      const ninjs = (await (await app.request(`/articles/${seed.id}?format=ninjs`)).json()) as {
        uri: string;
        bodies: { value: string }[];
      };
      expect(ninjs.uri).toBe(`urn:newsdrop:article:${seed.id}`);
      expect(ninjs.bodies[0]!.value).toBe(seed.body);
    }
  });

  it('finds a seed article by a word of its title, without diacritics', async () => {
    const seed = seeds[0]!;
    const word = searchKey(seed.title ?? '')
      .split(' ')
      .sort((a, b) => b.length - a.length)[0]!;
    const ids = await expectListing({ q: word });
    expect(ids).toContain(seed.id);
  });

  it('answers 404 for an unknown id', async () => {
    expect((await app.request('/articles/0000000000000000dead')).status).toBe(404);
  });

  it('lists rejected files newest first with their reasons', async () => {
    const { ids } = await walk('/rejections', {}, 25);
    expect(ids).toEqual(expected(corpus, { status: 'rejected' }).map((a) => a.id));
    expect(ids.length).toBe(REJECTED);
    const page = (await (await app.request('/rejections?limit=5')).json()) as ListBody;
    for (const item of page.items) expect(item.rejection?.code).toBeTruthy();
    expect((await walk('/articles', { status: 'rejected' }, 25)).ids).toEqual(ids);
  });

  it('counts the most frequent people, with a prefix that ignores diacritics', async () => {
    const counts = new Map<string, number>();
    for (const a of corpus) {
      if (a.status !== 'stored') continue;
      for (const name of new Set(a.entities.person.map((p) => nameKey(p.name)))) {
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
    }
    const body = (await (await app.request('/entities?type=person&limit=100')).json()) as {
      items: { name: string; count: number }[];
    };
    expect(body.items.length).toBe(counts.size);
    for (const item of body.items) expect(item.count).toBe(counts.get(nameKey(item.name)));
    const counted = body.items.map((i) => i.count);
    expect(counted).toEqual([...counted].sort((a, b) => b - a));
    const dang = (await (await app.request('/entities?type=person&prefix=dang')).json()) as {
      items: { name: string }[];
    };
    expect(dang.items.map((i) => i.name)).toEqual(['Đặng Thị Ngọc Thịnh']);
  });

  it('counts places with their provinces, and topics with their labels', async () => {
    const places = (await (await app.request('/entities?type=place&prefix=hoi&limit=5')).json()) as {
      items: { name: string; province?: { code: string } }[];
    };
    expect(places.items).toEqual([
      expect.objectContaining({ name: 'Hội An', province: { code: '48', name: 'Thành phố Đà Nẵng' } }),
    ]);
    const topics = (await (await app.request('/topics?limit=100')).json()) as {
      items: { code: string; label: string; count: number }[];
    };
    const politics = topics.items.find((t) => t.code === 'medtop:11000000')!;
    expect(politics.label).toBe('politics');
    expect(politics.count).toBe(
      corpus.filter((a) => a.status === 'stored' && a.topics.some((t) => t.code === 'medtop:11000000'))
        .length,
    );
  });
});
