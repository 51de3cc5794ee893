import { randomBytes } from 'node:crypto';
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulators, ensureTable, startEmulators } from '../../local/emulators';
import { DynamoArticleStore, InvalidCursorError } from '../../shared/store/index';
import type { ArticleFilter, ArticleSummary } from '../../shared/store/reader';
import { makeRecord } from './records';

let emu: Emulators;
let tableSeq = 0;

beforeAll(async () => {
  emu = await startEmulators({ memory: true });
});
afterAll(async () => {
  await emu?.close();
});

/** A fresh table per test keeps tests independent. */
async function freshStore(): Promise<DynamoArticleStore> {
  const tableName = `articles-${++tableSeq}`;
  await ensureTable(emu.dynamo, tableName);
  return new DynamoArticleStore({ doc: emu.doc, tableName });
}

async function listAll(store: DynamoArticleStore, filter: ArticleFilter, limit: number) {
  const out: ArticleSummary[] = [];
  let cursor: Record<string, unknown> | undefined;
  for (let i = 0; i < 1000; i++) {
    const page = await store.listArticles(filter, { limit, ...(cursor && { cursor }) });
    out.push(...page.items);
    if (!page.next) break;
    cursor = JSON.parse(JSON.stringify(page.next));
  }
  return out;
}

/** The items under an article's partition: its article item, body items and story link. */
async function articleItems(store: DynamoArticleStore, id: string) {
  const res = await emu.doc.send(
    new QueryCommand({
      TableName: store.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `A#${id}` },
    }),
  );
  return (res.Items ?? []) as (Record<string, unknown> & { pk: string; sk: string; dt?: Uint8Array })[];
}

const minh = { name: 'Phạm Bình Minh', mentions: 2 };
const hanoi = { name: 'Hà Nội', mentions: 1, province: { code: '01', name: 'Thành phố Hà Nội' } };

