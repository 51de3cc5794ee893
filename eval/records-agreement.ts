/**
 * Agreement of the hand-written record labels (data/records/labels.jsonl) with an independent second
 * pass over a hashed sample of the same articles (data/records/agreement/second-pass.jsonl), field by
 * field: exact for strings (NFC, spacing ignored), F1 of name keys for lists, the first topic, and the
 * province code of each place both passes name. Printed by `npm run eval records`, per labeller batch
 * (data/records/agreement/batches.tsv): each labeller's work is checked on its own sample.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nameKey } from '../shared/text/vietnamese';
import { f3, table } from './print';
import { addList, type Counts, exactText, prf, type RecordLabel, readRecordLabels } from './records-eval';

const DATA = join(import.meta.dirname, '..', 'data', 'records');

/** The fields a second labeller writes: every labelled field but the text body, captions and language. */
export type SecondPassLabel = Pick<
  RecordLabel,
  | 'id'
  | 'title'
  | 'lede'
  | 'category'
  | 'publishedAt'
  | 'authors'
  | 'publisher'
  | 'url'
  | 'keywords'
  | 'entities'
  | 'topics'
>;

export function readSecondPass(dir = DATA): SecondPassLabel[] {
  const path = join(dir, 'agreement', 'second-pass.jsonl');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as SecondPassLabel);
}

/** The ids one labeller wrote the first pass for, `first` to `last` by number. */
export interface LabellerBatch {
  labeller: string;
  first: string;
  last: string;
}

export function readBatches(dir = DATA): LabellerBatch[] {
  const path = join(dir, 'agreement', 'batches.tsv');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#') && !l.startsWith('first\t'))
    .map((l) => {
      const [first = '', last = '', labeller = ''] = l.split('\t').map((c) => c.trim());
      return { labeller, first, last };
    });
}

const idNumber = (id: string) => Number.parseInt(id.replace(/^\D+/, ''), 10);

/** The batch whose range holds the id, by the number after its letters (`r07` in `r01`–`r40`). */
export function batchOf(id: string, batches: readonly LabellerBatch[]): LabellerBatch | undefined {
  const n = idNumber(id);
  return batches.find((b) => idNumber(b.first) <= n && n <= idNumber(b.last));
}

export interface FieldAgreement {
  /** Articles (or, for `province`, places both passes name) compared. */
  n: number;
  /** Share of them where both passes wrote the same value (lists: the same items, in order but for entities). */
  exact: number;
  /** Lists: F1 of the second pass's items against the first's, as name keys over all articles. */
  f1?: number;
}

export interface RecordsAgreement {
  articles: number;
  fields: Record<string, FieldAgreement>;
  /** `field id: first → second` for every disagreement. */
  differences: string[];
}

