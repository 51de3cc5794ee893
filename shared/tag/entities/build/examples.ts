/**
 * Labelled records (data/entities/entities.jsonl) → model examples: the text encoded as at run time
 * (the rules run on the text alone, as a one-paragraph article), and gold BIO labels from its outermost
 * spans (nested spans are the resolver's job). Spans that do not fall on token boundaries are counted
 * and left out.
 */
import { parsedArticle } from '../../../parse/types';
import { encodeText } from '../features/encode';
import { ruleNames } from '../features/signals';
import { LABELS } from '../features/templates';
import { extractRuleEntities } from '../index';
import type { Example } from '../model/train';
import type { LabelledRecord, LabelledSpan } from './dataset';

const LABEL_INDEX = new Map<string, number>(LABELS.map((l, i) => [l, i]));

/** Spans not inside another (a partial overlap keeps the longer, then the earlier). */
export function outermost(spans: readonly LabelledSpan[]): LabelledSpan[] {
  const byLength = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: LabelledSpan[] = [];
  for (const s of byLength) if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
  return kept.sort((a, b) => a.start - b.start);
}

export interface PreparedExample extends Example {
  id: string;
}

/** One example per decoded segment of the record's text; gold spans outside every segment are counted. */
export function prepareExamples(record: LabelledRecord, misaligned: { count: number }): PreparedExample[] {
  const rules = extractRuleEntities(parsedArticle({ title: null, body: record.text }), { language: 'vi' });
  const { tokens, segments } = encodeText(record.text, ruleNames(rules));
  const gold = new Uint8Array(tokens.count);
  for (const span of outermost(record.spans)) {
    let from = -1;
    let to = -1;
    for (let i = 0; i < tokens.count; i++) {
      if (tokens.start[i] === span.start) from = i;
      if (tokens.end[i] === span.end) to = i + 1;
    }
    const inSegment = segments.some((s) => s.from <= from && to <= s.to);
    if (from < 0 || to <= from || !inSegment) {
      misaligned.count++;
      continue;
    }
    gold[from] = LABEL_INDEX.get(`B-${span.label}`) ?? 0;
    for (let i = from + 1; i < to; i++) gold[i] = LABEL_INDEX.get(`I-${span.label}`) ?? 0;
  }
  return segments.map((s, k) => ({
    id: `${record.id}#${k}`,
    feats: s.feats,
    count: s.to - s.from,
    gold: gold.slice(s.from, s.to),
  }));
}
