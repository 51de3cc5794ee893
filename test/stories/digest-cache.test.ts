/**
 * The first look of a writer reads the window digest from the days its store holds: taken as they are
 * for a minute after they were brought up to date, then brought up to date from the arrival items,
 * and read whole again only when held longer than HELD_ITEMS_MS. So the window's days are read once per
 * store, and an article the held days do not know of yet is still found (by the fold's review, which
 * brings them up to date first).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { DynamoArticleStore } from '../../shared/store/index';
import { dayQueries, windowDays } from '../../shared/store/story-digest';
import { DIGEST_CACHE_MS, HELD_ITEMS_MS } from '../../shared/store/story-reads';
import { DEFAULT_STORY_CONFIG } from '../../shared/stories/config';
import { FakeDynamo } from '../store/fake-dynamo';
import { makeRecord } from '../store/records';
import { storiesOnFake } from './fake-story-store';
import { warehouseFireReport } from './warehouse-fire';

/** One event, each report in its own words. */
const report = (key: string, detail: string) => warehouseFireReport(key, detail, '2024-05-01T08:00:00+07:00');

/**
 * A client that counts the Queries of digest days (pk `W#…`) and of arrival items (`R#…`), the story
 * links (of other articles than the one `writing`) BatchGetItem reads, and lists the story heads each
 * BatchGetItem reads (`heads`).
 */
function countingDigestReads(doc: DynamoDBDocumentClient) {
  const counter = {
    days: 0,
    arrivals: 0,
    story: 0,
    writing: '',
    heads: [] as string[][],
  };
  const client = {
    send: (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      if (command.constructor.name === 'QueryCommand') {
        const pk = (command.input.ExpressionAttributeValues as Record<string, unknown>)[':p'];
        if (typeof pk === 'string' && pk.startsWith('W#')) counter.days++;
        if (typeof pk === 'string' && pk.startsWith('R#')) counter.arrivals++;
      }
      if (command.constructor.name === 'BatchGetCommand') {
        const items = command.input.RequestItems as Record<string, { Keys: { pk: string; sk: string }[] }>;
        for (const { Keys } of Object.values(items)) {
          // Story links are in the article items: those of other articles than the one being written.
          const links = Keys.filter((k) => k.pk.startsWith('A#') && k.pk !== `A#${counter.writing}`);
          counter.story += links.length;
          const heads = Keys.filter((k) => k.pk.startsWith('S#')).map((k) => k.pk);
          if (heads.length > 0) counter.heads.push(heads);
        }
      }
      return doc.send(command as never);
    },
  } as unknown as DynamoDBDocumentClient;
  return { client, counter };
}

/** A store on the in-memory table, its clock stepping 250 ms a request, counting the digest reads. */
function countingStore(seed: number) {
  const { client, counter } = countingDigestReads(new FakeDynamo(seed).asDocumentClient());
  let clock = Date.UTC(2024, 4, 1);
  const store = new DynamoArticleStore({
    doc: client,
    tableName: 'articles',
    stories: DEFAULT_STORY_CONFIG,
    now: () => (clock += 250),
  });
  return { store, counter, advance: (ms: number) => (clock += ms) };
}

describe('the window digest cache', () => {
  it('reads the window whole once, then only arrival items, until its days are held too long', async () => {
    const { store, counter, advance } = countingStore(3);
    await store.putArticle(report('a', 'Lửa bùng lên lúc nửa đêm.'), '1');
    // The window's 7 days, once (one Query per partition they fall in); no arrival items at the writer.
    const whole = dayQueries(windowDays(Date.UTC(2024, 4, 1, 1), 72 * 3600_000)).length;
    expect(counter.days).toBe(whole);
    expect(counter.arrivals).toBe(0);
    counter.days = 0;
    await store.putArticle(report('b', 'Người dân được sơ tán tạm thời.'), '2');
    expect(counter.days).toBe(0);
    expect(counter.arrivals).toBe(0);
    // Held a minute: brought up to date from the arrival items (a Query of its own), not read whole.
    advance(DIGEST_CACHE_MS);
    await store.putArticle(report('c', 'Thiệt hại ước tính nhiều tỷ đồng.'), '3');
    expect(counter.days).toBe(0);
    expect(counter.arrivals).toBeGreaterThan(0);
    advance(HELD_ITEMS_MS);
    await store.putArticle(report('d', 'Nguyên nhân vụ cháy đang được điều tra.'), '4');
    expect(counter.days).toBe(whole);
    await store.foldCounters();
    const fields = await store.stories!.fieldsOf(['a', 'b', 'c', 'd']);
    expect(new Set([...fields.values()].map((f) => f.story?.id)).size).toBe(1);
  });

  it('reads no story links or heads for a new article that no stored article shares a look-up key with', async () => {
    const { store, counter } = countingStore(9);
    const other = makeRecord('x', {
      title: 'Đội tuyển bóng chuyền nữ giành huy chương bạc',
      keywords: ['bóng chuyền'],
      entities: { person: [{ name: 'Phạm Thị Lan', mentions: 2 }], organization: [], place: [] },
      body: 'Phạm Thị Lan cùng đồng đội trở về sau giải đấu khu vực với tấm huy chương bạc.',
      publishedAt: '2024-05-01T09:00:00+07:00',
    });
    await store.putArticle(other, '1');
    counter.story = 0;
    counter.heads = [];
    counter.writing = 'a';
    await store.putArticle(report('a', 'Lửa bùng lên lúc nửa đêm.'), '2');
    expect(counter.story).toBe(0);
    // The rest is the fold's review.
    expect(counter.heads).toEqual([]);
    expect((await store.getArticle('a'))?.story?.id).toBeDefined();
  });

  it('joins an article that another container stored after its held items were brought up to date', async () => {
    const { one, two } = twoContainers(5);
    // One holds the digest before b: its first look for c cannot see b.
    await one.putArticle(report('a', 'Lửa bùng lên lúc nửa đêm.'), '1');
    await one.deleteArticle('a', '2');
    await two.putArticle(report('b', 'Người dân được sơ tán tạm thời.'), '3');
    await one.putArticle(report('c', 'Thiệt hại ước tính nhiều tỷ đồng.'), '4');
    await one.foldCounters();
    const fields = await one.stories!.fieldsOf(['b', 'c']);
    expect(fields.get('c')?.story?.id).toBe(fields.get('b')?.story?.id);
    expect(fields.get('c')?.story?.size).toBe(2);
  });

  it('finds, by the arrival items, an article another container stored long after its items were read', async () => {
    const { one, two, clock } = twoContainers(6);
    await one.putArticle(report('a', 'Lửa bùng lên lúc nửa đêm.'), '1');
    await one.deleteArticle('a', '2');
    // b is stored well outside the race margin of c: only bringing one's held items up to date finds it.
    clock.ms += 10 * 60_000;
    await two.putArticle(report('b', 'Người dân được sơ tán tạm thời.'), '3');
    clock.ms += 10 * 60_000;
    await one.putArticle(report('c', 'Thiệt hại ước tính nhiều tỷ đồng.'), '4');
    const fields = await one.stories!.fieldsOf(['b', 'c']);
    expect(fields.get('c')?.story?.id).toBe(fields.get('b')?.story?.id);
  });
});

/** Two containers' stores on one in-memory table, on one clock that every request moves on. */
function twoContainers(seed: number) {
  const { storeOn, clock } = storiesOnFake(seed);
  return { one: storeOn(), two: storeOn(), clock };
}
