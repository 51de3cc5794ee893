import { describe, expect, it } from 'vitest';
import {
  DEFAULT_THRESHOLDS,
  pairScore,
  type StoryArticle,
  type StoryCandidate,
} from '../../shared/stories/decide';
import type { StoryTerms } from '../../shared/stories/features';
import {
  REGROUP_CLOSE,
  regroup,
  regrouped,
  SPLIT_MEMBERS,
  split,
  splitNeeded,
  storiesNearby,
} from '../../shared/stories/regroup';
import { makeRecord } from '../store/records';
import { storiesOnFake } from './fake-story-store';

const WINDOW = 72 * 3600_000;
const T0 = Date.UTC(2024, 4, 1);
const article = (id: string, terms: StoryTerms): StoryArticle => ({ id, time: T0, terms, sketch: null });
const placed = (a: StoryArticle, story: string, storySize: number): StoryCandidate => ({
  ...a,
  story,
  storySize,
});

// One event (a fire at a market) and another (a football match), as weighted terms.
const fire = (extra: StoryTerms = {}) => ({
  'e:tam': 3,
  'e:binhduong': 1.5,
  'k:chaycho': 2,
  'h:chay': 1,
  'h:cho': 1,
  ...extra,
});
const match = (extra: StoryTerms = {}) => ({
  'e:vinh': 3,
  'k:bongda': 2,
  'h:thang': 1,
  'h:dam': 1,
  ...extra,
});

describe('regroup', () => {
  it('moves a close neighbour that founded a story alone into the arrival’s story', () => {
    const self = article('self', fire({ 'b:dem': 1 }));
    const early = article('early', fire({ 'b:dem': 1, 'b:gio': 1 }));
    const member = article('member', fire({ 'b:sang': 1 }));
    expect(pairScore(self, early, DEFAULT_THRESHOLDS)).toBeGreaterThanOrEqual(REGROUP_CLOSE);
    const around = [placed(early, 'S1', 1), placed(member, 'S2', 1)];
    expect(storiesNearby(self, 'S2', around, DEFAULT_THRESHOLDS, WINDOW)).toEqual(['S1']);
    expect(regroup(self, 'S2', around, DEFAULT_THRESHOLDS, WINDOW)).toEqual({
      merges: [],
      moves: [{ id: 'early', from: 'S1' }],
    });
  });

  it('leaves a neighbour in its story when it is closer to the rest of it', () => {
    const self = article('self', fire());
    // Close to the arrival by one name and a headline word, closer still to its own story's match reports.
    const twin = article('twin', match({ 'e:tam': 3, 'h:chay': 1 }));
    const around = [
      placed(twin, 'S1', 3),
      placed(article('mate', match({ 'b:x': 1 })), 'S1', 3),
      placed(article('other', match({ 'b:y': 1 })), 'S1', 3),
    ];
    expect(pairScore(self, twin, DEFAULT_THRESHOLDS)).toBeGreaterThanOrEqual(REGROUP_CLOSE);
    expect(storiesNearby(self, 'S0', around, DEFAULT_THRESHOLDS, WINDOW)).toEqual(['S1']);
    expect(regroup(self, 'S0', around, DEFAULT_THRESHOLDS, WINDOW)).toEqual({ merges: [], moves: [] });
    // Alone in its story, the same neighbour moves.
    expect(regroup(self, 'S0', [placed(twin, 'S1', 1)], DEFAULT_THRESHOLDS, WINDOW).moves).toEqual([
      { id: 'twin', from: 'S1' },
    ]);
  });

  it('merges a story of the same event that began apart, by the mean over both stories’ sizes', () => {
    const self = article('self', fire());
    const around = [
      placed(article('a1', fire({ 'b:a': 1 })), 'A', 2),
      placed(article('a2', fire({ 'b:b': 1 })), 'A', 2),
      placed(article('b1', fire({ 'b:c': 1 })), 'B', 1),
    ];
    expect(regroup(self, 'B', around, DEFAULT_THRESHOLDS, WINDOW)).toEqual({ merges: ['A'], moves: [] });
    // Members the reads did not give count 0: a story of twenty with two close members stays apart.
    const big = around.map((c) => (c.story === 'A' ? { ...c, storySize: 20 } : c));
    expect(regroup(self, 'B', big, DEFAULT_THRESHOLDS, WINDOW).merges).toEqual([]);
  });

  it('does nothing when no neighbour outside the article’s story is close', () => {
    const self = article('self', fire());
    const around = [placed(article('m', match()), 'S1', 1)];
    expect(storiesNearby(self, 'S0', around, DEFAULT_THRESHOLDS, WINDOW)).toEqual([]);
    expect(regroup(self, 'S0', around, DEFAULT_THRESHOLDS, WINDOW)).toEqual({ merges: [], moves: [] });
  });

  it('ignores neighbours outside the window', () => {
    const self = article('self', fire());
    const far = { ...article('far', fire()), time: T0 + WINDOW + 1 };
    expect(regroup(self, 'S0', [placed(far, 'S1', 1)], DEFAULT_THRESHOLDS, WINDOW).moves).toEqual([]);
  });
});

