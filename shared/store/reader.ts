/**
 * What the query API needs from the article store. The DynamoDB implementation lives beside it in
 * shared/store; the API only sees this interface (and tests may substitute a fake for fault injection).
 */
import type { ArticleRecord, Province, StoryRef } from '../model/article';
import type { StorySummary } from '../stories/summary';

export type { StoryEntity, StorySummary } from '../stories/summary';

export type EntityType = 'person' | 'organization' | 'place';

/**
 * Filters combine with AND. person, organization and place ignore case, diacritics and spacing, and match
 * an entity's aliases (place also the ways its province is written: TP.HCM, TPHCM, Thành phố Hồ Chí Minh);
 * category, keyword, publisher match case-insensitively after `nameKey` (NFC, one tone placement); `topic` is an IPTC code
 * (`medtop:11000000`) and matches the article's topics at any level; `province` is a province code or name.
 */
export interface ArticleFilter {
  status: 'stored' | 'rejected';
  person?: string;
  organization?: string;
  place?: string;
  province?: string;
  topic?: string;
  category?: string;
  keyword?: string;
  publisher?: string;
  /** First day, inclusive, `YYYY-MM-DD` in Asia/Ho_Chi_Minh. */
  from?: string;
  /** Last day, inclusive, `YYYY-MM-DD` in Asia/Ho_Chi_Minh. */
  to?: string;
  /**
   * Free text, ignoring case and diacritics (`searchKey`): one or two syllables match an article that has
   * them as an indexed term (title, keywords, entity names, lede pairs, its most telling body pairs);
   * longer phrases must also occur in the title, keywords, entity names or lede. See docs/api.md.
   */
  q?: string;
  /** true: only articles with a publication time; false: only those without (listed by processing time). */
  dated?: boolean;
}

/** A record without its body: what list pages carry. */
export type ArticleSummary = Omit<ArticleRecord, 'body'>;

/** Where the next page starts; JSON-serialisable and opaque. The API seals it before handing it out. */
export type StoreCursor = Record<string, unknown>;

export interface Page<T> {
  items: T[];
  next: StoreCursor | null;
}

export interface EntityCount {
  name: string;
  count: number;
  province?: Province;
}

export interface TopicCount {
  code: string;
  label: string;
  count: number;
}

/** A story with its articles, newest first. */
export interface StoryView {
  story: StorySummary;
  items: ArticleSummary[];
}

/**
 * How an article relates to another: `duplicate-of` is the one it copies (its `duplicateOf`), `duplicate`
 * one that copies it (whose `duplicateOf` is it), `story` another article of its story.
 */
export type Relation = 'duplicate-of' | 'duplicate' | 'story';

export interface RelatedArticles {
  id: string;
  story: StoryRef | null;
  duplicateOf: string | null;
  items: { relation: Relation; article: ArticleSummary }[];
}

export interface ArticleReader {
  /** The full record (stored or rejected), or null when unknown or deleted. */
  getArticle(id: string): Promise<ArticleRecord | null>;
  /** Newest first (by publishedAt, else processedAt); every match exactly once across pages. */
  listArticles(
    filter: ArticleFilter,
    page: { limit: number; cursor?: StoreCursor },
  ): Promise<Page<ArticleSummary>>;
  /** Most frequent entities of a type with their article counts; `prefix` matches ignoring diacritics. */
  topEntities(type: EntityType, options: { prefix?: string; limit: number }): Promise<EntityCount[]>;
  /** Most frequent topics with their article counts. */
  topTopics(options: { limit: number }): Promise<TopicCount[]>;
}

/** What the query API needs to read stories (stories.ts writes them). */
export interface StoryReader {
  /**
   * Stories of the stored articles that match the filter (its `status` is ignored), each listed once, at
   * its newest matching article: newest first. A page may hold fewer than `limit` stories before the last.
   */
  listStories(
    filter: Omit<ArticleFilter, 'status'>,
    page: { limit: number; cursor?: StoreCursor },
  ): Promise<Page<StorySummary>>;
  /** A story (following merges to the story it lives on in) with its articles; null when unknown or gone. */
  getStory(id: string): Promise<StoryView | null>;
  /** The article's near-duplicates and the other articles of its story; null when the article is unknown. */
  relatedArticles(id: string): Promise<RelatedArticles | null>;
}
