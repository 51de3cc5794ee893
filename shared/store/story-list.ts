/**
 * Reading stories for the API: the story list is built on the article listing (so it takes the same
 * filters and cursors). Walking the matching articles newest first, a story is listed at its newest
 * matching article, and skipped at every later one; whether an article is its story's newest match is
 * decided from the story's members alone, so the cursor needs no memory of the stories already listed.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { StoryRef } from '../model/article';
import { type StorySummary, summarizeStory } from '../stories/summary';
import { decodeSummary } from './codec';
import { planFilter } from './facets';
import { idOfPk, MAIN_SK, type MainItem, pkOf, postingSk } from './items';
import { InvalidCursorError, type ListedArticle, listArticleEntries, planCheck } from './list-articles';
import type {
  ArticleFilter,
  ArticleSummary,
  Page,
  RelatedArticles,
  Relation,
  StoreCursor,
  StoryView,
} from './reader';
import type { StoryIndex } from './stories';
import { type HeadItem, LIST_PARTITION, type StoryFields } from './story-reads';
import type { TableIO } from './table-io';

const CURSOR_VERSION = 's1';
/** Cursors of the list without filters (the byLastSeen index's key). */
const LIST_CURSOR_VERSION = 's2';
/** Articles one story page walks at most; past it the page ends early, with a cursor. */
const MAX_WALK = 1_000;

type Fields = Map<string, StoryFields>;

interface StoryMembers {
  id: string;
  size: number;
  members: Member[];
}

interface Member {
  id: string;
  /** Its listing key (`<ts>#<id>`), which orders the article listing. */
  key: string;
  main: MainItem;
}

const RELATION_ORDER: Record<Relation, number> = { 'duplicate-of': 0, duplicate: 1, story: 2 };

export class StoryListing {
  constructor(
    private readonly io: TableIO,
    private readonly stories: StoryIndex,
  ) {}

  async listStories(
    filter: Omit<ArticleFilter, 'status'>,
    page: { limit: number; cursor?: StoreCursor },
  ): Promise<Page<StorySummary>> {
    if (Object.values(filter).every((v) => v === undefined)) return this.listByLastSeen(page);
    const articles: ArticleFilter = { ...filter, status: 'stored' };
    const check = planCheck(planFilter(articles));
    // The summaries come with the check's attributes: a listed story then needs no second read of them.
    const projection = [...new Set([...check.projection, 'sm'])].join(', ');
    let cursor = page.cursor === undefined ? undefined : checkCursor(page.cursor);
    const listed: (StoryMembers | { single: ArticleSummary; id: string })[] = [];
    let next: StoreCursor | null = null;
    const done = new Set<string>();
    let walked = 0;
    walk: for (;;) {
      const batch = await listArticleEntries(this.io, articles, {
        limit: Math.min(100, Math.max(20, 2 * (page.limit + 1 - listed.length))),
        ...(cursor && { cursor }),
      });
      const fields = await this.stories.fieldsOf(batch.items.map((e) => e.summary.id));
      const storyOf = (e: ListedArticle) => fields.get(e.summary.id)?.story;
      // A story of one article is listed at it without reading its members: only larger ones are checked.
      const larger = batch.items.map(storyOf).filter((s) => s && s.size > 1 && !done.has(s.id));
      const views = await this.members([...new Set(larger.map((s) => s!.id))], projection);
      for (const entry of batch.items) {
        const story = storyOf(entry);
        if (story && !done.has(story.id)) {
          done.add(story.id);
          const view = story.size > 1 ? views.get(story.id) : undefined;
          // Listed before at a newer matching member, or to be listed here.
          const newer = view?.members.some(
            (m) => m.id !== entry.summary.id && m.key > entry.key && check.matches(m.main, m.key),
          );
          if (story.size <= 1 || (view && !newer)) {
            if (listed.length === page.limit) {
              next = wrap(cursor);
              break walk;
            }
            listed.push(view ?? { id: story.id, single: withFields([entry.summary], fields)[0]! });
          }
        }
        cursor = entry.after;
        walked++;
      }
      if (!batch.next) break;
      cursor = batch.next;
      if (walked >= MAX_WALK) {
        next = wrap(cursor);
        break;
      }
    }
    const larger = listed.filter((v): v is StoryMembers => 'members' in v);
    const articlesOf = await this.articlesOf(larger);
    const items = listed.map((v) =>
      'single' in v ? summarizeStory(v.id, 1, [v.single]) : summarizeStory(v.id, v.size, articlesOf.get(v)!),
    );
    return { items, next };
  }