// A match report, and the coach's praise of a player after it: neighbouring events. The first report
// names the player, so it is close to the praise; the others are not.
const report = (id: string, player = false) =>
  article(id, {
    'e:chelsea': 3,
    'e:schalke': 3,
    'k:banthang': 2,
    'h:chelsea': 1,
    'h:schalke': 1,
    'h:thang': 1,
    [`b:${id}`]: 1,
    ...(player ? { 'e:torres': 3, 'h:torres': 1 } : { 'k:ngoidau': 2 }),
  });
const praise = (id: string) =>
  article(id, {
    'e:mourinho': 3,
    'e:torres': 3,
    'k:cangoi': 2,
    'k:tiendao': 2,
    'h:torres': 1,
    'h:ngoi': 1,
    [`b:${id}`]: 1,
  });

describe('split', () => {
  const [p1, p2, r1, r2, r3] = [praise('p1'), praise('p2'), report('r1', true), report('r2'), report('r3')];
  const score = (a: StoryArticle, b: StoryArticle) => pairScore(a, b, DEFAULT_THRESHOLDS);

  it('sends an early article of a neighbouring event to a story of its own once the story’s reports have come', () => {
    // The praise came first; the report naming the player joined it, then another report through that one.
    expect(score(r1, p1)).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.story);
    expect(score(r2, p1)).toBeLessThan(DEFAULT_THRESHOLDS.story);
    expect((score(r2, p1) + score(r2, r1)) / 2).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.story);
    const story = [placed(p1, 'S', 2), placed(r1, 'S', 2)];
    expect(split(r2, 'S', story, DEFAULT_THRESHOLDS, WINDOW)).toEqual([['p1']]);
  });

  it('moves the whole group without the article, and only it', () => {
    const story = [placed(p1, 'S', 4), placed(p2, 'S', 4), placed(r1, 'S', 4), placed(r3, 'S', 4)];
    expect(split(r2, 'S', story, DEFAULT_THRESHOLDS, WINDOW)).toEqual([['p1', 'p2']]);
    // The praise arriving last keeps the story; the reports leave it.
    const other = [placed(p1, 'S', 4), placed(r1, 'S', 4), placed(r2, 'S', 4), placed(r3, 'S', 4)];
    expect(split(p2, 'S', other, DEFAULT_THRESHOLDS, WINDOW)).toEqual([['r1', 'r2', 'r3']]);
  });

  it('keeps a story whose members agree, a story of two, and ignores other stories', () => {
    expect(split(r3, 'S', [placed(r1, 'S', 2), placed(r2, 'S', 2)], DEFAULT_THRESHOLDS, WINDOW)).toEqual([]);
    expect(split(r2, 'S', [placed(p1, 'S', 1)], DEFAULT_THRESHOLDS, WINDOW)).toEqual([]);
    expect(split(r2, 'S', [placed(p1, 'T', 1), placed(r1, 'S', 1)], DEFAULT_THRESHOLDS, WINDOW)).toEqual([]);
  });

  it('groups the members beyond the article’s window too: a merge brought them along unseen', () => {
    // The praise came days later; the report naming the player joined its story, and a sister report's
    // story merged with it over the members in the sister's window: the praise came along.
    const later = { ...p1, time: T0 + WINDOW + 1 };
    const story = [placed(later, 'S', 1), placed(r1, 'S', 1)];
    expect(split(r2, 'S', story, DEFAULT_THRESHOLDS, WINDOW)).toEqual([['p1']]);
  });

  it('groups only the members in the window of a story too large to compare all with all', () => {
    const older = Array.from({ length: SPLIT_MEMBERS }, (_, i) => ({
      ...report(`old${i}`),
      time: T0 - WINDOW - 1,
    }));
    const story = [placed(p1, 'S', 2), placed(r1, 'S', 2), ...older.map((o) => placed(o, 'S', 2))];
    expect(split(r2, 'S', story, DEFAULT_THRESHOLDS, WINDOW)).toEqual([['p1']]);
  });

  it('sees the articles a re-decision merged or moved into the story as in it', () => {
    const around = [placed(p1, 'A', 1), placed(r1, 'B', 2), placed(r3, 'B', 2), placed(p2, 'C', 1)];
    const after = regrouped(around, 'S', { merges: ['B'], moves: [{ id: 'p1', from: 'A' }] });
    expect(after.map((c) => `${c.id}:${c.story}`)).toEqual(['p1:S', 'r1:S', 'r3:S', 'p2:C']);
    expect(splitNeeded(r2, 'S', around, WINDOW)).toBe(false);
    expect(splitNeeded(r2, 'S', after, WINDOW)).toBe(true);
  });

  it('is needed once the story held two others in the window, found or counted', () => {
    const needed = (self: StoryArticle, around: StoryCandidate[]) => splitNeeded(self, 'S', around, WINDOW);
    expect(needed(r3, [placed(r1, 'S', 2), placed(r2, 'S', 2)])).toBe(true);
    expect(needed(r3, [placed(r1, 'S', 2)])).toBe(true);
    expect(needed(r2, [placed(p1, 'S', 1)])).toBe(false);
    expect(needed(r2, [placed(p1, 'T', 2), placed(r1, 'S', 1)])).toBe(false);
    expect(needed(r2, [{ ...placed(p1, 'S', 2), time: T0 + WINDOW + 1 }, placed(r1, 'S', 1)])).toBe(false);
    // A story larger than a split compares is not read for one.
    expect(needed(r2, [placed(p1, 'S', SPLIT_MEMBERS), placed(r1, 'S', SPLIT_MEMBERS)])).toBe(true);
    expect(needed(r2, [placed(p1, 'S', SPLIT_MEMBERS + 1), placed(r1, 'S', SPLIT_MEMBERS + 1)])).toBe(false);
  });

  it('leaves a story with more members than a split compares', () => {
    const reports = Array.from({ length: SPLIT_MEMBERS - 1 }, (_, i) => placed(report(`x${i}`), 'S', 0));
    expect(split(r2, 'S', [placed(p1, 'S', 0), ...reports], DEFAULT_THRESHOLDS, WINDOW)).toEqual([['p1']]);
    const more = [...reports, placed(report('y'), 'S', 0)];
    expect(split(r2, 'S', [placed(p1, 'S', 0), ...more], DEFAULT_THRESHOLDS, WINDOW)).toEqual([]);
  });
});

