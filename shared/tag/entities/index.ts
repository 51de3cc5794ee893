/**
 * Rule tagger for Vietnamese news: persons, organisations and places (with their 2025 province), from
 * title, lede, body and captions. The rules (./rules) read capitalised-syllable runs with the word lists of
 * data/entity-rules/ and the admin-unit gazetteer; pure TypeScript, everything built once at module load.
 * Its output feeds the learned recogniser (./recognise) as features.
 */
import type { Entities } from '../../model/article';
import type { ParsedArticle } from '../../parse/types';
import { pushListedPersons } from './rules/listed-persons';
import type { Scan } from './rules/mentions';
import { merge } from './rules/merge';
import { scanText } from './rules/scan-text';
import { signatureNames } from './rules/signatures';
import { keyOf } from './rules/text';
import { startArticle, tokenize } from './tokens';

export interface ExtractOptions {
  /** ISO 639-1 language of the article; entities are only extracted for languages the tagger reads. */
  language?: string;
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

/**
 * The rule tagger: persons, organisations and places of an article, one entry per distinct entity with
 * its mention count, most mentioned first. Returns none for languages the tagger does not read. Its
 * output feeds the learned recogniser (../recognise) as features; the record's entities come from there.
 */
export function extractRuleEntities(article: ParsedArticle, options: ExtractOptions = {}): Entities {
  if (options.language !== undefined && !ENTITY_LANGUAGES.has(options.language)) {
    return { person: [], organization: [], place: [] };
  }
  // A sentence-initial word also written in lower case in the article is no name: tokenising marks them.
  startArticle();
  const texts = articleTexts(article).map((text) => tokenize(text, true));
  const scan: Scan = { mentions: [] };
  for (const tokens of texts) {
    scanText(scan, tokens);
    pushListedPersons(scan, tokens);
  }
  const signatures = signatureNames(article.body);
  if (signatures.length > 0) {
    const keys = new Set<string>();
    for (const signature of signatures) {
      const tokens = tokenize(signature);
      const key = keyOf(tokens, 0, tokens.length);
      keys.add(key);
      scan.mentions.push({ type: 'person', text: signature, key, cued: true });
    }
    // A signature that is also a commune's name (`An Dương`) was read as that place on its own line.
    scan.mentions = scan.mentions.filter((m) => m.type !== 'place' || !keys.has(m.key));
  }
  // Bylines name the writer, not someone in the story.
  const authors = new Set(
    article.authors.map((a) =>
      tokenize(a.normalize('NFC'))
        .map((t) => t.key)
        .join(' '),
    ),
  );
  return merge(scan.mentions, authors);
}
