/**
 * Listing articles: read one facet's postings newest first, check each against its article item (it
 * may have changed or gone since), and page with a cursor that names the partition and the last key.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { decodeSummary } from './codec';
import { MAX_LIMIT } from './counters';
import { FACET, type FilterPlan, matchesPhrase, planFilter } from './facets';
import { idOfPk, idOfPostingSk, MAIN_SK, type MainItem, pkOf, tsOfPostingSk } from './items';
import type { ArticleFilter, ArticleSummary, Page, StoreCursor } from './reader';
import type { TableIO } from './table-io';

/** Postings a partition-size probe counts at most. */
const PROBE_LIMIT = 300;
const CURSOR_VERSION = 2;

/** A cursor that this store did not hand out for this filter. */
export class InvalidCursorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidCursorError';
  }
}

function rangeOf(plan: FilterPlan): { conditions: string[]; values: Record<string, string> } {
  if (plan.lower && plan.upper) {
    return { conditions: ['sk BETWEEN :lo AND :hi'], values: { ':lo': plan.lower, ':hi': plan.upper } };
  }
  if (plan.lower) return { conditions: ['sk >= :lo'], values: { ':lo': plan.lower } };
  if (plan.upper) return { conditions: ['sk <= :hi'], values: { ':hi': plan.upper } };
  return { conditions: [], values: {} };
}

function checkCursor(c: StoreCursor, plan: FilterPlan): { p: string; k: string } {
  if (
    typeof c !== 'object' ||
    c === null ||
    c.v !== CURSOR_VERSION ||
    typeof c.p !== 'string' ||
    !plan.required.includes(c.p) ||
    typeof c.k !== 'string' ||
    !/#[0-9a-z]+$/.test(c.k)
  ) {
    throw new InvalidCursorError('cursor does not belong to this filter');
  }
  return { p: c.p, k: c.k };
}

/** What a listing checks on an article item, besides its posting: projected attributes and the test. */
export interface PlanCheck {
  projection: string[];
  /** Whether the item (read with `projection`) is a live match of the filter, given its listing key. */
  matches(main: MainItem, key?: string): boolean;
}

/**
 * The filter's test on an article item: status, every facet but the status (the partition's own too: its
 * posting may be one the article dropped a moment ago), the phrase, and with `key` the day range.
 */
export function planCheck(plan: FilterPlan): PlanCheck {
  const statusFacet = plan.required.find((f) => f.startsWith(`${FACET.status}#`));
  const status = statusFacet?.slice(FACET.status.length + 1);
  const checked = plan.required.filter((f) => f !== statusFacet);
  const projection = [
    'pk',
    'del',
    'sm',
    'ts',
    'st',
    ...(checked.length > 0 ? ['fac'] : []),
    ...(plan.phrase ? ['txt'] : []),
  ];
  return {
    projection,
    matches(main, key) {
      if (main.del || main.ts === undefined) return false;
      if (status !== undefined && main.st !== status) return false;
      if (checked.length > 0 && !checked.every((f) => hasFacet(main, f))) return false;
      if (plan.phrase !== undefined && !matchesPhrase(main.txt ?? '', plan.phrase)) return false;
      if (key !== undefined && plan.lower !== undefined && key < plan.lower) return false;
      if (key !== undefined && plan.upper !== undefined && key > plan.upper) return false;
      return true;
    },
  };
}

/** Whether the article item lists `f`, found in its `fac` text without splitting it (~80 facets). */
export function hasFacet(main: Pick<MainItem, 'fac'>, f: string): boolean {
  const fac = main.fac;
  if (fac === undefined) return false;
  if (typeof fac !== 'string') return fac.includes(f);
  // A facet holds no line break (encodeFacets); a filter value with one names none.
  if (f.includes('\n')) return false;
  for (let at = fac.indexOf(f); at !== -1; at = fac.indexOf(f, at + 1)) {
    const end = at + f.length;
    if ((at === 0 || fac[at - 1] === '\n') && (end === fac.length || fac[end] === '\n')) return true;
  }
  return false;
}

/** One listed article with its listing key (`<ts>#<id>`) and the cursor that resumes after it. */
export interface ListedArticle {
  summary: ArticleSummary;
  key: string;
  after: StoreCursor;
}

export async function listArticles(
  io: TableIO,
  filter: ArticleFilter,
  page: { limit: number; cursor?: StoreCursor },
): Promise<Page<ArticleSummary>> {
  const listed = await listArticleEntries(io, filter, page);
  return { items: listed.items.map((m) => m.summary), next: listed.next };
}

