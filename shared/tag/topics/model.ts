/**
 * A multinomial naive Bayes topic model over syllable features (see ./features). The shipped data holds
 * pruned per-class feature counts; log-probabilities are computed once when the module loads.
 */
import type { Topic } from '../../model/article';
import { featureHash, foldedTokenHashes } from '../../text/fold';
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
  /**
   * How a feature's per-topic weight is formed (default `likelihood`):
   * - `likelihood`: log P(t|c) / P(t), plain naive Bayes;
   * - `one-vs-rest`: log P(t|c) / P(t|not c), the feature's log-odds for the topic against all the
   *   others together. A topic with little training text is then not outvoted by the features the big
   *   topics share (complement naive Bayes, Rennie et al. 2003).
   */
  weighting?: 'likelihood' | 'one-vs-rest';
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
  table: FeatureTable;
}

/** Open-addressing hash table of features; `weights` holds each feature's per-topic vector, row by row. */
export interface FeatureTable {
  keys: Uint32Array;
  slots: Int32Array;
  mask: number;
  k: number;
  weights: Float64Array;
  size: number;
}

export interface ScoreOptions {
  /** Per-topic weight from the article's sections (0..1), added to the evidence with `sectionBoost`. */
  sections?: ReadonlyMap<IptcCode, number>;
  /** How much a matched section counts, in the same units as the evidence. @default 16 */
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
  // The feature lines are read in place, with no string made per line or number: ~25,000 short-lived
  // strings at cold start cost more in garbage collection than the parsing itself.
  const text = data.features;
  let lineCount = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lineCount++;
  const table = emptyTable(lineCount, k);
  // A topic that never saw a feature gets P(t|c)/P(t) = mu / (N_c + mu), the same for every feature:
  // only the few topics with counts need a logarithm, which keeps the cold start short.
  const unseen = Float64Array.from(data.totals, (total) => Math.log(data.mu / (total + data.mu)));
  const classes = new Int32Array(k);
  const counts = new Float64Array(k);
  const vector = new Float64Array(k);
  const oneVsRest = data.weighting === 'one-vs-rest';
  // The weights of the topics without counts depend on the feature's total alone, and the 3,400 shipped
  // features have ~500 totals: computed once per total, they leave a few logarithms per feature (compile
  // ~13 -> ~5 ms at cold start, the same doubles).
  const unseenByTotal = new Map<number, Float64Array>();
  for (let start = 0; start < text.length || start === 0; ) {
    let lineEnd = text.indexOf('\n', start);
    if (lineEnd < 0) lineEnd = text.length;
    const line = start;
    start = lineEnd + 1;
    const bar = text.lastIndexOf('|', lineEnd - 1);
    if (bar <= line) continue;
    let n = 0;
    let total = 0;
    // `c:count c:count ...`, read in place.
    for (let at = bar + 1; at < lineEnd; ) {
      const colon = text.indexOf(':', at);
      let end = text.indexOf(' ', colon);
      if (end < 0 || end > lineEnd) end = lineEnd;
      classes[n] = readNumber(text, at, colon);
      counts[n] = readNumber(text, colon + 1, end);
      total += counts[n]!;
      n++;
      at = end + 1;
    }
    const background = (total + 1) / (grand + data.vocabularySize);
    let base = unseenByTotal.get(total);
    if (base === undefined) {
      base = Float64Array.from(unseen);
      // One-vs-rest subtracts log P(t|not c) / P(t); without counts in c, "not c" holds all of the feature's.
      if (oneVsRest) {
        for (let c = 0; c < k; c++) {
          const rest = (total + data.mu * background) / (grand - data.totals[c]! + data.mu);
          base[c]! -= Math.log(rest / background);
        }
      }
      unseenByTotal.set(total, base);
    }
    vector.set(base);
    for (let i = 0; i < n; i++) {
      const c = classes[i]!;
      let weight = Math.log((counts[i]! + data.mu * background) / (data.totals[c]! + data.mu) / background);
      if (oneVsRest) {
        const rest = (total - counts[i]! + data.mu * background) / (grand - data.totals[c]! + data.mu);
        weight -= Math.log(rest / background);
      }
      vector[c] = weight;
    }
    insert(table, featureHash(text, line, bar), vector);
  }
  if (data.logPriors.length !== k) throw new Error('topics model: priors and classes differ in length');
  return {
    classes: data.classes,
    logPriors: Float64Array.from(data.logPriors),
    table,
  };
}

