/**
 * Inter-annotator agreement on the team's entity labels: each labeller's DANeS labels (Format A,
 * data/entities/source/danes/) against an independent second pass over a hashed sample of the same
 * texts (data/entities/agreement/). Agreement is mention-level F1 over (type, surface) per text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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

export function runLabelAgreement(): void {
  console.log(
    '\nentity labels: agreement of each DANeS labeller with an independent second pass (mention F1)',
  );
  console.log('half   texts   PER     ORG     LOC     overall');
  for (const half of ['A', 'B']) {
    const firstPath = join(DATA, 'source', 'danes', `${half}.tsv`);
    const secondPath = join(DATA, 'agreement', `danes-${half}.second-pass.tsv`);
    if (!existsSync(firstPath) || !existsSync(secondPath)) continue;
    const a = agreement(
      readFormatA(readFileSync(firstPath, 'utf8')),
      readFormatA(readFileSync(secondPath, 'utf8')),
    );
    const cell = (x: number) => x.toFixed(3).padEnd(8);
    console.log(
      `${half.padEnd(7)}${String(a.texts).padEnd(8)}${TYPES.map((t) => cell(a.perType[t].f1)).join('')}${a.overall.toFixed(3)}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) runLabelAgreement();
