/**
 * The entity recogniser, in stages passing plain values:
 *   rules (./index: today's rule tagger, whole article) → tokens (./tokens) → signals and features
 *   (./features: rule reading, lexicons, gazetteer, shape, context) → sequence model (./model: averaged
 *   perceptron, Viterbi) → resolution (./resolve: nested places, merging, canonical names, scores).
 * Which makes the record's entities is a setting (`Recogniser`): the rules, the model, or the rules
 * corrected by the model (`combined`, the default, chosen on both dev sets: docs/entity-model.md). The
 * weights load once per container, on the model's first use.
 */
import type { Entities } from '../../model/article';
import type { StageClock } from '../../model/stages';
import type { ParsedArticle } from '../../parse/types';
import combinerFile from '../data/entity-combiner.json';
import { segmentsOf } from './features/encode';
import { extractFeatures } from './features/index';
import { type RuleNames, ruleNames, type TokenSignals, tokenSignals } from './features/signals';
import { LABEL_COUNT, TEMPLATE_COUNT } from './features/templates';
import {
  type ArticleTokens,
  ENTITY_LANGUAGES,
  type ExtractOptions,
  extractRuleEntities,
  tokenizeArticle,
} from './index';
import { confidence, type DecodedSpan, emissions, type LinearModel, spansOf, viterbi } from './model/decode';
import { extendToRuleSpans, ruleFill } from './model/fill';
import { entityModel } from './model/load';
import { cachedNameKey } from './name-key';
import { mergeParenthesisedShortNames } from './resolve/acronyms';
import { mergeClubHeadForms, mergeProvinceNames } from './resolve/aliases';
import { mergeBusinessShortNames } from './resolve/business-short-names';
import { type CombinerSettings, combineEntities, combinerSettings } from './resolve/combine';
import { mergeHighlandShortForms } from './resolve/highland-short-forms';
import { type Mention, type MentionType, type ResolveContext, resolveEntities } from './resolve/index';
import { dropPersonsWrittenInLowerCase } from './resolve/lower-case-names';
import { leadBefore } from './resolve/mention';
import { dropPeopleNames } from './resolve/people-names';
import { leavePlaceCuesOut } from './resolve/place-cues';
import { placeProvincesFromArticle, unknownPlacesTakeArticleProvince } from './resolve/place-province';
import { personsFacingTeams, placesFacingTeams } from './resolve/result-sides';
import { resolveRuleEntities } from './resolve/rule-entities';
import { Shape, type TokenArrays, tokenize } from './tokens/index';

/**
 * `rules`: today's rule tagger alone, each entity scored with its type's rule precision. `model`: the
 * learned recogniser stacked on the rules. `combined` (the default): the rules' entities corrected by the
 * model's (./resolve/combine), the only one of the three at least as good as the rules on both dev sets
 * (VLSP dev half 0.786 vs rules 0.781, own dev split 0.836 vs 0.818; docs/entity-model.md).
 * `NEWSDROP_ENTITY_RECOGNISER` overrides it, read once at module load (an unknown value fails the cold
 * start).
 */
export type Recogniser = 'rules' | 'model' | 'combined';
export const RECOGNISERS: readonly Recogniser[] = ['rules', 'model', 'combined'];
export const DEFAULT_RECOGNISER: Recogniser = 'combined';

function recogniserSetting(value: string | undefined): Recogniser {
  if (value === undefined || value === '') return DEFAULT_RECOGNISER;
  const known = RECOGNISERS.find((r) => r === value);
  if (known) return known;
  throw new Error(
    `NEWSDROP_ENTITY_RECOGNISER must be one of ${RECOGNISERS.join(', ')}, not ${JSON.stringify(value)}`,
  );
}

/** What the `combined` recogniser drops and adds (./resolve/combine), checked at module load. */
export const COMBINER_SETTINGS: CombinerSettings = combinerSettings(combinerFile);
export const ENTITY_RECOGNISER: Recogniser = recogniserSetting(process.env.NEWSDROP_ENTITY_RECOGNISER);

/**
 * Score of a rule-tagger entity: the rules' precision for its type on the team's own dev split
 * (data/entities, distinct names per text, contract view), the chance such an entity is right.
 */
export const RULE_PRECISION: Readonly<Record<MentionType, number>> = {
  person: 0.834,
  organization: 0.791,
  place: 0.805,
};

export interface RecogniseOptions extends ExtractOptions {
  /** Default `ENTITY_RECOGNISER`. */
  recogniser?: Recogniser;
  /** Told as `tokens`, `rules` and `model` end (the caller ends `resolve`). */
  clock?: StageClock;
}

/** See ./model/fill: how strongly the model must prefer `O` to overrule a span the rules read (dev half). */
export const RULE_FILL_MARGIN = Number(process.env.RULE_FILL_MARGIN ?? 1e9);

const TYPES: readonly MentionType[] = ['person', 'organization', 'place'];

/** Features and emission scores of the segment being decoded, grown as needed and reused. */
let featScratch = new Int32Array(64 * TEMPLATE_COUNT);
let emScratch = new Float64Array(1024);

