/**
 * The stories endpoints over the real store on dynalite, with stories stored by the store module: events
 * reported by several publishers (some as copies of one wire text), walked page by page over HTTP and
 * compared with the events they were written from.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulators, startEmulators } from '../../local/emulators';
import type { ArticleRecord } from '../../shared/model/article';
import { createQueryApp } from '../../shared/query/app';
import { sortTimeOf } from '../../shared/store/facets';
import { DynamoArticleStore } from '../../shared/store/index';
import { postingSk } from '../../shared/store/items';
import type { RelatedArticles, StorySummary, StoryView } from '../../shared/store/reader';
import { DEFAULT_STORY_CONFIG } from '../../shared/stories/config';
import { makeRecord } from '../store/records';

const PUBLISHERS = ['VnExpress', 'Tuổi Trẻ', 'Thanh Niên', 'Dân trí', 'Lao Động'];
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const MIDDLES = ['Văn', 'Thị', 'Đức', 'Minh', 'Quang', 'Thanh'];
const GIVEN = ['Khải', 'Mai', 'Phúc', 'Tâm', 'Hùng', 'Lan', 'Sơn', 'Hà', 'Tùng', 'Yến', 'Bình', 'Châu'];
const THINGS = ['kho hàng', 'cầu tàu', 'nhà máy', 'bến xe', 'trường học', 'chợ đêm'];
const ACTS = ['cháy lớn', 'sập mái', 'khởi công', 'đóng cửa', 'mở rộng', 'kiểm tra'];
const EVENTS = 12;
const DAY = 86_400_000;
const START = Date.parse('2024-03-01T08:00:00+07:00');

interface Written {
  record: ArticleRecord;
  event: number;
  /** The article it copies (the earliest of its wire text), when it is a copy. */
  copyOf?: string;
}

/** Text the test writes itself: each event its own names and words, each article its own sentences. */
function eventArticles(event: number): Written[] {
  const who = `${SURNAMES[event]} ${MIDDLES[event % MIDDLES.length]} ${GIVEN[event]}`;
  const org = `Công ty ${GIVEN[(event + 5) % GIVEN.length]} ${SURNAMES[(event + 3) % SURNAMES.length]}`;
  const what = `${ACTS[event % ACTS.length]} ${THINGS[(event * 5 + 1) % THINGS.length]}`;
  const place = `xã ${GIVEN[(event + 7) % GIVEN.length]} ${MIDDLES[(event + 2) % MIDDLES.length]}`;
  const count = 2 + (event % 4);
  const out: Written[] = [];
  const wire = Array.from(
    { length: 12 },
    (_, s) =>
      `Câu ${s} về vụ ${what} tại ${place}: ông ${who} cho biết ${org} đã báo cáo sự việc lần thứ ${s + event * 13}.`,
  ).join(' ');
  for (let n = 0; n < count; n++) {
    const id = `e${String(event).padStart(2, '0')}a${n}`;
    // Events a day and a half apart, their articles within a few hours; event 5's last article undated.
    const at = new Date(START + event * 1.5 * DAY + n * 3 * 3600_000 + ((event * 7919) % 3600) * 1000);
    const copy = event % 3 === 0 && n === 1;
    const body = copy
      ? `${wire} Phóng viên ${PUBLISHERS[n]}.`
      : n === 0 && event % 3 === 0
        ? `${wire} Theo TTXVN.`
        : `Bài ${id} của ${PUBLISHERS[n % PUBLISHERS.length]}: ${who} và ${org}, vụ ${what} ở ${place}. ${Array.from(
            { length: 10 },
            (_, s) => `Đoạn ${s} bài ${id} kể ${what} lần ${s * 31 + n}.`,
          ).join(' ')}`;
    out.push({
      event,
      ...(copy && { copyOf: `e${String(event).padStart(2, '0')}a0` }),
      record: makeRecord(id, {
        title: `${n % 2 ? `${place}: ` : ''}${what[0]!.toUpperCase()}${what.slice(1)} tại ${place}${n > 1 ? `, ${who} lên tiếng` : ''}`,
        publisher: PUBLISHERS[n % PUBLISHERS.length]!,
        keywords: [what, place],
        entities: {
          person: [{ name: who, mentions: 2 }],
          organization: [{ name: org, mentions: 1 }],
          place: [],
        },
        body,
        publishedAt: event === 5 && n === count - 1 ? null : at.toISOString().replace('Z', '+00:00'),
        processedAt: new Date(at.getTime() + 600_000).toISOString(),
      }),
    });
  }
  return out;
}

const written = Array.from({ length: EVENTS }, (_, e) => eventArticles(e)).flat();
const byId = new Map(written.map((w) => [w.record.id, w]));
const listingKey = (r: ArticleRecord) => postingSk(sortTimeOf(r), r.id);

