import { describe, expect, it } from 'vitest';
import {
  InvalidFilterError,
  matchesPhrase,
  planFilter,
  recordIndex,
  sortTimeOf,
  vietnamLocalTime,
} from '../../shared/store/facets';
import { makeRecord } from './records';

describe('store facets', () => {
  it('sorts by local time in Vietnam whatever the offset written', () => {
    expect(vietnamLocalTime('2017-12-26T14:03:00+07:00')).toBe('2017-12-26T14:03:00');
    expect(vietnamLocalTime('2017-12-26T20:00:00Z')).toBe('2017-12-27T03:00:00');
    expect(vietnamLocalTime('2017-12-26')).toBe('2017-12-26T00:00:00');
    expect(sortTimeOf({ publishedAt: '2024-01-01', processedAt: '2024-02-01T00:00:00.000Z' })).toBe(
      '2024-01-01T00:00:00',
    );
  });

  it('sorts an undated article by its processing time, below every dated one', () => {
    const undated = sortTimeOf({ publishedAt: null, processedAt: '2024-01-01T00:00:00.000Z' });
    expect(undated).toBe('!2024-01-01T07:00:00');
    expect(undated < '0001-01-01T00:00:00').toBe(true);
    expect(planFilter({ status: 'stored', dated: false })).toMatchObject({ lower: '!', upper: '!~' });
    expect(planFilter({ status: 'stored', dated: true }).lower! > undated).toBe(true);
    expect(planFilter({ status: 'stored', from: '1900-01-01' }).lower! > undated).toBe(true);
    expect(planFilter({ status: 'stored', dated: false, from: '2024-01-01' }).empty).toBe(true);
  });

  it('indexes names folded, provinces by code and name, and search terms as syllables and pairs', () => {
    const index = recordIndex(
      makeRecord('x', {
        title: 'Hội nghị ASEAN',
        entities: {
          person: [{ name: 'Lê Thị Hoà', mentions: 1 }],
          organization: [],
          place: [{ name: 'Hà Nội', mentions: 1, province: { code: '01', name: 'Thành phố Hà Nội' } }],
        },
        topics: [{ code: 'medtop:11000000', label: 'chính trị', score: 0.9 }],
      }),
    );
    expect(index.facets).toEqual(
      expect.arrayContaining([
        's#stored',
        'p#lethihoa',
        'l#hanoi',
        'l#hn',
        'v#01',
        'v#hanoi',
        't#medtop:11000000',
        'w#hoi nghi',
        'w#asean',
        'w#ha noi',
      ]),
    );
    expect(index.facets).not.toContain('w#asean le'); // pairs never span two fields
    expect(index.counted.map((c) => c.facet).sort()).toEqual(['l#hanoi', 'p#lethihoa', 't#medtop:11000000']);
  });

  it('folds entity filters like q and matches the ways a city is written', () => {
    const hcm = { code: '79', name: 'Thành phố Hồ Chí Minh' };
    for (const name of ['TP.HCM', 'TPHCM', 'Hồ Chí Minh', 'Thành phố Hồ Chí Minh']) {
      const index = recordIndex(
        makeRecord('x', {
          entities: { person: [], organization: [], place: [{ name, mentions: 1, province: hcm }] },
        }),
      );
      for (const asked of ['TP.HCM', 'TPHCM', 'tp hcm', 'Thành phố Hồ Chí Minh', 'ho chi minh']) {
        expect(index.facets).toContain(planFilter({ status: 'stored', place: asked }).partition);
      }
      // One counter for the city, under its short name.
      expect(index.counted).toEqual([
        expect.objectContaining({ counterKey: 'hochiminh', name: 'Hồ Chí Minh' }),
      ]);
    }
    expect(planFilter({ status: 'stored', person: 'pham binh minh' }).partition).toBe(
      planFilter({ status: 'stored', person: 'Phạm  Bình Minh' }).partition,
    );
    // A district in the city is no name of the city.
    const district = recordIndex(
      makeRecord('y', {
        entities: { person: [], organization: [], place: [{ name: 'Quận 1', mentions: 1, province: hcm }] },
      }),
    );
    expect(district.facets).not.toContain('l#hochiminh');
    expect(district.facets).toContain('v#79');
  });

  it('indexes the aliases an entity lists', () => {
    const index = recordIndex(
      makeRecord('x', {
        entities: {
          person: [],
          organization: [{ name: 'Ngân hàng Nhà nước Việt Nam', aliases: ['NHNN'], mentions: 1 } as never],
          place: [],
        },
      }),
    );
    expect(index.facets).toEqual(expect.arrayContaining(['o#nganhangnhanuocvietnam', 'o#nhnn']));
    expect(index.counted).toEqual([expect.objectContaining({ counterKey: 'nganhangnhanuocvietnam' })]);
  });

  it('plans a query on syllable pairs of q and whole-word phrase matching', () => {
    const plan = planFilter({ status: 'stored', q: 'Hà Nội mở rộng' });
    expect(plan.phrase).toBe('ha noi mo rong');
    // One or two syllables are one term: having it is the match.
    expect(planFilter({ status: 'stored', q: 'Hà Nội' })).toMatchObject({ partition: 'w#ha noi' });
    expect(planFilter({ status: 'stored', q: 'Hà Nội' }).phrase).toBeUndefined();
    expect(plan.required).toEqual(expect.arrayContaining(['w#ha noi', 'w#noi mo', 'w#mo rong', 's#stored']));
    expect(matchesPhrase('thu do ha noi mo rong | x', 'ha noi mo rong')).toBe(true);
    expect(matchesPhrase('thu do ha noi | mo rong', 'ha noi mo rong')).toBe(false);
    expect(matchesPhrase('hanoi', 'ha')).toBe(false);
  });

  it('turns day filters into inclusive key bounds and refuses bad days', () => {
    expect(planFilter({ status: 'stored', from: '2024-01-01', to: '2024-01-31' })).toMatchObject({
      lower: '2024-01-01T',
      upper: '2024-01-31T~',
    });
    expect(() => planFilter({ status: 'stored', from: '1/1/2024' })).toThrow(InvalidFilterError);
    expect(() => planFilter({ status: 'stored', person: '  ' })).toThrow(InvalidFilterError);
  });
});
