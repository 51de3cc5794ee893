/**
 * One text → its tokens, signals and the segments the model decodes, with their features, as at run time
 * and in training alike. A segment is a run of tokens within `REACH` of a trigger: a capitalised word
 * (one opening a sentence only before another capitalised word or with a lexicon hit), a word with digits
 * or a token the rules read: names live there. Every other token is outside any name (`O`) without
 * decoding, which keeps long bodies cheap.
 */
import { Shape, type TokenArrays, tokenize } from '../tokens/index';
import { extractFeatures } from './index';
import { type RuleNames, type TokenSignals, tokenSignals } from './signals';

/**
 * Tokens decoded either side of a trigger. With 2 (and the sentence-opening rule) the model decodes 0.31 of
 * the corpus' tokens instead of 0.56 with 4, for the same VLSP dev-half F1.
 */
export const REACH = 2;

export interface Segment {
  from: number;
  to: number;
  /** `(to - from) × TEMPLATE_COUNT` feature ids. */
  feats: Int32Array;
}

function triggers(tokens: TokenArrays, signals: TokenSignals, i: number): boolean {
  const s = tokens.spelling[i];
  if (!s) return false;
  if (s.shape === Shape.alnum || s.shape === Shape.mixed || (signals.rule[i] ?? 0) !== 0) return true;
  if (!s.cap) return false;
  // Every sentence opens with a capital: there it takes a second capital or a lexicon hit to be a trigger.
  if (!tokens.sentenceStart[i]) return true;
  return (tokens.spelling[i + 1]?.cap ?? false) || signals.gazetteer[i] !== 0 || signals.place[i] !== 0;
}

export function segmentsOf(tokens: TokenArrays, signals: TokenSignals): [number, number][] {
  const out: [number, number][] = [];
  const n = tokens.count;
  let from = -1;
  let to = -1;
  for (let i = 0; i < n; i++) {
    if (!triggers(tokens, signals, i)) continue;
    const a = Math.max(0, i - REACH);
    const b = Math.min(n, i + REACH + 1);
    if (from >= 0 && a <= to) to = b;
    else {
      if (from >= 0) out.push([from, to]);
      from = a;
      to = b;
    }
  }
  if (from >= 0) out.push([from, to]);
  return out;
}

/** `text`, or its tokens when the caller has them (the recogniser tokenises an article once). */
export function encodeText(
  text: string | TokenArrays,
  names: RuleNames,
): { tokens: TokenArrays; signals: TokenSignals; segments: Segment[] } {
  const tokens = typeof text === 'string' ? tokenize(text) : text;
  const signals = tokenSignals(tokens, names);
  const segments = segmentsOf(tokens, signals).map(([from, to]) => ({
    from,
    to,
    feats: extractFeatures(tokens, signals, from, to),
  }));
  return { tokens, signals, segments };
}
