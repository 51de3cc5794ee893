/**
 * The syllable bigram language model (build/title-lm.ts): marked lower-case Vietnamese syllables, their
 * counts, and interpolated Kneser-Ney probabilities of one after another. It rebuilds titles from URL
 * slugs (slug-title.ts) and judges where glued keywords split (keywords.ts).
 */
import { readPackedAsset, TITLE_LM_ASSET } from '../assets';
import { searchKey } from '../text/vietnamese';
import { END, START } from './syllable-text';

export interface LmFile {
  /** Syllables in the text the model was built from. */
  tokens: number;
  vocab: string[];
  history: number[];
  follow: number[];
  precede: number[];
  bigramCount: number;
  bigrams: number[];
}

/** The language model, read once per container and only when a title must be rebuilt. */
export class SyllableLm {
  readonly index = new Map<string, number>();
  readonly formsByKey = new Map<string, string[]>();
  /** How often the text the model was built from has each diacritic-free key (`thoi` for `thời`, `thôi`). */
  readonly keyCounts = new Map<string, number>();
  /**
   * Pair counts by first word, sorted by second word: the pairs after word `v` are at
   * `[pairStart[v], pairStart[v + 1])` of `pairSecond` and `pairCount`, found by binary search (a few
   * look-ups near one another, where a `Map` of every pair missed the cache on each).
   */
  private readonly pairStart: Int32Array;
  private readonly pairSecond: Int32Array;
  private readonly pairCount: Int32Array;
  private readonly size: number;
  /** Syllables in the text the model was built from. */
  readonly tokens: number;

  constructor(private readonly file: LmFile) {
    this.size = file.vocab.length;
    this.tokens = file.tokens;
    file.vocab.forEach((w, i) => {
      this.index.set(w, i);
      if (w === START || w === END) return;
      const key = searchKey(w);
      const forms = this.formsByKey.get(key);
      if (forms) forms.push(w);
      else this.formsByKey.set(key, [w]);
      this.keyCounts.set(key, (this.keyCounts.get(key) ?? 0) + file.history[i]! + 1);
    });
    // Delta-coded pairs (build/title-lm.ts), sorted by first word then second: first-word step, second
    // word (a step when the first repeats), count.
    const b = file.bigrams;
    const n = Math.floor(b.length / 3);
    this.pairStart = new Int32Array(this.size + 1);
    this.pairSecond = new Int32Array(n);
    this.pairCount = new Int32Array(n);
    let first = 0;
    let second = 0;
    for (let i = 0, p = 0; p < n; i += 3, p++) {
      second = b[i] === 0 ? second + b[i + 1]! : b[i + 1]!;
      first += b[i]!;
      this.pairSecond[p] = second;
      this.pairCount[p] = b[i + 2]!;
      this.pairStart[first + 1]!++;
    }
    for (let v = 0; v < this.size; v++) this.pairStart[v + 1]! += this.pairStart[v]!;
  }

  /** How often the model's text has word `w` right after word `v`. */
  pairs(v: number, w: number): number {
    let lo = this.pairStart[v]!;
    let hi = this.pairStart[v + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.pairSecond[mid]!;
      if (at === w) return this.pairCount[mid]!;
      if (at < w) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  private readonly frequentForms = new Map<number, Map<string, readonly string[]>>();

  /** The `limit` most frequent forms of a diacritic-free key (never to be changed: they are shared). */
  mostFrequentForms(key: string, limit: number): readonly string[] {
    let byKey = this.frequentForms.get(limit);
    if (!byKey) {
      byKey = new Map();
      this.frequentForms.set(limit, byKey);
    }
    let forms = byKey.get(key);
    if (!forms) {
      forms = this.formsByKey.get(key)?.slice(0, limit) ?? [];
      byKey.set(key, forms);
    }
    return forms;
  }

  /** How often the model's text has the marked lower-case form (0 when it never does). */
  count(form: string): number {
    const w = this.index.get(form);
    return w === undefined ? 0 : this.file.history[w]! + 1;
  }

  /** Kneser-Ney continuation probability: how many different words a word follows. */
  continuation(w: number): number {
    const n = w < 0 ? 0 : this.file.precede[w]!;
    return (n + 0.5) / (this.file.bigramCount + 0.5 * this.size);
  }

  /** P(w | v) for each of `ws` (as `probability`) and their sum. */
  following(v: number, ws: readonly number[], d: number): { probs: Float64Array; total: number } {
    const probs = new Float64Array(ws.length);
    let total = 0;
    for (let k = 0; k < ws.length; k++) {
      probs[k] = this.probability(v, ws[k]!, d);
      total += probs[k]!;
    }
    return { probs, total };
  }

  /** P(w | v), interpolated Kneser-Ney with discount `d`; -1 is an unknown word. */
  probability(v: number, w: number, d: number): number {
    const pc = this.continuation(w);
    if (v < 0) return pc;
    const h = this.file.history[v]!;
    if (h === 0) return pc;
    const n = w < 0 ? 0 : this.pairs(v, w);
    return Math.max(n - d, 0) / h + ((d * this.file.follow[v]!) / h) * pc;
  }
}

let lm: SyllableLm | undefined;
/** The model, read once per container and only when first needed. */
export function syllableLm(): SyllableLm {
  lm ??= new SyllableLm(readPackedAsset<LmFile>(TITLE_LM_ASSET));
  return lm;
}
