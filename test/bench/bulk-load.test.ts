import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { bulkLoad } from '../../bench/bulk-load';
import { percentile, toMarkdown } from '../../bench/report';
import { rng, syntheticRecord } from '../../bench/synthetic';
import { DynamoArticleStore } from '../../shared/store/index';
import { useEmulatedTables } from '../emulated-tables';

const emulated = useEmulatedTables('bench');
const freshTable = () => emulated.freshTable();

/** Every item of a table, without the write id (random per write), in key order. */
async function tableItems(tableName: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const res = await emulated.emu.doc.send(
      new ScanCommand({ TableName: tableName, ...(startKey && { ExclusiveStartKey: startKey }) }),
    );
    for (const { wid: _wid, ...rest } of res.Items ?? []) items.push(rest);
    startKey = res.LastEvaluatedKey;
  } while (startKey);
  const key = (it: Record<string, unknown>) => `${it.pk}\u0000${it.sk}`;
  return items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

const records = (count: number) => {
  const r = rng(7);
  return Array.from({ length: count }, (_, n) => syntheticRecord(n, r));
};

describe('bench bulk load', () => {
  it('writes exactly the items and counters that putArticle and a counter fold write, record by record', async () => {
    const count = 40;
    const direct = await freshTable();
    const store = new DynamoArticleStore({ doc: emulated.emu.doc, tableName: direct });
    const made = records(count);
    for (const [n, record] of made.entries()) {
      await store.putArticle(record, (n + 1).toString(16).padStart(16, '0'));
    }
    await store.foldCounters();
    const bulk = await freshTable();
    const result = await bulkLoad({
      doc: emulated.emu.doc,
      tableName: bulk,
      count,
      make: (n) => made[n]!,
      chunk: 15,
    });

    const expected = await tableItems(direct);
    expect(await tableItems(bulk)).toEqual(expected);
    expect(result.records).toBe(count);
    expect(result.counters).toBe(expected.filter((it) => it.gsi2pk !== undefined).length);
  });

  it('stops after the chunk in which its stop condition turns true, and says how many it wrote', async () => {
    const tableName = await freshTable();
    const make = records(30);
    let chunks = 0;
    const result = await bulkLoad({
      doc: emulated.emu.doc,
      tableName,
      count: 30,
      make: (n) => make[n]!,
      chunk: 10,
      onProgress: () => chunks++,
      stop: () => chunks >= 2,
    });
    expect(result.records).toBe(20);
    const store = new DynamoArticleStore({ doc: emulated.emu.doc, tableName });
    expect(await store.getArticle(make[19]!.id)).toEqual(make[19]);
    expect(await store.getArticle(make[20]!.id)).toBeNull();
  });
});

describe('bench report', () => {
  it('takes nearest-rank percentiles of sorted samples', () => {
    const samples = Array.from({ length: 200 }, (_, i) => i + 1);
    expect(percentile(samples, 50)).toBe(100);
    expect(percentile(samples, 99)).toBe(198);
    expect(percentile([5], 99)).toBe(5);
    expect(percentile([], 50)).toBeNaN();
  });

  it('prints ratio as value over baseline, the better direction by unit, and whether a goal is met', () => {
    const md = toMarkdown([
      {
        name: 'r',
        inputs: '10 things',
        figures: [
          {
            metric: 'rate',
            value: 50,
            unit: 'files/s',
            baseline: { name: 'floor', value: 200 },
            goal: '≥ 200',
            met: false,
          },
          {
            metric: 'p99',
            value: 12,
            unit: 'ms',
            baseline: { name: 'GetItem', value: 4 },
            goal: '≤ 20 ms',
            met: true,
          },
          { metric: 'found', value: 0.83, unit: '% found', baseline: { name: 'before', value: 0 } },
        ],
      },
    ]);
    expect(md).toContain('| r | rate | 50.0 files/s | higher | floor: 200 | 0.25× | ≥ 200 ✗ **not met** |');
    expect(md).toContain('| r | p99 | 12.0 ms | lower | GetItem: 4.00 | 3.00× | ≤ 20 ms ✓ met |');
    expect(md).toContain('| r | found | 0.83 % found | higher | before: 0.00 |  |  |');
    expect(md).toContain('- **r**: 10 things');
  });
});
