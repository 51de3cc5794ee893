/**
 * Property: after any sequence of creates, overwrites and deletes over a few keys, delivered with
 * duplicates and in any order, the stored state equals the newest event per key by sequencer.
 * 10,000 events run against an in-memory model of the store's write rule (shouldApply, the rule the
 * store's condition expression mirrors); a smaller run drives the real store on dynalite, with
 * concurrent deliveries, and checks reads and the facet index too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DynamoArticleStore } from '../../shared/store/index';
import type { ArticleSummary } from '../../shared/store/reader';
import { normalizeSequencer, shouldApply } from '../../shared/store/sequencer';
import { useEmulatedTables } from '../emulated-tables';
import { FakeDynamo } from '../store/fake-dynamo';
import { makeRecord } from '../store/records';

interface Op {
  key: string;
  kind: 'create' | 'delete';
  /** As S3 sends it: hex, varying length. */
  sequencer: string;
  /** What the create wrote (unique per op). */
  version: number;
}

const KEYS = ['a', 'b', 'c', 'd'];

/** Per key a history of events with increasing sequencers, delivered duplicated and shuffled. */
const historyArb = (maxPerKey: number) =>
  fc
    .tuple(
      ...KEYS.map((key) =>
        fc
          .array(
            fc.record({
              kind: fc.constantFrom<'create' | 'delete'>('create', 'create', 'delete'),
              step: fc.integer({ min: 1, max: 1 << 20 }),
              zeros: fc.integer({ min: 0, max: 6 }),
            }),
            { minLength: 1, maxLength: maxPerKey },
          )
          .map((steps) => {
            let value = 0x0055aed6dcd9n;
            return steps.map((s, i): Op => {
              value += BigInt(s.step);
              // Leading zeros vary the length without changing the value, as S3's sequencers do.
              return {
                key,
                kind: s.kind,
                sequencer: '0'.repeat(s.zeros) + value.toString(16).toUpperCase(),
                version: i,
              };
            });
          }),
      ),
    )
    .chain((histories) => {
      const ops = histories.flat();
      return fc
        .tuple(
          fc.array(fc.integer({ min: 1, max: 3 }), { minLength: ops.length, maxLength: ops.length }),
          fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        )
        .map(([copies, noise]) => {
          const deliveries = ops.flatMap((op, i) => Array.from({ length: copies[i]! }, () => op));
          const keys = deliveries.map(() => noise.next().value as number);
          const order = deliveries.map((_, i) => i).sort((x, y) => keys[x]! - keys[y]!);
          return { histories, deliveries: order.map((i) => deliveries[i]!) };
        });
    });

function newest(history: Op[]): Op {
  return history.reduce((a, b) =>
    normalizeSequencer(a.sequencer) > normalizeSequencer(b.sequencer) ? a : b,
  );
}

const person = (version: number) => ({ name: `Người ${version % 3}`, mentions: 1 });

/**
 * Delivers the events in racing groups, with counter folds racing them (and each other: a second
 * store's fold, as a second aggregator would), then folds what is left and checks reads, listings,
 * facets and counts.
 */
async function deliverAndCheck(
  store: DynamoArticleStore,
  histories: Op[][],
  deliveries: Op[],
  aggregator: DynamoArticleStore = store,
): Promise<void> {
  // Deliveries race in small groups, as concurrent Lambda invocations would.
  for (let i = 0; i < deliveries.length; i += 4) {
    const folds = i % 12 === 0 ? [store.foldCounters(), aggregator.foldCounters()] : [];
    await Promise.all([
      ...folds,
      ...deliveries.slice(i, i + 4).map((op) =>
        op.kind === 'create'
          ? store.putArticle(
              makeRecord(op.key, {
                title: `v${op.version}`,
                entities: { person: [person(op.version)], organization: [], place: [] },
              }),
              op.sequencer,
            )
          : store.deleteArticle(op.key, op.sequencer),
      ),
    ]);
  }
  // Both aggregators may have stopped on each other's open fold: the last call finds none open.
  await aggregator.foldCounters({ waitMs: 60_000 });
  expect((await store.foldCounters()).busy).toBe(false);
  const listed: ArticleSummary[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await store.listArticles({ status: 'stored' }, { limit: 2, ...(cursor && { cursor }) });
    listed.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor);
  const live = histories.map(newest).filter((op) => op.kind === 'create');
  expect(listed.map((a) => a.id).sort()).toEqual(live.map((op) => op.key).sort());
  for (const history of histories) {
    const last = newest(history);
    const got = await store.getArticle(last.key);
    if (last.kind === 'delete') expect(got).toBeNull();
    else expect(got?.title).toBe(`v${last.version}`);
  }
  for (const p of [0, 1, 2]) {
    const under = await store.listArticles({ status: 'stored', person: `Người ${p}` }, { limit: 50 });
    const want = live.filter((op) => op.version % 3 === p).map((op) => op.key);
    expect(under.items.map((a) => a.id).sort()).toEqual(want.sort());
    const counts = await store.topEntities('person', { prefix: `nguoi ${p}`, limit: 5 });
    expect(counts.reduce((n, c) => n + c.count, 0)).toBe(want.length);
  }
}

describe('event ordering (model of the store write rule)', () => {
  it('ends at the newest event per key for 10,000 duplicated, shuffled events', () => {
    let total = 0;
    fc.assert(
      fc.property(historyArb(40), ({ histories, deliveries }) => {
        total += deliveries.length;
        const state = new Map<string, { seq: string; live: boolean; version: number }>();
        for (const op of deliveries) {
          const stored = state.get(op.key);
          if (shouldApply(stored?.seq, op.sequencer)) {
            state.set(op.key, {
              seq: normalizeSequencer(op.sequencer),
              live: op.kind === 'create',
              version: op.version,
            });
          }
        }
        for (const history of histories) {
          const last = newest(history);
          const got = state.get(last.key);
          expect(got?.seq).toBe(normalizeSequencer(last.sequencer));
          expect(got?.live).toBe(last.kind === 'create');
          if (last.kind === 'create') expect(got?.version).toBe(last.version);
        }
      }),
      { numRuns: 250, seed: 20260101 },
    );
    expect(total).toBeGreaterThanOrEqual(10_000);
  });
});

describe('event ordering (real store on an in-memory DynamoDB)', () => {
  it('ends at the newest event per key for 10,000 duplicated, shuffled, racing events', async () => {
    let total = 0;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(historyArb(30), async ({ histories, deliveries }) => {
        total += deliveries.length;
        const fake = new FakeDynamo(++run);
        const store = new DynamoArticleStore({ doc: fake.asDocumentClient(), tableName: 'articles' });
        const aggregator = new DynamoArticleStore({ doc: fake.asDocumentClient(), tableName: 'articles' });
        await deliverAndCheck(store, histories, deliveries, aggregator);
      }),
      { numRuns: 220, seed: 424242 },
    );
    expect(total).toBeGreaterThanOrEqual(10_000);
  }, 120_000); // ~15 s alone; the shared 2-core machine can make it several times slower
});

describe('event ordering (real store on dynalite)', () => {
  const emulated = useEmulatedTables('order');

  it('stores exactly the newest event per key, listed once, under its current facets only', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb(8), async ({ histories, deliveries }) => {
        const tableName = await emulated.freshTable();
        const store = new DynamoArticleStore({ doc: emulated.emu.doc, tableName });
        await deliverAndCheck(store, histories, deliveries);
      }),
      { numRuns: 4, seed: 7 },
    );
  });
});
