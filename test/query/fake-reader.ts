/**
 * An in-memory ArticleReader for HTTP-layer tests: filters with the reference meaning in corpus.ts, pages
 * by offset, records what the app asked for, and can be told to fail.
 */
import type { ArticleRecord } from '../../shared/model/article';
import type {
  ArticleFilter,
  ArticleReader,
  ArticleSummary,
  EntityCount,
  EntityType,
  Page,
  RelatedArticles,
  StoreCursor,
  StoryReader,
  StorySummary,
  StoryView,
  TopicCount,
} from '../../shared/store/reader';
import { summarizeStory } from '../../shared/stories/summary';
import { searchKey } from '../../shared/text/vietnamese';
import { expected } from './corpus';

export class FakeReader implements ArticleReader, StoryReader {
  readonly calls: { method: string; args: unknown[] }[] = [];
  /** When set, every call throws it. */
  failWith: Error | undefined;

  constructor(private readonly records: ArticleRecord[]) {}

  private record(method: string, args: unknown[]) {
    this.calls.push({ method, args });
    if (this.failWith) throw this.failWith;
  }

  async getArticle(id: string): Promise<ArticleRecord | null> {
    this.record('getArticle', [id]);
    return this.records.find((r) => r.id === id) ?? null;
  }

  async listArticles(
    filter: ArticleFilter,
    page: { limit: number; cursor?: StoreCursor },
  ): Promise<Page<ArticleSummary>> {
    this.record('listArticles', [filter, page]);
    const all = expected(this.records, filter);
    const offset = typeof page.cursor?.o === 'number' ? page.cursor.o : 0;
    const items = all.slice(offset, offset + page.limit).map(({ body: _body, ...summary }) => summary);
    const end = offset + page.limit;
    return { items, next: end < all.length ? { o: end } : null };
  }

  async topEntities(type: EntityType, options: { prefix?: string; limit: number }): Promise<EntityCount[]> {
    this.record('topEntities', [type, options]);
    const counts = new Map<string, number>();
    for (const r of this.records) {
      if (r.status !== 'stored') continue;
      for (const e of r.entities[type]) counts.set(e.name, (counts.get(e.name) ?? 0) + 1);
    }
    const prefix = options.prefix === undefined ? '' : searchKey(options.prefix);
    return [...counts]
      .filter(([name]) => searchKey(name).startsWith(prefix))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, options.limit)
      .map(([name, count]) => ({ name, count }));
  }

  async topTopics(options: { limit: number }): Promise<TopicCount[]> {
    this.record('topTopics', [options]);
    const counts = new Map<string, TopicCount>();
    for (const r of this.records) {
      for (const t of r.topics) {
        const c = counts.get(t.code) ?? { code: t.code, label: t.label, count: 0 };
        c.count++;
        counts.set(t.code, c);
      }
    }
    return [...counts.values()].sort((a, b) => b.count - a.count).slice(0, options.limit);
  }

  private storyOf(id: string): ArticleSummary[] {
    return expected(this.records, { status: 'stored' })
      .filter((r) => r.story?.id === id)
      .map(({ body: _body, ...summary }) => summary);
  }

  async listStories(
    filter: Omit<ArticleFilter, 'status'>,
    page: { limit: number; cursor?: StoreCursor },
  ): Promise<Page<StorySummary>> {
    this.record('listStories', [filter, page]);
    const ids = [
      ...new Set(
        expected(this.records, { ...filter, status: 'stored' }).flatMap((r) => (r.story ? [r.story.id] : [])),
      ),
    ];
    const offset = typeof page.cursor?.o === 'number' ? page.cursor.o : 0;
    const items = ids.slice(offset, offset + page.limit).map((id) => {
      const members = this.storyOf(id);
      return summarizeStory(id, members.length, members);
    });
    const end = offset + page.limit;
    return { items, next: end < ids.length ? { o: end } : null };
  }

  async getStory(id: string): Promise<StoryView | null> {
    this.record('getStory', [id]);
    const items = this.storyOf(id);
    return items.length === 0 ? null : { story: summarizeStory(id, items.length, items), items };
  }

  async relatedArticles(id: string): Promise<RelatedArticles | null> {
    this.record('relatedArticles', [id]);
    const self = this.records.find((r) => r.id === id);
    if (!self) return null;
    const items: RelatedArticles['items'] = [];
    for (const { body: _body, ...article } of this.records) {
      if (article.id === id || article.status !== 'stored') continue;
      const relation =
        article.id === self.duplicateOf
          ? 'duplicate-of'
          : article.duplicateOf === id
            ? 'duplicate'
            : self.story && article.story?.id === self.story.id
              ? 'story'
              : null;
      if (relation) items.push({ relation, article });
    }
    return { id, story: self.story ?? null, duplicateOf: self.duplicateOf ?? null, items };
  }
}
