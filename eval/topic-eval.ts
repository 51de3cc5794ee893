/**
 * Topic accuracy per labelled set, against each set's labels mapped to IPTC top-level codes
 * (shared/tag/build/topic-mapping.ts). Articles are built as ParsedArticle objects straight from each set's gold
 * title/lede/body, so this measures the tagger, not the parser.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { type ParsedArticle, parsedArticle } from '../shared/parse/types';
import { danesExamples, danesTopics, readDanes } from '../shared/tag/build/danes';
import {
  KTLAB_LABELS,
  type LabelMapping,
  type LabelTable,
  mapLabel,
  NEWS24H_LABELS,
  UNC_DANTRI_LABELS,
  VLSP_LABELS,
} from '../shared/tag/build/topic-mapping';
import { shippedExamples } from '../shared/tag/build/topics-examples';
import { type TopicExample, trainTopicModel } from '../shared/tag/build/topics-nb';
import { classifyTopics } from '../shared/tag/topics/index';
import type { IptcCode } from '../shared/tag/topics/iptc';
import { compileModel, type TopicScorer } from '../shared/tag/topics/model';
import { f3, int, table } from './print';

export const CORPUS_DIR = join(import.meta.dirname, '..', '..', 'shared', 'corpus');

export interface LabelledArticle {
  id: string;
  label: string;
  article: ParsedArticle;
  /** Editor keywords, where the set has them. */
  keywords?: string[];
}

export const emptyArticle = (): ParsedArticle => parsedArticle();

function article(fields: Partial<ParsedArticle>): ParsedArticle {
  return { ...emptyArticle(), ...fields };
}

export function loadUncDantri(): LabelledArticle[] {
  const dir = join(CORPUS_DIR, 'unc-dantri', 'dev');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const lines = readFileSync(join(dir, file), 'utf8').normalize('NFC').split('\n');
      const url =
        lines
          .find((l) => l.startsWith('# url = '))
          ?.slice(8)
          .trim() ?? null;
      const text = lines.filter((l) => !l.startsWith('#') && l.trim() !== '');
      const [title = null, lede = null, ...rest] = text;
      return {
        id: file,
        label: /^news_([a-z]+)_/.exec(file)?.[1] ?? '',
        article: article({ title, lede, body: [lede ?? '', ...rest].join('\n\n'), url }),
      };
    });
}

const ENAMEX = /<\/?ENAMEX[^>]*>/g;

export function loadVlsp(): LabelledArticle[] {
  const root = join(CORPUS_DIR, 'vlsp2018-ner', 'dev');
  const out: LabelledArticle[] = [];
  for (const split of readdirSync(root).sort()) {
    for (const folder of readdirSync(join(root, split)).sort()) {
      const dir = join(root, split, folder);
      for (const file of readdirSync(dir).sort()) {
        const text = readFileSync(join(dir, file), 'utf8')
          .replace(/^\uFEFF/, '')
          .normalize('NFC');
        const lines = text
          .replace(ENAMEX, '')
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean);
        const [title = null, lede = null, ...rest] = lines;
        out.push({
          id: `${split}/${folder}/${file}`,
          label: folder,
          article: article({ title, lede, body: [lede ?? '', ...rest].join('\n\n') }),
        });
      }
    }
  }
  return out;
}

