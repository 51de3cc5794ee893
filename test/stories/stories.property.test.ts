/**
 * Property: whatever the interleaving of creates, overwrites and deletes of articles about a few events
 * (delivered duplicated, shuffled and racing in groups, as concurrent Lambdas would, with the counter
 * aggregator folding story moves into the heads meanwhile), once quiet and folded the
 * store has one story per event among the live articles, no article in a merged-away or missing story,
 * each story's size equal to its live articles, and no story left without articles. Runs the real store
 * against the in-memory DynamoDB (random latency per request) and, smaller, against dynalite.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../shared/model/article';
import { DynamoArticleStore } from '../../shared/store/index';
import { normalizeSequencer } from '../../shared/store/sequencer';
import { DEFAULT_STORY_CONFIG } from '../../shared/stories/config';
import { useEmulatedTables } from '../emulated-tables';
import { FakeDynamo } from '../store/fake-dynamo';
import { makeRecord } from '../store/records';

interface Op {
  key: string;
  kind: 'create' | 'delete';
  sequencer: string;
  /** Which event a create reports. */
  event: number;
}

const KEYS = ['a', 'b', 'c', 'd', 'e', 'f'];
/** Events share no words, so articles of two events never join; articles of one event always do. */
const EVENTS = [
  { who: 'Nguyễn Văn Khải', org: 'Công ty Sông Đà', title: 'Cháy lớn tại kho hàng Sông Đà', kw: 'cháy kho' },
  { who: 'Trần Thị Mai', org: 'Bộ Giáo dục', title: 'Kỳ thi tốt nghiệp đổi lịch', kw: 'thi tốt nghiệp' },
  {
    who: 'Lê Hoàng Phúc',
    org: 'Câu lạc bộ Thép Xanh',
    title: 'Thép Xanh vô địch giải bóng đá',
    kw: 'vô địch',
  },
];

function articleOf(op: Op): ArticleRecord {
  const e = EVENTS[op.event]!;
  return makeRecord(op.key, {
    title: e.title,
    keywords: [e.kw],
    entities: {
      person: [{ name: e.who, mentions: 2 }],
      organization: [{ name: e.org, mentions: 1 }],
      place: [],
    },
    // Each article its own words (no two are copies), plus the event's names.
    body: `${e.who} và ${e.org}. Bài ${op.key} viết riêng ${op.sequencer.toLowerCase()} ${'từ '.repeat(3)}`,
  });
}

const historyArb = (maxPerKey: number) =>
  fc
    .tuple(
      ...KEYS.map((key) =>
        fc
          .array(
            fc.record({
              kind: fc.constantFrom<'create' | 'delete'>('create', 'create', 'create', 'delete'),
              step: fc.integer({ min: 1, max: 1 << 16 }),
              event: fc.integer({ min: 0, max: EVENTS.length - 1 }),
            }),
            { minLength: 1, maxLength: maxPerKey },
          )
          .map((steps) => {
            let value = 0x10000n;
            return steps.map((s): Op => {
              value += BigInt(s.step);
              return { key, kind: s.kind, event: s.event, sequencer: value.toString(16).toUpperCase() };
            });
          }),
      ),
    )
    .chain((histories) => {
      const ops = histories.flat();
      return fc
        .tuple(
          fc.array(fc.integer({ min: 1, max: 2 }), { minLength: ops.length, maxLength: ops.length }),
          fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
            minLength: ops.length * 2,
            maxLength: ops.length * 2,
          }),
          fc.integer({ min: 2, max: 6 }),
        )
        .map(([copies, noise, group]) => {
          const deliveries = ops.flatMap((op, i) => Array.from({ length: copies[i]! }, () => op));
          const order = deliveries.map((_, i) => i).sort((x, y) => noise[x]! - noise[y]!);
          return { histories, deliveries: order.map((i) => deliveries[i]!), group };
        });
    });

const newest = (history: Op[]) =>
  history.reduce((a, b) => (normalizeSequencer(a.sequencer) > normalizeSequencer(b.sequencer) ? a : b));

