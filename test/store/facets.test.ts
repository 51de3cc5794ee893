import { describe, expect, it } from 'vitest';
import {
  InvalidFilterError,
  matchesPhrase,
  planFilter,
  recordIndex,
  searchTerms,
  sortTimeOf,
  vietnamLocalTime,
} from '../../shared/store/facets';
import { makeRecord } from './records';

describe('store facets', () => {
  it('sorts by local time in Vietnam whatever the offset written', () => {
    expect(vietnamLocalTime('2017-12-26T14:03:00+07:00')).toBe('2017-12-26T14:03:00');
    expect(vietnamLocalTime('2017-12-26T20:00:00Z')).toBe('2017-12-27T03:00:00');
    expect(vietnamLocalTime('2017-12-26')).toBe('2017-12-26T00:00:00');
    expect(sortTimeOf({ publishedAt: null, processedAt: '2024-01-01T00:00:00.000Z' })).toBe(
      '2024-01-01T07:00:00',
    );
  });

  it('indexes names by nameKey, provinces by code and name, and search terms as syllables and pairs', () => {
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
        'p#lê thị hòa',
        'l#hà nội',
        'v#01',
        'v#thành phố hà nội',
        'v#thanh pho ha noi',
        't#medtop:11000000',
        'w#hoi nghi',
        'w#asean',
        'w#ha noi',
      ]),
    );
    expect(index.facets).not.toContain('w#asean le'); // pairs never span two fields
    expect(index.counted.map((c) => c.facet).sort()).toEqual([
      'l#hà nội',
      'p#lê thị hòa',
      't#medtop:11000000',
    ]);
  });

  it('caps the number of search terms', () => {
    const text = Array.from({ length: 500 }, (_, i) => `w${i}`).join(' ');
    expect(searchTerms(text).length).toBe(200);
  });

  it('plans a query on syllable pairs of q and whole-word phrase matching', () => {
    const plan = planFilter({ status: 'stored', q: 'Hà Nội mở rộng' });
    expect(plan.phrase).toBe('ha noi mo rong');
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
