/**
 * `npm run eval records`: the whole record of the team's own labelled articles (data/records/, written
 * by the team in every format an editor drops) against hand-written labels, field by field, per split.
 * Choices are made on `dev`; `--split=dev` prints only it. `--save-baseline` records today's figures in
 * eval/baseline/records.json, which later runs print as "previous" beside "now".
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { ArticleRecord } from '../shared/model/article';
import { loadSecondOpinion } from '../shared/parse/index';
import { encodeVni } from '../shared/parse/legacy-vn';
import { PROCESSOR_VERSION, processArticle } from '../shared/process';
import { nameKey, searchKey } from '../shared/text/vietnamese';
import { f3, table } from './print';

const DATA = join(import.meta.dirname, '..', 'data', 'records');
const BASELINE = join(import.meta.dirname, 'baseline', 'records.json');

export interface RecordLabel {
  id: string;
  file: string;
  split: 'dev' | 'test';
  layout: string;
  title: string;
  lede: string;
  body: string;
  captions: string[];
  category: string[];
  publishedAt: string | null;
  authors: string[];
  publisher: string | null;
  url: string | null;
  /** null when the file carries no keywords of its own (the record's key phrases are not labelled). */
  keywords: string[] | null;
  entities: {
    person: string[];
    organization: string[];
    place: { name: string; province: string | null }[];
  };
  topics: string[];
  language: string;
}