/** Compares the second pass with the first over the articles both labelled. */
export function recordsAgreement(
  first: readonly RecordLabel[],
  second: readonly SecondPassLabel[],
): RecordsAgreement {
  const byId = new Map(first.map((l) => [l.id, l]));
  const rows: Record<string, { n: number; same: number; counts?: Counts }> = {};
  const differences: string[] = [];
  const row = (k: string) => {
    rows[k] ??= { n: 0, same: 0 };
    return rows[k];
  };
  const differ = (field: string, id: string, a: unknown, b: unknown) =>
    differences.push(`${field.padEnd(12)} ${id}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
  const text = (field: string, id: string, a: string | null, b: string | null) => {
    const r = row(field);
    r.n++;
    // null and a string differ even when the string is empty: "none" is a label of its own.
    if ((a === null) === (b === null) && exactText(a) === exactText(b)) r.same++;
    else differ(field, id, a, b);
  };
  /** `ordered`: the order is part of the label (keywords, breadcrumb, byline); entities are a set. */
  const list = (
    field: string,
    id: string,
    a: readonly string[] | null,
    b: readonly string[] | null,
    ordered = true,
  ) => {
    const r = row(field);
    r.n++;
    r.counts ??= { tp: 0, fp: 0, fn: 0 };
    addList(r.counts, a ?? [], b ?? []);
    const key = (xs: readonly string[] | null) =>
      xs === null
        ? 'null'
        : JSON.stringify(ordered ? xs.map(exactText) : [...new Set(xs.map(nameKey))].sort());
    if (key(a) === key(b)) r.same++;
    else differ(field, id, a, b);
  };
  let articles = 0;
  for (const s of second) {
    const f = byId.get(s.id);
    if (!f) continue;
    articles++;
    text('title', s.id, f.title, s.title);
    text('lede', s.id, f.lede, s.lede);
    list('category', s.id, f.category, s.category);
    text('publishedAt', s.id, f.publishedAt, s.publishedAt);
    list('authors', s.id, f.authors, s.authors);
    text('publisher', s.id, f.publisher, s.publisher);
    text('url', s.id, f.url, s.url);
    list('keywords', s.id, f.keywords, s.keywords);
    list('person', s.id, f.entities.person, s.entities.person, false);
    list('organization', s.id, f.entities.organization, s.entities.organization, false);
    const places = (l: SecondPassLabel) => l.entities.place.map((p) => p.name);
    list('place', s.id, places(f), places(s), false);
    const codes = new Map(s.entities.place.map((p) => [nameKey(p.name), p.province]));
    for (const p of f.entities.place) {
      const k = nameKey(p.name);
      if (!codes.has(k)) continue;
      const r = row('province');
      r.n++;
      if (codes.get(k) === p.province) r.same++;
      else differ('province', s.id, `${p.name} ${p.province}`, codes.get(k));
    }
    text('topic', s.id, f.topics[0] ?? null, s.topics[0] ?? null);
  }
  const fields: Record<string, FieldAgreement> = {};
  for (const [k, r] of Object.entries(rows))
    fields[k] = { n: r.n, exact: r.n === 0 ? 0 : r.same / r.n, ...(r.counts && { f1: prf(r.counts).f1 }) };
  return { articles, fields, differences };
}

/** The agreement over each labeller's sampled articles, in batch order; batches with none sampled are left out. */
export function recordsAgreementByBatch(
  first: readonly RecordLabel[],
  second: readonly SecondPassLabel[],
  batches: readonly LabellerBatch[],
): { batch: LabellerBatch; agreement: RecordsAgreement }[] {
  return batches
    .map((batch) => ({
      batch,
      agreement: recordsAgreement(
        first,
        second.filter((s) => batchOf(s.id, batches) === batch),
      ),
    }))
    .filter((b) => b.agreement.articles > 0);
}

export function runRecordsAgreement(): void {
  const second = readSecondPass();
  if (second.length === 0) return;
  const byBatch = recordsAgreementByBatch(readRecordLabels(), second, readBatches());
  process.stdout.write(
    `\nrecord labels: agreement of each labeller's first pass with an independent second pass (data/records/agreement)\n\n`,
  );
  const fields = [...new Set(byBatch.flatMap((b) => Object.keys(b.agreement.fields)))];
  const header = [
    'field',
    ...byBatch.flatMap(({ batch: b, agreement: a }) => [`${b.labeller} (${a.articles}) n`, 'same', 'F1']),
  ];
  const rows = fields.map((k) => [
    k,
    ...byBatch.flatMap(({ agreement: a }) => {
      const r = a.fields[k];
      if (!r) return ['', '', ''];
      return [String(r.n), f3(r.exact), r.f1 === undefined ? '' : f3(r.f1)];
    }),
  ]);
  process.stdout.write(`${table(header, rows, new Set(header.map((_, i) => i).filter((i) => i > 0)))}\n`);
  process.stdout.write(
    'labeller (articles sampled from the batch); same: both passes wrote the same value (strings NFC, spacing ignored; lists in order, entities as sets); F1: list items as name keys; province: places both passes name\n',
  );
  for (const { batch, agreement: a } of byBatch)
    if (a.differences.length)
      process.stdout.write(
        `\ndifferences, ${batch.labeller} (${batch.first}–${batch.last}; first → second):\n${a.differences.join('\n')}\n`,
      );
}

if (import.meta.url === `file://${process.argv[1]}`) runRecordsAgreement();
