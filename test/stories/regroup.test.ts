import { describe, expect, it } from 'vitest';
import { DynamoArticleStore } from '../../shared/store/index';
import { DEFAULT_STORY_CONFIG } from '../../shared/stories/config';
import {
  DEFAULT_THRESHOLDS,
  pairScore,
  type StoryArticle,
  type StoryCandidate,
} from '../../shared/stories/decide';
import type { StoryTerms } from '../../shared/stories/features';
import { REGROUP_CLOSE, regroup, storiesNearby } from '../../shared/stories/regroup';
import { FakeDynamo } from '../store/fake-dynamo';
import { makeRecord } from '../store/records';

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
    const fake = new FakeDynamo(3);
    let clock = T0;
    const store = new DynamoArticleStore({
      doc: fake.asDocumentClient(),
      tableName: 'articles',
      stories: DEFAULT_STORY_CONFIG,
      now: () => (clock += 250),
    });
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