  /**
   * All stories, newest last seen first: a Query of the byLastSeen index (live story heads) and one read
   * of the listed heads' member articles with their story fields. The head's member ids are a hint: an
   * article counts only if its link puts it in the story, and a story whose hint holds fewer articles
   * than its count reads its member items instead.
   */
  private async listByLastSeen(page: { limit: number; cursor?: StoreCursor }): Promise<Page<StorySummary>> {
    let start = page.cursor === undefined ? undefined : checkListCursor(page.cursor);
    const items: StorySummary[] = [];
    for (;;) {
      const res = await this.io.doc.send(
        new QueryCommand({
          TableName: this.io.table,
          IndexName: 'byLastSeen',
          KeyConditionExpression: 'lsp = :p',
          ExpressionAttributeValues: { ':p': LIST_PARTITION },
          ScanIndexForward: false,
          Limit: page.limit - items.length,
          ...(start && { ExclusiveStartKey: start }),
        }),
      );
      const heads = ((res.Items ?? []) as HeadItem[]).filter((h) => !h.mv && (h.sz ?? 0) > 0);
      items.push(...(await this.summariesOf(heads)));
      start = res.LastEvaluatedKey;
      if (!start) return { items, next: null };
      if (items.length >= page.limit) return { items, next: { v: LIST_CURSOR_VERSION, g: start } };
    }
  }

  /** Summaries of live story heads (in their order), from their member hints. */
  private async summariesOf(heads: HeadItem[]): Promise<StorySummary[]> {
    const ids = [...new Set(heads.flatMap((h) => [...(h.mb ?? [])]))];
    const [mains, fields] = await Promise.all([
      this.io.batchGet<MainItem & Record<string, unknown>>(
        ids.map((id) => ({ pk: pkOf(id), sk: MAIN_SK })),
        'pk, del, ts, st, sm',
      ),
      this.stories.fieldsOf(ids),
    ]);
    const byId = new Map(mains.map((m) => [idOfPk(m.pk), m]));
    const views = heads.map((h): StoryMembers => {
      const sid = h.pk.slice(2);
      const members: Member[] = [];
      for (const id of h.mb ?? []) {
        const main = byId.get(id);
        if (!main || main.del || main.st !== 'stored' || main.ts === undefined || !main.sm) continue;
        if (fields.get(id)?.story?.id !== sid) continue;
        members.push({ id, key: postingSk(main.ts, id), main });
      }
      return { id: sid, size: h.sz ?? 0, members };
    });
    const short = views.filter((v) => v.members.length < v.size).map((v) => v.id);
    const read: Map<string, StoryMembers> =
      short.length > 0 ? await this.members(short, 'pk, del, ts, st, sm') : new Map();
    const full = views
      .map((v): StoryMembers => read.get(v.id) ?? v)
      .filter((v) => v.members.length > 0)
      .map((v) => ({ ...v, members: v.members.filter((m) => m.main.sm) }));
    const live = full.map((v) => [...v.members].sort((x, y) => (x.key < y.key ? 1 : -1)));
    const missing = live.flat().filter((m) => !fields.has(m.id));
    const more: Fields =
      missing.length > 0 ? await this.stories.fieldsOf(missing.map((m) => m.id)) : new Map();
    for (const [id, f] of more) fields.set(id, f);
    return full.map((v, n) =>
      summarizeStory(
        v.id,
        Math.max(v.size, live[n]!.length),
        withFields(
          live[n]!.map((m) => decodeSummary(m.main.sm!)),
          fields,
        ),
      ),
    );
  }

  async getStory(id: string): Promise<StoryView | null> {
    const view = (await this.members([id], 'pk, del, ts, sm')).get(id);
    if (!view) return null;
    const items = (await this.articlesOf([view])).get(view)!;
    return { story: summarizeStory(view.id, view.size, items), items };
  }