/** A segment's features for a model without `emitTokens` (one being trained, or read by rows). */
function segmentFeatures(tokens: TokenArrays, signals: TokenSignals, from: number, to: number): Int32Array {
  const count = to - from;
  if (featScratch.length < count * TEMPLATE_COUNT) featScratch = new Int32Array(count * TEMPLATE_COUNT * 2);
  return extractFeatures(tokens, signals, from, to, featScratch);
}

/** Decoded mentions of one text. */
export function decodeText(
  text: string,
  names: RuleNames,
  model: LinearModel = entityModel(),
  textTokens: TokenArrays = tokenize(text),
): Mention[] {
  // As ./features/encode `encodeText`, each segment's features written into the scratch space.
  const tokens = textTokens;
  const signals = tokenSignals(tokens, names);
  const spans: DecodedSpan[] = [];
  for (const [from, to] of segmentsOf(tokens, signals)) {
    const count = to - from;
    if (emScratch.length < count * LABEL_COUNT) emScratch = new Float64Array(count * LABEL_COUNT * 2);
    const em = model.emitTokens
      ? model.emitTokens(tokens, signals, from, to, emScratch)
      : emissions(model, segmentFeatures(tokens, signals, from, to), count, emScratch);
    const path = viterbi(model, em, count);
    const found = spansOf(model, em, path);
    const rule = signals.rule.subarray(from, to);
    found.push(...ruleFill(rule, em, path, RULE_FILL_MARGIN));
    extendToRuleSpans(found, rule, (i) => tokens.spelling[from + i]?.shape === Shape.lower);
    for (const s of found) spans.push({ ...s, from: s.from + from, to: s.to + from });
  }
  return spans.map((s) => {
    const surface = text.slice(tokens.start[s.from], tokens.end[s.to - 1]);
    return {
      type: TYPES[s.type] as MentionType,
      text: surface,
      key: cachedNameKey(surface),
      confidence: confidence(model, s.margin),
      before: s.from > 0 ? (tokens.spelling[s.from - 1]?.key ?? '') : '',
      after: text.slice(tokens.end[s.to - 1], (tokens.end[s.to - 1] ?? 0) + 16),
      lead: leadBefore(text, tokens.start[s.from] ?? 0),
    };
  });
}

/** The model's decoded mentions of an article, and what resolution reads beside them. */
export function modelMentions(
  article: ParsedArticle,
  rules: Entities,
  model: LinearModel = entityModel(),
  tokens: ArticleTokens = tokenizeArticle(article),
): { mentions: Mention[]; context: ResolveContext } {
  const names = ruleNames(rules);
  const mentions = tokens.texts.flatMap((text, i) => decodeText(text, names, model, tokens.tokens[i]));
  const rulePlaces = new Map(rules.place.map((p) => [cachedNameKey(p.name), p]));
  const authors = new Set(article.authors.map((a) => cachedNameKey(a.normalize('NFC'))));
  return { mentions, context: { rulePlaces, authors } };
}

/**
 * Persons, organisations and places of an article: one entry per distinct entity with its canonical
 * name, aliases, mention count and score, most mentioned first; the names of one province are one place
 * (./resolve/aliases), a business's brand written alone under its full name (./resolve/business-short-names), written without a cue word before them (./resolve/place-cues), a place the
 * resolution left without a province in the one the article names (./resolve/place-province). None for languages the
 * tagger does not read.
 */
export function recogniseEntities(article: ParsedArticle, options: RecogniseOptions = {}): Entities {
  if (options.language !== undefined && !ENTITY_LANGUAGES.has(options.language)) {
    return { person: [], organization: [], place: [] };
  }
  const tokens = tokenizeArticle(article);
  options.clock?.('tokens');
  const rules = extractRuleEntities(article, options, tokens);
  options.clock?.('rules');
  return mergeBusinessShortNames(
    mergeHighlandShortForms(
      mergeParenthesisedShortNames(
        mergeClubHeadForms(
          mergeProvinceNames(
            unknownPlacesTakeArticleProvince(
              placeProvincesFromArticle(
                leavePlaceCuesOut(
                  dropPeopleNames(
                    placesFacingTeams(
                      personsFacingTeams(
                        dropPersonsWrittenInLowerCase(
                          recognised(
                            article,
                            rules,
                            options.recogniser ?? ENTITY_RECOGNISER,
                            tokens,
                            options.clock,
                          ),
                          tokens.texts,
                        ),
                        tokens.texts,
                      ),
                      tokens.texts,
                    ),
                    tokens.texts,
                  ),
                ),
              ),
            ),
          ),
        ),
        tokens.texts,
      ),
    ),
  );
}

function recognised(
  article: ParsedArticle,
  rules: Entities,
  recogniser: Recogniser,
  tokens: ArticleTokens,
  clock: StageClock | undefined,
): Entities {
  if (recogniser === 'rules') return resolveRuleEntities(rules, tokens.texts, RULE_PRECISION);
  const { mentions, context } = modelMentions(article, rules, entityModel(), tokens);
  clock?.('model');
  if (recogniser === 'model') return resolveEntities(mentions, context);
  const base = resolveRuleEntities(rules, tokens.texts, RULE_PRECISION);
  return combineEntities(base, resolveEntities(mentions, context), COMBINER_SETTINGS);
}
