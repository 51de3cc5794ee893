/**
 * Trains the topic model (multinomial naive Bayes) from labelled examples plus the hand-written seed
 * lexicon, and prunes it to the features that discriminate most. Used by `topics-train.ts` (which
 * writes the shipped model) and by the eval's k-fold check on DANeS.
 */

import { VIETNAMESE_STOPWORDS } from '../../text/stopwords';
import { searchKey } from '../../text/vietnamese';
import lexicon from '../data/topics-lexicon.generated.json';
import { addFeatures } from '../topics/features';
import { IPTC, IPTC_CODES, type IptcCode, type IptcTopicName } from '../topics/iptc';
import type { TopicsModelData } from '../topics/model';

/** The hand-written seed lexicon (data/topics/seed-lexicon.txt, built by `npm run build:data`). */
const SEED_LEXICON = lexicon.topics as Record<IptcTopicName, readonly string[]>;

export interface TopicExample {
  title: string;
  text: string;
  topics: readonly IptcCode[];
}

export interface TrainOptions {
  /** Dirichlet smoothing strength (see TopicsModelData.mu). */
  mu?: number;
  /** Per-topic feature weights (see TopicsModelData.weighting). */
  weighting?: 'likelihood' | 'one-vs-rest';
  /** Pseudo-count of each lexicon term for its topic. */
  lexiconWeight?: number;
  /**
   * Features learnt from examples kept after pruning, besides the lexicon's (which are all kept), so a
   * growing lexicon does not crowd out what the examples teach.
   */
  learntFeatures?: number;
  /** Weight of a title's features against the description's. */
  titleWeight?: number;
  /** Keep single-syllable features learnt from examples (lexicon terms of one syllable are always kept). */
  unigrams?: boolean;
  /** Drop features made only of function words (they carry style, not subject). */
  dropFunctionWords?: boolean;
  credit?: string;
}

export const DEFAULT_TRAIN_OPTIONS = {
  mu: 30000,
  weighting: 'one-vs-rest',
  lexiconWeight: 2,
  learntFeatures: 230,
  titleWeight: 2,
  unigrams: true,
  dropFunctionWords: true,
} as const;

export const DANES_CREDIT =
  'Trained on DANeS, DATASET JSC (dataset.vn) & AIV Group, https://github.com/dataset-vn/DANeS (CC BY 4.0), ' +
  'plus hand-written seed lexicons and headlines and ledes written by the newsdrop team (CC BY 4.0).';

/** Function words, diacritic-free: a feature made only of them says how a text is written, not what about. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([...VIETNAMESE_STOPWORDS].map(searchKey));

function onlyFunctionWords(feature: string): boolean {
  return feature.split(' ').every((w) => FUNCTION_WORDS.has(w));
}

export function trainTopicModel(
  examples: readonly TopicExample[],
  options: TrainOptions = {},
): TopicsModelData {
  const mu = options.mu ?? DEFAULT_TRAIN_OPTIONS.mu;
  const lexiconWeight = options.lexiconWeight ?? DEFAULT_TRAIN_OPTIONS.lexiconWeight;
  const learntFeatures = options.learntFeatures ?? DEFAULT_TRAIN_OPTIONS.learntFeatures;
  const titleWeight = options.titleWeight ?? DEFAULT_TRAIN_OPTIONS.titleWeight;
  const unigrams = options.unigrams ?? DEFAULT_TRAIN_OPTIONS.unigrams;
  const dropFunctionWords = options.dropFunctionWords ?? DEFAULT_TRAIN_OPTIONS.dropFunctionWords;
  const classes = [...IPTC_CODES];
  const index = new Map(classes.map((c, i) => [c, i]));
  const k = classes.length;
  const table = new Map<string, Float64Array>();
  const add = (counts: Map<string, number>, c: number, share: number) => {
    for (const [feature, n] of counts) {
      let row = table.get(feature);
      if (row === undefined) {
        row = new Float64Array(k);
        table.set(feature, row);
      }
      row[c]! += n * share;
    }
  };
  for (const example of examples) {
    if (example.topics.length === 0) continue;
    const counts = new Map<string, number>();
    addFeatures(counts, example.title, titleWeight);
    addFeatures(counts, example.text, 1);
    const share = 1 / example.topics.length;
    for (const topic of example.topics) {
      const c = index.get(topic)!;
      add(counts, c, share);
    }
  }
  const lexiconFeatures = new Set<string>();
  for (const [name, terms] of Object.entries(SEED_LEXICON) as [IptcTopicName, readonly string[]][]) {
    const c = index.get(IPTC[name])!;
    for (const term of terms) {
      // A multi-syllable term adds only its bigrams: `thời tiết` says weather, `tiết` alone does not.
      const counts = new Map<string, number>();
      addFeatures(counts, term, lexiconWeight);
      const multi = [...counts.keys()].some((f) => f.includes(' '));
      for (const f of [...counts.keys()]) {
        if (multi && !f.includes(' ')) counts.delete(f);
        else lexiconFeatures.add(f);
      }
      add(counts, c, 1);
    }
  }
  const totals = new Float64Array(k);
  for (const row of table.values()) for (let c = 0; c < k; c++) totals[c]! += row[c]!;
  const vocabularySize = table.size;

  // Prune: keep lexicon features and the features whose class distribution departs most from the
  // overall one, weighted by how often they occur (a mutual-information-like ranking).
  const grand = totals.reduce((a, b) => a + b, 0);
  const ranked: { feature: string; score: number }[] = [];
  for (const [feature, row] of table) {
    const total = row.reduce((a, b) => a + b, 0);
    if (total < 1.5 && !lexiconFeatures.has(feature)) continue;
    if (!unigrams && !feature.includes(' ') && !lexiconFeatures.has(feature)) continue;
    if (dropFunctionWords && onlyFunctionWords(feature) && !lexiconFeatures.has(feature)) continue;
    const background = (total + 1) / (grand + vocabularySize);
    let score = 0;
    for (let c = 0; c < k; c++) {
      const p = (row[c]! + mu * background) / (totals[c]! + mu);
      score += row[c]! * Math.log(p / background);
    }
    if (lexiconFeatures.has(feature)) score += 1e6;
    ranked.push({ feature, score });
  }
  ranked.sort((a, b) => b.score - a.score);
  const kept = ranked
    .slice(0, lexiconFeatures.size + learntFeatures)
    .sort((a, b) => (a.feature < b.feature ? -1 : 1));
  const lines = kept.map(({ feature }) => {
    const row = table.get(feature)!;
    const pairs: string[] = [];
    for (let c = 0; c < k; c++) {
      const n = Math.round(row[c]! * 10) / 10;
      if (n > 0) pairs.push(`${c}:${n}`);
    }
    return `${feature}|${pairs.join(' ')}`;
  });
  // Uniform priors: sections differ by site, and the training mix says little about a newsroom's mix.
  const logPriors = classes.map(() => 0);
  return {
    format: 'newsdrop-topics-nb-1',
    credit: options.credit ?? DANES_CREDIT,
    classes,
    mu,
    weighting: options.weighting ?? DEFAULT_TRAIN_OPTIONS.weighting,
    vocabularySize,
    totals: [...totals].map((t) => Math.round(t * 10) / 10),
    logPriors,
    features: lines.join('\n'),
  };
}
