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

export async function listArticles(
  io: TableIO,
  filter: ArticleFilter,
  page: { limit: number; cursor?: StoreCursor },
): Promise<Page<ArticleSummary>> {
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
  // The status is the item's `st`; any other facet asked for (the partition's own too: its posting may
  // be one the article dropped a moment ago) is checked against the item's facet list.
  const statusFacet = plan.required.find((f) => f.startsWith(`${FACET.status}#`));
  const status = statusFacet?.slice(FACET.status.length + 1);
  const checked = plan.required.filter((f) => f !== statusFacet);
  const needFacets = checked.length > 0;
  const projection = [
    'pk',
    'del',
    'sm',
    'ts',
    'st',
    ...(needFacets ? ['fac'] : []),
    ...(plan.phrase ? ['txt'] : []),
  ];
  // Postings of the partition alone almost always match: read just enough; other filters thin them out.
  const thinned = checked.some((f) => f !== partition) || plan.phrase !== undefined;
  const batch = Math.min(100, thinned ? Math.max(20, want * 2) : want);
  const matches: { summary: ArticleSummary; k: string }[] = [];
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
          projection.join(', '),
        )
      ).map((m) => [idOfPk(m.pk), m]),
    );
    for (const hit of hits) {
      const main = mains.get(idOfPostingSk(hit.sk));
      // A posting counts only at the article's current sort time (so it is listed once) and facets.
      if (!main || main.del || !main.sm || main.ts !== tsOfPostingSk(hit.sk)) continue;
      if (status !== undefined && main.st !== status) continue;
      if (needFacets) {
        const facets = new Set(main.fac);
        if (!checked.every((f) => facets.has(f))) continue;
      }
      if (plan.phrase !== undefined && !matchesPhrase(main.txt ?? '', plan.phrase)) continue;
      matches.push({ summary: decodeSummary(main.sm), k: hit.sk });
      if (matches.length >= want) break;
    }
    if (matches.length >= want || !res.LastEvaluatedKey) break;
    startKey = res.LastEvaluatedKey as Record<string, string>;
  }
  const items = matches.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((m) => m.summary),
    next: matches.length > limit && last ? { v: CURSOR_VERSION, p: partition, k: last.k } : null,
  };
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
