import { describe, expect, it } from 'vitest';
import { parseWindowHours, storyTime } from '../../shared/stories/config';
import {
  DEFAULT_THRESHOLDS,
  LINKAGE,
  pairScore,
  rankStories,
  type StoryCandidate,
  storiesToCount,
} from '../../shared/stories/decide';
import {
  contentSimilarity,
  headlineSimilarity,
  MAX_LOOKUP_TERMS,
  pairSimilarities,
  storyFeatures,
  termSimilarity,
} from '../../shared/stories/features';
import { makeRecord } from '../store/records';

const HOUR = 3600_000;
const fire = (id: string, title: string) =>
  makeRecord(id, {
    title,
    keywords: ['cháy chợ', 'Bình Dương'],
    entities: {
      person: [{ name: 'Nguyễn Văn Tâm', mentions: 2 }],
      organization: [{ name: 'Cảnh sát PCCC Bình Dương', mentions: 1 }],
      place: [{ name: 'Bình Dương', mentions: 2 }],
    },
  });
const football = makeRecord('f', {
  title: 'Đội tuyển thắng đậm trận giao hữu',
  keywords: ['bóng đá'],
  entities: { person: [{ name: 'Lê Công Vinh', mentions: 1 }], organization: [], place: [] },
});

describe('story features', () => {
  it('scores two reports of one event above the threshold and two events below it', () => {
    const a = storyFeatures(fire('a', 'Cháy lớn ở chợ Bình Dương')).terms;
    const b = storyFeatures(fire('b', 'Bình Dương: cháy chợ trong đêm')).terms;
    const c = storyFeatures(football).terms;
    const share = DEFAULT_THRESHOLDS.headlineShare;
    expect(termSimilarity(a, b, share)).toBeGreaterThan(DEFAULT_THRESHOLDS.story);
    expect(termSimilarity(a, c, share)).toBeLessThan(DEFAULT_THRESHOLDS.story);
  });

  it('weighs shared terms by the smaller weight over both sides, content and headline apart', () => {
    const a = { 'e:lan': 3, 'k:mua': 1, 'h:lu': 1 };
    const b = { 'e:lan': 2, 'b:gio': 1, 'h:lu': 1, 'h:to': 1 };
    expect(contentSimilarity(a, b)).toBeCloseTo((2 * 2) / (4 + 3), 12);
    expect(headlineSimilarity(a, b)).toBeCloseTo((2 * 1) / (1 + 2), 12);
    expect(termSimilarity(a, b, 0.5)).toBeCloseTo(Math.sqrt((4 / 7) * (2 / 3)), 12);
    expect(termSimilarity(a, { 'e:lan': 1 }, 0.5)).toBeCloseTo((2 * 1) / (4 + 1), 12); // no headline there
  });

  it("keeps the headline's content syllables apart from the other terms, and never looks them up", () => {
    const { terms, lookup } = storyFeatures(fire('a', 'Cháy lớn ở chợ Bình Dương và Đồng Nai'));
    expect(Object.keys(terms).filter((t) => t.startsWith('h:'))).toEqual(
      expect.arrayContaining(['h:chay', 'h:lon', 'h:cho', 'h:binh', 'h:duong']),
    );
    expect(terms['h:va']).toBeUndefined(); // a function word
    expect(lookup.some((t) => t.startsWith('h:'))).toBe(false);
  });
});

