/**
 * The counter fold's review of the writers' first looks (stories.ts `review`): two articles of one new
 * event whose writers missed each other's digest entries end in one story, in the two orders the racing
 * argument names. Each writer is a store of its own (a container), the aggregator another; the
 * in-memory table runs one request at a time, so each step below happens in the order written.
 */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import type { DynamoArticleStore } from '../../shared/store/index';
import { StoryIndex } from '../../shared/store/stories';
import { makeRecord } from '../store/records';
import { storiesOnFake } from './fake-story-store';
import { warehouseFireReport } from './warehouse-fire';

const report = (key: string, detail: string) => warehouseFireReport(key, detail, '2024-05-01T08:00:00+07:00');
/** An article of another event, to have a writer's or the aggregator's store hold the window's days. */
const other = (key: string) =>
  makeRecord(key, {
    title: 'Đội tuyển bóng chuyền nữ giành huy chương bạc',
    keywords: ['bóng chuyền'],
    entities: { person: [{ name: 'Phạm Thị Lan', mentions: 2 }], organization: [], place: [] },
    body: `Phạm Thị Lan cùng đồng đội ${key} trở về sau giải đấu khu vực với tấm huy chương bạc.`,
    publishedAt: '2024-05-01T09:00:00+07:00',
  });

/** A client whose BatchWriteItem carrying a digest item (pk `W#…`) waits until `release` (a slow writer). */
function holdingEntries(doc: DynamoDBDocumentClient) {
  let release!: () => void;
  const released = new Promise<void>((go) => {
    release = go;
  });
  let heldOne!: () => void;
  const held = new Promise<void>((go) => {
    heldOne = go;
  });
  const client = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      if (command.constructor.name === 'BatchWriteCommand') {
        const writes = Object.values(command.input.RequestItems as Record<string, unknown[]>).flat() as {
          PutRequest?: { Item: { pk: string } };
        }[];
        if (writes.some((w) => w.PutRequest?.Item.pk.startsWith('W#'))) {
          heldOne();
          await released;
        }
      }
      return doc.send(command as never);
    },
  } as unknown as DynamoDBDocumentClient;
  return { client, held, release };
}

/**
 * A client whose digest and arrival item puts (pk `W#…`, `R#…`) wait until `release`, while the rest of
 * their BatchWriteItem goes at once: a writer whose entry lands after its delta item.
 */
function entriesBehindDeltas(doc: DynamoDBDocumentClient) {
  let release!: () => void;
  const released = new Promise<void>((go) => {
    release = go;
  });
  const client = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      if (command.constructor.name !== 'BatchWriteCommand') return doc.send(command as never);
      const requestItems = command.input.RequestItems as Record<
        string,
        { PutRequest?: { Item: { pk: string } } }[]
      >;
      const [table, writes] = Object.entries(requestItems)[0]!;
      const isEntry = (w: { PutRequest?: { Item: { pk: string } } }) =>
        /^[WR]#/.test(w.PutRequest?.Item.pk ?? '');
      const rest = writes.filter((w) => !isEntry(w));
      const entries = writes.filter(isEntry);
      const batch = (items: typeof writes) =>
        doc.send(new BatchWriteCommand({ RequestItems: { [table]: items } }) as never);
      if (rest.length > 0) await batch(rest);
      if (entries.length > 0) {
        await released;
        await batch(entries);
      }
      return { UnprocessedItems: {} };
    },
  } as unknown as DynamoDBDocumentClient;
  return { client, release };
}

/**
 * Articles a and b of one new event stored by two writers' stores while every store (the aggregator's
 * too, by reviewing another article) holds the window's days from before them: their first looks are
 * blind to each other. Resolves to the aggregator's store.
 */
async function racedFounders(storeOn: () => DynamoArticleStore): Promise<DynamoArticleStore> {
  const [writerA, writerB, aggregator] = [storeOn(), storeOn(), storeOn()];
  await writerA.putArticle(other('x'), '1');
  await writerB.putArticle(other('y'), '2');
  await aggregator.foldCounters();
  await writerA.putArticle(report('a', 'Lửa bùng lên lúc nửa đêm.'), '3');
  await writerB.putArticle(report('b', 'Người dân được sơ tán tạm thời.'), '4');
  return aggregator;
}

async function storyIds(store: DynamoArticleStore, ids: string[]): Promise<(string | undefined)[]> {
  const fields = await store.stories!.fieldsOf(ids);
  return ids.map((id) => fields.get(id)?.story?.id);
}

