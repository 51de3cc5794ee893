/**
 * A multinomial naive Bayes topic model over syllable features (see ./features). The shipped data holds
 * pruned per-class feature counts; log-probabilities are computed once when the module loads.
 */
import type { Topic } from '../../model/article';
import { featureHash, foldedTokenHashes } from './fold';
import { type IptcCode, iptcLabel } from './iptc';

/** The shipped model file (`shared/tag/data/topics-model.generated.json`). */
export interface TopicsModelData {
  format: 'newsdrop-topics-nb-1';
  /** Where the training data came from and its licence. */
  credit: string;
  classes: IptcCode[];
  /**
   * Dirichlet smoothing toward the background distribution: P(t|c) = (n_tc + mu·P(t)) / (N_c + mu).
   * Unlike add-one smoothing, a feature a small class has never seen stays neutral instead of counting
   * against it, so small classes are not drowned by common words.
   */
  mu: number;
  /** Vocabulary size before pruning (for the background's add-one smoothing). */
  vocabularySize: number;
  /** Total feature mass per class, before pruning. */
  totals: number[];
  logPriors: number[];
  /** One feature a line: `feature|classIndex:count classIndex:count ...`. A string keeps the JSON compact. */
  features: string;
}

export interface TopicScorer {
  classes: readonly IptcCode[];
  logPriors: Float64Array;
  /**
   * Per-topic log-likelihood ratio of each feature (unigram `bong`, bigram `bong da`), in an
   * open-addressing table keyed by 32-bit feature hash (`featureHash`) so the hot loop builds no strings:
   * `slots[i]` holds a feature index + 1 (0 = empty), `keys[i]` its hash.
   */
  table: { keys: Uint32Array; slots: Int32Array; mask: number; vectors: Float64Array[] };
}

export interface ScoreOptions {
  /** Per-topic weight from the article's sections (0..1), added to the evidence with `sectionBoost`. */
  sections?: ReadonlyMap<IptcCode, number>;
  /** How much a matched section counts, in the same units as the evidence. @default 12 */
  sectionBoost?: number;
  /** Evidence is scaled to at most this many feature occurrences, so long texts don't become overconfident. @default 20 */
  evidenceCap?: number;
  /** Topics below this probability are dropped (the best one is always kept). @default 0.15 */
  minScore?: number;
  /** At most this many topics. @default 3 */
  maxTopics?: number;
}

export function compileModel(data: TopicsModelData): TopicScorer {
  const k = data.classes.length;
  const grand = data.totals.reduce((a, b) => a + b, 0);
  const lines = data.features.split('\n');
  const table = emptyTable(lines.length);
  const counts = new Float64Array(k);
  for (const line of lines) {
    const bar = line.lastIndexOf('|');
    if (bar <= 0) continue;
    counts.fill(0);
    let total = 0;
    for (const pair of line.slice(bar + 1).split(' ')) {
      const colon = pair.indexOf(':');
      const count = Number(pair.slice(colon + 1));
      counts[Number(pair.slice(0, colon))] = count;
      total += count;
    }
    const background = (total + 1) / (grand + data.vocabularySize);
    const vector = new Float64Array(k);
    for (let c = 0; c < k; c++) {
      const p = (counts[c]! + data.mu * background) / (data.totals[c]! + data.mu);
      vector[c] = Math.log(p / background);
    }
    insert(table, featureHash(line.slice(0, bar)), vector);
  }
  if (data.logPriors.length !== k) throw new Error('topics model: priors and classes differ in length');
  return {
    classes: data.classes,
    logPriors: Float64Array.from(data.logPriors),
    table,
  };
}

function emptyTable(features: number): TopicScorer['table'] {
  let size = 1;
  while (size < features * 3) size <<= 1;
  return { keys: new Uint32Array(size), slots: new Int32Array(size), mask: size - 1, vectors: [] };
}