let emu: Emulators;
let store: DynamoArticleStore;
let app: ReturnType<typeof createQueryApp>;

beforeAll(async () => {
  emu = await startEmulators({ memory: true });
  store = new DynamoArticleStore({ doc: emu.doc, tableName: emu.tableName, stories: DEFAULT_STORY_CONFIG });
  // In publication order, one at a time, as a quiet feed would bring them.
  for (const w of [...written].sort((a, b) => (listingKey(a.record) < listingKey(b.record) ? -1 : 1))) {
    expect(await store.putArticle(w.record, '0000000000000001')).toBe('applied');
  }
  expect(
    await store.putArticle(
      makeRecord('rejected1', {
        status: 'rejected',
        rejection: { code: 'empty_file', message: 'empty file' },
      }),
      '0000000000000001',
    ),
  ).toBe('applied');
  // The counter aggregator folds the stories' heads (sizes, the list by last seen).
  await store.foldCounters();
  app = createQueryApp({ reader: store, cursorSecret: 'stories-cursor-secret-0123456' });
}, 300_000);

afterAll(async () => {
  await emu?.close();
});

async function get<T>(path: string, status = 200): Promise<T> {
  const res = await app.request(path);
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}

/** Every page of /stories with these parameters. */
async function walkStories(query: Record<string, string>, limit: number) {
  const items: StorySummary[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const params = new URLSearchParams({ ...query, limit: String(limit), ...(cursor && { cursor }) });
    const body: { items: StorySummary[]; next: string | null } = await get(`/stories?${params}`);
    expect(body.items.length).toBeLessThanOrEqual(limit);
    items.push(...body.items);
    cursor = body.next;
    pages++;
  } while (cursor && pages < 100);
  expect(cursor).toBeNull();
  return { items, pages };
}

/** Events in the order /stories lists them: by their newest article that `matches`, newest first. */
function expectedEvents(matches: (r: ArticleRecord) => boolean = () => true): number[] {
  const newest = new Map<number, string>();
  for (const w of written) {
    if (!matches(w.record)) continue;
    const k = listingKey(w.record);
    if ((newest.get(w.event) ?? '') < k) newest.set(w.event, k);
  }
  return [...newest].sort((a, b) => (a[1] < b[1] ? 1 : -1)).map(([event]) => event);
}

const eventOf = (story: StorySummary) => {
  const events = new Set<number>();
  for (const w of written) if (w.record.title === story.title) events.add(w.event);
  expect(events.size, `title ${story.title} names one event`).toBe(1);
  return [...events][0]!;
};