describe('headline similarity', () => {
  // Two events the same evening with the same people: the match, and the coach's praise after it.
  const match = (id: string, title: string) =>
    makeRecord(id, {
      title,
      keywords: ['trận đấu', 'bàn thắng', 'Hà Nội FC'],
      entities: {
        person: [
          { name: 'Nguyễn Văn Quyết', mentions: 3 },
          { name: 'Chu Đình Nghiêm', mentions: 1 },
        ],
        organization: [
          { name: 'Hà Nội FC', mentions: 3 },
          { name: 'Thể Công Viettel', mentions: 2 },
        ],
        place: [{ name: 'Hàng Đẫy', mentions: 1 }],
      },
    });
  const report = storyFeatures(match('r1', 'Hà Nội FC thắng Thể Công Viettel 3-0 ở Hàng Đẫy')).terms;
  const report2 = storyFeatures(match('r2', 'Thể Công Viettel thua đậm Hà Nội FC')).terms;
  const praise = storyFeatures(match('p1', 'HLV Chu Đình Nghiêm khen ngợi Văn Quyết')).terms;

  it('scores two headlines saying the same higher than two on the same people saying something else', () => {
    expect(headlineSimilarity(report, report2)).toBeGreaterThan(2 * headlineSimilarity(report, praise));
  });

  it('needs the content and the headline to agree for a pair to reach the story threshold', () => {
    const share = DEFAULT_THRESHOLDS.headlineShare;
    // The content alone cannot tell the match from the praise.
    expect(termSimilarity(report, praise, 0)).toBeGreaterThan(DEFAULT_THRESHOLDS.story);
    expect(termSimilarity(report, praise, share)).toBeLessThan(DEFAULT_THRESHOLDS.story);
    expect(termSimilarity(report, report2, share)).toBeGreaterThan(DEFAULT_THRESHOLDS.story);
  });

  it('counts the content alone when one side has no headline (a link stored before headlines were kept)', () => {
    const withoutHeadline = Object.fromEntries(Object.entries(praise).filter(([t]) => !t.startsWith('h:')));
    expect(termSimilarity(report, withoutHeadline, 0.5)).toBe(contentSimilarity(report, praise));
  });

  it('looks candidates up by a few names, keywords and title words, and by places only after them', () => {
    const { lookup } = storyFeatures(fire('a', 'Cháy lớn ở chợ Bình Dương'));
    expect(lookup).toContain('e:nguyenvantam');
    expect(lookup).toContain('k:chaycho');
    expect(lookup.at(-1)).toBe('e:binhduong'); // the place, once the other kinds ran out
    const many = storyFeatures(
      makeRecord('m', {
        title: 'Cháy lớn thiêu rụi chợ đầu mối nông sản giữa đêm khuya',
        keywords: ['cháy chợ', 'chợ đầu mối', 'nông sản', 'tiểu thương', 'thiệt hại'],
        entities: {
          person: [
            { name: 'Nguyễn Văn Tâm', mentions: 2 },
            { name: 'Trần Thị Hoa', mentions: 1 },
          ],
          organization: [{ name: 'Cảnh sát PCCC Bình Dương', mentions: 1 }],
          place: [{ name: 'Thủ Dầu Một', mentions: 3 }],
        },
      }),
    ).lookup;
    expect(many).toHaveLength(MAX_LOOKUP_TERMS);
    expect(many).not.toContain('e:thudaumot');
  });
});

describe('story features, exactly', () => {
  it('skips a name that folds to nothing without shifting the kinds it alternates', () => {
    const { terms, lookup } = storyFeatures(
      makeRecord('x', {
        title: 'Cháy chợ',
        keywords: ['cháy chợ'],
        entities: {
          person: [
            { name: '—', mentions: 5 },
            { name: 'Nguyễn Văn Tâm', mentions: 1 },
          ],
          organization: [{ name: 'Cảnh sát PCCC', mentions: 1 }],
          place: [],
        },
      }),
    );
    expect(terms['e:']).toBeUndefined();
    expect(lookup.slice(0, 4)).toEqual(['e:nguyenvantam', 'e:canhsatpccc', 'k:chaycho', 't:chay cho']);
  });

  it('scores a pair as the weighted geometric mean of its content and headline similarities, to the bit', () => {
    const a = storyFeatures(fire('a', 'Cháy lớn ở chợ Bình Dương')).terms;
    const b = storyFeatures(fire('b', 'Bình Dương: cháy chợ trong đêm')).terms;
    for (const share of [0.25, 0.5])
      expect(termSimilarity(a, b, share)).toBe(
        contentSimilarity(a, b) ** (1 - share) * headlineSimilarity(a, b) ** share,
      );
    expect(termSimilarity(a, b, 0)).toBe(contentSimilarity(a, b));
  });

  it('gives both similarities of a pair from one walk as the two functions give them', () => {
    const a = storyFeatures(fire('a', 'Cháy lớn ở chợ Bình Dương')).terms;
    const b = storyFeatures(football).terms;
    for (const [x, y] of [
      [a, b],
      [b, a],
      [a, { 'e:binhduong': 1 }],
    ] as const)
      expect(pairSimilarities(x, y, 0.5)).toEqual({
        term: termSimilarity(x, y, 0.5),
        content: contentSimilarity(x, y),
      });
  });
});

