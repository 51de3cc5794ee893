/**
 * Rule tagger for Vietnamese news: persons, organisations and places (with their 2025 province), from
 * title, lede, body and captions. The rules (./rules) read capitalised-syllable runs with the word lists of
 * data/entity-rules/ and the admin-unit gazetteer; pure TypeScript, everything built once at module load.
 * Its output feeds the learned recogniser (./recognise) as features.
 */
import type { Entities } from '../../model/article';
import type { ParsedArticle } from '../../parse/types';
import { RUN_RULES } from './rules/classify-run';
import { pushListedPersons } from './rules/listed-persons';
import type { EntityType, Scan } from './rules/mentions';
import { merge } from './rules/merge';
import { activeRules } from './rules/rule';
import { CUE_RULES, NAME_RULES, scanText } from './rules/scan-text';
import { pushSignatures } from './rules/signatures';
import { ruleTokens, startArticle, tokenize } from './tokens';
import { type TokenArrays, tokenize as tokenizeText } from './tokens/index';

export interface ExtractOptions {
  /** ISO 639-1 language of the article; entities are only extracted for languages the tagger reads. */
  language?: string;
  /** Ids of rules to turn off (RULE_IDS): the eval's ablation, one rule at a time. */
  rulesOff?: ReadonlySet<string>;
}

/** Languages the entity rules are written for. Others get no entities rather than wrong ones. */
export const ENTITY_LANGUAGES: ReadonlySet<string> = new Set(['vi']);

const COMBINING_MARK = /[\u0300-\u036f]/;

/** Title, lede (when the body does not already hold it), body paragraphs and captions. */
export function articleTexts(article: ParsedArticle): string[] {
  const texts: string[] = [];
  if (article.title) texts.push(article.title);
  if (article.lede && !article.body.includes(article.lede)) texts.push(article.lede);
  texts.push(article.body);
  texts.push(...article.captions);
  // The parser hands over NFC text; only decomposed marks (U+0300–U+036F) need the costly normalisation.
  return texts.map((t) => (COMBINING_MARK.test(t) ? t.normalize('NFC') : t));
}

/** An article's texts (`articleTexts`) with their tokens: tokenised once, read by the rules and the model. */
export interface ArticleTokens {
  texts: string[];
  tokens: TokenArrays[];
}

export function tokenizeArticle(article: ParsedArticle): ArticleTokens {
  const texts = articleTexts(article);
  return { texts, tokens: texts.map((text) => tokenizeText(text)) };
}

/** The stages after the scan, each with the id the eval turns it off by. */
const STAGES = {
  listedPersons: 'stage/listed-persons',
  signatures: 'stage/signatures',
} as const;

/** Every rule's id, in the order the tagger applies them: scan rules, run rules, then the later stages. */
export const RULE_IDS: readonly string[] = [
  ...CUE_RULES.map((r) => r.id),
  ...NAME_RULES.map((r) => r.id),
  ...RUN_RULES.map((r) => r.id),
  ...Object.values(STAGES),
];

/** The article's mentions before they are merged into entities, each with the id of the rule that read it. */
function scanArticle(article: ParsedArticle, off: ReadonlySet<string>, tokens: ArticleTokens): Scan {
  // A sentence-initial word also written in lower case in the article is no name: tokenising marks them.
  startArticle();
  const texts = tokens.tokens.map((t) => ruleTokens(t, true));
  const scan: Scan = {
    mentions: [],
    rule: '',
    notNames: new Set(),
    cueRules: activeRules(CUE_RULES, off),
    nameRules: activeRules(NAME_RULES, off),
    runRules: activeRules(RUN_RULES, off),
  };
  for (const tokens of texts) {
    scanText(scan, tokens);
    if (off.has(STAGES.listedPersons)) continue;
    scan.rule = STAGES.listedPersons;
    pushListedPersons(scan, tokens);
  }
  if (!off.has(STAGES.signatures)) {
    scan.rule = STAGES.signatures;
    pushSignatures(scan, article.body);
  }
  return scan;
}

const NO_RULES_OFF: ReadonlySet<string> = new Set();

/**
 * The rule tagger: persons, organisations and places of an article, one entry per distinct entity with
 * its mention count, most mentioned first. Returns none for languages the tagger does not read. Its
 * output feeds the learned recogniser (./recognise) as features; the record's entities come from there.
 */
export function extractRuleEntities(
  article: ParsedArticle,
  options: ExtractOptions = {},
  tokens?: ArticleTokens,
): Entities {
  if (options.language !== undefined && !ENTITY_LANGUAGES.has(options.language)) {
    return { person: [], organization: [], place: [] };
  }
  const scan = scanArticle(article, options.rulesOff ?? NO_RULES_OFF, tokens ?? tokenizeArticle(article));
  // Bylines name the writer, not someone in the story; a storm's name is no one's.
  const excluded = new Set(scan.notNames);
  for (const author of article.authors)
    excluded.add(
      tokenize(author.normalize('NFC'))
        .map((t) => t.key)
        .join(' '),
    );
  return merge(scan.mentions, excluded);
}

/** What each rule read in an article, before merging: to explain an entity, and for the rules' tests. */
export function ruleMentions(
  article: ParsedArticle,
  options: ExtractOptions = {},
): { rule: string; type: EntityType; text: string }[] {
  return scanArticle(article, options.rulesOff ?? NO_RULES_OFF, tokenizeArticle(article)).mentions.map(
    (m) => ({
      rule: m.rule,
      type: m.type,
      text: m.text,
    }),
  );
}