export function readRecordLabels(dir = DATA): RecordLabel[] {
  return readFileSync(join(dir, 'labels.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as RecordLabel);
}

/** NFC, zero-width characters dropped, white space collapsed: the "exact" view of a text field. */
export function exactText(s: string | null | undefined): string {
  return (s ?? '')
    .normalize('NFC')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Diacritics, case and punctuation dropped: the "folded" view. */
export const foldedText = (s: string | null | undefined) => searchKey(exactText(s));

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export const prf = (c: Counts) => {
  const p = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
};

/** Adds one document's list (as sets under `key`) to the counts. */
export function addList(c: Counts, gold: readonly string[], got: readonly string[], key = nameKey): void {
  const g = new Set(gold.map(key));
  const o = new Set(got.map(key));
  for (const x of o)
    if (g.has(x)) c.tp++;
    else c.fp++;
  for (const x of g) if (!o.has(x)) c.fn++;
}

/**
 * Entity names per type: a gold name is found when a record entity of that type has it as its name or
 * one of its aliases (name keys). Each record entity counts once, as found or as a false positive.
 */
export function matchEntities(
  gold: readonly string[],
  got: readonly { name: string; aliases?: string[] | undefined }[],
): { counts: Counts; matched: Map<string, number> } {
  const counts: Counts = { tp: 0, fp: 0, fn: 0 };
  const matched = new Map<string, number>();
  const goldKeys = [...new Set(gold.map(nameKey))];
  const used = new Set<number>();
  for (const g of goldKeys) {
    const i = got.findIndex(
      (e, j) => !used.has(j) && [e.name, ...(e.aliases ?? [])].some((n) => nameKey(n) === g),
    );
    if (i >= 0) {
      used.add(i);
      matched.set(g, i);
      counts.tp++;
    } else counts.fn++;
  }
  counts.fp = got.length - used.size;
  return { counts, matched };
}

/** Lower-case syllables of a text, punctuation dropped (the parse eval's body view). */
function syllables(s: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const w of s
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)) {
    if (w) bag.set(w, (bag.get(w) ?? 0) + 1);
  }
  return bag;
}

function bagOverlap(gold: Map<string, number>, got: Map<string, number>) {
  let both = 0;
  let g = 0;
  let o = 0;
  for (const [w, n] of gold) {
    g += n;
    both += Math.min(n, got.get(w) ?? 0);
  }
  for (const n of got.values()) o += n;
  return { both, g, o };
}

interface Row {
  n: number;
  exact: number;
  folded: number;
  f1?: number;
}

export type Figures = Record<string, Row>;

const ratio = (a: number, n: number) => (n === 0 ? 0 : a / n);

/** Scores records against their labels; `misses` collects `field id: expected → got` lines. */
export function scoreRecords(
  pairs: readonly { label: RecordLabel; record: ArticleRecord }[],
  misses: string[] = [],
): Figures {
  const rows: Record<string, { n: number; exact: number; folded: number; counts?: Counts }> = {};
  const row = (k: string) => {
    rows[k] ??= { n: 0, exact: 0, folded: 0 };
    return rows[k];
  };
  const miss = (field: string, id: string, want: unknown, got: unknown) =>
    misses.push(
      `${field.padEnd(9)} ${id}: ${JSON.stringify(want).slice(0, 120)} → ${JSON.stringify(got).slice(0, 120)}`,
    );
  const text = (field: string, id: string, want: string | null, got: string | null) => {
    const r = row(field);
    r.n++;
    if (exactText(want) === exactText(got)) r.exact++;
    else miss(field, id, want, got);
    if (foldedText(want) === foldedText(got)) r.folded++;
  };
  const list = (field: string, id: string, want: readonly string[], got: readonly string[]) => {
    const r = row(field);
    r.n++;
    r.counts ??= { tp: 0, fp: 0, fn: 0 };
    addList(r.counts, want, got);
    const ex = (xs: readonly string[]) => JSON.stringify(xs.map(exactText));
    const fo = (xs: readonly string[]) => JSON.stringify(xs.map(foldedText));
    if (ex(want) === ex(got)) r.exact++;
    else miss(field, id, want, got);
    if (fo(want) === fo(got)) r.folded++;
  };
  for (const { label: l, record: rec } of pairs) {
    const id = l.id;
    if (rec.status !== 'stored') miss('status', id, 'stored', rec.rejection);
    text('title', id, l.title, rec.title);
    text('lede', id, l.lede, rec.lede);
    // body: passes when ≥ 0.95 of the gold syllables are kept and ≥ 0.95 of the record's come from gold
    {
      const r = row('body');
      r.n++;
      const { both, g, o } = bagOverlap(syllables(l.body), syllables(rec.body ?? ''));
      const rec95 = ratio(both, g) >= 0.95;
      const prec95 = ratio(both, o) >= 0.95;
      if (exactText(l.body) === exactText(rec.body)) r.exact++;
      if (rec95 && prec95) r.folded++;
      else miss('body', id, `recall ${f3(ratio(both, g))}`, `precision ${f3(ratio(both, o))}`);
    }
    list('captions', id, l.captions, rec.captions ?? []);
    list('category', id, l.category, rec.category ?? []);
    {
      const r = row('date');
      r.n++;
      const got = rec.publishedAt ?? null;
      if (got === l.publishedAt) r.exact++;
      else miss('date', id, l.publishedAt, got);
      if ((got ?? '').slice(0, 10) === (l.publishedAt ?? '').slice(0, 10)) r.folded++;
    }
    list('authors', id, l.authors, rec.authors ?? []);
    text('publisher', id, l.publisher, rec.publisher);
    text('url', id, l.url, rec.url);
    if (l.keywords) list('keywords', id, l.keywords, rec.keywords ?? []);
    for (const type of ['person', 'organization', 'place'] as const) {
      const r = row(type);
      r.n++;
      r.counts ??= { tp: 0, fp: 0, fn: 0 };
      const gold = type === 'place' ? l.entities.place.map((p) => p.name) : l.entities[type];
      const got = rec.entities[type];
      const { counts, matched } = matchEntities(gold, got);
      r.counts.tp += counts.tp;
      r.counts.fp += counts.fp;
      r.counts.fn += counts.fn;
      if (counts.fp === 0 && counts.fn === 0) r.exact++;
      const found = new Set(matched.keys());
      const lost = gold.filter((g) => !found.has(nameKey(g)));
      const extra = got.filter((_, i) => ![...matched.values()].includes(i)).map((e) => e.name);
      if (lost.length || extra.length) miss(type, id, { missing: lost }, { extra });
      if (type === 'place') {
        // province codes of the places found: exact = the code the label gives (none outside Vietnam)
        const p = row('province');
        for (const place of l.entities.place) {
          const i = matched.get(nameKey(place.name));
          if (i === undefined) continue;
          p.n++;
          const code = rec.entities.place[i]?.province?.code ?? null;
          if (code === place.province) p.exact++;
          else miss('province', id, `${place.name} ${place.province}`, code);
          p.folded = p.exact;
        }
      }
    }
    {
      const r = row('topic');
      r.n++;
      const codes = rec.topics.map((t) => t.code);
      if (codes[0] === l.topics[0]) r.exact++;
      else miss('topic', id, l.topics[0], codes);
      if (l.topics[0] !== undefined && codes.includes(l.topics[0])) r.folded++;
    }
    text('language', id, l.language, rec.language);
  }
  const out: Figures = {};
  for (const [k, r] of Object.entries(rows)) {
    out[k] = {
      n: r.n,
      exact: ratio(r.exact, r.n),
      folded: ratio(r.folded, r.n),
      ...(r.counts && { f1: prf(r.counts).f1 }),
    };
  }
  for (const type of ['person', 'organization', 'place'] as const) {
    const c = rows[type]?.counts;
    if (c) Object.assign(out[type] ?? {}, prf(c));
  }
  return out;
}

/** What each row's two columns mean, printed under the table. */
const COLUMNS: Record<string, [string, string]> = {
  body: ['same text', 'syllables ≥ 0.95 both ways'],
  date: ['same value', 'same day'],
  topic: ['first topic', 'in the record'],
  province: ['code right', ''],
  person: ['all right', ''],
  organization: ['all right', ''],
  place: ['all right', ''],
};

/** Windows-1258 writes a tone as a combining mark after a letter that may carry its other marks. */
function encodeWindows1258(text: string): Uint8Array {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const parts = [...ch.normalize('NFD')];
    const tones = parts.filter((c) => TONES.has(c));
    out +=
      parts
        .filter((c) => !TONES.has(c))
        .join('')
        .normalize('NFC') + tones.join('');
  }
  return iconv.encode(out, 'windows-1258');
}
const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