/**
 * The number written at `text[start..end)`, as `Number()` reads it. Plain decimals (`13.5`) are read in
 * place: digits that fit in 2^53 over a power of ten up to 10^22 make one correctly rounded division,
 * which is exactly `Number()`'s result. Anything else goes to `Number()`.
 */
function readNumber(text: string, start: number, end: number): number {
  let mantissa = 0;
  let scale = 1;
  let dot = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      if (dot) scale *= 10;
    } else if (c === 46 && !dot) dot = true;
    else return Number(text.slice(start, end));
  }
  const digits = end - start - (dot ? 1 : 0);
  return digits > 0 && mantissa <= Number.MAX_SAFE_INTEGER && scale <= 1e22
    ? mantissa / scale
    : Number(text.slice(start, end));
}

function emptyTable(features: number, k: number): FeatureTable {
  let slots = 1;
  while (slots < features * 3) slots <<= 1;
  return {
    keys: new Uint32Array(slots),
    slots: new Int32Array(slots),
    mask: slots - 1,
    k,
    weights: new Float64Array(features * k),
    size: 0,
  };
}

function insert(table: FeatureTable, h: number, vector: Float64Array): void {
  let i = h & table.mask;
  while (table.slots[i] !== 0 && table.keys[i] !== h) i = (i + 1) & table.mask;
  // Two features with one 32-bit hash: keep the first (vanishingly rare; costs one feature).
  if (table.slots[i] !== 0) return;
  table.keys[i] = h;
  table.weights.set(vector, table.size * table.k);
  table.size++;
  table.slots[i] = table.size;
}

/** Row of a feature's weights in `table.weights`, or -1 when the model does not know it. */
function lookup(table: FeatureTable, h: number): number {
  let i = h & table.mask;
  for (;;) {
    const slot = table.slots[i]!;
    if (slot === 0) return -1;
    if (table.keys[i] === h) return slot - 1;
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

function addRow(evidence: Evidence, table: FeatureTable, row: number, weight: number): void {
  if (row < 0) return;
  evidence.mass += weight;
  const sums = evidence.logRatios;
  const weights = table.weights;
  const base = row * table.k;
  for (let c = 0; c < sums.length; c++) sums[c]! += weight * weights[base + c]!;
}

/** Adds one feature occurrence (weighted) to the evidence; unknown features are ignored. */
export function addEvidence(scorer: TopicScorer, evidence: Evidence, feature: string, weight: number): void {
  addRow(evidence, scorer.table, lookup(scorer.table, featureHash(feature)), weight);
}

/**
 * Occurrences of the model's features in one article, summed by feature (its row in the table) before any
 * of its weights are read: an article repeats its words, so each feature's weights are then read once.
 */
export class FeatureCounts {
  /** Summed weight of each row's occurrences (0 for a row not seen). */
  private readonly weights: Float64Array;
  /** Rows seen, in the order first seen. */
  private readonly rows: Int32Array;
  private seen = 0;
  private mass = 0;

  constructor(readonly scorer: TopicScorer) {
    this.weights = new Float64Array(scorer.table.size);
    this.rows = new Int32Array(scorer.table.size);
  }

  /** Counts the unigrams and bigrams of `text` (at most `maxSyllables` read), each weighted by `weight`. */
  addText(text: string, weight: number, maxSyllables: number): void {
    const table = this.scorer.table;
    foldedTokenHashes(text, maxSyllables, (unigram, bigram) => {
      this.add(lookup(table, unigram), weight);
      if (bigram >= 0) this.add(lookup(table, bigram), weight);
    });
  }

  private add(row: number, weight: number): void {
    if (row < 0) return;
    this.mass += weight;
    if (this.weights[row] === 0) this.rows[this.seen++] = row;
    this.weights[row]! += weight;
  }

  /** The evidence counted so far; the counts start over. */
  evidence(): Evidence {
    const evidence = emptyEvidence(this.scorer);
    const { table } = this.scorer;
    for (let i = 0; i < this.seen; i++) {
      const row = this.rows[i]!;
      addRow(evidence, table, row, this.weights[row]!);
      this.weights[row] = 0;
    }
    evidence.mass = this.mass;
    this.seen = 0;
    this.mass = 0;
    return evidence;
  }
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
  const boost = options.sectionBoost ?? 16;
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
