/**
 * Entity eval on VLSP 2018 NER (../shared/corpus/vlsp2018-ner/dev, evaluation only: read here, never
 * bundled). Document-level F1 per type: for each article, the set of distinct names per type (NFC, exact
 * match), micro-averaged over articles. PERSON → person, ORGANIZATION → organization, LOCATION → place,
 * MISCELLANEOUS ignored. Printed under two gold readings and beside vntk on a fixed sample.
 *
 * Gold readings (both printed):
 * - `nested`: every tagged span counts, including spans inside another (`Việt Nam` inside
 *   `Ngân hàng TMCP Kỹ thương Việt Nam`). newsdrop reports such inner places too.
 * - `outer`: only spans not inside another PERSON/ORGANIZATION/LOCATION span (MISC is transparent).
 * Comparison views (both printed):
 * - `strict`: names compared exactly as written (NFC).
 * - `contract`: the record contract's conventions applied to gold and prediction alike: administrative
 *   level words (`tỉnh`, `huyện`, `thành phố`, `TP.`…) are not part of a place name, and a person's
 *   one-name mentions (`Trump`, `ông Minh`) merge into the full name found in the same article.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Entities } from '../shared/model/article';
import { type ParsedArticle, parsedArticle } from '../shared/parse/types';
import { extractRuleEntities } from '../shared/tag/entities/index';
import { ENTITY_RECOGNISER, type Recogniser, recogniseEntities } from '../shared/tag/entities/recognise';
import { loadVntk, type VntkTagger } from './vntk';

export const VLSP_DIR = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'vlsp2018-ner', 'dev');

export type EntityType = 'person' | 'organization' | 'place';
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place'];

const TYPE_OF: Record<string, EntityType | undefined> = {
  PERSON: 'person',
  ORGANIZATION: 'organization',
  LOCATION: 'place',
};

export type NameSets = Record<EntityType, Set<string>>;

export interface VlspArticle {
  id: string;
  title: string;
  body: string;
  /** Every tagged span. */
  nested: NameSets;
  /** Spans not inside another PERSON/ORGANIZATION/LOCATION span. */
  outer: NameSets;
}

function emptySets(): NameSets {
  return { person: new Set(), organization: new Set(), place: new Set() };
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else if (/\.(muc|txt)$/.test(name)) out.push(path);
  }
  return out;
}

const TAG = /<ENAMEX TYPE="([A-Z]+)">|<\/ENAMEX>/g;

/** Strips the inline tags, collecting each span's text with its type and nesting. */
export function parseVlsp(raw: string, id: string): VlspArticle {
  const text = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC');
  const nested = emptySets();
  const outer = emptySets();
  const stack: { type: string; start: number }[] = [];
  let plain = '';
  let last = 0;
  for (const m of text.matchAll(TAG)) {
    plain += text.slice(last, m.index);
    last = (m.index ?? 0) + m[0].length;
    if (m[1]) {
      stack.push({ type: m[1], start: plain.length });
      continue;
    }
    const open = stack.pop();
    if (!open) continue;
    const type = TYPE_OF[open.type];
    const name = plain.slice(open.start).replace(/\s+/g, ' ').trim();
    if (!type || !name) continue;
    nested[type].add(name);
    if (!stack.some((s) => TYPE_OF[s.type] !== undefined)) outer[type].add(name);
  }
  plain += text.slice(last);
  const lines = plain.split('\n');
  const title = (lines[0] ?? '').trim();
  const body = lines
    .slice(1)
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n\n');
  return { id, title, body, nested, outer };
}

export function loadVlsp(): VlspArticle[] {
  return listFiles(VLSP_DIR).map((path) =>
    parseVlsp(readFileSync(path, 'utf8'), path.slice(VLSP_DIR.length + 1)),
  );
}

export function asParsedArticle(a: VlspArticle): ParsedArticle {
  return parsedArticle({ title: a.title || null, body: a.body });
}

/** The names an article's entities are written by: each canonical name and its aliases (NFC). */
export function entitySets(e: Entities): NameSets {
  const names = (list: readonly { name: string; aliases?: string[] }[]) =>
    new Set(list.flatMap((x) => [x.name, ...(x.aliases ?? [])]).map((n) => n.normalize('NFC')));
  return { person: names(e.person), organization: names(e.organization), place: names(e.place) };
}

