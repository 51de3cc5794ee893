import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { decodeTerms, encodeTerms, ItemReads } from '../../shared/store/story-reads';
import { TableIO } from '../../shared/store/table-io';
import { FakeDynamo } from './fake-dynamo';

/** A table on the fake, counting the keys its BatchGetItem calls read. */
function tableOn(seed: number) {
  const fake = new FakeDynamo(seed);
  const inner = fake.asDocumentClient();
  const counted = { keys: 0, projections: [] as string[] };
  const doc = {
    send: (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      if (command.constructor.name === 'BatchGetCommand') {
        const request = (command.input.RequestItems as Record<string, { Keys: unknown[] }>).articles!;
        counted.keys += request.Keys.length;
        counted.projections.push((request as { ProjectionExpression?: string }).ProjectionExpression ?? '*');
      }
      return inner.send(command as never);
    },
  } as unknown as typeof inner;
  const io = new TableIO(doc, 'articles', { maxAttempts: 3 });
  const put = (Item: Record<string, unknown>) => io.doc.send(new PutCommand({ TableName: 'articles', Item }));
  return { io, counted, put };
}

const key = { pk: 'A#a', sk: '#' };

describe('a fold pass’s reads (ItemReads)', () => {
  it('reads a key once for the whole pass; straight reads read it every time', async () => {
    const { io, counted, put } = tableOn(1);
    await put({ ...key, seq: '1', wid: 'w1', sid: 's1' });
    const pass = new ItemReads(io, true);
    expect((await pass.get(key))?.sid).toBe('s1');
    expect((await pass.get(key))?.sid).toBe('s1');
    expect(counted.keys).toBe(1);
    const direct = new ItemReads(io);
    await direct.get(key);
    await direct.get(key);
    expect(counted.keys).toBe(3);
  });

  it('reads links and heads with their story attributes alone; straight reads share the state reads’', async () => {
    const { io, counted, put } = tableOn(4);
    await put({ ...key, seq: '1', wid: 'w1', sid: 's1', fac: 'p hanoi', cf: 'x' });
    await new ItemReads(io, true).get(key);
    await new ItemReads(io).get(key);
    const [pass, direct] = counted.projections.map((p) => new Set(p.split(',').map((a) => a.trim())));
    // Every attribute of a link (linkOf) and of a head the story code reads, and no facet or posting.
    expect([...pass!].sort()).toEqual(
      ['pk', 'sk', 'seq', 'wid', 'del', 'sid', 'dup', 'etm', 'trm', 'mh', 'sz', 'mv'].sort(),
    );
    expect(direct!.has('fac')).toBe(true);
  });

  it('reads a key this store writes again after the write, also when a read was asked during it', async () => {
    const { io, put } = tableOn(2);
    await put({ ...key, seq: '1', wid: 'w1', sid: 's1' });
    const pass = new ItemReads(io, true);
    expect((await pass.get(key))?.sid).toBe('s1');
    await pass.writing({ key }, () => put({ ...key, seq: '1', wid: 'w2', sid: 's2' }));
    expect((await pass.get(key))?.sid).toBe('s2');
    // A read asked while the write is under way may have been answered before it: not kept.
    await pass.writing({ key }, async () => {
      expect((await pass.get(key))?.sid).toBe('s2');
      await put({ ...key, seq: '1', wid: 'w3', sid: 's3' });
    });
    expect((await pass.get(key))?.sid).toBe('s3');
  });

  it('reads a story’s members once, and again after this store wrote a member item of it', async () => {
    const { io } = tableOn(3);
    const pass = new ItemReads(io, true);
    let queries = 0;
    const query = async () => [`m${++queries}`];
    expect(await pass.members('s1', query)).toEqual(['m1']);
    expect(await pass.members('s1', query)).toEqual(['m1']);
    await pass.writing({ memberOf: ['s2', 's1'] }, async () => {});
    expect(await pass.members('s1', query)).toEqual(['m2']);
  });

  it('parses the terms and sketch of each link version once', () => {
    const { io } = tableOn(4);
    const pass = new ItemReads(io, true);
    const v1 = { pk: 'A#a', seq: '1', lid: 'w1', trm: '{"x":1}' };
    const first = pass.parts(v1);
    expect(pass.parts({ ...v1, lid: 'w2', sid: 's2' })).toBe(first);
    expect(pass.parts({ ...v1, seq: '2', trm: '{"y":1}' }).terms).toEqual({ y: 1 });
  });
});

describe('a link’s stored terms', () => {
  const dictionary = (entries: [string, number][]) =>
    Object.assign(Object.create(null), Object.fromEntries(entries));

  it('read back as written: every term and weight, in their order', () => {
    const terms = dictionary([
      ['e:nguyenvana', 3],
      ['t:chay kho', 2],
      ['h:chay', 1],
      ['b:hang hoa', 0.35],
      ['k:12', 1.5],
      ['e:0.1', 1 / 3],
    ]);
    const stored = encodeTerms(terms);
    expect(stored).not.toMatch(/^\{/);
    expect(Object.entries(decodeTerms(stored))).toEqual(Object.entries(terms));
  });

  it('reads the JSON items were written in before, and writes JSON where a term would not read back', () => {
    expect(Object.entries(decodeTerms('{"e:a":3,"h:b":1}'))).toEqual([
      ['e:a', 3],
      ['h:b', 1],
    ]);
    for (const terms of [
      dictionary([]),
      dictionary([
        ['e:a', 3],
        ['k:a\tb', 1],
      ]),
      dictionary([['k:a\nb', 1]]),
      dictionary([['{x', 1]]),
    ]) {
      const stored = encodeTerms(terms);
      expect(stored).toBe(JSON.stringify(terms));
      expect(Object.entries(decodeTerms(stored))).toEqual(Object.entries(terms));
    }
  });
});