/** Three sides of one fire: the fire, the director's statement (no word in common) and a report of both. */
const SIDES = [
  { title: 'Cháy lớn tại kho hàng Sông Đà', people: ['Nguyễn Văn Khải'], kw: ['cháy kho'] },
  { title: 'Giám đốc Trần Minh lên tiếng về bồi thường', people: ['Trần Minh'], kw: ['bồi thường'] },
  {
    title: 'Cháy kho hàng Sông Đà, giám đốc Trần Minh lên tiếng',
    people: ['Nguyễn Văn Khải', 'Trần Minh'],
    kw: ['cháy kho', 'bồi thường'],
  },
];
const side = (key: string, n: number) =>
  makeRecord(key, {
    title: SIDES[n]!.title,
    keywords: SIDES[n]!.kw,
    entities: {
      person: SIDES[n]!.people.map((name) => ({ name, mentions: 1 })),
      organization: [{ name: 'Công ty Sông Đà', mentions: 1 }],
      place: [],
    },
    body: `Bài ${key} viết riêng.`,
  });

describe('regroup in the store', () => {
  it('moves an earlier article into the story of an arrival that links it, and drops the story it leaves', async () => {
    const { fake, storeOn } = storiesOnFake(3, T0);
    const store = storeOn();
    await store.putArticle(side('fire', 0), '0001');
    await store.putArticle(side('statement', 1), '0002');
    await store.foldCounters();
    const before = await store.stories!.fieldsOf(['fire', 'statement']);
    const [fireStory, statementStory] = ['fire', 'statement'].map((k) => before.get(k)!.story!.id);
    expect(fireStory).not.toBe(statementStory);
    await store.putArticle(side('both', 2), '0003');
    await store.foldCounters();
    const after = await store.stories!.fieldsOf(['fire', 'statement', 'both']);
    expect(new Set([...after.values()].map((f) => f.story!.id)).size).toBe(1);
    expect(after.get('both')!.story!.size).toBe(3);
    // The story left behind is gone, not merged: no article points at it and its head is deleted.
    const left = [fireStory, statementStory].find((s) => s !== after.get('both')!.story!.id)!;
    expect(await store.stories!.storyMembers(left)).toBeNull();
    expect(fake.items.has(`S#${left}\u0000#`)).toBe(false);
  });
});