/** listArticles with each item's listing key and cursor (for listings built on the article listing). */
export async function listArticleEntries(
  io: TableIO,
  filter: ArticleFilter,
  page: { limit: number; cursor?: StoreCursor },
): Promise<Page<ListedArticle>> {
  const limit = page.limit;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new RangeError(`limit must be a whole number from 1 to ${MAX_LIMIT}`);
  }
  const plan = planFilter(filter);
  let partition: string | undefined;
  let startKey: Record<string, string> | undefined;
  if (page.cursor !== undefined) {
    // Later pages keep reading the partition the first page chose.
    const c = checkCursor(page.cursor, plan);
    partition = c.p;
    startKey = { pk: c.p, sk: c.k };
  }
  if (plan.empty) return { items: [], next: null };
  const range = rangeOf(plan);
  partition ??= await smallestPartition(io, plan, range);
  const values = { ...range.values, ':p': partition };
  // One extra match tells whether another page exists, so the last page has next = null.
  const want = limit + 1;
  const check = planCheck(plan);
  // Postings of the partition alone almost always match: read just enough; other filters thin them out.
  const thinned =
    plan.required.some((f) => f !== partition && !f.startsWith(`${FACET.status}#`)) ||
    plan.phrase !== undefined;
  const batch = Math.min(100, thinned ? Math.max(20, want * 2) : want);
  // Summaries are decoded only for the page: the look-ahead match just says whether there is a next one.
  const matches: { sm: Uint8Array; key: string }[] = [];
  for (;;) {
    const res = await io.doc.send(
      new QueryCommand({
        TableName: io.table,
        KeyConditionExpression: ['pk = :p', ...range.conditions].join(' AND '),
        ExpressionAttributeValues: values,
        ProjectionExpression: 'sk',
        ScanIndexForward: false,
        Limit: batch,
        ...(startKey && { ExclusiveStartKey: startKey }),
      }),
    );
    const hits = (res.Items ?? []) as { sk: string }[];
    const mains = new Map(
      (
        await io.batchGet<MainItem & Record<string, unknown>>(
          [...new Set(hits.map((h) => idOfPostingSk(h.sk)))].map((id) => ({ pk: pkOf(id), sk: MAIN_SK })),
          check.projection.join(', '),
        )
      ).map((m) => [idOfPk(m.pk), m]),
    );
    for (const hit of hits) {
      const main = mains.get(idOfPostingSk(hit.sk));
      // A posting counts only at the article's current sort time (so it is listed once) and facets.
      if (!main?.sm || main.ts !== tsOfPostingSk(hit.sk) || !check.matches(main)) continue;
      matches.push({ sm: main.sm, key: hit.sk });
      if (matches.length >= want) break;
    }
    if (matches.length >= want || !res.LastEvaluatedKey) break;
    startKey = res.LastEvaluatedKey as Record<string, string>;
  }
  const items = matches.slice(0, limit).map(
    (m): ListedArticle => ({
      summary: decodeSummary(m.sm),
      key: m.key,
      after: { v: CURSOR_VERSION, p: partition, k: m.key },
    }),
  );
  const last = items[items.length - 1];
  return { items, next: matches.length > limit && last ? last.after : null };
}

/**
 * With several facets to AND, reads the one with the fewest postings in the date range: a quick
 * keys-only count of each (capped at PROBE_LIMIT) beats guessing which facet is rare.
 */
async function smallestPartition(
  io: TableIO,
  plan: FilterPlan,
  range: ReturnType<typeof rangeOf>,
): Promise<string> {
  const candidates = plan.required.filter((f) => !f.startsWith('s#'));
  if (candidates.length <= 1) return plan.partition;
  const counts = await Promise.all(
    candidates.map(async (f) => {
      const res = await io.doc.send(
        new QueryCommand({
          TableName: io.table,
          KeyConditionExpression: ['pk = :p', ...range.conditions].join(' AND '),
          ExpressionAttributeValues: { ...range.values, ':p': f },
          Select: 'COUNT',
          Limit: PROBE_LIMIT,
        }),
      );
      return res.Count ?? 0;
    }),
  );
  let best = 0;
  for (let i = 1; i < candidates.length; i++) if (counts[i]! < counts[best]!) best = i;
  return candidates[best]!;
}
