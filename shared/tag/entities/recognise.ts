/**
 * The entity recogniser, in stages passing plain values:
 *   rules (./index: today's rule tagger, whole article) → tokens (./tokens) → signals and features
 *   (./features: rule reading, lexicons, gazetteer, shape, context) → sequence model (./model: averaged
 *   perceptron, Viterbi) → resolution (./resolve: nested places, merging, canonical names, scores).
 * The weights load once per container, when this module is first imported.
 */
import type { Entities } from '../../model/article';
import type { ParsedArticle } from '../../parse/types';
import { nameKey } from '../../text/vietnamese';
import { encodeText } from './features/encode';
import { type RuleNames, ruleNames } from './features/signals';
import { articleTexts, ENTITY_LANGUAGES, type ExtractOptions, extractRuleEntities } from './index';
import { confidence, type DecodedSpan, emissions, type LinearModel, spansOf, viterbi } from './model/decode';
import { extendToRuleSpans, ruleFill } from './model/fill';
import { entityModel } from './model/load';
import { type Mention, type MentionType, resolveEntities } from './resolve/index';
import { Shape } from './tokens/index';

const MODEL = entityModel();

/** See ./model/fill: how strongly the model must prefer `O` to overrule a span the rules read (dev half). */
export const RULE_FILL_MARGIN = Number(process.env.RULE_FILL_MARGIN ?? 1e9);

const TYPES: readonly MentionType[] = ['person', 'organization', 'place'];

/** Decoded mentions of one text. */
export function decodeText(text: string, names: RuleNames, model: LinearModel = MODEL): Mention[] {
  const { tokens, signals, segments } = encodeText(text, names);
  const spans: DecodedSpan[] = [];
  for (const seg of segments) {
    const count = seg.to - seg.from;
    const em = emissions(model, seg.feats, count);
    const path = viterbi(model, em, count);
    const found = spansOf(model, em, path);
    const rule = signals.rule.subarray(seg.from, seg.to);
    found.push(...ruleFill(rule, em, path, RULE_FILL_MARGIN));
    extendToRuleSpans(found, rule, (i) => tokens.spelling[seg.from + i]?.shape === Shape.lower);
    for (const s of found) spans.push({ ...s, from: s.from + seg.from, to: s.to + seg.from });
  }
  return spans.map((s) => {
    const surface = text.slice(tokens.start[s.from], tokens.end[s.to - 1]);
    return {
      type: TYPES[s.type] as MentionType,
      text: surface,
      key: nameKey(surface),
      confidence: confidence(model, s.margin),
      before: s.from > 0 ? (tokens.spelling[s.from - 1]?.key ?? '') : '',
      after: text.slice(tokens.end[s.to - 1], (tokens.end[s.to - 1] ?? 0) + 8),
    };
  });
}

/**
 * Persons, organisations and places of an article: one entry per distinct entity with its mention
 * count and score, most mentioned first. None for languages the tagger does not read.
 */
export function recogniseEntities(
  article: ParsedArticle,
  options: ExtractOptions = {},
  model: LinearModel = MODEL,
): Entities {
  if (options.language !== undefined && !ENTITY_LANGUAGES.has(options.language)) {
    return { person: [], organization: [], place: [] };
  }
  const rules = extractRuleEntities(article, options);
  const names = ruleNames(rules);
  const mentions = articleTexts(article).flatMap((text) => decodeText(text, names, model));
  const rulePlaces = new Map(rules.place.map((p) => [nameKey(p.name), p]));
  const authors = new Set(article.authors.map((a) => nameKey(a.normalize('NFC'))));
  return resolveEntities(mentions, { rulePlaces, authors });
}
