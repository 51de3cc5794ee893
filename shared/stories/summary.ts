/**
 * What a story list shows of a story, computed from its articles: size, publishers, first and last seen,
 * the entities most of its articles name, and one title that stands for it. Pure, no AWS.
 */
import type { ArticleRecord } from '../model/article';
import { storyTime } from './config';

/** Entities a story summary lists. */
export const TOP_STORY_ENTITIES = 5;

export type StoryEntityType = 'person' | 'organization' | 'place';

export interface StoryEntity {
  type: StoryEntityType;
  name: string;
  /** The story's articles that name it. */
  count: number;
}

export interface StorySummary {
  id: string;
  /** Articles in the story. */
  size: number;
  /** Publishers of its articles, most articles first. */
  publishers: string[];
  /** Earliest and latest article time (publication, else processing), ISO 8601 UTC. */
  firstSeen: string;
  lastSeen: string;
  /** The entities most of its articles name, most articles first. */
  entities: StoryEntity[];
  /** The title of the article that names most of those entities (the earliest on a tie); null when none has one. */
  title: string | null;
  /** The article that title comes from. */
  titleArticle: string | null;
}

export type StoryMemberSummary = Pick<
  ArticleRecord,
  'id' | 'title' | 'publisher' | 'publishedAt' | 'processedAt' | 'entities' | 'duplicateOf'
>;

const TYPES: StoryEntityType[] = ['person', 'organization', 'place'];

function byCountThenName<T>(counts: Map<T, number>, name: (key: T) => string): T[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || name(a[0]).localeCompare(name(b[0]), 'vi'))
    .map(([key]) => key);
}

/** The summary of a story from its articles (at least one). */
export function summarizeStory(id: string, size: number, articles: StoryMemberSummary[]): StorySummary {
  const times = articles.map((a) => ({ article: a, time: storyTime(a) }));
  times.sort((a, b) => a.time - b.time || (a.article.id < b.article.id ? -1 : 1));

  const publishers = new Map<string, number>();
  for (const a of articles)
    if (a.publisher) publishers.set(a.publisher, (publishers.get(a.publisher) ?? 0) + 1);

  // One count per article and entity, keyed by type and name (names are canonical after tagging).
  const entityCounts = new Map<string, number>();
  const named = new Map<string, Set<string>>();
  for (const a of articles) {
    const keys = new Set<string>();
    for (const type of TYPES) for (const e of a.entities[type]) keys.add(`${type}\u0000${e.name}`);
    named.set(a.id, keys);
    for (const k of keys) entityCounts.set(k, (entityCounts.get(k) ?? 0) + 1);
  }
  const top = byCountThenName(entityCounts, (k) => k).slice(0, TOP_STORY_ENTITIES);

  // The earliest article naming most of the top entities; copies (duplicateOf set) only when nothing else has a title.
  let best: { article: StoryMemberSummary; score: number } | null = null;
  for (const pass of [false, true]) {
    for (const { article } of times) {
      if (!article.title || (!pass && article.duplicateOf)) continue;
      const keys = named.get(article.id)!;
      const score = top.filter((k) => keys.has(k)).length;
      if (!best || score > best.score) best = { article, score };
    }
    if (best) break;
  }

  return {
    id,
    size,
    publishers: byCountThenName(publishers, (p) => p),
    firstSeen: new Date(times[0]!.time).toISOString(),
    lastSeen: new Date(times[times.length - 1]!.time).toISOString(),
    entities: top.map((k) => {
      const [type, name] = k.split('\u0000') as [StoryEntityType, string];
      return { type, name, count: entityCounts.get(k)! };
    }),
    title: best?.article.title ?? null,
    titleArticle: best?.article.id ?? null,
  };
}
