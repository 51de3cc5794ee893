/**
 * Topic accuracy per labelled set, against each set's labels mapped to IPTC top-level codes
 * (shared/tag/build/topic-mapping.ts). Articles are built as ParsedArticle objects straight from each set's gold
 * title/lede/body, so this measures the tagger, not the parser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { type ParsedArticle, parsedArticle } from '../shared/parse/types';
import { danesTopics, readDanes } from '../shared/tag/build/danes';
import {
  KTLAB_LABELS,
  type LabelMapping,
  type LabelTable,
  mapLabel,
  NEWS24H_LABELS,
  UNC_DANTRI_LABELS,
  VLSP_LABELS,
} from '../shared/tag/build/topic-mapping';
import { trainTopicModel } from '../shared/tag/build/topics-nb';
import { classifyTopics } from '../shared/tag/topics/index';
import type { IptcCode } from '../shared/tag/topics/iptc';
import { compileModel } from '../shared/tag/topics/model';

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

export interface TopicScore {
  set: string;
  scored: number;
  excluded: number;
  strict: number;
  lenient: number;
  /**
   * Strict accuracy on the even and the odd half of the set (see `halfOf`): tune on the even half,
   * report the odd half. DANeS k-fold has no halves.
   */
  strictByHalf?: [even: number, odd: number];
}

/**
 * Which half (0 even, 1 odd) an article of a set falls in: alternate articles in load order, except
 * KTLAB, whose clusters (several articles on one story) stay whole, by cluster number.
 */
export function halfOf(set: string, item: LabelledArticle, index: number): 0 | 1 {
  const cluster = set.startsWith('ktlab') ? /cluster_(\d+)/.exec(item.id)?.[1] : undefined;
  return ((cluster !== undefined ? Number(cluster) : index) % 2) as 0 | 1;
}

function isCorrect(top: string | undefined, mapping: LabelMapping, lenient: boolean): boolean {
  if (top === undefined) return false;
  return top === mapping.primary || (lenient && (mapping.accept ?? []).includes(top as IptcCode));
}

export function scoreSet(
  set: string,
  items: readonly LabelledArticle[],
  table: LabelTable,
  options: { ignoreSections: boolean },
): TopicScore {
  let scored = 0;
  let excluded = 0;
  let strict = 0;
  let lenient = 0;
  const halfScored = [0, 0];
  const halfStrict = [0, 0];
  for (const [index, item] of items.entries()) {
    const mapping = mapLabel(table, item.label);
    if (mapping === undefined)
      throw new Error(`${set}: label "${item.label}" missing from shared/tag/build/topic-mapping.ts`);
    if (mapping === null) {
      excluded++;
      continue;
    }
    const input = options.ignoreSections ? { ...item.article, url: null, category: [] } : item.article;
    const top = classifyTopics(input)[0]?.code;
    scored++;
    const half = halfOf(set, item, index);
    halfScored[half]!++;
    if (isCorrect(top, mapping, false)) {
      strict++;
      halfStrict[half]!++;
    }
    if (isCorrect(top, mapping, true)) lenient++;
  }
  return {
    set,
    scored,
    excluded,
    strict: strict / scored,
    lenient: lenient / scored,
    strictByHalf: [halfStrict[0]! / halfScored[0]!, halfStrict[1]! / halfScored[1]!],
  };
}

/**
 * DANeS held-out accuracy: k folds by record id; each fold is scored by a model trained on the other
 * folds (same options as the shipped model). Multi-label: correct when the top topic is among the
 * record's mapped labels. Records whose labels all map to nothing are excluded.
 */
export function danesKFold(folds = 5): TopicScore {
  const records = readDanes();
  let scored = 0;
  let excluded = 0;
  let correct = 0;
  for (let fold = 0; fold < folds; fold++) {
    const train = records.filter((r) => r.id % folds !== fold);
    const test = records.filter((r) => r.id % folds === fold);
    const scorer = compileModel(
      trainTopicModel(train.map((r) => ({ title: r.title, text: r.description, topics: danesTopics(r) }))),
    );
    for (const r of test) {
      const gold = danesTopics(r);
      if (gold.length === 0) {
        excluded++;
        continue;
      }
      const top = classifyTopics(
        { title: r.title, lede: r.description, body: r.description, category: [], url: null },
        { scorer },
      )[0]?.code;
      scored++;
      if (top !== undefined && gold.includes(top as IptcCode)) correct++;
    }
  }
  const accuracy = correct / scored;
  return { set: `danes (${folds}-fold held out)`, scored, excluded, strict: accuracy, lenient: accuracy };
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

export function runTopicEval(): TopicScore[] {
  const rows: TopicScore[] = [danesKFold()];
  for (const set of TOPIC_SETS) {
    const items = set.load();
    rows.push(scoreSet(`${set.name} (text only)`, items, set.table, { ignoreSections: true }));
    if (set.hasSection)
      rows.push(scoreSet(`${set.name} (text + URL section)`, items, set.table, { ignoreSections: false }));
  }
  return rows;
}

/** The rows of `runTopicEval` with strict accuracy per half, one line each (for quick checks while tuning). */
export function formatTopicHalves(rows: readonly TopicScore[]): string {
  return rows
    .map((r) => {
      const halves = r.strictByHalf
        ? `  even ${r.strictByHalf[0].toFixed(3)}  odd ${r.strictByHalf[1].toFixed(3)}`
        : '';
      return `${r.set.padEnd(40)} ${r.scored.toString().padStart(5)}  strict ${r.strict.toFixed(3)}${halves}\n`;
    })
    .join('');
}
