/**
 * The feature templates, in order: each token gets one feature per template (see ./index). Renaming,
 * adding or reordering one changes `TEMPLATE_HASH`, and a weights file trained with other templates is
 * refused on load. Bump `FEATURE_REVISION` when a template's values change meaning without a rename.
 */
import { hashWord } from '../../../text/spellings';

const NAMES = [
  'bias',
  'word', // w[0] key
  'prevWord', // w[-1]
  'nextWord', // w[+1]
  'prev2Word', // w[-2]
  'next2Word', // w[+2]
  'prevWordWord', // w[-1]|w[0]
  'wordNextWord', // w[0]|w[+1]
  'prev2PrevWord', // w[-2]|w[-1]
  'shape', // shape[0]|sentence start
  'shapeWindow', // shape[-1..+1]|sentence start
  'shapeWindow2', // shape[-2..+2]
  'suffix', // last 3 characters|shape
  'prefix', // first 2 characters|shape
  'marked', // non-ASCII|shape[-1..+1]
  'glue', // no space before w[0], before w[+1]|shape
  'rule', // the rule tagger's reading of w[0]
  'ruleShape', // rule|shape|sentence start
  'ruleWindow', // rule[-1..+1]
  'rulePrevWord', // rule|w[-1]
  'ruleWord', // rule|w[0]
  'gazetteer', // lexicon bits of w[0], w[-1]|shape
  'place', // place gazetteer match (B/I)|shape[-1..0]
  'placePrevWord', // place match|w[-1]
] as const;

export const FEATURE_REVISION = 1;

export type TemplateName = (typeof NAMES)[number];
export const Template = Object.fromEntries(NAMES.map((n, i) => [n, i])) as Record<TemplateName, number>;
export const TEMPLATE_COUNT = NAMES.length;

/** Labels the model decodes, BIO over three types; the order is part of the weights file. */
export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC'] as const;
export const LABEL_COUNT = LABELS.length;

export const TEMPLATE_HASH = hashWord(JSON.stringify({ NAMES, LABELS, FEATURE_REVISION })) >>> 0;
