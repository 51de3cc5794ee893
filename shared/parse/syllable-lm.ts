/**
 * The syllable bigram language model (build/title-lm.ts): marked lower-case Vietnamese syllables, their
 * counts, and interpolated Kneser-Ney probabilities of one after another. It rebuilds titles from URL
 * slugs (slug-title.ts) and judges where glued keywords split (keywords.ts). It ships compiled
 * (`compileLm` in ./title-lm-table.ts, written by `npm run build:data` as a table file), so loading it views
 * typed arrays; its three Maps are filled when first asked for.
 */
import { readAssetBytes, TITLE_LM_ASSET } from '../assets';
import { END, START } from './syllable-text';
import { type CompiledLm, decodeTitleLmTable } from './title-lm-table';

interface SyllableLookups {
  index: Map<string, number>;
  formsByKey: Map<string, string[]>;
  keyCounts: Map<string, number>;
}

/** The language model, read once per container. */
export class SyllableLm {
  /**
   * The look-ups by word and by key, built when first asked for: most articles never ask (they have a
   * title and no glued keywords), so loading the model (Lambda init) does not build them.
   */
  private lookups: SyllableLookups | undefined;
  private readonly vocab: readonly string[];
  private readonly vocabKeys: readonly string[];
  /**
   * Pair counts by first word, sorted by second word (`CompiledLm`), found by binary search (a few
   * look-ups near one another, where a `Map` of every pair missed the cache on each).
   */
  private readonly pairStart: Int32Array;
  private readonly pairSecond: Int32Array;
  private readonly pairCount: Int32Array;
  private readonly history: Int32Array;
  private readonly follow: Int32Array;
  private readonly precede: Int32Array;
  private readonly bigramCount: number;
  private readonly size: number;
  /** Syllables in the text the model was built from. */
  readonly tokens: number;

  constructor(lm: CompiledLm) {
    this.size = lm.vocab.length;
    this.tokens = lm.tokens;
    this.bigramCount = lm.bigramCount;
    this.history = lm.history;
    this.follow = lm.follow;
    this.precede = lm.precede;
    this.pairStart = lm.pairStart;
    this.pairSecond = lm.pairSecond;
    this.pairCount = lm.pairCount;
    this.vocab = lm.vocab;
    this.vocabKeys = lm.vocabKeys;
  }

  /** Each word's id. */
  get index(): Map<string, number> {
    return this.built().index;
  }

  /** The words of each diacritic-free key, in id order. */
  get formsByKey(): Map<string, string[]> {
    return this.built().formsByKey;
  }

  /** How often the text the model was built from has each diacritic-free key (`thoi` for `thời`, `thôi`). */
  get keyCounts(): Map<string, number> {
    return this.built().keyCounts;
  }

  private built(): SyllableLookups {
    if (this.lookups) return this.lookups;
    const lookups: SyllableLookups = { index: new Map(), formsByKey: new Map(), keyCounts: new Map() };
    const { index, formsByKey, keyCounts } = lookups;
    this.vocab.forEach((w, i) => {
      index.set(w, i);
      if (w === START || w === END) return;
      const key = this.vocabKeys[i]!;
      const forms = formsByKey.get(key);
      if (forms) forms.push(w);
      else formsByKey.set(key, [w]);
      keyCounts.set(key, (keyCounts.get(key) ?? 0) + this.history[i]! + 1);
    });
    this.lookups = lookups;
    return lookups;
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
    return w === undefined ? 0 : this.history[w]! + 1;
  }

  /** `count` of the word whose id (`index`) is `w`: 0 when it has none. */
  countOf(w: number | undefined): number {
    return w === undefined ? 0 : this.history[w]! + 1;
  }

  /** Kneser-Ney continuation probability: how many different words a word follows. */
  continuation(w: number): number {
    const n = w < 0 ? 0 : this.precede[w]!;
    return (n + 0.5) / (this.bigramCount + 0.5 * this.size);
  }

  /** The words `ws` as `following` takes them: with their continuation probabilities and in id order. */
  candidates(ws: readonly number[]): Candidates {
    const continuation = new Float64Array(ws.length);
    for (let k = 0; k < ws.length; k++) continuation[k] = this.continuation(ws[k]!);
    const ascending = Int32Array.from(ws.keys()).sort((a, b) => ws[a]! - ws[b]!);
    return { ids: ws, continuation, ascending };
  }

  /**
   * P(w | v) for each candidate w (as `probability`) and their sum. The pairs after `v` are sorted by
   * second word, so the candidates are looked up in id order, each search starting where the last ended.
   */
  following(v: number, words: Candidates, d: number): { probs: Float64Array; total: number } {
    const { ids, continuation, ascending } = words;
    const probs = new Float64Array(ids.length);
    const h = v < 0 ? 0 : this.history[v]!;
    if (h === 0) probs.set(continuation);
    else {
      const spread = (d * this.follow[v]!) / h;
      let lo = this.pairStart[v]!;
      const end = this.pairStart[v + 1]!;
      for (let j = 0; j < ascending.length; j++) {
        const k = ascending[j]!;
        const w = ids[k]!;
        let n = 0;
        if (w >= 0) {
          let hi = end - 1;
          while (lo <= hi) {
            const mid = (lo + hi) >>> 1;
            const at = this.pairSecond[mid]!;
            if (at < w) lo = mid + 1;
            else if (at > w) hi = mid - 1;
            else {
              n = this.pairCount[mid]!;
              break;
            }
          }
        }
        probs[k] = Math.max(n - d, 0) / h + spread * continuation[k]!;
      }
    }
    let total = 0;
    for (let k = 0; k < probs.length; k++) total += probs[k]!;
    return { probs, total };
  }

  /** P(w | v), interpolated Kneser-Ney with discount `d`; -1 is an unknown word. */
  probability(v: number, w: number, d: number): number {
    const pc = this.continuation(w);
    if (v < 0) return pc;
    const h = this.history[v]!;
    if (h === 0) return pc;
    const n = w < 0 ? 0 : this.pairs(v, w);
    return Math.max(n - d, 0) / h + ((d * this.follow[v]!) / h) * pc;
  }
}

/** Candidate words of one slug position (`SyllableLm.candidates`). */
export interface Candidates {
  ids: readonly number[];
  /** `continuation` of each. */
  continuation: Float64Array;
  /** Indices into `ids`, in ascending id (unknown words, -1, first). */
  ascending: Int32Array;
}

let lm: SyllableLm | undefined;
/** The model, read once per container (at init: ../load-data.ts). */
export function syllableLm(): SyllableLm {
  lm ??= new SyllableLm(decodeTitleLmTable(readAssetBytes(TITLE_LM_ASSET)));
  return lm;
}