/** The same file as editors also save it: other encodings and normal forms of its UTF-8 text. */
export const REENCODINGS: Record<string, (text: string) => Uint8Array> = {
  'utf-16le, no BOM': (t) => new Uint8Array(Buffer.from(t, 'utf16le')),
  'utf-16be, BOM': (t) => new Uint8Array(Buffer.from(`\ufeff${t}`, 'utf16le').swap16()),
  'windows-1258': encodeWindows1258,
  vni: encodeVni,
  'utf-8, NFD': (t) => new TextEncoder().encode(t.normalize('NFD')),
};

/** The fields a reader sees, to tell whether two records of one article agree. */
function readerView(r: ArticleRecord): string {
  return JSON.stringify([
    r.status,
    r.title,
    r.lede,
    r.body,
    r.captions,
    r.category,
    r.publishedAt,
    r.authors,
    r.publisher,
    r.url,
    r.keywords,
    (['person', 'organization', 'place'] as const).map((t) => r.entities[t].map((e) => e.name)),
    r.topics.map((t) => t.code),
    r.language,
  ]);
}

interface Baseline {
  note: string;
  processorVersion: string;
  figures: Partial<Record<'dev' | 'test', Figures>>;
}

function readBaseline(): Baseline | null {
  return existsSync(BASELINE) ? (JSON.parse(readFileSync(BASELINE, 'utf8')) as Baseline) : null;
}

const round = (f: Figures): Figures =>
  JSON.parse(JSON.stringify(f, (_k, v) => (typeof v === 'number' ? Math.round(v * 10000) / 10000 : v)));

