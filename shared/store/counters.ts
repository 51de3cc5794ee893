/**
 * Article counts per person, organisation, place and topic: counter items pk `C#<kind>`, sk the entity's
 * fold key (topics: the code), listed by count through the sparse `byCount` index (gsi2pk, gsi2sk =
 * count). A counter moves when a counted posting comes into being or goes (postings.ts), so one writer
 * sees each transition.
 */
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Province } from '../model/article';
import { type CountedFacet, foldKey } from './facets';
import type { TableIO } from './table-io';

const BY_COUNT = 'byCount';
const MAX_PREFIX_COUNTERS = 5000;
export const MAX_LIMIT = 1000;

export const counterPk = (kind: CountedFacet['kind']) => `C#${kind}`;

export interface CounterRow {
  sk: string;
  name: string;
  label?: string;
  province?: Province;
  gsi2sk: number;
}

/** Adds `delta` to a counter, or sets it to `exact` (recount). */
export async function bumpCounter(
  io: TableIO,
  c: CountedFacet,
  delta: number,
  exact?: number,
): Promise<void> {
  await io.doc.send(
    new UpdateCommand({
      TableName: io.table,
      Key: { pk: counterPk(c.kind), sk: c.counterKey },
      UpdateExpression:
        'SET gsi2pk = :gp, #name = if_not_exists(#name, :name)' +
        (c.label ? ', label = if_not_exists(label, :label)' : '') +
        (c.province ? ', province = if_not_exists(province, :province)' : '') +
        (exact === undefined ? ' ADD gsi2sk :d' : ', gsi2sk = :d'),
      ExpressionAttributeNames: { '#name': 'name' },
      ExpressionAttributeValues: {
        ':gp': counterPk(c.kind),
        ':name': c.name,
        ':d': exact ?? delta,
        ...(c.label && { ':label': c.label }),
        ...(c.province && { ':province': c.province }),
      },
    }),
  );
}

/**
 * Rebuilds every counter from the counted postings (a full table scan). Counters can drift by one when a
 * writer dies between a posting and its counter update; run this when ingest is quiet. Returns how many
 * counters changed.
 */
export async function recountCounters(io: TableIO): Promise<number> {
  const truth = new Map<string, { c: CountedFacet; n: number }>();
  for await (const page of io.scanPages<{ cpk: string; csk: string; cf?: string }>({
    FilterExpression: 'attribute_exists(cpk)',
    ProjectionExpression: 'cpk, csk, cf',
  })) {
    for (const it of page) {
      const id = `${it.cpk}\u0000${it.csk}`;
      const known = truth.get(id);
      if (known) known.n++;
      else if (it.cf) truth.set(id, { c: JSON.parse(it.cf) as CountedFacet, n: 1 });
    }
  }
  let changed = 0;
  for (const kind of ['person', 'organization', 'place', 'topic'] as const) {
    const counters = await io.queryAll<{ pk: string; sk: string; gsi2sk?: number }>({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': counterPk(kind) },
      ProjectionExpression: 'pk, sk, gsi2sk',
    });
    const stored = new Map(counters.map((c) => [`${c.pk}\u0000${c.sk}`, c.gsi2sk ?? 0]));
    const ids = new Set([
      ...stored.keys(),
      ...[...truth.keys()].filter((k) => k.startsWith(`${counterPk(kind)}\u0000`)),
    ]);
    for (const id of ids) {
      const want = truth.get(id)?.n ?? 0;
      if (stored.get(id) === want) continue;
      const entry = truth.get(id);
      if (entry) await bumpCounter(io, entry.c, 0, want);
      else {
        const [pk, sk] = id.split('\u0000') as [string, string];
        await io.doc.send(
          new UpdateCommand({
            TableName: io.table,
            Key: { pk, sk },
            UpdateExpression: 'SET gsi2sk = :zero',
            ExpressionAttributeValues: { ':zero': 0 },
          }),
        );
      }
      changed++;
    }
  }
  return changed;
}

/** The most counted of a kind (never a zero count), or those whose fold key starts with `prefix`'s. */
export async function topCounters(
  io: TableIO,
  kind: CountedFacet['kind'],
  options: { prefix?: string; limit: number },
): Promise<CounterRow[]> {
  const limit = options.limit;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new RangeError(`limit must be a whole number from 1 to ${MAX_LIMIT}`);
  }
  const prefix = options.prefix !== undefined ? foldKey(options.prefix) : '';
  if (prefix) {
    const rows = await io.queryAll<CounterRow>(
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': counterPk(kind), ':prefix': prefix },
      },
      MAX_PREFIX_COUNTERS,
    );
    return rows
      .filter((r) => r.gsi2sk > 0)
      .sort((a, b) => b.gsi2sk - a.gsi2sk || a.sk.localeCompare(b.sk))
      .slice(0, limit);
  }
  const out: CounterRow[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const res = await io.doc.send(
      new QueryCommand({
        TableName: io.table,
        IndexName: BY_COUNT,
        KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk > :zero',
        ExpressionAttributeValues: { ':pk': counterPk(kind), ':zero': 0 },
        ScanIndexForward: false,
        Limit: limit - out.length,
        ...(startKey && { ExclusiveStartKey: startKey }),
      }),
    );
    out.push(...((res.Items ?? []) as CounterRow[]));
    startKey = res.LastEvaluatedKey;
  } while (startKey && out.length < limit);
  // Equal counts come back in index order; make ties deterministic by key.
  return out.sort((a, b) => b.gsi2sk - a.gsi2sk || a.sk.localeCompare(b.sk));
}