describe('GET /stories', () => {
  it('lists each event once, newest first, with its size, publishers, first and last seen and entities', async () => {
    const { items, pages } = await walkStories({}, 5);
    expect(pages).toBe(3);
    expect(items.map(eventOf)).toEqual(expectedEvents());
    for (const story of items) {
      const articles = written.filter((w) => w.event === eventOf(story)).map((w) => w.record);
      expect(story.size).toBe(articles.length);
      expect(story.publishers.sort()).toEqual([...new Set(articles.map((a) => a.publisher!))].sort());
      const times = articles.map((a) => Date.parse(a.publishedAt ?? a.processedAt)).sort((a, b) => a - b);
      expect(story.firstSeen).toBe(new Date(times[0]!).toISOString());
      expect(story.lastSeen).toBe(new Date(times.at(-1)!).toISOString());
      expect(story.entities.slice(0, 2).map((e) => [e.type, e.name, e.count])).toEqual([
        ['organization', articles[0]!.entities.organization[0]!.name, articles.length],
        ['person', articles[0]!.entities.person[0]!.name, articles.length],
      ]);
      expect(story.titleArticle && byId.get(story.titleArticle)?.copyOf).toBeUndefined();
    }
  });

  it('pages the same way with one story a page', async () => {
    const { items } = await walkStories({}, 1);
    expect(items.map(eventOf)).toEqual(expectedEvents());
  });

  it('lists only stories with a matching article, at their newest match', async () => {
    for (const publisher of ['Thanh Niên', 'Lao Động']) {
      const { items } = await walkStories({ publisher }, 2);
      const want = expectedEvents((r) => r.publisher === publisher);
      expect(want.length).toBeGreaterThan(0);
      expect(items.map(eventOf)).toEqual(want);
    }
    const who = written.find((w) => w.event === 4)!.record.entities.person[0]!.name;
    const { items } = await walkStories({ person: who.toLowerCase() }, 3);
    expect(items.map(eventOf)).toEqual([4]);
  });

  it('takes the day range and dated like /articles', async () => {
    const from = '2024-03-05';
    const to = '2024-03-10';
    const inRange = (r: ArticleRecord) => {
      const day = sortTimeOf(r).slice(0, 10);
      return r.publishedAt !== null && day >= from && day <= to;
    };
    const { items } = await walkStories({ from, to }, 2);
    expect(items.map(eventOf)).toEqual(expectedEvents(inRange));
    const undated = await walkStories({ dated: 'false' }, 2);
    expect(undated.items.map(eventOf)).toEqual([5]);
  });

  it('refuses what /articles refuses, a status and a cursor of another listing', async () => {
    const bad = async (query: string, parameter: string) => {
      const res = await app.request(`/stories?${query}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { parameter?: string }).parameter).toBe(parameter);
    };
    await bad('limit=0', 'limit');
    await bad('status=rejected', 'status');
    await bad('from=2024-03-10&to=2024-03-01', 'from');
    const articles: { next: string } = await get('/articles?limit=1');
    await bad(`cursor=${encodeURIComponent(articles.next)}`, 'cursor');
    const stories: { next: string } = await get('/stories?limit=1');
    await bad(`cursor=${encodeURIComponent(stories.next)}&publisher=VnExpress`, 'cursor');
  });
});

describe('GET /stories/{id}', () => {
  it('gives the story with its articles newest first, copies marked', async () => {
    const { items } = await walkStories({}, 20);
    const story = items.find((s) => eventOf(s) === 3)!;
    const view: StoryView = await get(`/stories/${story.id}`);
    expect(view.story).toEqual(story);
    const want = written
      .filter((w) => w.event === 3)
      .map((w) => w.record)
      .sort((a, b) => (listingKey(a) < listingKey(b) ? 1 : -1));
    expect(view.items.map((a) => a.id)).toEqual(want.map((a) => a.id));
    expect(view.items.every((a) => a.story?.id === story.id && !('body' in a))).toBe(true);
    expect(view.items.find((a) => a.id === 'e03a1')?.duplicateOf).toBe('e03a0');
    expect(view.items.find((a) => a.id === 'e03a0')?.duplicateOf).toBeNull();
  });

  it('answers 404 for an unknown story and 400 for a parameter', async () => {
    await get('/stories/0000unknown0000', 404);
    await get(`/stories/${'x'.repeat(300)}`, 404);
    const { items } = await walkStories({}, 20);
    await get(`/stories/${items[0]!.id}?limit=5`, 400);
  });
});

describe('GET /articles/{id}/related', () => {
  it('gives a copy its original and the rest of its story, each marked', async () => {
    const related: RelatedArticles = await get('/articles/e06a1/related');
    expect(related.duplicateOf).toBe('e06a0');
    expect(related.story?.size).toBe(written.filter((w) => w.event === 6).length);
    expect(related.items.map((i) => [i.relation, i.article.id])).toEqual([
      ['duplicate-of', 'e06a0'],
      ...written
        .filter((w) => w.event === 6 && w.record.id !== 'e06a1' && w.record.id !== 'e06a0')
        .map((w) => w.record)
        .sort((a, b) => (listingKey(a) < listingKey(b) ? 1 : -1))
        .map((a) => ['story', a.id]),
    ]);
  });

  it('gives an original the articles that copy it', async () => {
    const related: RelatedArticles = await get('/articles/e09a0/related');
    expect(related.duplicateOf).toBeNull();
    expect(
      related.items.filter((i) => i.relation !== 'story').map((i) => [i.relation, i.article.id]),
    ).toEqual([['duplicate', 'e09a1']]);
  });

  it('answers 404 for an unknown article, and an article of no story with nothing', async () => {
    await get('/articles/nosucharticle/related', 404);
    const rejected: RelatedArticles = await get('/articles/rejected1/related');
    expect(rejected).toEqual({ id: 'rejected1', story: null, duplicateOf: null, items: [] });
  });
});

describe('after deletes', () => {
  it('drops a deleted article from its story, and the story with its last article', async () => {
    const { items } = await walkStories({}, 20);
    const story = items.find((s) => eventOf(s) === 0)!;
    const ids = written.filter((w) => w.event === 0).map((w) => w.record.id);
    await store.deleteArticle(ids[0]!, '0000000000000002');
    const view: StoryView = await get(`/stories/${story.id}`);
    expect(view.items.map((a) => a.id).sort()).toEqual(ids.slice(1).sort());
    expect(view.story.size).toBe(ids.length - 1);
    for (const id of ids.slice(1)) await store.deleteArticle(id, '0000000000000002');
    await get(`/stories/${story.id}`, 404);
    await store.foldCounters();
    const after = await walkStories({}, 20);
    expect(after.items.map(eventOf)).toEqual(expectedEvents().filter((e) => e !== 0));
  });
});