describe('rankStories', () => {
  const self = {
    id: 'n',
    time: 0,
    terms: storyFeatures(fire('n', 'Cháy chợ Bình Dương')).terms,
    sketch: null,
  };
  const candidate = (id: string, story: string, time: number, record = fire(id, 'Cháy chợ lớn')) =>
    ({ id, time, story, terms: storyFeatures(record).terms, sketch: null }) as StoryCandidate;

  it('joins the story of the closest article and starts none when nothing is close', () => {
    const ranked = rankStories(
      self,
      [candidate('a', 's1', HOUR), candidate('f', 's2', 0, football)],
      DEFAULT_THRESHOLDS,
      72 * HOUR,
    );
    expect(ranked.map((r) => r.story)).toEqual(['s1']);
    expect(rankStories(self, [candidate('f', 's2', 0, football)], DEFAULT_THRESHOLDS, 72 * HOUR)).toEqual([]);
  });

  it('prefers the nearer of two equal matches in time', () => {
    const ranked = rankStories(
      self,
      [candidate('a', 's1', 60 * HOUR), candidate('b', 's2', 2 * HOUR)],
      DEFAULT_THRESHOLDS,
      72 * HOUR,
    );
    expect(ranked[0]?.story).toBe('s2');
  });
});

describe('story linkage', () => {
  const self = {
    id: 'n',
    time: 0,
    terms: storyFeatures(fire('n', 'Cháy chợ Bình Dương')).terms,
    sketch: null,
  };
  const member = (id: string, story: string, storySize: number, record = fire(id, 'Cháy chợ lớn')) =>
    ({
      id,
      time: HOUR,
      story,
      storySize,
      terms: storyFeatures(record).terms,
      sketch: null,
    }) as StoryCandidate;
  const close = pairScore(self, member('a', 's', 1), DEFAULT_THRESHOLDS);

  it('scores a story by its best member (single) or by the mean over all its members (average)', () => {
    expect(LINKAGE.single([0.2, 0.6])).toBe(0.6);
    expect(LINKAGE.average([0.2, 0.6], 2)).toBeCloseTo(0.4);
    // Members the look-up did not find count 0.
    expect(LINKAGE.average([0.2, 0.6], 4)).toBeCloseTo(0.2);
  });

  it('does not join a big story through one close member (average linkage)', () => {
    expect(close).toBeGreaterThan(DEFAULT_THRESHOLDS.story);
    const loose = [member('a', 'big', 6), member('f', 'big', 6, football)];
    expect(rankStories(self, loose, { ...DEFAULT_THRESHOLDS, linkage: 'average' }, 72 * HOUR)).toEqual([]);
    expect(
      rankStories(self, loose, { ...DEFAULT_THRESHOLDS, linkage: 'single' }, 72 * HOUR).map((r) => r.story),
    ).toEqual(['big']);
  });

  it('joins a story most of whose members are close (average linkage)', () => {
    const story = [member('a', 's', 3), member('b', 's', 3), member('f', 's', 3, football)];
    const ranked = rankStories(self, story, { ...DEFAULT_THRESHOLDS, linkage: 'average' }, 72 * HOUR);
    expect(ranked.map((r) => r.story)).toEqual(['s']);
  });

  it('lowers a pair score with the time between the two articles, down to its floor at the time scale', () => {
    // The term similarity's decay alone (the content does not count alone here).
    const termsOnly = { ...DEFAULT_THRESHOLDS, contentAlone: 2 };
    const at = (hours: number) => pairScore(self, { ...member('a', 's', 1), time: hours * HOUR }, termsOnly);
    const floor = 1 - DEFAULT_THRESHOLDS.timeDecay;
    expect(at(DEFAULT_THRESHOLDS.timeScaleHours / 2)).toBeLessThan(at(0));
    expect(at(DEFAULT_THRESHOLDS.timeScaleHours) / at(0)).toBeCloseTo(floor);
    expect(at(DEFAULT_THRESHOLDS.timeScaleHours * 2)).toBeCloseTo(at(DEFAULT_THRESHOLDS.timeScaleHours));
  });

  it('counts two articles close by their content alone when it is high enough, whatever their headlines, losing it over the time scale', () => {
    // One event's two reports, headed by words they do not share (the fire's record, other headlines).
    const report = { ...self, terms: storyFeatures(fire('n', 'Cháy chợ Bình Dương')).terms };
    const other = (hours: number) => ({
      ...report,
      id: 'o',
      time: hours * HOUR,
      terms: storyFeatures(fire('o', 'Hàng trăm tiểu thương trắng tay')).terms,
    });
    expect(headlineSimilarity(report.terms, other(0).terms)).toBe(0);
    const content = contentSimilarity(report.terms, other(0).terms);
    expect(content).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.contentAlone);
    expect(pairScore(report, other(0), DEFAULT_THRESHOLDS)).toBeCloseTo(content);
    expect(pairScore(report, other(DEFAULT_THRESHOLDS.timeScaleHours / 2), DEFAULT_THRESHOLDS)).toBeCloseTo(
      content / 2,
    );
    expect(pairScore(report, other(DEFAULT_THRESHOLDS.timeScaleHours), DEFAULT_THRESHOLDS)).toBe(0);
    // Below the setting, the headlines that share nothing keep the pair apart.
    const high = { ...DEFAULT_THRESHOLDS, contentAlone: content + 0.01 };
    expect(pairScore(report, other(0), high)).toBe(0);
  });

  it('asks for the window size of a story that only its members older than the window keep out', () => {
    const average = { ...DEFAULT_THRESHOLDS, linkage: 'average' as const };
    const longRunning = [member('a', 'old', 10), member('b', 'old', 10)];
    expect(rankStories(self, longRunning, average, 72 * HOUR)).toEqual([]);
    expect(storiesToCount(self, longRunning, average, 72 * HOUR)).toEqual(['old']);
    // Counted in the window, the story has just these two members: the article joins it.
    const counted = longRunning.map((c) => ({ ...c, storySize: 2 }));
    expect(rankStories(self, counted, average, 72 * HOUR).map((r) => r.story)).toEqual(['old']);
    expect(storiesToCount(self, counted, average, 72 * HOUR)).toEqual([]);
    expect(storiesToCount(self, [member('f', 'far', 10, football)], average, 72 * HOUR)).toEqual([]);
  });

  it('ignores candidates outside the window', () => {
    const far = { ...member('a', 's', 1), time: 80 * HOUR };
    expect(rankStories(self, [far], { ...DEFAULT_THRESHOLDS, story: 0.01 }, 72 * HOUR)).toEqual([]);
  });
});

describe('story settings', () => {
  it('takes the window from STORY_WINDOW_HOURS and refuses a bad one', () => {
    expect(parseWindowHours(undefined)).toBe(72);
    expect(parseWindowHours('24')).toBe(24);
    expect(() => parseWindowHours('0')).toThrow(/STORY_WINDOW_HOURS/);
    expect(() => parseWindowHours('1.5')).toThrow(/STORY_WINDOW_HOURS/);
  });

  it('dates an article by publication, a bare day at noon in Vietnam, else by processing', () => {
    expect(storyTime({ publishedAt: '2024-05-01', processedAt: '2024-06-01T00:00:00Z' })).toBe(
      Date.parse('2024-05-01T05:00:00Z'),
    );
    expect(storyTime({ publishedAt: null, processedAt: '2024-06-01T00:00:00Z' })).toBe(
      Date.parse('2024-06-01T00:00:00Z'),
    );
  });
});
