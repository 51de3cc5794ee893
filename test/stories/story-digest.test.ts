import { describe, expect, it } from 'vitest';
import { normalizeSequencer } from '../../shared/store/sequencer';
import {
  arrivalKey,
  arrivalQueries,
  DigestDayView,
  type DigestEntry,
  dayKey,
  dayQueries,
  digestKey,
  ENTRY_ATTR,
  encodeEntry,
  lookUpEntries,
  lookUpHeld,
  parseArrivalItem,
  parseDigestItem,
  storedEntry,
  termHash,
  tombstone,
  versionBound,
  windowDays,
} from '../../shared/store/story-digest';

const HOUR = 3600_000;
const T0 = Date.UTC(2024, 4, 1, 12);
const entry = (id: string, time: number, terms: string[], bands: string[] = []): DigestEntry => ({
  id,
  seq: normalizeSequencer('1'),
  time,
  arrived: T0,
  story: `s-${id}`,
  terms,
  bands,
});
const limits = { termLimit: 2, bandLimit: 1 };

describe('window digest', () => {
  it('holds what it read, and leaves tombstones out', () => {
    const e = entry('a/1', T0, [termHash('e:nguyenvana'), termHash('k:chaycho')], ['0:abc', '1:def']);
    const { id, ...rest } = e;
    const item = new DigestDayView(dayKey(T0));
    const stored = [
      { ...digestKey(id, T0, e.seq), [ENTRY_ATTR]: encodeEntry(rest) },
      { ...digestKey('gone', T0, normalizeSequencer('2')), [ENTRY_ATTR]: tombstone(normalizeSequencer('2')) },
    ];
    for (const it of stored) {
      const read = parseDigestItem(it)!;
      expect(read.day).toBe(item.pk);
      item.apply(read.id, read.value);
    }
    expect(item.entry(id)).toEqual(e);
    expect(item.has('gone')).toBe(true);
    expect(item.entry('gone')).toBeNull();
    expect(item.live).toBe(1);
    expect(item.count(e.story)).toBe(1);
  });

  it('keeps the newest version of each entry, in whatever order the versions come', () => {
    const v = (seq: string, story: string) =>
      encodeEntry({ ...entry('a', T0, ['t1']), seq: normalizeSequencer(seq), story });
    const versions = [v('1', 's1'), v('3', 's3'), tombstone(normalizeSequencer('2')), v('2', 's2')];
    for (const order of [versions, [...versions].reverse(), [versions[2]!, versions[1]!, versions[0]!]]) {
      const item = new DigestDayView('W#1');
      for (const value of order) item.apply('a', value);
      expect(item.entry('a')?.story).toBe('s3');
      expect(item.count('s3')).toBe(1);
      expect(item.count('s1') + item.count('s2')).toBe(0);
      expect(item.termHits('t1').map((e) => e.story)).toEqual(['s3']);
    }
    // A deletion newer than every version leaves no live entry, and nothing to find.
    const item = new DigestDayView('W#1');
    for (const value of [...versions, tombstone(normalizeSequencer('4'))]) item.apply('a', value);
    expect(item.entry('a')).toBeNull();
    expect(item.live).toBe(0);
    expect(item.termHits('t1')).toEqual([]);
  });

  it('orders a version below any newer one, whatever its entry says', () => {
    const older = encodeEntry({ ...entry('a', T0, ['zzzz'], ['9:zzz']), seq: normalizeSequencer('1F') });
    expect(older < versionBound(normalizeSequencer('1F'))).toBe(true);
    expect(older < versionBound(normalizeSequencer('20'))).toBe(true);
    expect(older < versionBound(normalizeSequencer('1E'))).toBe(false);
    expect(tombstone(normalizeSequencer('20')) < versionBound(normalizeSequencer('1F'))).toBe(false);
  });

  it("reads each day the window touches in one or two Queries, whose ranges hold those days' items only", () => {
    const seq = normalizeSequencer('1');
    const days = windowDays(T0, 72 * HOUR);
    expect(days).toHaveLength(7);
    expect(days).toContain(dayKey(T0));
    expect(days).toContain(dayKey(T0 - 71 * HOUR));
    expect(days).not.toContain(dayKey(T0 - 100 * HOUR));
    for (let shift = 0; shift < 40; shift++) {
      const at = T0 + shift * 24 * HOUR;
      const queries = dayQueries(windowDays(at, 72 * HOUR));
      expect(queries.length).toBeGreaterThanOrEqual(1);
      expect(queries.length).toBeLessThanOrEqual(2);
      const reads = (time: number) => {
        const k = digestKey('a1', time, seq);
        return queries.some((q) => q.pk === k.pk && k.sk >= q.from && k.sk <= q.to);
      };
      for (const h of [-72, -30, 0, 30, 71]) expect(reads(at + h * HOUR)).toBe(true);
      expect(reads(at - 100 * HOUR)).toBe(false);
      expect(reads(at + 100 * HOUR)).toBe(false);
    }
  });

  it("reads the arrival items stamped in a range, across an hour's end, and gives their day", () => {
    const seq = normalizeSequencer('1');
    const from = Date.UTC(2024, 4, 1, 11, 57);
    const to = from + 6 * 60_000;
    const queries = arrivalQueries(from, to);
    expect(queries).toHaveLength(2);
    const reads = (arrived: number) => {
      const k = arrivalKey(arrived, 'a1', T0 - 50 * HOUR, seq);
      return queries.some((q) => q.pk === k.pk && k.sk >= q.from && k.sk <= q.to);
    };
    for (const at of [from, from + 1, from + 3 * 60_000, to]) expect(reads(at)).toBe(true);
    expect(reads(from - 1)).toBe(false);
    expect(reads(to + 1)).toBe(false);
    const item = { ...arrivalKey(from, 'a1', T0 - 50 * HOUR, seq), [ENTRY_ATTR]: tombstone(seq) };
    expect(parseArrivalItem(item)).toEqual({ day: dayKey(T0 - 50 * HOUR), id: 'a1', value: tombstone(seq) });
  });

  it('finds the newest entries per term within the window and the earliest per band', () => {
    const t = termHash('e:nguyenvana');
    const entries = [
      entry('old', T0 - 80 * HOUR, [t]),
      entry('n1', T0 - 3 * HOUR, [t]),
      entry('n2', T0 - 2 * HOUR, [t]),
      entry('n3', T0 - 1 * HOUR, [t]),
      entry('b1', T0 - 90 * HOUR, [], ['0:x']),
      entry('b2', T0 - 1 * HOUR, [], ['0:x']),
      entry('self', T0, [t], ['0:x']),
    ];
    const self = { id: 'self', time: T0, terms: [t], bands: ['0:x'] };
    expect([...lookUpEntries(entries, self, 72 * HOUR, limits)].sort()).toEqual(['b1', 'n2', 'n3']);
    // The same through held items' indexes, the entries spread over two items.
    const items = [new DigestDayView('W#1'), new DigestDayView('W#2')];
    entries.forEach((e, i) => {
      const { id, ...rest } = e;
      items[i % 2]!.apply(id, encodeEntry(rest));
    });
    expect([...lookUpHeld(items, self, 72 * HOUR, limits)].sort()).toEqual(['b1', 'n2', 'n3']);
  });

  it('finds through held items what a walk over every entry finds', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const terms = ['t0', 't1', 't2', 't3', 't4', 't5'];
    const bands = ['0:a', '0:b', '1:c', '1:d'];
    const pick = (from: string[]) => from.filter(() => random() < 0.3);
    const entries = Array.from({ length: 300 }, (_, i) =>
      entry(`a${i}`, T0 + Math.round((random() - 0.5) * 200 * HOUR), pick(terms), pick(bands)),
    );
    const items = [0, 1, 2, 3].map((s) => new DigestDayView(`W#${s}`));
    entries.forEach((e, i) => {
      const { id, ...rest } = e;
      items[i % 4]!.apply(id, encodeEntry(rest));
    });
    for (let i = 0; i < 20; i++) {
      const self = { id: `a${i}`, time: T0, terms: pick(terms), bands: pick(bands) };
      const walked = lookUpEntries(entries, self, 72 * HOUR, { termLimit: 5, bandLimit: 3 });
      expect([...lookUpHeld(items, self, 72 * HOUR, { termLimit: 5, bandLimit: 3 })].sort()).toEqual(
        [...walked].sort(),
      );
    }
  });

  it('finds keys as their texts match, whatever their form, through new versions of the entries', () => {
    let seed = 11;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    // Texts that one value stands for if read loosely: a leading zero, capitals, a band numbered past
    // the bands' tags (`74` is 256, the terms' tag), a value past 32 bits; and texts of no such form.
    const terms = ['1', '01', 'a1', 'A1', 'zzzzzzz', '1z141z3', 'x.y', '', 't-1'];
    const bands = ['0:1', '00:1', '74:1', '7:a1', '7:A1', '0:x:1', 'b', '7:'];
    const pick = (from: string[]) => from.filter(() => random() < 0.35);
    const items = [0, 1, 2].map((s) => new DigestDayView(`W#${s}`));
    const newest = new Map<string, { entry: DigestEntry | null; item: number }>();
    // 40 articles, each written again and again (some versions deleted): the replaced entries outnumber
    // the live ones, so the days' indexes are built again from the live ones along the way.
    for (let v = 1; v <= 12; v++)
      for (let a = 0; a < 40; a++) {
        const id = `a${a}`;
        const seq = normalizeSequencer(v.toString(16));
        const e = {
          ...entry(id, T0 + Math.round((random() - 0.5) * 200 * HOUR), pick(terms), pick(bands)),
          seq,
        };
        const gone = random() < 0.2;
        const { id: _, ...rest } = e;
        const value = gone ? tombstone(seq) : encodeEntry(rest);
        items[a % 3]!.apply(id, value);
        // As any reader reads the stored value (`x.y` is two terms of it).
        newest.set(id, { entry: storedEntry({ id, value }), item: a % 3 });
      }
    const live = [...newest.values()].flatMap((n) => (n.entry ? [n.entry] : []));
    expect(items.reduce((n, it) => n + it.live, 0)).toBe(live.length);
    for (const [id, n] of newest) expect(items[n.item]!.entry(id)).toEqual(n.entry);
    for (let i = 0; i < 60; i++) {
      const self = { id: `a${i}`, time: T0, terms: pick(terms), bands: pick(bands) };
      const limits = { termLimit: 4, bandLimit: 3 };
      expect([...lookUpHeld(items, self, 72 * HOUR, limits)].sort()).toEqual(
        [...lookUpEntries(live, self, 72 * HOUR, limits)].sort(),
      );
    }
  });
});