export async function runRecordsEval(
  options: { splits?: ('dev' | 'test')[]; saveBaseline?: boolean; misses?: boolean } = {},
): Promise<void> {
  const splits = options.splits ?? ['dev', 'test'];
  const labels = readRecordLabels();
  const secondOpinion = await loadSecondOpinion();
  const baseline = readBaseline();
  const now = () => new Date('2026-12-04T00:00:00Z');
  const figures: Partial<Record<'dev' | 'test', Figures>> = {};
  // Saving computes every split (a baseline of one processor), but prints only those asked for.
  const computed: ('dev' | 'test')[] = options.saveBaseline ? ['dev', 'test'] : splits;
  for (const split of computed) {
    const pairs = labels
      .filter((l) => l.split === split)
      .map((label) => {
        const bytes = readFileSync(join(DATA, label.file));
        const record = processArticle({ key: label.file.split('/').pop() ?? label.file }, bytes, {
          now,
          ...(secondOpinion && { secondOpinion }),
        });
        return { label, record };
      });
    const misses: string[] = [];
    const f = scoreRecords(pairs, misses);
    // Each UTF-8 file saved again in every other encoding: the share whose record reads the same.
    for (const [encoding, encode] of Object.entries(REENCODINGS)) {
      let same = 0;
      let n = 0;
      for (const { label, record } of pairs) {
        const bytes = readFileSync(join(DATA, label.file));
        const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
        if ((label as { encoding?: string }).encoding !== 'utf-8' || (label as { nfd?: boolean }).nfd)
          continue;
        n++;
        const again = processArticle({ key: label.file.split('/').pop() ?? label.file }, encode(text), {
          now,
          ...(secondOpinion && { secondOpinion }),
        });
        if (readerView(again) === readerView(record)) same++;
        else misses.push(`encoding  ${label.id}: ${encoding} gives another record`);
      }
      f[`as ${encoding}`] = { n, exact: ratio(same, n), folded: ratio(same, n) };
    }
    figures[split] = f;
    if (!splits.includes(split)) continue;
    const before = baseline?.figures[split];
    process.stdout.write(
      `\nrecords, ${split} split (${pairs.length} team-written articles, data/records; now ${PROCESSOR_VERSION}` +
        `${before ? `, previous ${baseline?.processorVersion}` : ''})\n\n`,
    );
    const rows = Object.entries(f).map(([k, r]) => {
      // A baseline row measured on another number of items (before articles were added) is not comparable.
      const b = before?.[k]?.n === r.n ? before[k] : undefined;
      const cell = (x: number | undefined, y: number | undefined) =>
        x === undefined ? '' : y === undefined || Math.abs(x - y) < 1e-4 ? f3(x) : `${f3(y)} → ${f3(x)}`;
      const [a, c] = COLUMNS[k] ?? (k.startsWith('as ') ? ['same record', ''] : ['exact', 'folded']);
      const fr = r as Row & { p?: number; r?: number };
      const br = b as (Row & { p?: number; r?: number }) | undefined;
      return [
        k,
        String(r.n),
        `${cell(r.exact, b?.exact)}`,
        c ? cell(r.folded, b?.folded) : '',
        cell(fr.p, br?.p),
        cell(fr.r, br?.r),
        cell(r.f1, b?.f1),
        `${a}${c ? ` / ${c}` : ''}`,
      ];
    });
    process.stdout.write(
      `${table(['field', 'n', 'exact', 'folded', 'P', 'R', 'F1', 'columns'], rows, new Set([1, 2, 3, 4, 5, 6]))}\n`,
    );
    process.stdout.write(
      'exact: NFC, spacing ignored; folded: diacritics, case and punctuation ignored; lists: the whole list exact, F1 of name keys\n',
    );
    if (options.misses !== false && misses.length) {
      process.stdout.write(`\nmisses (${split}):\n${misses.join('\n')}\n`);
    }
  }
  if (options.saveBaseline) {
    const out: Baseline = {
      note: 'Figures of `npm run eval records` for the processor named here; printed as "previous" beside later runs. Rewritten by `npm run eval -- records --save-baseline`.',
      processorVersion: PROCESSOR_VERSION,
      figures: { dev: round(figures.dev ?? {}), test: round(figures.test ?? {}) },
    };
    writeFileSync(BASELINE, `${JSON.stringify(out, null, 2)}\n`);
    process.stdout.write(`\nbaseline written: eval/baseline/records.json (${PROCESSOR_VERSION})\n`);
  }
}