describe('DynamoArticleStore', () => {
  it('returns a stored record whole by id and null for an unknown id', async () => {
    const store = await freshStore();
    const record = makeRecord('a1', { entities: { person: [minh], organization: [], place: [hanoi] } });
    expect(await store.putArticle(record, '0055AED6DCD90281E5')).toBe('applied');
    expect(await store.getArticle('a1')).toEqual(record);
    expect(await store.getArticle('nope')).toBeNull();
  });

  it('stores a 1 MB article that does not compress and returns it whole', async () => {
    const store = await freshStore();
    const body = randomBytes(600 * 1024).toString('base64'); // ~800 KB of incompressible text
    const record = makeRecord('big', { body });
    expect(await store.putArticle(record, '10')).toBe('applied');
    expect((await store.getArticle('big'))?.body).toBe(body);
    expect((await articleItems(store, 'big')).filter((it) => it.sk.startsWith('B#')).length).toBe(3);
    // An overwrite with a small body removes the old body items: one is left, the new one.
    expect(await store.putArticle(makeRecord('big', { body: 'nhỏ' }), '11')).toBe('applied');
    expect((await store.getArticle('big'))?.body).toBe('nhỏ');
    expect((await articleItems(store, 'big')).map((it) => it.sk)).toEqual([
      '#',
      `B#${'0'.repeat(38)}11#0000`,
    ]);
  });

  it('keeps the body out of the article item, in one body item read only by id', async () => {
    const store = await freshStore();
    const record = makeRecord('b', { body: 'Thân bài '.repeat(200) });
    await store.putArticle(record, '5');
    const items = await articleItems(store, 'b');
    expect(items.map((it) => it.sk)).toEqual(['#', `B#${'0'.repeat(39)}5#0000`]);
    expect(items[0]).not.toHaveProperty('bd');
    expect(items[0]!.ck).toBe(1);
    expect(await store.getArticle('b')).toEqual(record);
    // A delete leaves the tombstone alone: no body item behind it.
    await store.deleteArticle('b', '6');
    expect((await articleItems(store, 'b')).map((it) => it.sk)).toEqual(['#']);
  });

  it('reads an article item of the older layout (body inline) and rewrites it in the current one', async () => {
    const store = await freshStore();
    const record = makeRecord('old', {
      body: 'Nội dung cũ',
      entities: { person: [minh], organization: [], place: [] },
    });
    await store.putArticle(record, '7');
    // The older layout: the gzipped body inline in the article item (`bd`), no body items, no `ck`, and
    // the facets a list.
    const [main, body] = await articleItems(store, 'old');
    const { ck: _ck, ...rest } = main!;
    const fac = String(main!.fac).split('\n');
    expect(fac).toContain('s#stored');
    await emu.doc.send(new PutCommand({ TableName: store.table, Item: { ...rest, fac, bd: body!.dt } }));
    await emu.doc.send(new DeleteCommand({ TableName: store.table, Key: { pk: body!.pk, sk: body!.sk } }));
    expect(await store.getArticle('old')).toEqual(record);
    expect((await listAll(store, { status: 'stored' }, 5)).map((a) => a.id)).toEqual(['old']);
    expect(
      (await listAll(store, { status: 'stored', person: 'Phạm Bình Minh' }, 5)).map((a) => a.id),
    ).toEqual(['old']);
    const refs = [];
    for await (const ref of store.scanArticles()) refs.push(ref);
    expect(refs.map((r) => r.inlineBody)).toEqual([true]);
    // Reindex writes it again with its stored sequencer: the current layout, nothing left over.
    await store.putArticle(record, '7');
    const after = await articleItems(store, 'old');
    expect(after.map((it) => it.sk)).toEqual(['#', `B#${'0'.repeat(39)}7#0000`]);
    expect(after[0]).not.toHaveProperty('bd');
    expect(typeof after[0]!.fac).toBe('string');
    expect(await store.getArticle('old')).toEqual(record);
    expect(
      (await listAll(store, { status: 'stored', person: 'Phạm Bình Minh' }, 5)).map((a) => a.id),
    ).toEqual(['old']);
  });

  it('ignores an older event for the same id, and a late create after a delete', async () => {
    const store = await freshStore();
    expect(await store.putArticle(makeRecord('k', { title: 'mới' }), '0A')).toBe('applied');
    expect(await store.putArticle(makeRecord('k', { title: 'cũ' }), '9')).toBe('stale');
    expect((await store.getArticle('k'))?.title).toBe('mới');
    expect(await store.deleteArticle('k', '0B')).toBe('applied');
    expect(await store.putArticle(makeRecord('k', { title: 'cũ' }), '0AFF'.slice(0, 2))).toBe('stale');
    expect(await store.getArticle('k')).toBeNull();
    expect(await listAll(store, { status: 'stored' }, 10)).toEqual([]);
  });

  it('compares sequencers of different lengths by value, not by text', async () => {
    const store = await freshStore();
    expect(await store.putArticle(makeRecord('s', { title: 'long' }), '100')).toBe('applied');
    // 'FF' > '100' as text, but 0xFF < 0x100.
    expect(await store.putArticle(makeRecord('s', { title: 'short' }), 'FF')).toBe('stale');
    expect((await store.getArticle('s'))?.title).toBe('long');
  });

  it('lists under an entity only while the article has it', async () => {
    const store = await freshStore();
    await store.putArticle(
      makeRecord('e', { entities: { person: [minh], organization: [], place: [] } }),
      '1',
    );
    expect(
      (await listAll(store, { status: 'stored', person: 'phạm bình minh' }, 5)).map((a) => a.id),
    ).toEqual(['e']);
    await store.putArticle(makeRecord('e'), '2');
    expect(await listAll(store, { status: 'stored', person: 'Phạm Bình Minh' }, 5)).toEqual([]);
    await store.foldCounters();
    expect((await store.topEntities('person', { limit: 5 })).length).toBe(0);
  });

  it('never lists an article under a facet it lost while its index is still being updated', async () => {
    const store = await freshStore();
    const table = (store as unknown as { table: string }).table;
    await store.putArticle(
      makeRecord('m', { entities: { person: [minh], organization: [], place: [] } }),
      '1',
    );
    // A writer has replaced the article item but not yet synced its postings (e.g. it crashed): the item
    // lists in `old` the postings of the version it replaced, as every writer's swap does.
    const { GetCommand, PutCommand } = await import('@aws-sdk/lib-dynamodb');
    const main = (await emu.doc.send(new GetCommand({ TableName: table, Key: { pk: 'A#m', sk: '#' } })))
      .Item!;
    await emu.doc.send(
      new PutCommand({
        TableName: table,
        Item: {
          ...main,
          wid: 'other-writer',
          seq: `${main.seq.slice(0, -1)}2`,
          fac: 's#stored',
          old: (main.fac as string)
            .split('\n')
            .filter((f) => f !== 's#stored')
            .map((f) => `${main.ts}#${f}`),
        },
      }),
    );
    expect(
      (await store.listArticles({ status: 'stored', person: 'Phạm Bình Minh' }, { limit: 5 })).items,
    ).toEqual([]);
    expect((await store.listArticles({ status: 'stored' }, { limit: 5 })).items.map((a) => a.id)).toEqual([
      'm',
    ]);
    // The redelivered event finishes the job: the stale entry goes.
    await store.putArticle(makeRecord('m'), '2');
    expect(
      (await store.listArticles({ status: 'stored', person: 'Phạm Bình Minh' }, { limit: 5 })).items,
    ).toEqual([]);
    await store.foldCounters();
    expect(await store.topEntities('person', { limit: 5 })).toEqual([]);
  });

  it('combines filters with AND, matches q without diacritics and pages newest first exactly once', async () => {
    const store = await freshStore();
    const n = 37;
    for (let i = 0; i < n; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      await store.putArticle(
        makeRecord(`r${String(i).padStart(2, '0')}`, {
          title: i % 2 === 0 ? 'Hội nghị ASEAN tại Hà Nội' : 'Bóng đá Việt Nam',
          publishedAt: `2024-03-${day}T${String(i % 24).padStart(2, '0')}:00:00+07:00`,
          topics: i % 3 === 0 ? [{ code: 'medtop:11000000', label: 'politics', score: 1 }] : [],
          entities: {
            person: i % 2 === 0 ? [minh] : [],
            organization: [],
            place: i % 4 === 0 ? [hanoi] : [],
          },
          keywords: i % 5 === 0 ? ['Kinh tế'] : [],
          category: ['Thời sự'],
          publisher: 'HanoiTV',
        }),
        '1',
      );
    }
    const all = await listAll(store, { status: 'stored' }, 4);
    expect(all.length).toBe(n);
    expect(new Set(all.map((a) => a.id)).size).toBe(n);
    const times = all.map((a) => Date.parse(a.publishedAt!));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const ha = await listAll(store, { status: 'stored', q: 'ha noi', topic: 'medtop:11000000' }, 3);
    const expected = Array.from({ length: n }, (_, i) => i).filter((i) => i % 2 === 0 && i % 3 === 0);
    expect(ha.map((a) => a.id).sort()).toEqual(expected.map((i) => `r${String(i).padStart(2, '0')}`).sort());

    const byProvince = await listAll(store, { status: 'stored', province: '01' }, 50);
    expect(byProvince.length).toBe(Math.ceil(n / 4));
    expect((await listAll(store, { status: 'stored', province: 'Thành phố Hà Nội' }, 50)).length).toBe(
      Math.ceil(n / 4),
    );
    expect(
      (await listAll(store, { status: 'stored', keyword: 'kinh tế', category: 'thời sự' }, 50)).length,
    ).toBe(Math.ceil(n / 5));
    expect((await listAll(store, { status: 'stored', publisher: 'hanoitv' }, 50)).length).toBe(n);
    expect(await listAll(store, { status: 'stored', q: 'noi ha' }, 50)).toEqual([]);
    expect(await listAll(store, { status: 'rejected' }, 50)).toEqual([]);

    const range = await listAll(store, { status: 'stored', from: '2024-03-05', to: '2024-03-06' }, 2);
    expect(
      range.map((a) => a.publishedAt!.slice(0, 10)).every((d) => d >= '2024-03-05' && d <= '2024-03-06'),
    ).toBe(true);
    expect(range.length).toBe(all.filter((a) => ['05', '06'].includes(a.publishedAt!.slice(8, 10))).length);

    expect(await store.topEntities('person', { limit: 10 })).toEqual([]); // not folded yet
    await store.foldCounters();
    const persons = await store.topEntities('person', { limit: 10 });
    expect(persons).toEqual([{ name: 'Phạm Bình Minh', count: Math.ceil(n / 2) }]);
    expect(await store.topEntities('person', { prefix: 'pham b', limit: 10 })).toEqual(persons);
    expect(await store.topEntities('person', { prefix: 'Nguyễn', limit: 10 })).toEqual([]);
    expect(await store.topEntities('place', { limit: 1 })).toEqual([
      { name: 'Hà Nội', count: Math.ceil(n / 4), province: hanoi.province },
    ]);
    expect(await store.topTopics({ limit: 3 })).toEqual([
      { code: 'medtop:11000000', label: 'politics', count: Math.ceil(n / 3) },
    ]);
  });

  it('rebuilds counters that drifted from the index', async () => {
    const store = await freshStore();
    const table = (store as unknown as { table: string }).table;
    for (const id of ['n1', 'n2', 'n3']) {
      await store.putArticle(
        makeRecord(id, { entities: { person: [minh], organization: [], place: [] } }),
        '1',
      );
    }
    await store.foldCounters();
    const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    // A writer died between an index entry and its counter delta.
    await emu.doc.send(
      new UpdateCommand({
        TableName: table,
        Key: { pk: 'C#person', sk: 'phambinhminh' },
        UpdateExpression: 'SET gsi2sk = :n',
        ExpressionAttributeValues: { ':n': 7 },
      }),
    );
    expect((await store.topEntities('person', { limit: 1 }))[0]?.count).toBe(7);
    expect(await store.recountCounters()).toBe(1);
    expect(await store.topEntities('person', { limit: 1 })).toEqual([{ name: 'Phạm Bình Minh', count: 3 }]);
    expect(await store.recountCounters()).toBe(0);
  });

  it('shows rejected records under status rejected only', async () => {
    const store = await freshStore();
    const rejected = makeRecord('bad', {
      status: 'rejected',
      rejection: { code: 'empty_file', message: 'The file is empty.' },
      format: null,
      encoding: null,
      language: null,
      title: null,
      body: '',
    });
    await store.putArticle(rejected, '1');
    await store.putArticle(makeRecord('good'), '1');
    expect((await listAll(store, { status: 'rejected' }, 10)).map((a) => a.id)).toEqual(['bad']);
    expect((await listAll(store, { status: 'stored' }, 10)).map((a) => a.id)).toEqual(['good']);
  });

  it('rejects a cursor from another filter or of the wrong shape', async () => {
    const store = await freshStore();
    for (let i = 0; i < 3; i++) await store.putArticle(makeRecord(`c${i}`), '1');
    const page = await store.listArticles({ status: 'stored' }, { limit: 1 });
    expect(page.next).not.toBeNull();
    await expect(
      store.listArticles({ status: 'rejected' }, { limit: 1, cursor: page.next! }),
    ).rejects.toThrow(InvalidCursorError);
    await expect(store.listArticles({ status: 'stored' }, { limit: 1, cursor: { v: 1 } })).rejects.toThrow(
      InvalidCursorError,
    );
  });

  it('continues a listing from a cursor whose article was deleted meanwhile', async () => {
    const store = await freshStore();
    for (let i = 0; i < 5; i++) {
      await store.putArticle(makeRecord(`d${i}`, { publishedAt: `2024-01-0${i + 1}T08:00:00+07:00` }), '1');
    }
    const first = await store.listArticles({ status: 'stored' }, { limit: 2 });
    expect(first.items.map((a) => a.id)).toEqual(['d4', 'd3']);
    await store.deleteArticle('d3', '2');
    const rest = await store.listArticles({ status: 'stored' }, { limit: 5, cursor: first.next! });
    expect(rest.items.map((a) => a.id)).toEqual(['d2', 'd1', 'd0']);
    expect(rest.next).toBeNull();
  });

  it('enumerates live articles for reindex', async () => {
    const store = await freshStore();
    await store.putArticle(makeRecord('x'), '1');
    await store.putArticle(makeRecord('y'), '1');
    await store.deleteArticle('y', '2');
    const refs = [];
    for await (const ref of store.scanArticles()) refs.push(ref);
    expect(refs.map((r) => [r.id, r.processorVersion, r.source.key, r.inlineBody])).toEqual([
      ['x', 'test', 'incoming/x.txt', false],
    ]);
  });

  it('lists undated articles after dated ones, outside day ranges, and alone with dated=false', async () => {
    const store = await freshStore();
    await store.putArticle(makeRecord('old', { publishedAt: '2001-01-01T08:00:00+07:00' }), '1');
    await store.putArticle(makeRecord('new', { publishedAt: '2024-06-01T08:00:00+07:00' }), '1');
    await store.putArticle(
      makeRecord('u1', { publishedAt: null, processedAt: '2025-01-01T00:00:00.000Z' }),
      '1',
    );
    await store.putArticle(
      makeRecord('u2', { publishedAt: null, processedAt: '2025-02-01T00:00:00.000Z' }),
      '1',
    );
    const ids = async (filter: Partial<ArticleFilter>) =>
      (await listAll(store, { status: 'stored', ...filter }, 2)).map((a) => a.id);
    expect(await ids({})).toEqual(['new', 'old', 'u2', 'u1']);
    expect(await ids({ from: '2000-01-01', to: '2030-12-31' })).toEqual(['new', 'old']);
    expect(await ids({ to: '2030-12-31' })).toEqual(['new', 'old']);
    expect(await ids({ dated: false })).toEqual(['u2', 'u1']);
    expect(await ids({ dated: true })).toEqual(['new', 'old']);
    expect(await ids({ dated: false, from: '2000-01-01' })).toEqual([]);
  });

  it('finds entities whatever the case, diacritics or way a city is written, and counts a city once', async () => {
    const store = await freshStore();
    const hcm = { code: '79', name: 'Thành phố Hồ Chí Minh' };
    const names = ['TP.HCM', 'TPHCM', 'Thành phố Hồ Chí Minh'];
    for (const [i, name] of names.entries()) {
      await store.putArticle(
        makeRecord(`c${i}`, {
          entities: { person: [minh], organization: [], place: [{ name, mentions: 1, province: hcm }] },
        }),
        '1',
      );
    }
    for (const place of [...names, 'tp hcm', 'Hồ Chí Minh']) {
      const found = await listAll(store, { status: 'stored', place }, 10);
      expect(found.map((a) => a.id).sort()).toEqual(['c0', 'c1', 'c2']);
    }
    expect((await listAll(store, { status: 'stored', person: 'pham binh minh' }, 10)).length).toBe(3);
    expect((await listAll(store, { status: 'stored', person: 'PHẠM BÌNH MINH' }, 10)).length).toBe(3);
    await store.foldCounters();
    expect(await store.topEntities('place', { limit: 10 })).toEqual([
      { name: 'Hồ Chí Minh', count: 3, province: hcm },
    ]);
    expect(await store.topEntities('person', { prefix: 'pham b', limit: 10 })).toEqual([
      { name: 'Phạm Bình Minh', count: 3 },
    ]);
  });
});
