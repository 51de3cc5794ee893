/**
 * Inter-annotator agreement on the team's entity labels: each labeller's DANeS labels (Format A,
 * data/entities/source/danes/) against an independent second pass over a hashed sample of the same
 * texts (data/entities/agreement/). Agreement is mention-level F1 over (type, surface) per text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseInline } from '../shared/tag/entities/build/dataset';

const DATA = join(import.meta.dirname, '..', 'data', 'entities');
const TYPES = ['PER', 'ORG', 'LOC'] as const;

type Mentions = Map<string, Set<string>>;

/** Reads a Format A file into `id<TAB>field` → set of `TYPE:surface`. */
export function readFormatA(text: string): Mentions {
  const out: Mentions = new Map();
  for (const line of text.split('\n')) {
    const [id, field, mentions = ''] = line.split('\t');
    if (!id || !field) continue;
    const set = new Set<string>();
    for (const m of mentions.split(' | ')) if (m.includes(':')) set.add(m.trim());
    out.set(`${id}\t${field}`, set);
  }
  return out;
}

/**
 * Reads the team's written files (Format B) into `docId<TAB>paragraph` → set of `TYPE:surface`, the
 * same keys as the written second pass uses.
 */
export function readFormatB(text: string, into: Mentions = new Map()): Mentions {
  let doc = '';
  let paragraph = 0;
  for (const line of text.split('\n')) {
    const header = /^# doc (\S+)/.exec(line);
    if (header) {
      doc = header[1] as string;
      paragraph = 0;
      continue;
    }
    if (!line.trim() || !doc) continue;
    const parsed = parseInline(line);
    const set = new Set<string>();
    if (typeof parsed !== 'string')
      for (const s of parsed.spans) set.add(`${s.label}:${parsed.text.slice(s.start, s.end)}`);
    into.set(`${doc}\t${paragraph++}`, set);
  }
  return into;
}

export interface Agreement {
  texts: number;
  perType: Record<(typeof TYPES)[number], { first: number; second: number; agreed: number; f1: number }>;
  overall: number;
}

const f1 = (agreed: number, a: number, b: number) => (a + b === 0 ? 1 : (2 * agreed) / (a + b));

/** Agreement of `first` with `second` over the texts the second pass labelled. */
export function agreement(first: Mentions, second: Mentions): Agreement {
  const count = Object.fromEntries(
    TYPES.map((t) => [t, { first: 0, second: 0, agreed: 0, f1: 0 }]),
  ) as Agreement['perType'];
  let texts = 0;
  for (const [key, b] of second) {
    const a = first.get(key);
    if (!a) continue;
    texts++;
    for (const m of a) count[m.split(':')[0] as (typeof TYPES)[number]].first++;
    for (const m of b) {
      const c = count[m.split(':')[0] as (typeof TYPES)[number]];
      c.second++;
      if (a.has(m)) c.agreed++;
    }
  }
  for (const t of TYPES) count[t].f1 = f1(count[t].agreed, count[t].first, count[t].second);
  const sum = (k: 'first' | 'second' | 'agreed') => TYPES.reduce((s, t) => s + count[t][k], 0);
  return { texts, perType: count, overall: f1(sum('agreed'), sum('first'), sum('second')) };
}

function printRow(name: string, a: Agreement): void {
  const cell = (x: number) => x.toFixed(3).padEnd(8);
  console.log(
    `${name.padEnd(22)}${String(a.texts).padEnd(8)}${TYPES.map((t) => cell(a.perType[t].f1)).join('')}${a.overall.toFixed(3)}`,
  );
}

export function runLabelAgreement(): void {
  console.log('\nentity labels: agreement of each labeller with an independent second pass (mention F1)');
  console.log(`${'labeller · set'.padEnd(22)}texts   PER     ORG     LOC     overall`);
  for (const half of ['A', 'B']) {
    const firstPath = join(DATA, 'source', 'danes', `${half}.tsv`);
    const secondPath = join(DATA, 'agreement', `danes-${half}.second-pass.tsv`);
    if (!existsSync(firstPath) || !existsSync(secondPath)) continue;
    const first = readFormatA(readFileSync(firstPath, 'utf8'));
    printRow(
      `DANeS ${half} · ${half === 'A' ? 'lab1' : 'lab2'}`,
      agreement(first, readFormatA(readFileSync(secondPath, 'utf8'))),
    );
  }
  const writtenDir = join(DATA, 'source', 'written');
  const secondPath = join(DATA, 'agreement', 'written.second-pass.tsv');
  if (!existsSync(writtenDir) || !existsSync(secondPath)) return;
  const first: Mentions = new Map();
  for (const name of readdirSync(writtenDir).sort())
    if (name.endsWith('.txt')) readFormatB(readFileSync(join(writtenDir, name), 'utf8'), first);
  const second = readFormatA(readFileSync(secondPath, 'utf8'));
  const labellers = [...new Set([...second.keys()].map((k) => k.split('-')[0] as string))].sort();
  for (const labeller of labellers) {
    const mine = new Map([...second].filter(([k]) => k.startsWith(`${labeller}-`)));
    printRow(`written · ${labeller}`, agreement(first, mine));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) runLabelAgreement();
