import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../shared/model/article';
import { summarizeStory, TOP_STORY_ENTITIES } from '../../shared/stories/summary';
import { makeRecord } from '../store/records';

const names = (person: string[], place: string[] = []): ArticleRecord['entities'] => ({
  person: person.map((name) => ({ name, mentions: 1 })),
  organization: [],
  place: place.map((name) => ({ name, mentions: 1 })),
});

describe('summarizeStory', () => {
  const a = makeRecord('a', {
    title: 'Bão số 3 đổ bộ Quảng Ninh',
    publisher: 'VnExpress',
    publishedAt: '2024-09-07T09:00:00+07:00',
    entities: names(['Trần Hồng Hà'], ['Quảng Ninh']),
  });
  const b = makeRecord('b', {
    title: 'Quảng Ninh: Phó Thủ tướng Trần Hồng Hà chỉ đạo ứng phó bão',
    publisher: 'Tuổi Trẻ',
    publishedAt: '2024-09-07T11:30:00+07:00',
    entities: names(['Trần Hồng Hà'], ['Quảng Ninh', 'Hải Phòng']),
  });
  const copy = makeRecord('c', {
    title: 'Bão số 3 đổ bộ Quảng Ninh, Hải Phòng',
    publisher: 'VnExpress',
    publishedAt: null,
    processedAt: '2024-09-07T06:00:00.000Z',
    duplicateOf: 'a',
    entities: names(['Trần Hồng Hà'], ['Quảng Ninh', 'Hải Phòng']),
  });

  it('spans the story from its earliest to its latest article, undated ones by processing time', () => {
    const s = summarizeStory('s1', 3, [b, copy, a]);
    expect(s).toMatchObject({ id: 's1', size: 3 });
    expect(s.firstSeen).toBe('2024-09-07T02:00:00.000Z');
    expect(s.lastSeen).toBe('2024-09-07T06:00:00.000Z');
  });

  it('lists publishers and entities by how many articles have them', () => {
    const s = summarizeStory('s1', 3, [a, b, copy]);
    expect(s.publishers).toEqual(['VnExpress', 'Tuổi Trẻ']);
    expect(s.entities).toEqual([
      { type: 'person', name: 'Trần Hồng Hà', count: 3 },
      { type: 'place', name: 'Quảng Ninh', count: 3 },
      { type: 'place', name: 'Hải Phòng', count: 2 },
    ]);
  });

  it('takes the title of the article naming most top entities, not a copy, the earliest on a tie', () => {
    expect(summarizeStory('s1', 3, [a, b, copy])).toMatchObject({ title: b.title, titleArticle: 'b' });
    const twin = { ...b, id: 'd', title: 'Bản tin sau', publishedAt: '2024-09-07T12:00:00+07:00' };
    expect(summarizeStory('s1', 4, [twin, a, b, copy]).titleArticle).toBe('b');
  });

  it('falls back to a copy, then to no title', () => {
    expect(summarizeStory('s1', 2, [{ ...a, title: null }, copy]).titleArticle).toBe('c');
    expect(summarizeStory('s1', 1, [{ ...a, title: null }])).toMatchObject({
      title: null,
      titleArticle: null,
    });
  });

  it(`keeps at most ${TOP_STORY_ENTITIES} entities`, () => {
    const many = makeRecord('m', { entities: names(['A Một', 'B Hai', 'C Ba', 'D Bốn', 'E Năm', 'G Sáu']) });
    expect(summarizeStory('s2', 1, [many]).entities).toHaveLength(TOP_STORY_ENTITIES);
  });
});