/** KTLAB titles and summaries are word-segmented (`tư_thục`, ` , `): undo it. */
export function unsegment(text: string): string {
  return text
    .replace(/_/g, ' ')
    .replace(/\s+([.,;:!?)\]}”'"])/g, '$1')
    .replace(/([([{“])\s+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

export function loadKtlab(): LabelledArticle[] {
  const root = join(CORPUS_DIR, 'ktlab-mds-baomoi', 'dev');
  const out: LabelledArticle[] = [];
  for (const cluster of readdirSync(root).sort()) {
    const dir = join(root, cluster);
    for (const file of readdirSync(dir).sort()) {
      const m = /^(\d+)\.info\.txt$/.exec(file);
      if (!m) continue;
      const info = readFileSync(join(dir, file), 'utf8').normalize('NFC');
      const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(info)?.[1]?.trim() ?? '';
      const link = field('LINK');
      const label = /\/Home\/([^/]+)\//.exec(link)?.[1] ?? '';
      const body = readFileSync(join(dir, `${m[1]}.body.txt`), 'utf8').normalize('NFC');
      const lede = unsegment(field('SUMMARY'));
      out.push({
        id: `${cluster}/${m[1]}`,
        label,
        article: article({ title: unsegment(field('TITLE')), lede, body: `${lede}\n\n${body}`, url: link }),
      });
    }
  }
  return out;
}

/** 24h bodies start with site UI text glued to the article; it is not the article. */
const NEWS24H_BOILERPLATE =
  /^Lưu bài viết thành công Bạn có thể xem lại bài viết đã lưu ở trangTin bài đã lưu\s*/;

export function load24h(): LabelledArticle[] {
  const file = join(CORPUS_DIR, 'crawl-news-24h', 'dev', '24h_html_categories_vi.dev.csv');
  const rows = parseCsv(readFileSync(file, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    relax_quotes: true,
  }) as Record<string, string>[];
  return rows.map((row) => {
    const url = row.url ?? '';
    const segment = /^https?:\/\/[^/]+\/([^/]+)\//.exec(url)?.[1] ?? '';
    const body = (row['content.text'] ?? '').normalize('NFC').replace(NEWS24H_BOILERPLATE, '');
    return {
      id: row.id ?? '',
      label: segment,
      article: article({ title: (row.title ?? '').normalize('NFC'), body, url }),
      keywords: (row.keywords ?? '')
        .split('|')
        .map((k) => k.normalize('NFC').trim())
        .filter(Boolean),
    };
  });
}

export type Half = 'dev' | 'test';

/** Accuracy on one half of a set. */
export interface HalfScore {
  scored: number;
  strict: number;
  lenient: number;
}

export interface TopicScore {
  set: string;
  scored: number;
  excluded: number;
  strict: number;
  lenient: number;
  /** The same on the dev half (choices are made there) and the test half (read once, at the end). */
  halves: Record<Half, HalfScore>;
}

/**
 * Which half an article falls in, by a hash of its id (KTLAB: of its cluster, so one story's articles stay
 * in one half). Dev halves tune; test halves report.
 */
export function topicHalfOf(set: string, id: string): Half {
  const key = set.startsWith('ktlab') ? (/cluster_\d+/.exec(id)?.[0] ?? id) : id;
  return createHash('sha1').update(`topics:${set}:${key}`).digest()[0]! % 2 === 0 ? 'dev' : 'test';
}

function isCorrect(top: string | undefined, mapping: LabelMapping, lenient: boolean): boolean {
  if (top === undefined) return false;
  return top === mapping.primary || (lenient && (mapping.accept ?? []).includes(top as IptcCode));
}

/** Tallies of right answers, whole set and per half. */
class Tally {
  private readonly n = { all: [0, 0, 0], dev: [0, 0, 0], test: [0, 0, 0] };
  excluded = 0;
  add(half: Half, strict: boolean, lenient: boolean): void {
    for (const t of [this.n.all, this.n[half]]) {
      t[0]!++;
      if (strict) t[1]!++;
      if (lenient) t[2]!++;
    }
  }
  score(set: string): TopicScore {
    const of = ([scored, strict, lenient]: number[]): HalfScore => ({
      scored: scored!,
      strict: strict! / Math.max(1, scored!),
      lenient: lenient! / Math.max(1, scored!),
    });
    return {
      set,
      ...of(this.n.all),
      excluded: this.excluded,
      halves: { dev: of(this.n.dev), test: of(this.n.test) },
    };
  }
}

export interface ScoreSetOptions {
  ignoreSections: boolean;
  /** Another model than the shipped one (for trying changes before building the table). */
  scorer?: TopicScorer;
  /** Score only this half (the dev-only runs never compute a test figure). */
  half?: Half;
}

export function scoreSet(
  set: string,
  items: readonly LabelledArticle[],
  table: LabelTable,
  options: ScoreSetOptions,
): TopicScore {
  const tally = new Tally();
  const setName = set.replace(/ \(.*\)$/, '');
  for (const item of items) {
    const mapping = mapLabel(table, item.label);
    if (mapping === undefined)
      throw new Error(`${set}: label "${item.label}" missing from shared/tag/build/topic-mapping.ts`);
    const half = topicHalfOf(setName, item.id);
    if (options.half !== undefined && half !== options.half) continue;
    if (mapping === null) {
      tally.excluded++;
      continue;
    }
    const input = options.ignoreSections ? { ...item.article, url: null, category: [] } : item.article;
    const top = classifyTopics(input, options.scorer ? { scorer: options.scorer } : {})[0]?.code;
    tally.add(half, isCorrect(top, mapping, false), isCorrect(top, mapping, true));
  }
  return tally.score(set);
}

/**
 * DANeS held-out accuracy: k folds by record id; each fold is scored by a model trained on the other
 * folds plus the rest of the shipped training text (`train`, default: as the shipped model). Multi-label:
 * correct when the top topic is among the record's mapped labels. Records whose labels all map to nothing
 * are excluded. Halves by a hash of the record id, as for the other sets.
 */
export function danesKFold(
  options: { folds?: number; half?: Half; train?: (danes: readonly TopicExample[]) => TopicScorer } = {},
): TopicScore {
  const folds = options.folds ?? 5;
  const train =
    options.train ??
    ((danes: readonly TopicExample[]) => compileModel(trainTopicModel(shippedExamples(danes))));
  const records = readDanes();
  const tally = new Tally();
  for (let fold = 0; fold < folds; fold++) {
    const test = records.filter(
      (r) =>
        r.id % folds === fold &&
        (options.half === undefined || topicHalfOf('danes', String(r.id)) === options.half),
    );
    if (test.length === 0) continue;
    const scorer = train(danesExamples(records.filter((r) => r.id % folds !== fold)));
    for (const r of test) {
      const gold = danesTopics(r);
      if (gold.length === 0) {
        tally.excluded++;
        continue;
      }
      const top = classifyTopics(
        { title: r.title, lede: r.description, body: r.description, category: [], url: null },
        { scorer },
      )[0]?.code;
      const right = top !== undefined && gold.includes(top as IptcCode);
      tally.add(topicHalfOf('danes', String(r.id)), right, right);
    }
  }
  return tally.score(`danes (${folds}-fold held out)`);
}

export interface TopicEvalSet {
  name: string;
  load: () => LabelledArticle[];
  table: LabelTable;
  /** Whether the article carries a URL whose section could reveal the label. */
  hasSection: boolean;
}

export const TOPIC_SETS: readonly TopicEvalSet[] = [
  { name: 'unc-dantri', load: loadUncDantri, table: UNC_DANTRI_LABELS, hasSection: true },
  { name: 'vlsp2018-ner', load: loadVlsp, table: VLSP_LABELS, hasSection: false },
  { name: 'ktlab-mds-baomoi', load: loadKtlab, table: KTLAB_LABELS, hasSection: true },
  { name: 'crawl-news-24h', load: load24h, table: NEWS24H_LABELS, hasSection: true },
];

export interface TopicEvalOptions {
  /** Score only this half. */
  half?: Half;
  /** Text-only rows only (what the model is tuned on). */
  textOnly?: boolean;
  /** A candidate model for the newsroom sets, and how to train one for each DANeS fold. */
  scorer?: TopicScorer;
  train?: (danes: readonly TopicExample[]) => TopicScorer;
}

export function runTopicEval(options: TopicEvalOptions = {}): TopicScore[] {
  const rows: TopicScore[] = [
    danesKFold({
      ...(options.half && { half: options.half }),
      ...(options.train && { train: options.train }),
    }),
  ];
  const base = {
    ...(options.half && { half: options.half }),
    ...(options.scorer && { scorer: options.scorer }),
  };
  for (const set of TOPIC_SETS) {
    const items = set.load();
    rows.push(scoreSet(`${set.name} (text only)`, items, set.table, { ...base, ignoreSections: true }));
    if (set.hasSection && !options.textOnly)
      rows.push(
        scoreSet(`${set.name} (text + URL section)`, items, set.table, { ...base, ignoreSections: false }),
      );
  }
  return rows;
}

/** Figures of the model before this session's changes, per row and half (eval/baseline/). */
export const TOPIC_BASELINE_FILE = join(import.meta.dirname, 'baseline', 'topics-tag30.json');

type BaselineFigures = Record<string, Partial<Record<Half, HalfScore>>>;

export function readTopicBaseline(): BaselineFigures {
  return JSON.parse(readFileSync(TOPIC_BASELINE_FILE, 'utf8')) as BaselineFigures;
}

/** Records `rows` as the baseline (run once, before changing the model; prints nothing). */
export function writeTopicBaseline(rows: readonly TopicScore[]): void {
  const figures: BaselineFigures = {};
  for (const r of rows) figures[r.set] = r.halves;
  writeFileSync(TOPIC_BASELINE_FILE, `${JSON.stringify(figures, null, 2)}\n`);
}

/** One table row per set and half: scored, excluded, strict and lenient, baseline → now. */
export function formatTopicRows(rows: readonly TopicScore[], halves: readonly Half[]): string {
  const baseline = readTopicBaseline();
  const out: string[][] = [];
  for (const r of rows) {
    for (const half of halves) {
      const now = r.halves[half];
      const before = baseline[r.set]?.[half];
      const was = (x: number | undefined) => (x === undefined ? '–' : f3(x));
      out.push([
        r.set,
        half,
        int(now.scored),
        `${was(before?.strict)} → ${f3(now.strict)}`,
        `${was(before?.lenient)} → ${f3(now.lenient)}`,
      ]);
    }
  }
  return table(
    ['set', 'half', 'scored', 'strict (tag-30 → now)', 'lenient (tag-30 → now)'],
    out,
    new Set([2, 3, 4]),
  );
}
