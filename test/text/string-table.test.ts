import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { featureHash } from '../../shared/text/fold';
import { buildStringTable, StringTable } from '../../shared/text/string-table';

describe('string table', () => {
  it('finds each key at its entry number and nothing else', () => {
    const table = new StringTable(buildStringTable(['hà nội', 'huế', 'hà', 'nội hà']));
    expect(['hà nội', 'huế', 'hà', 'nội hà'].map((k) => table.indexOf(k))).toEqual([0, 1, 2, 3]);
    expect(table.indexOf('hà nộ')).toBe(-1);
    expect(table.indexOf('nội')).toBe(-1);
    expect(table.has('')).toBe(false);
    expect(table.keyAt(3)).toBe('nội hà');
  });

  it('finds parts joined by spaces as indexOf finds the joined key, without joining them', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ maxLength: 8 }), { maxLength: 40 }),
        fc.array(
          fc.array(fc.constantFrom('hà', 'nội', 'h', 'à', 'nội hà', ''), { minLength: 1, maxLength: 3 }),
        ),
        (keys, probes) => {
          const joined = probes.map((parts) => parts.join(' '));
          const table = new StringTable(buildStringTable([...new Set([...keys, ...joined.slice(0, 3)])]));
          for (const parts of [...probes, ...keys.map((k) => k.split(' '))]) {
            const key = parts.join(' ');
            expect(table.indexOfJoined(featureHash(key), key.length, parts, parts.length)).toBe(
              table.indexOf(key),
            );
          }
        },
      ),
    );
  });

  it('answers as a Set of the same keys would', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ maxLength: 6 }), { maxLength: 60 }),
        fc.array(fc.string({ maxLength: 6 })),
        (keys, probes) => {
          const table = new StringTable(buildStringTable(keys));
          const set = new Set(keys);
          for (const probe of [...keys, ...probes]) expect(table.has(probe)).toBe(set.has(probe));
          keys.forEach((key, e) => {
            expect(table.indexOf(key)).toBe(e);
          });
        },
      ),
    );
  });

  it('refuses a key listed twice', () => {
    expect(() => buildStringTable(['huế', 'huế'])).toThrow(/listed twice/);
  });
});
