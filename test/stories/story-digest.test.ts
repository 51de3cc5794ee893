import { describe, expect, it } from 'vitest';
import { normalizeSequencer } from '../../shared/store/sequencer';
import {
  DIGEST_ATTR,
  DIGEST_SHARDS,
  type DigestEntry,
  digestKey,
  encodeEntry,
  lookUpEntries,
  parseDigestItem,
  termHash,
  tombstone,
  versionBound,
  windowKeys,
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
  it('reads back what it wrote, and leaves tombstones out', () => {
    const e = entry('a/1', T0, [termHash('e:nguyenvana'), termHash('k:chaycho')], ['0:abc', '1:def']);
    const { id, ...rest } = e;
    const item = {
      pk: 'W#1#0',
      sk: '#',
      [DIGEST_ATTR]: { [id]: encodeEntry(rest), gone: tombstone(normalizeSequencer('2')) },
    };
    expect(parseDigestItem(item).entries).toEqual([e]);
  });

  it('parses an item again reusing the entries whose stored value did not change', () => {
    const encoded = (e: DigestEntry) => encodeEntry({ ...e, id: undefined } as Omit<DigestEntry, 'id'>);
    const a = entry('a', T0, ['t1']);
    const b = entry('b', T0, ['t2']);
    const first = parseDigestItem({ pk: 'W#1#0', sk: '#', [DIGEST_ATTR]: { a: encoded(a), b: encoded(b) } });
    expect(first.entries).toEqual([a, b]);
    const moved = { ...b, story: 's-other' };
    const item = {
      pk: 'W#1#0',
      sk: '#',
      [DIGEST_ATTR]: { a: encoded(a), b: encoded(moved), c: tombstone(normalizeSequencer('2')) },
    };
    const again = parseDigestItem(item, first.parsed);
    expect(again.entries).toEqual(parseDigestItem(item).entries);
    expect(again.entries).toEqual([a, moved]);
    expect(again.entries[0]).toBe(first.entries[0]); // same value: the earlier parse's entry
    expect(again.entries[1]).not.toBe(first.entries[1]);
    expect(parseDigestItem(undefined, again.parsed).entries).toEqual([]);
  });

  it('orders a version below any newer one, whatever its entry says', () => {
    const older = encodeEntry({ ...entry('a', T0, ['zzzz'], ['9:zzz']), seq: normalizeSequencer('1F') });
    expect(older < versionBound(normalizeSequencer('1F'))).toBe(true);
    expect(older < versionBound(normalizeSequencer('20'))).toBe(true);
    expect(older < versionBound(normalizeSequencer('1E'))).toBe(false);
    expect(tombstone(normalizeSequencer('20')) < versionBound(normalizeSequencer('1F'))).toBe(false);
  });

  it('reads every shard of each day the window touches, and writes an article to one of them', () => {
    const keys = windowKeys(T0, 72 * HOUR).map((k) => k.pk);
    expect(keys).toHaveLength(7 * DIGEST_SHARDS);
    expect(keys).toContain(digestKey('a/1', T0).pk);
    expect(keys).toContain(digestKey('a/1', T0 - 71 * HOUR).pk);
    expect(keys).not.toContain(digestKey('a/1', T0 - 100 * HOUR).pk);
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
  });
});