  async relatedArticles(id: string): Promise<RelatedArticles | null> {
    // Independent reads go out together: a related list is three round trips deep.
    const [[self], own, copies] = await Promise.all([
      this.io.batchGet<MainItem & Record<string, unknown>>([{ pk: pkOf(id), sk: MAIN_SK }], 'pk, del, st'),
      this.stories.fieldsOf([id]),
      this.stories.copiesOf(id),
    ]);
    if (!self || self.del) return null;
    const fields = own.get(id);
    const story: StoryRef | null = fields?.story ?? null;
    const duplicateOf = fields?.duplicateOf ?? null;
    const [view, copyFields] = await Promise.all([
      story ? this.stories.storyMembers(story.id) : null,
      this.stories.fieldsOf(copies),
    ]);
    const relation = new Map<string, Relation>();
    for (const m of view?.members ?? []) relation.set(m.id, 'story');
    for (const c of copies) if (copyFields.get(c)?.duplicateOf === id) relation.set(c, 'duplicate');
    if (duplicateOf) relation.set(duplicateOf, 'duplicate-of');
    relation.delete(id);
    const [found, foundFields] = await Promise.all([
      this.summaries([...relation.keys()]),
      this.stories.fieldsOf([...relation.keys()]),
    ]);
    const items = withFields(
      found.map((f) => f.summary),
      foundFields,
    )
      .map((article, n) => ({ relation: relation.get(article.id)!, article, key: found[n]!.key }))
      .sort((a, b) => RELATION_ORDER[a.relation] - RELATION_ORDER[b.relation] || (a.key < b.key ? 1 : -1))
      .map(({ relation, article }) => ({ relation, article }));
    return { id, story, duplicateOf, items };
  }

  /** Live stories' ids, sizes and member article items (read with `projection`), by the ids asked for. */
  private async members(sids: string[], projection: string): Promise<Map<string, StoryMembers>> {
    const views = await this.stories.storiesMembers(sids);
    const ids = [...new Set([...views.values()].flatMap((v) => v.members.map((m) => m.id)))];
    const mains = new Map(
      (
        await this.io.batchGet<MainItem & Record<string, unknown>>(
          ids.map((id) => ({ pk: pkOf(id), sk: MAIN_SK })),
          projection,
        )
      ).map((m) => [idOfPk(m.pk), m]),
    );
    const out = new Map<string, StoryMembers>();
    for (const [sid, view] of views) {
      const members: Member[] = [];
      for (const { id } of view.members) {
        const main = mains.get(id);
        if (main && !main.del && main.ts !== undefined)
          members.push({ id, key: postingSk(main.ts, id), main });
      }
      if (members.length > 0) out.set(sid, { id: view.id, size: view.size, members });
    }
    return out;
  }

  /** Stories' articles (read with their summaries), newest first, with their story fields. */
  private async articlesOf(views: StoryMembers[]): Promise<Map<StoryMembers, ArticleSummary[]>> {
    const live = views.map((v) =>
      v.members.filter((m) => m.main.sm).sort((x, y) => (x.key < y.key ? 1 : -1)),
    );
    const fields = await this.stories.fieldsOf(live.flat().map((m) => m.id));
    return new Map(
      views.map((v, n) => [
        v,
        withFields(
          live[n]!.map((m) => decodeSummary(m.main.sm!)),
          fields,
        ),
      ]),
    );
  }

  /** Summaries of live stored articles, with their listing keys. */
  private async summaries(ids: string[]): Promise<{ summary: ArticleSummary; key: string }[]> {
    if (ids.length === 0) return [];
    const mains = await this.io.batchGet<MainItem & Record<string, unknown>>(
      ids.map((id) => ({ pk: pkOf(id), sk: MAIN_SK })),
      'pk, del, ts, st, sm',
    );
    return mains
      .filter((m) => !m.del && m.sm && m.st === 'stored' && m.ts !== undefined)
      .map((m) => ({ summary: decodeSummary(m.sm!), key: postingSk(m.ts!, idOfPk(m.pk)) }));
  }
}

function withFields(items: ArticleSummary[], fields: Fields): ArticleSummary[] {
  return items.map((r) => {
    const f = fields.get(r.id);
    return f ? { ...r, duplicateOf: f.duplicateOf, ...(f.story && { story: f.story }) } : r;
  });
}

const wrap = (articles: StoreCursor | undefined): StoreCursor => ({
  v: CURSOR_VERSION,
  ...(articles && { a: articles }),
});

function checkListCursor(c: StoreCursor): Record<string, unknown> {
  const g = (c as { v?: unknown; g?: unknown }).g;
  if (
    typeof c !== 'object' ||
    c === null ||
    c.v !== LIST_CURSOR_VERSION ||
    typeof g !== 'object' ||
    g === null
  ) {
    throw new InvalidCursorError('cursor does not belong to the story list');
  }
  return g as Record<string, unknown>;
}

function checkCursor(c: StoreCursor): StoreCursor | undefined {
  if (typeof c !== 'object' || c === null || c.v !== CURSOR_VERSION) {
    throw new InvalidCursorError('cursor does not belong to the story list');
  }
  const a = c.a;
  if (a !== undefined && (typeof a !== 'object' || a === null)) {
    throw new InvalidCursorError('cursor does not belong to the story list');
  }
  return a as StoreCursor | undefined;
}
