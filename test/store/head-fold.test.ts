/**
 * Story heads folded with the counters (shared/store/head-fold.ts): a writer's story moves reach the
 * heads only through a fold, each exactly once wherever a folder dies, and a story whose articles all
 * left is gone after the fold.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sumMoves } from '../../shared/store/head-fold';
import { DynamoArticleStore } from '../../shared/store/index';
import { DEFAULT_STORY_CONFIG } from '../../shared/stories/config';
import { warehouseFireReport } from '../stories/warehouse-fire';
import { FakeDynamo } from './fake-dynamo';

const report = (key: string) =>
  warehouseFireReport(key, `Bài ${key} kể chi tiết riêng ${key.repeat(3)}.`, '2024-05-01T08:00:00+07:00');

function storyStore(doc: DynamoDBDocumentClient) {
  let clock = Date.UTC(2024, 4, 1);
  return new DynamoArticleStore({
    doc,
    tableName: 't',
    stories: DEFAULT_STORY_CONFIG,
    now: () => (clock += 250),
  });
}

/** A client that fails from its `crashAt`-th request on, as if its process ended. */
function dyingClient(inner: DynamoDBDocumentClient, crashAt: number) {
  let sent = 0;
  return {
    send: (command: never) =>
      ++sent >= crashAt ? Promise.reject(new Error('folder died')) : inner.send(command),
  } as unknown as DynamoDBDocumentClient;
}

/** Story heads by story id (not merged away), and the pending delta items. */
function heads(fake: FakeDynamo) {
  const items = [...fake.items.values()];
  return {
    sizes: Object.fromEntries(
      items
        .filter((it) => String(it.pk).startsWith('S#') && it.sk === '#' && it.mv === undefined)
        .map((it) => [String(it.pk).slice(2), it.sz]),
    ),
    pending: items.filter((it) => String(it.pk).startsWith('CD#')).length,
  };
}

describe('story heads folded by the counter aggregator', () => {
  it('sums moves per story: in, out, and an article that came and went within one fold', () => {
    const moves = sumMoves([
      { art: 'a', sup: 's1', etm: 5 },
      { art: 'b', sup: 's1', etm: 9 },
      { art: 'a', sup: 's2', sdn: 's1', etm: 7 },
      { art: 'c', sup: 's2', etm: 3 },
      { art: 'c', sdn: 's2' },
    ]);
    expect(moves.get('s1')).toEqual({
      sum: 1,
      ls: 9,
      add: new Map([
        ['a', 0],
        ['b', 1],
      ]),
    });
    expect(moves.get('s2')).toEqual({
      sum: 1,
      ls: 7,
      add: new Map([
        ['a', 1],
        ['c', 0],
      ]),
    });
  });

  it('changes no head until a fold, then gives each story its size and drops an emptied one', async () => {
    const fake = new FakeDynamo(4);
    const store = storyStore(fake.asDocumentClient());
    for (const key of ['a', 'b', 'c']) await store.putArticle(report(key), '1');
    expect(heads(fake).sizes).toEqual({});
    await store.foldCounters();
    const sid = (await store.getArticle('a'))!.story!.id;
    expect(heads(fake)).toEqual({ sizes: { [sid]: 3 }, pending: 0 });
    expect((await store.getArticle('c'))!.story).toEqual({ id: sid, size: 3 });
    for (const key of ['a', 'b', 'c']) await store.deleteArticle(key, '2');
    await store.foldCounters();
    expect(heads(fake)).toEqual({ sizes: {}, pending: 0 });
  });

  it('puts a new story head whole in the fold that opened, as an update would make it', async () => {
    const fake = new FakeDynamo(5);
    const store = storyStore(fake.asDocumentClient());
    for (const key of ['a', 'b']) await store.putArticle(report(key), '1');
    const updates: string[] = [];
    const inner = fake.asDocumentClient();
    const counting = {
      send: (command: { constructor: { name: string }; input: { Key?: { pk?: string } } }) => {
        if (command.constructor.name === 'UpdateCommand') updates.push(String(command.input.Key?.pk));
        return inner.send(command as never);
      },
    } as unknown as DynamoDBDocumentClient;
    await storyStore(counting).foldCounters();
    const sid = (await store.getArticle('a'))!.story!.id;
    expect(updates.filter((pk) => pk.startsWith('S#'))).toEqual([]);
    const { pk, sk, ...head } = fake.items.get(`S#${sid}\u0000#`)!;
    expect(head).toEqual({ sz: 2, ls: expect.any(Number), lsp: expect.any(String), mb: new Set(['a', 'b']) });
    // A head the fold found is updated as before.
    await store.putArticle(report('c'), '1');
    await storyStore(counting).foldCounters();
    expect(updates.filter((pk) => pk === `S#${sid}`)).toHaveLength(1);
    expect(fake.items.get(`S#${sid}\u0000#`)).toMatchObject({ sz: 3, mb: new Set(['a', 'b', 'c']) });
  });

  it('rebuilds a story head that lost a move when a writer died between its article item and its delta (recount)', async () => {
    const fake = new FakeDynamo(3);
    const store = storyStore(fake.asDocumentClient());
    for (const key of ['a', 'b']) await store.putArticle(report(key), '1');
    // A writer whose process ends right after its article item is written: no delta, no member item.
    let swapped = false;
    const inner = fake.asDocumentClient();
    const dying = {
      send: (command: { constructor: { name: string }; input: { Item?: { pk?: string; sk?: string } } }) => {
        if (swapped) return Promise.reject(new Error('writer died'));
        const item = command.input.Item;
        if (command.constructor.name === 'PutCommand' && item?.pk === 'A#c' && item.sk === '#') {
          return inner.send(command as never).then((out) => {
            swapped = true;
            return out;
          });
        }
        return inner.send(command as never);
      },
    } as unknown as DynamoDBDocumentClient;
    await expect(storyStore(dying).putArticle(report('c'), '1')).rejects.toThrow('writer died');
    // The event is delivered again: the article item is replaced with the same story, so no move.
    await store.putArticle(report('c'), '1');
    await store.foldCounters();
    const sid = (await store.getArticle('a'))!.story!.id;
    expect((await store.getArticle('c'))!.story!.id).toBe(sid);
    expect(heads(fake).sizes).toEqual({ [sid]: 2 });
    expect(await store.recountCounters()).toBeGreaterThan(0);
    expect(heads(fake).sizes).toEqual({ [sid]: 3 });
    const head = fake.items.get(`S#${sid}\u0000#`)!;
    expect(head.mb).toEqual(new Set(['a', 'b', 'c']));
    expect((await store.getStory(sid))!.items.map((x) => x.id).sort()).toEqual(['a', 'b', 'c']);
    // Nothing left to correct: a second recount changes nothing.
    expect(await store.recountCounters()).toBe(0);
  });

  it('counts every story move exactly once wherever a folder dies and another takes over', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 30 }), async (crashAt) => {
        const fake = new FakeDynamo(crashAt);
        const store = storyStore(fake.asDocumentClient());
        for (const key of ['a', 'b', 'c', 'd']) await store.putArticle(report(key), '1');
        await store.deleteArticle('b', '2');
        await storyStore(dyingClient(fake.asDocumentClient(), crashAt))
          .foldCounters()
          .catch(() => undefined);
        await store.putArticle(report('e'), '1');
        await store.foldCounters({ leaseMs: 0 });
        const sid = (await store.getArticle('a'))!.story!.id;
        expect(heads(fake)).toEqual({ sizes: { [sid]: 4 }, pending: 0 });
      }),
      { numRuns: 30, seed: 21 },
    );
  }, 60_000);
});
