import { describe, expect, it } from 'vitest';
import { fillWindow, retimeInOrder } from '../../bench/story-window';
import {
  dayQueries,
  lookUpEntries,
  parseDigestItem,
  storedEntry,
  termHash,
  windowDays,
} from '../../shared/store/story-digest';
import { storyFeatures } from '../../shared/stories/features';
import { bandKeys, bodySketch } from '../../shared/stories/minhash';
import { warehouseFireReport } from '../stories/warehouse-fire';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('retimeInOrder (articles arriving in event order)', () => {
  it('orders by time, ties in their given order, and spreads the new times evenly over the span', () => {
    const { order, times } = retimeInOrder([30, 10, 20, 10], 1000, 300);
    expect(order).toEqual([1, 3, 2, 0]);
    expect(times).toEqual([1300, 1000, 1200, 1100]);
  });

  it('keeps the order of the new times that of the old ones', () => {
    const old = [5e12, 1e11, 3e12, 2e12, 4e11, 9e12, 7e11];
    const { order, times } = retimeInOrder(old, 0, 4 * HOUR);
    for (let k = 1; k < order.length; k++) {
      expect(old[order[k]!]!).toBeGreaterThanOrEqual(old[order[k - 1]!]!);
      expect(times[order[k]!]!).toBeGreaterThan(times[order[k - 1]!]!);
    }
    expect(Math.min(...times)).toBe(0);
    expect(Math.max(...times)).toBe(4 * HOUR);
  });

  it('puts a single article at the start', () => {
    expect(retimeInOrder([42], 7, HOUR).times).toEqual([7]);
  });
});

describe('fillWindow (the window of other articles the pre-filled bench line stores into)', () => {
  // The team's own made-up text, long enough for a body sketch.
  const body = [
    'Sáng nay, một đám cháy lớn bùng phát tại kho hàng của Công ty Sông Đà ở ngoại thành.',
    'Hàng chục xe chữa cháy cùng hơn một trăm cán bộ chiến sĩ được điều động đến hiện trường.',
    'Ông Nguyễn Văn Khải, giám đốc công ty, cho biết toàn bộ hàng hóa trong kho đã bị thiêu rụi.',
    'Người dân sống quanh khu vực được sơ tán tạm thời sang trường học gần đó để bảo đảm an toàn.',
    'Cơ quan chức năng đã phong tỏa hiện trường và đang điều tra nguyên nhân vụ việc.',
  ].join(' ');
  const record = warehouseFireReport('fire', body, '2026-12-04T08:00:00+07:00');
  const at = Date.UTC(2026, 11, 4, 1);
  const windowMs = 72 * HOUR;
  const filled = fillWindow([record], { from: at, to: at + 4 * HOUR, windowMs, count: 700 });
  const entries = filled.items.map((it) => storedEntry(parseDigestItem(it)!)!);

  it('holds the entries asked for, all in the digest days the arrivals read', () => {
    expect(entries).toHaveLength(700);
    expect(new Set(entries.map((e) => e.id)).size).toBe(700);
    const days = [...windowDays(at, windowMs), ...windowDays(at + 4 * HOUR, windowMs)];
    const queries = dayQueries(days);
    for (const item of filled.items) {
      const { pk, sk } = item as { pk: string; sk: string };
      expect(queries.some((q) => q.pk === pk && sk >= q.from && sk <= q.to)).toBe(true);
    }
    // Spread over every one of those days, not heaped on a few.
    const held = new Set(filled.items.map((it) => parseDigestItem(it)!.day));
    expect(held.size).toBe(new Set(days).size);
  });

  it('spreads them evenly over the days those items hold, arrived before any of them', () => {
    const perDay = new Map<number, number>();
    for (const e of entries) {
      const day = Math.floor(e.time / DAY);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
      expect(e.arrived).toBeLessThan(Math.min(...entries.map((x) => x.time)));
    }
    expect(perDay.size).toBe(7);
    for (const n of perDay.values()) expect(n).toBe(100);
  });

  it("gives each entry as many look-up keys as the model record has, none of them the record's", () => {
    const terms = storyFeatures(record).lookup.map(termHash);
    const bands = bandKeys(bodySketch(record.body)!);
    expect(terms.length).toBeGreaterThan(0);
    for (const e of entries) {
      expect(e.terms).toHaveLength(terms.length);
      expect(e.bands).toHaveLength(bands.length);
    }
    const found = lookUpEntries(entries, { id: record.id, time: at, terms, bands }, windowMs, {
      termLimit: 40,
      bandLimit: 20,
    });
    expect(found.size).toBe(0);
  });
});