async function deliverAndCheck(
  store: DynamoArticleStore,
  items: () => Promise<Record<string, unknown>[]>,
  histories: Op[][],
  deliveries: Op[],
  group: number,
): Promise<void> {
  for (let i = 0; i < deliveries.length; i += group) {
    // The counter aggregator folds story moves into the heads while writers run (its stream trigger).
    await Promise.all([
      ...deliveries
        .slice(i, i + group)
        .map((op) =>
          op.kind === 'create'
            ? store.putArticle(articleOf(op), op.sequencer)
            : store.deleteArticle(op.key, op.sequencer),
        ),
      store.foldCounters(),
    ]);
  }
  // Quiet: the last moves are folded.
  expect((await store.foldCounters({ waitMs: 60_000 })).busy).toBe(false);
  const live = histories.map(newest).filter((op) => op.kind === 'create');
  const storyOf = new Map<string, string>();
  for (const history of histories) {
    const last = newest(history);
    const got = await store.getArticle(last.key);
    if (last.kind === 'delete') {
      expect(got).toBeNull();
      continue;
    }
    expect(got?.story).toBeDefined();
    storyOf.set(last.key, got!.story!.id);
  }
  // One story per event, a different one for each event.
  for (const a of live) {
    for (const b of live) {
      expect(storyOf.get(a.key) === storyOf.get(b.key), `${a.key}/${b.key}`).toBe(a.event === b.event);
    }
  }
  // Sizes are the live articles; no article in a merged or missing story; no story without articles.
  const all = await items();
  const heads = new Map(
    all
      .filter((it) => String(it.pk).startsWith('S#') && it.sk === '#')
      .map((h) => [String(h.pk).slice(2), h]),
  );
  const links = all.filter(
    (it) => String(it.pk).startsWith('A#') && it.sk === '#' && it.sid !== undefined && !it.del,
  );
  expect(links.map((l) => String(l.pk).slice(2)).sort()).toEqual(live.map((op) => op.key).sort());
  const counts = new Map<string, number>();
  for (const l of links) {
    const head = heads.get(String(l.sid));
    expect(head, `story of ${String(l.pk)}`).toBeDefined();
    expect(head!.mv, `story of ${String(l.pk)} was merged away`).toBeUndefined();
    counts.set(String(l.sid), (counts.get(String(l.sid)) ?? 0) + 1);
  }
  for (const [sid, head] of heads) {
    if (head.mv !== undefined) continue;
    expect(Number(head.sz), `size of ${sid}`).toBe(counts.get(sid) ?? -1);
  }
  for (const [key, sid] of storyOf) {
    const view = await store.stories!.storyMembers(sid);
    expect(view?.members.map((m) => m.id).sort()).toEqual(
      [...storyOf]
        .filter(([, s]) => s === sid)
        .map(([k]) => k)
        .sort(),
    );
    expect(view?.size, key).toBe(counts.get(sid));
  }
}

describe('stories under concurrency (real store on an in-memory DynamoDB)', () => {
  // The fake runs one request at a time, drawn by its seed, and the arrival clock is the run's own: a
  // failing run fails again, whatever the load. (Seed 2121 once found a story head left with size 1 and
  // no article: a -1 overtook its +1 and the head was deleted below zero; see bump() in stories.ts.)
  it('ends with one story per event, exact sizes and no dead story ids, for any interleaving', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(historyArb(5), async ({ histories, deliveries, group }) => {
        const fake = new FakeDynamo(++run);
        // Each run starts at another point of the arrival buckets; every request moves the clock on.
        let clock = Date.UTC(2024, 4, 1) + run * 7 * 60_000;
        const store = new DynamoArticleStore({
          doc: fake.asDocumentClient(),
          tableName: 'articles',
          stories: DEFAULT_STORY_CONFIG,
          now: () => (clock += 250),
        });
        await deliverAndCheck(store, async () => [...fake.items.values()], histories, deliveries, group);
      }),
      {
        numRuns: Number(process.env.STORIES_RACE_RUNS ?? 40),
        seed: Number(process.env.STORIES_RACE_SEED ?? 2121),
        endOnFailure: true,
      },
    );
  }, 240_000);
});

describe('stories under concurrency (real store on dynalite)', () => {
  const emulated = useEmulatedTables('stories');

  it('ends with one story per event for racing deliveries', async () => {
    const { ScanCommand } = await import('@aws-sdk/lib-dynamodb');
    await fc.assert(
      fc.asyncProperty(historyArb(3), async ({ histories, deliveries, group }) => {
        const tableName = await emulated.freshTable();
        const store = new DynamoArticleStore({
          doc: emulated.emu.doc,
          tableName,
          stories: DEFAULT_STORY_CONFIG,
        });
        const items = async () =>
          (await emulated.emu.doc.send(new ScanCommand({ TableName: tableName }))).Items ?? [];
        await deliverAndCheck(store, items, histories, deliveries, group);
      }),
      { numRuns: 4, seed: 21 },
    );
  }, 120_000);
});