const ADMIN_PREFIX =
  /^(?:(?:tỉnh|thành phố|tp|huyện|quận|thị xã|tx|xã|phường|thị trấn|đặc khu|thủ đô|nước)\s+|(?:tp|tx|q|p|h)\.\s*)(?=\p{Lu}|\d)/iu;

/** The contract view of a name set (see the file comment); applied to gold and prediction alike. */
export function contractView(sets: NameSets): NameSets {
  const place = new Set([...sets.place].map((n) => n.replace(ADMIN_PREFIX, '')));
  const persons = [...sets.person];
  const person = new Set(
    persons.filter((n) => {
      const words = n.split(' ');
      // A one- or two-word name that ends another person's name in the same article is that person.
      return !(
        words.length <= 2 &&
        persons.some(
          (other) => other !== n && other.split(' ').length > words.length && other.endsWith(` ${n}`),
        )
      );
    }),
  );
  return { person, organization: new Set(sets.organization), place };
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export type Score = Record<EntityType | 'overall', Counts>;

function emptyScore(): Score {
  return {
    person: { tp: 0, fp: 0, fn: 0 },
    organization: { tp: 0, fp: 0, fn: 0 },
    place: { tp: 0, fp: 0, fn: 0 },
    overall: { tp: 0, fp: 0, fn: 0 },
  };
}

export function addToScore(score: Score, gold: NameSets, predicted: NameSets): void {
  for (const type of ENTITY_TYPES) {
    const g = gold[type];
    const p = predicted[type];
    let tp = 0;
    for (const name of p) if (g.has(name)) tp++;
    const counts = [score[type], score.overall];
    for (const c of counts) {
      c.tp += tp;
      c.fp += p.size - tp;
      c.fn += g.size - tp;
    }
  }
}

export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

type View = 'strict' | 'contract';
type Reading = 'nested' | 'outer';

/** Scores predictions against gold under each reading × view. */
export function scoreAll(
  articles: readonly VlspArticle[],
  predictions: readonly NameSets[],
): Record<`${Reading}/${View}`, Score> {
  const out = {
    'nested/strict': emptyScore(),
    'nested/contract': emptyScore(),
    'outer/strict': emptyScore(),
    'outer/contract': emptyScore(),
  };
  articles.forEach((a, i) => {
    const p = predictions[i] ?? emptySets();
    for (const reading of ['nested', 'outer'] as const) {
      addToScore(out[`${reading}/strict`], a[reading], p);
      addToScore(out[`${reading}/contract`], contractView(a[reading]), contractView(p));
    }
  });
  return out;
}

/** Deterministic sample for the slow peer: every k-th article by sorted path. */
export function peerSample<T>(items: readonly T[], size: number): T[] {
  const step = items.length / size;
  const out: T[] = [];
  for (let k = 0; k < size; k++) {
    const item = items[Math.floor(k * step)];
    if (item !== undefined) out.push(item);
  }
  return out;
}

const f3 = (x: number) => x.toFixed(3);

function line(cells: readonly string[], widths: readonly number[]): string {
  return `${cells.map((c, i) => c.padEnd(widths[i] ?? 10)).join(' ')}\n`;
}

function printScores(label: string, rows: readonly [string, Score][]): void {
  const widths = [34, 14, 7, 7, 7, 7, 7];
  process.stdout.write(`\n${label}\n`);
  process.stdout.write(line(['tagger / view', 'type', 'P', 'R', 'F1', 'gold', 'pred'], widths));
  for (const [name, score] of rows) {
    for (const type of [...ENTITY_TYPES, 'overall'] as const) {
      const c = score[type];
      const { p, r, f1 } = prf(c);
      process.stdout.write(
        line([name, type, f3(p), f3(r), f3(f1), String(c.tp + c.fn), String(c.tp + c.fp)], widths),
      );
    }
  }
}

export const PEER_SAMPLE_SIZE = 50;

/** VLSP's two halves by sorted path: even-numbered articles (`dev`: settings are chosen here) and odd (`test`). */
export function vlspHalf(articles: readonly VlspArticle[], half: 'dev' | 'test'): number[] {
  return articles.map((_, i) => i).filter((i) => i % 2 === (half === 'dev' ? 0 : 1));
}

function halfScore(
  articles: readonly VlspArticle[],
  predictions: readonly NameSets[],
  idx: readonly number[],
): Score {
  return scoreAll(
    idx.map((i) => articles[i] as VlspArticle),
    idx.map((i) => predictions[i] as NameSets),
  )['nested/contract'];
}

/** F1 per type and overall of two taggers side by side, with the difference. */
function printComparison(title: string, rows: readonly [string, Score, Score][]): void {
  const widths = [30, 14, 8, 8, 8, 8, 8];
  process.stdout.write(`\n${title}\n`);
  process.stdout.write(line(['set', 'type', 'rules F1', 'model F1', 'delta', 'model P', 'model R'], widths));
  for (const [name, rules, model] of rows) {
    for (const type of [...ENTITY_TYPES, 'overall'] as const) {
      const a = prf(rules[type]);
      const b = prf(model[type]);
      const d = b.f1 - a.f1;
      process.stdout.write(
        line([name, type, f3(a.f1), f3(b.f1), `${d >= 0 ? '+' : ''}${f3(d)}`, f3(b.p), f3(b.r)], widths),
      );
    }
  }
}

/** F1 (precision/recall) per type and overall of several taggers, one block per set. */
export function printRecognisers(
  title: string,
  sets: readonly (readonly [string, readonly [string, Score][]])[],
): void {
  const widths = [16, 20, 20, 20, 20, 20];
  process.stdout.write(`\n${title}\n`);
  process.stdout.write(
    line(['set', 'recogniser', ...[...ENTITY_TYPES, 'overall'].map((t) => `${t} F1 (P/R)`)], widths),
  );
  for (const [set, rows] of sets) {
    for (const [name, score] of rows) {
      const cells = [...ENTITY_TYPES, 'overall' as const].map((t) => {
        const { p, r, f1 } = prf(score[t]);
        return `${f3(f1)} (${f3(p)}/${f3(r)})`;
      });
      process.stdout.write(line([set, name, ...cells], widths));
    }
  }
}

/** `npm run eval -- entities-dev`: rules and model on VLSP's dev half only (for choosing settings). */
export function runEntityDevEval(): void {
  const articles = loadVlsp();
  const idx = vlspHalf(articles, 'dev');
  const sets: NameSets[] = [];
  const rules: NameSets[] = [];
  for (const i of idx) {
    const a = asParsedArticle(articles[i] as VlspArticle);
    sets[i] = entitySets(recogniseEntities(a, { language: 'vi', recogniser: 'model' }));
    rules[i] = entitySets(extractRuleEntities(a, { language: 'vi' }));
  }
  printComparison('VLSP dev half (even-numbered articles), nested/contract, document-level F1', [
    ['VLSP dev half', halfScore(articles, rules, idx), halfScore(articles, sets, idx)],
  ]);
}

export async function runEntityEval(): Promise<void> {
  const articles = loadVlsp();
  const t0 = performance.now();
  const ours = articles.map((a) =>
    entitySets(recogniseEntities(asParsedArticle(a), { language: 'vi', recogniser: 'model' })),
  );
  const ms = performance.now() - t0;
  const t1 = performance.now();
  const rules = articles.map((a) => entitySets(extractRuleEntities(asParsedArticle(a), { language: 'vi' })));
  const rulesMs = performance.now() - t1;
  // The record's entities as shipped (ENTITY_RECOGNISER, docs/entity-model.md).
  const shipped = articles.map((a) => entitySets(recogniseEntities(asParsedArticle(a), { language: 'vi' })));
  const byRecogniser = (recogniser: Recogniser) =>
    articles.map((a) => entitySets(recogniseEntities(asParsedArticle(a), { language: 'vi', recogniser })));
  const rulesRecogniser = byRecogniser('rules');
  const combined = byRecogniser('combined');
  process.stdout.write(
    `\nentities: VLSP 2018 NER dev (${articles.length} articles, document-level distinct names, micro-averaged)\n`,
  );
  process.stdout.write(
    'readings: nested = every gold span, outer = spans not inside another; views: strict = exact NFC,\n' +
      'contract = admin-level words off place names and one-name person mentions merged, on both sides\n',
  );
  process.stdout.write(
    `newsdrop (rules + model): ${(articles.length / (ms / 1000)).toFixed(0)} articles/s (first pass, includes warm-up); ` +
      `rules alone: ${(articles.length / (rulesMs / 1000)).toFixed(0)} articles/s\n`,
  );
  const all = scoreAll(articles, ours);
  printScores('newsdrop, all articles', [
    ['newsdrop nested/strict', all['nested/strict']],
    ['newsdrop nested/contract', all['nested/contract']],
    ['newsdrop outer/strict', all['outer/strict']],
    ['newsdrop outer/contract', all['outer/contract']],
  ]);
  const allRules = scoreAll(articles, rules);
  printScores("today's rule tagger alone, all articles", [
    ['rules nested/strict', allRules['nested/strict']],
    ['rules nested/contract', allRules['nested/contract']],
  ]);
  // Settings are chosen on the even-numbered articles only; the odd half is scored once, at the end.
  const dev = vlspHalf(articles, 'dev');
  const test = vlspHalf(articles, 'test');
  printComparison(
    'VLSP halves, nested/contract, document-level F1: rules vs rules + model (dev = even-numbered articles, ' +
      'used for choices; test = odd-numbered, never used for choices)',
    [
      ['VLSP dev half', halfScore(articles, rules, dev), halfScore(articles, ours, dev)],
      ['VLSP test half', halfScore(articles, rules, test), halfScore(articles, ours, test)],
    ],
  );
  printComparison(
    `VLSP halves, nested/contract: rules vs the shipped default (${ENTITY_RECOGNISER}: hard constraints, club-name policy, scores)`,
    [
      ['VLSP dev half', halfScore(articles, rules, dev), halfScore(articles, shipped, dev)],
      ['VLSP test half', halfScore(articles, rules, test), halfScore(articles, shipped, test)],
    ],
  );

  printRecognisers(
    'VLSP halves, nested/contract, document-level F1 (P/R) of each recogniser (NEWSDROP_ENTITY_RECOGNISER): ' +
      'rules, model (rules + model), combined (rules corrected by the model, shared/tag/data/entity-combiner.json)',
    (
      [
        ['VLSP dev half', dev],
        ['VLSP test half', test],
      ] as const
    ).map(([name, idx]) => [
      name,
      [
        ["today's rule tagger", halfScore(articles, rules, idx)],
        ['rules', halfScore(articles, rulesRecogniser, idx)],
        ['model', halfScore(articles, ours, idx)],
        ['combined', halfScore(articles, combined, idx)],
      ],
    ]),
  );

  const sampleIdx = peerSample(
    articles.map((_, i) => i),
    PEER_SAMPLE_SIZE,
  );
  const sample = sampleIdx.map((i) => articles[i] as VlspArticle);
  const oursOnSample = sampleIdx.map((i) => ours[i] as NameSets);
  const rulesOnSample = sampleIdx.map((i) => rules[i] as NameSets);
  let vntk: VntkTagger | null = null;
  try {
    vntk = await loadVntk();
  } catch (err) {
    process.stdout.write(`\nvntk: not available here (${(err as Error).message}); peer rows skipped\n`);
  }
  const ourSample = scoreAll(sample, oursOnSample);
  const rulesSample = scoreAll(sample, rulesOnSample);
  const rows: [string, Score][] = [
    ['newsdrop nested/strict', ourSample['nested/strict']],
    ['newsdrop nested/contract', ourSample['nested/contract']],
    ['rules alone nested/strict', rulesSample['nested/strict']],
    ['rules alone nested/contract', rulesSample['nested/contract']],
  ];
  if (vntk) {
    const t1 = performance.now();
    const theirs: NameSets[] = [];
    for (const a of sample) theirs.push(entitySets(await vntk.tag(`${a.title}\n${a.body}`)));
    const rate = sample.length / ((performance.now() - t1) / 1000);
    const peer = scoreAll(sample, theirs);
    rows.push(['vntk nested/strict', peer['nested/strict']]);
    rows.push(['vntk nested/contract', peer['nested/contract']]);
    process.stdout.write(`\nvntk ${vntk.version}: ${rate.toFixed(2)} articles/s on the sample\n`);
  }
  printScores(
    `side by side on a fixed sample of ${sample.length} articles (every ${(articles.length / sample.length).toFixed(1)}th by path)`,
    rows,
  );
}
