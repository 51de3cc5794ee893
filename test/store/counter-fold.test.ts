import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DynamoArticleStore } from '../../shared/store/index';
import { useEmulatedTables } from '../emulated-tables';
import { FakeDynamo } from './fake-dynamo';
import { makeRecord } from './records';

const person = (name: string) => ({ name, mentions: 1 });
const withPersons = (id: string, names: string[]) =>
  makeRecord(id, { entities: { person: names.map(person), organization: [], place: [] } });

/** A client that dies at its `crashAt`-th request: that request and every later one fail, as if the process ended. */
function dyingClient(inner: DynamoDBDocumentClient, crashAt: number) {
  let sent = 0;
  return {
    send: (command: never) =>
      ++sent >= crashAt ? Promise.reject(new Error('folder died')) : inner.send(command),
    get sent() {
      return sent;
    },
  } as unknown as DynamoDBDocumentClient & { sent: number };
}

async function counts(store: DynamoArticleStore): Promise<Record<string, number>> {
  const rows = await store.topEntities('person', { limit: 100 });
  return Object.fromEntries(rows.map((r) => [r.name, r.count]));
}

/** Articles naming persons A–D, some rewritten with other persons or deleted (so deltas go both ways). */
async function ingest(store: DynamoArticleStore, n: number): Promise<Record<string, number>> {
  const names = ['A', 'B', 'C', 'D'];
  const live = new Map<string, string[]>();
  for (let i = 0; i < n; i++) {
    const persons = names.filter((_, j) => (i + j) % (j + 2) === 0);
    await store.putArticle(withPersons(`a${i}`, persons), '1');
    live.set(`a${i}`, persons);
  }
  for (let i = 0; i < n; i += 3) {
    await store.putArticle(withPersons(`a${i}`, ['D']), '2');
    live.set(`a${i}`, ['D']);
  }
  for (let i = 1; i < n; i += 5) {
    await store.deleteArticle(`a${i}`, '3');
    live.delete(`a${i}`);
  }
  const want: Record<string, number> = {};
  for (const persons of live.values()) for (const p of persons) want[p] = (want[p] ?? 0) + 1;
  return want;
}

async function pendingDeltas(doc: DynamoDBDocumentClient, tableName: string): Promise<number> {
  let n = 0;
  for (const shard of [0, 1, 2, 3]) {
    const res = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `CD#${shard}` },
      }),
    );
    n += res.Items?.length ?? 0;
  }
  return n;
}

describe('counter fold (in-memory DynamoDB)', () => {
  it('leaves counts unchanged until a fold, then folds every article once and deletes the deltas', async () => {
    const fake = new FakeDynamo(3);
    const doc = fake.asDocumentClient();
    const store = new DynamoArticleStore({ doc, tableName: 't' });
    const want = await ingest(store, 30);
    expect(await counts(store)).toEqual({});
    expect(await pendingDeltas(doc, 't')).toBeGreaterThan(30);
    const before = fake.requests;
    const result = await store.foldCounters();
    expect(await counts(store)).toEqual(want);
    expect(await pendingDeltas(doc, 't')).toBe(0);
    // Four counters, four persons: one write each, however many articles moved them; and far fewer
    // requests than deltas (a look at the record and each partition, one counter read and write, the
    // deletes 25 at a time, the open and the close).
    expect(result).toMatchObject({ folds: 1, counters: 4, busy: false });
    expect(fake.requests - before).toBeLessThan(result.deltas / 2);
    expect(await store.foldCounters()).toMatchObject({ folds: 0, deltas: 0 });
    expect(await counts(store)).toEqual(want);
  });

  it('keeps a live open fold to its folder, and finishes one whose folder died', async () => {
    const fake = new FakeDynamo(5);
    const store = new DynamoArticleStore({ doc: fake.asDocumentClient(), tableName: 't' });
    const want = await ingest(store, 12);
    // Requests of a fold: read the record, query 4 delta partitions, read counters, open; then it dies.
    const dying = new DynamoArticleStore({ doc: dyingClient(fake.asDocumentClient(), 8), tableName: 't' });
    await expect(dying.foldCounters()).rejects.toThrow('folder died');
    expect(await store.foldCounters()).toMatchObject({ busy: true, folds: 0 });
    expect(await counts(store)).toEqual({});
    // Past the lease, the next folder finishes the dead one's fold from its record.
    const later = await store.foldCounters({ now: () => Date.now() + 10 * 60_000 });
    expect(later).toMatchObject({ busy: false, folds: 1 });
    expect(await counts(store)).toEqual(want);
  });

  it('counts every article exactly once wherever a folder dies and another takes over', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 4, max: 25 }),
        async (crashAt, n) => {
          const fake = new FakeDynamo(crashAt * 31 + n);
          const store = new DynamoArticleStore({ doc: fake.asDocumentClient(), tableName: 't' });
          const want = await ingest(store, n);
          const dying = new DynamoArticleStore({
            doc: dyingClient(fake.asDocumentClient(), crashAt),
            tableName: 't',
          });
          await dying.foldCounters().catch(() => undefined);
          // More articles arrive after the crash, before the takeover.
          await store.putArticle(withPersons('late', ['A']), '1');
          await store.foldCounters({ leaseMs: 0 });
          expect(await counts(store)).toEqual({ ...want, A: (want.A ?? 0) + 1 });
          expect(await pendingDeltas(fake.asDocumentClient(), 't')).toBe(0);
        },
      ),
      { numRuns: 60, seed: 190 },
    );
  }, 60_000);
});

describe('counter fold (dynalite)', () => {
  const emulated = useEmulatedTables('fold');

  it('counts exactly once across a folder that dies at any step, with folds racing the writers', async () => {
    for (const crashAt of [2, 6, 7, 8, 9, 10, 12]) {
      const tableName = await emulated.freshTable();
      const store = new DynamoArticleStore({ doc: emulated.emu.doc, tableName });
      const [want] = await Promise.all([ingest(store, 20), store.foldCounters(), store.foldCounters()]);
      const dying = new DynamoArticleStore({ doc: dyingClient(emulated.emu.doc, crashAt), tableName });
      await store.putArticle(withPersons('late', ['B', 'C']), '1');
      await dying.foldCounters().catch(() => undefined);
      await store.foldCounters({ leaseMs: 0 });
      expect(await counts(store)).toEqual({ ...want, B: (want.B ?? 0) + 1, C: (want.C ?? 0) + 1 });
      expect(await pendingDeltas(emulated.emu.doc, tableName)).toBe(0);
    }
  });
});