function insert(table: TopicScorer['table'], h: number, vector: Float64Array): void {
  let i = h & table.mask;
  while (table.slots[i] !== 0 && table.keys[i] !== h) i = (i + 1) & table.mask;
  // Two features with one 32-bit hash: keep the first (vanishingly rare; costs one feature).
  if (table.slots[i] !== 0) return;
  table.keys[i] = h;
  table.vectors.push(vector);
  table.slots[i] = table.vectors.length;
}

function lookup(table: TopicScorer['table'], h: number): Float64Array | undefined {
  let i = h & table.mask;
  for (;;) {
    const slot = table.slots[i]!;
    if (slot === 0) return undefined;
    if (table.keys[i] === h) return table.vectors[slot - 1];
    i = (i + 1) & table.mask;
  }
}

/** Evidence gathered from an article's text: per-topic log-likelihood ratios and the feature mass behind them. */
export interface Evidence {
  logRatios: Float64Array;
  mass: number;
}

export function emptyEvidence(scorer: TopicScorer): Evidence {
  return { logRatios: new Float64Array(scorer.classes.length), mass: 0 };
}

function addVector(evidence: Evidence, vector: Float64Array | undefined, weight: number): void {
  if (vector === undefined) return;
  evidence.mass += weight;
  const sums = evidence.logRatios;
  for (let c = 0; c < sums.length; c++) sums[c]! += weight * vector[c]!;
}

/** Adds one feature occurrence (weighted) to the evidence; unknown features are ignored. */
export function addEvidence(scorer: TopicScorer, evidence: Evidence, feature: string, weight: number): void {
  addVector(evidence, lookup(scorer.table, featureHash(feature)), weight);
}

/** Adds the unigrams and bigrams of `text` (at most `maxSyllables` read) to the evidence. */
export function addTextEvidence(
  scorer: TopicScorer,
  evidence: Evidence,
  text: string,
  weight: number,
  maxSyllables: number,
): void {
  const table = scorer.table;
  foldedTokenHashes(text, maxSyllables, (unigram, bigram) => {
    addVector(evidence, lookup(table, unigram), weight);
    if (bigram >= 0) addVector(evidence, lookup(table, bigram), weight);
  });
}

/** Evidence from feature counts (for callers that already counted). */
export function evidenceOf(scorer: TopicScorer, counts: ReadonlyMap<string, number>): Evidence {
  const evidence = emptyEvidence(scorer);
  for (const [feature, count] of counts) addEvidence(scorer, evidence, feature, count);
  return evidence;
}

/** Topic probabilities, best first, from the text's evidence and the article's sections. Empty when nothing is known. */
export function scoreTopics(
  scorer: TopicScorer,
  textEvidence: Evidence,
  options: ScoreOptions = {},
): Topic[] {
  const k = scorer.classes.length;
  const evidence = textEvidence.logRatios;
  const mass = textEvidence.mass;
  const sections = options.sections;
  if (mass === 0 && (sections === undefined || sections.size === 0)) return [];
  const scale = mass > 0 ? Math.min(1, (options.evidenceCap ?? 20) / mass) : 0;
  const boost = options.sectionBoost ?? 12;
  const z = new Float64Array(k);
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < k; c++) {
    const sectionWeight = sections?.get(scorer.classes[c]!) ?? 0;
    z[c] = (evidence[c]! + (mass > 0 ? scorer.logPriors[c]! : 0)) * scale + boost * sectionWeight;
    if (z[c]! > max) max = z[c]!;
  }
  let sum = 0;
  for (let c = 0; c < k; c++) {
    z[c] = Math.exp(z[c]! - max);
    sum += z[c]!;
  }
  const ranked = [...z]
    .map((p, c) => ({ c, p: p / sum }))
    .sort((a, b) => b.p - a.p)
    .slice(0, options.maxTopics ?? 3);
  const minScore = options.minScore ?? 0.15;
  return ranked
    .filter((r, i) => i === 0 || r.p >= minScore)
    .map(({ c, p }) => {
      const code = scorer.classes[c]!;
      return { code, label: iptcLabel(code), score: Math.round(p * 1000) / 1000 };
    });
}
