/**
 * The rules as a second source that fills only what the model left empty (as Stanza's `merge_tags`):
 * a span the rules read where the model decoded nothing but `O` is kept when the model's preference for
 * `O` there is weaker than `maxOutsideMargin`. Its margin is that preference, negated, so its score is
 * below the model's own spans'.
 */
import { LABEL_COUNT } from '../features/templates';
import type { DecodedSpan } from './decode';

const L = LABEL_COUNT;
const TYPE_WEIGHT = [1, 3, 9];

export function ruleFill(
  rule: Uint8Array,
  em: Float64Array,
  path: Uint8Array,
  maxOutsideMargin: number,
): DecodedSpan[] {
  const out: DecodedSpan[] = [];
  const n = path.length;
  for (let type = 0; type < 3; type++) {
    const w = TYPE_WEIGHT[type] as number;
    let i = 0;
    while (i < n) {
      if (Math.floor((rule[i] as number) / w) % 3 !== 1) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && Math.floor((rule[j] as number) / w) % 3 === 2) j++;
      let empty = true;
      let outside = -Infinity;
      for (let t = i; t < j; t++) {
        if (path[t] !== 0) empty = false;
        const label = t === i ? 1 + 2 * type : 2 + 2 * type;
        const m = (em[t * L] as number) - (em[t * L + label] as number);
        if (m > outside) outside = m;
      }
      if (empty && outside < maxOutsideMargin) out.push({ from: i, to: j, type, margin: -outside });
      i = j;
    }
  }
  return out;
}

/** Rule spans of one type as [from, to) token ranges. */
function ruleSpans(rule: Uint8Array, type: number): [number, number][] {
  const w = TYPE_WEIGHT[type] as number;
  const out: [number, number][] = [];
  const n = rule.length;
  let i = 0;
  while (i < n) {
    if (Math.floor((rule[i] as number) / w) % 3 !== 1) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && Math.floor((rule[j] as number) / w) % 3 === 2) j++;
    out.push([i, j]);
    i = j;
  }
  return out;
}

/**
 * Canonical boundaries: where the rules read the same name with lower-case words before it (`sông
 * Hiếu`, `nhà máy Đạm Ninh Bình`, `bang Alabama`), the record names it as the rules do, the form
 * today's records and the contract use. Only lower-case words are added, never capitalised ones.
 */
export function extendToRuleSpans(
  spans: DecodedSpan[],
  rule: Uint8Array,
  lowerWord: (i: number) => boolean,
): void {
  const byType = [0, 1, 2].map((t) => ruleSpans(rule, t));
  for (const s of spans) {
    for (const [from, to] of byType[s.type] ?? []) {
      if (to !== s.to || from >= s.from) continue;
      let lower = true;
      for (let t = from; t < s.from; t++) if (!lowerWord(t)) lower = false;
      if (lower) s.from = from;
      break;
    }
  }
}