describe('the fold reviews first looks', () => {
  it('joins a founder whose entry was written after the other founder was reviewed', async () => {
    const { fake, storeOn } = storiesOnFake(11);
    const slow = holdingEntries(fake.asDocumentClient());
    const [writerA, writerB, aggregator] = [storeOn(slow.client), storeOn(), storeOn()];
    // A's writer stalls while its digest entry is written (and its delta item, when they share a call).
    const a = writerA.putArticle(report('a', 'Lửa bùng lên lúc nửa đêm.'), '1');
    await slow.held;
    await aggregator.foldCounters();
    // B misses A (no entry yet) and founds a story; its review misses A too.
    await writerB.putArticle(report('b', 'Người dân được sơ tán tạm thời.'), '2');
    await aggregator.foldCounters();
    slow.release();
    await a;
    // A's review (its entry seen after B's review read the digest) finds B and merges.
    await aggregator.foldCounters();
    const [sa, sb] = await storyIds(aggregator, ['a', 'b']);
    expect(sa).toBeDefined();
    expect(sa).toBe(sb);
  });

  it('finds racing founders in the digest written after the aggregator last read it', async () => {
    const { storeOn } = storiesOnFake(12);
    const aggregator = await racedFounders(storeOn);
    const [fa, fb] = await storyIds(aggregator, ['a', 'b']);
    expect(fa).not.toBe(fb);
    // The reviews read the digest as it is after the fold read the deltas: each finds the other.
    const fold = await aggregator.foldCounters();
    expect(fold.reviews).toBe(2);
    const [sa, sb] = await storyIds(aggregator, ['a', 'b']);
    expect(sa).toBe(sb);
  });

  it('keeps the merge its reviews made when another aggregator finishes the fold from its record', async () => {
    const { fake, storeOn } = storiesOnFake(12);
    const aggregator = await racedFounders(storeOn);
    const founded = await storyIds(aggregator, ['a', 'b']);
    // The aggregator that opens the fold puts the two new heads, reviews (the founders' stories merge),
    // and ends before deleting the fold's deltas: its process ends there.
    let died = false;
    const inner = fake.asDocumentClient();
    const dying = {
      send: (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
        if (!died && command.constructor.name === 'BatchWriteCommand') {
          const writes = Object.values(command.input.RequestItems as Record<string, unknown[]>).flat() as {
            DeleteRequest?: { Key: { pk: string } };
          }[];
          died = writes.some((w) => w.DeleteRequest?.Key.pk.startsWith('CD#'));
        }
        return died ? Promise.reject(new Error('aggregator died')) : inner.send(command as never);
      },
    } as unknown as DynamoDBDocumentClient;
    await expect(storeOn(dying).foldCounters()).rejects.toThrow('aggregator died');
    const [kept, gone] = (founded as string[]).sort();
    expect(fake.items.get(`S#${gone}\u0000#`)?.mv).toBe(kept);
    // The next aggregator writes the fold's heads again from its record: the merged-away head keeps its
    // pointer (a put of it as new would drop it).
    await storeOn().foldCounters({ leaseMs: 0 });
    expect(await storyIds(aggregator, ['a', 'b'])).toEqual([kept, kept]);
    expect(fake.items.get(`S#${gone}\u0000#`)?.mv).toBe(kept);
    expect(fake.items.get(`S#${kept}\u0000#`)?.sz).toBe(2);
  });

  it('looks each version up once a fold: its review takes the look its read-ahead took', async () => {
    const { storeOn } = storiesOnFake(14);
    const [writerA, writerB, aggregator] = [storeOn(), storeOn(), storeOn()];
    await writerA.putArticle(report('a', 'Lửa bùng lên lúc nửa đêm.'), '1');
    await writerB.putArticle(report('b', 'Người dân được sơ tán tạm thời.'), '2');
    const looks = vi.spyOn(StoryIndex.prototype as unknown as { look: () => unknown }, 'look');
    try {
      expect(await aggregator.foldCounters()).toMatchObject({ reviews: 2 });
      expect(looks).toHaveBeenCalledTimes(2);
    } finally {
      looks.mockRestore();
    }
    const [sa, sb] = await storyIds(aggregator, ['a', 'b']);
    expect(sa).toBe(sb);
  });

  it('looks up no version that was replaced or deleted since its mark: only the live versions are reviewed', async () => {
    const { storeOn } = storiesOnFake(15);
    const [writer, aggregator] = [storeOn(), storeOn()];
    await writer.putArticle(report('a', 'Lửa bùng lên lúc nửa đêm.'), '1');
    await writer.putArticle(report('a', 'Lửa bùng lên lúc nửa đêm, rồi được dập tắt.'), '2');
    await writer.putArticle(report('b', 'Người dân được sơ tán tạm thời.'), '3');
    await writer.putArticle(report('c', 'Cảnh sát phong tỏa hiện trường.'), '4');
    await writer.deleteArticle('c', '5');
    const looks = vi.spyOn(StoryIndex.prototype as unknown as { look: () => unknown }, 'look');
    try {
      await aggregator.foldCounters();
      // a's second version and b: a's first version was replaced, c was deleted.
      expect(looks).toHaveBeenCalledTimes(2);
    } finally {
      looks.mockRestore();
    }
  });

  it('reads every reviewed version’s story ahead, also beyond the digest days its read-ahead looks in', async () => {
    const { fake, storeOn } = storiesOnFake(15);
    // Events a month apart: their windows share no digest day; the read-ahead looks in the first two's
    // (READ_AHEAD_DAYS).
    const ids = ['m0', 'm1', 'm2', 'm3'];
    for (const [n, date] of ['2024-05-01', '2024-06-01', '2024-07-01', '2024-08-01'].entries())
      await storeOn().putArticle(
        warehouseFireReport(ids[n]!, `Tin ngày ${date}.`, `${date}T08:00:00+07:00`),
        `${n + 1}`,
      );
    const stories = await storyIds(storeOn(), ids);
    // The aggregator's digest reads wait: what the reviews read before their looks is what was read ahead.
    let release!: () => void;
    const released = new Promise<void>((go) => {
      release = go;
    });
    const inner = fake.asDocumentClient();
    const read = new Set<string>();
    const client = {
      send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
        const input = command.input as {
          RequestItems?: Record<string, { Keys: { pk: string }[]; ProjectionExpression?: string }>;
          ExpressionAttributeValues?: Record<string, unknown>;
        };
        if (
          command.constructor.name === 'QueryCommand' &&
          String(input.ExpressionAttributeValues?.[':p']).startsWith('W#')
        )
          await released;
        // The pass's reads (their projection has the terms; the fold's own head reads do not).
        if (command.constructor.name === 'BatchGetCommand')
          for (const r of Object.values(input.RequestItems!))
            if (r.ProjectionExpression?.includes('trm'))
              for (const k of r.Keys) if (k.pk.startsWith('S#')) read.add(k.pk.slice(2));
        return inner.send(command as never);
      },
    } as unknown as DynamoDBDocumentClient;
    const fold = storeOn(client).foldCounters();
    for (let turn = 0; turn < 100 && read.size < 2; turn++) await new Promise((r) => setImmediate(r));
    // The two marks beyond the read-ahead's days: their stories, read before their looks.
    expect([...read].sort()).toEqual(stories.slice(2).sort());
    release();
    expect(await fold).toMatchObject({ reviews: 4 });
  });

  it('reads the digest days of reviewed versions whose windows meet in one Query', async () => {
    const { fake, storeOn } = storiesOnFake(16);
    // Events two to three days apart: each window meets the next, and the four span 15 days.
    const ids = ['d0', 'd1', 'd2', 'd3'];
    for (const [n, date] of ['2024-05-01', '2024-05-03', '2024-05-06', '2024-05-09'].entries())
      await storeOn().putArticle(
        warehouseFireReport(ids[n]!, `Tin ngày ${date}.`, `${date}T08:00:00+07:00`),
        `${n + 1}`,
      );
    const inner = fake.asDocumentClient();
    let dayQueries = 0;
    const client = {
      send: (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
        const values = (command.input as { ExpressionAttributeValues?: Record<string, unknown> })
          .ExpressionAttributeValues;
        if (command.constructor.name === 'QueryCommand' && String(values?.[':p']).startsWith('W#'))
          dayQueries++;
        return inner.send(command as never);
      },
    } as unknown as DynamoDBDocumentClient;
    expect(await storeOn(client).foldCounters()).toMatchObject({ reviews: 4 });
    expect(dayQueries).toBe(1);
  });

  it('leaves the reviews it has no time for in delta items of their own, for the next fold', async () => {
    const { storeOn } = storiesOnFake(13);
    const [writerA, writerB, aggregator] = [storeOn(), storeOn(), storeOn()];
    await writerA.putArticle(report('a', 'Lửa bùng lên lúc nửa đêm.'), '1');
    await writerB.putArticle(report('b', 'Người dân được sơ tán tạm thời.'), '2');
    const late = await aggregator.foldCounters({ deadline: 0 });
    expect(late).toMatchObject({ reviews: 0, carried: 2 });
    const next = await aggregator.foldCounters();
    expect(next).toMatchObject({ reviews: 2, carried: 0 });
    const [sa, sb] = await storyIds(aggregator, ['a', 'b']);
    expect(sa).toBe(sb);
  });
  it('reviews a version only once its entry is seen, when the entry lands after the delta', async () => {
    const { fake, storeOn } = storiesOnFake(14);
    const slow = entriesBehindDeltas(fake.asDocumentClient());
    const [writerA, writerB, aggregator] = [storeOn(slow.client), storeOn(), storeOn()];
    const a = writerA.putArticle(report('a', 'Lửa bùng lên lúc nửa đêm.'), '1');
    await vi.waitFor(() =>
      expect(fake.items.has('a#a\u0000#') || [...fake.items.keys()].some((k) => k.startsWith('CD#'))).toBe(
        true,
      ),
    );
    // A's delta is in, its entry not: its review waits (carried), it is not dropped.
    const first = await aggregator.foldCounters();
    expect(first).toMatchObject({ reviews: 0, carried: 1 });
    // B misses A (no entry yet), founds a story, and is reviewed; A waits on.
    await writerB.putArticle(report('b', 'Người dân được sơ tán tạm thời.'), '2');
    expect(await aggregator.foldCounters()).toMatchObject({ reviews: 1, carried: 1 });
    slow.release();
    await a;
    // A's review, its entry seen now, finds B and merges.
    expect(await aggregator.foldCounters()).toMatchObject({ reviews: 1, carried: 0 });
    const [sa, sb] = await storyIds(aggregator, ['a', 'b']);
    expect(sa).toBeDefined();
    expect(sa).toBe(sb);
  });
});