/** A match report (the first naming the player, as the coach's praise does) and the praise after it. */
const matchRecord = (key: string, player = false) =>
  makeRecord(key, {
    title: player
      ? 'Torres lập công, Chelsea đánh bại Schalke'
      : 'Chelsea đánh bại Schalke, lên ngôi đầu bảng',
    keywords: player ? ['bàn thắng', 'tiền đạo'] : ['bàn thắng', 'ngôi đầu'],
    entities: {
      person: player ? [{ name: 'Fernando Torres', mentions: 1 }] : [],
      organization: [
        { name: 'Chelsea', mentions: 2 },
        { name: 'Schalke', mentions: 1 },
      ],
      place: [],
    },
    body: `Bài ${key} viết riêng.`,
  });
const praiseRecord = (key: string) =>
  makeRecord(key, {
    title: 'Mourinho khen Torres hết lời',
    keywords: ['ca ngợi', 'tiền đạo'],
    entities: {
      person: [
        { name: 'Mourinho', mentions: 1 },
        { name: 'Fernando Torres', mentions: 2 },
      ],
      organization: [],
      place: [],
    },
    body: `Bài ${key} viết riêng.`,
  });

describe('split in the store', () => {
  it('moves the praise that founded the story to a story of its own once the reports disagree with it', async () => {
    const store = storiesOnFake(3, T0).storeOn();
    const storyOf = async (keys: string[]) => {
      await store.foldCounters();
      const f = await store.stories!.fieldsOf(keys);
      return keys.map((k) => f.get(k)!.story!);
    };
    await store.putArticle(praiseRecord('praise'), '0001');
    await store.putArticle(matchRecord('report1', true), '0002');
    // The report naming the player joined the praise's story: it was all the story there was.
    const [founded, joined] = await storyOf(['praise', 'report1']);
    expect(joined!.id).toBe(founded!.id);
    await store.putArticle(matchRecord('report2'), '0003');
    const [praise, report1, report2] = await storyOf(['praise', 'report1', 'report2']);
    expect(report1).toEqual({ id: founded!.id, size: 2 });
    expect(report2).toEqual({ id: founded!.id, size: 2 });
    expect(praise!.id).not.toBe(founded!.id);
    expect(praise!.size).toBe(1);
    // The next praise joins the praise's new story, not the reports'.
    await store.putArticle(praiseRecord('praise2'), '0004');
    const [p, p2] = await storyOf(['praise', 'praise2']);
    expect(p2).toEqual({ id: p!.id, size: 2 });
    expect(await store.stories!.storyMembers(founded!.id)).not.toBeNull();
  });
});
