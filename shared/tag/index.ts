/**
 * The tagger: language → entities → topics → keywords, pure and AWS-free. Models and lexicons load
 * once per container, when this module is first imported.
 */
import type { Entities, Topic } from '../model/article';
import type { StageClock } from '../model/stages';
import type { ParsedArticle } from '../parse/types';
import { recogniseEntities } from './entities/recognise';
import { articleKeywords } from './keywords/index';
import { detectLanguage, TAGGED_LANGUAGES } from './language/index';
import { classifyTopics } from './topics/index';

export interface ArticleTags {
  language: string;
  entities: Entities;
  topics: Topic[];
  keywords: string[];
}

/** Text the language is read from: title, lede and the start of the body. */
function languageSample(article: ParsedArticle): string {
  return [article.title ?? '', article.lede ?? '', article.body.slice(0, 2000)].join('\n');
}

/**
 * Most entities of one type a record keeps, most mentioned first. A very long text (a 1 MB dump of many
 * stories) can name thousands; past this they are noise for readers and would push the stored item
 * over DynamoDB's 400 KB limit through its facets.
 */
export const MAX_ENTITIES_PER_TYPE = 100;

function capEntities(entities: Entities): Entities {
  const top = <T extends { mentions: number }>(list: T[]) =>
    list.length <= MAX_ENTITIES_PER_TYPE
      ? list
      : [...list].sort((a, b) => b.mentions - a.mentions).slice(0, MAX_ENTITIES_PER_TYPE);
  return {
    person: top(entities.person),
    organization: top(entities.organization),
    place: top(entities.place),
  };
}

/** `clock` (bench row 1) is told as each stage ends. */
export function tagArticle(article: ParsedArticle, clock?: StageClock): ArticleTags {
  const language = detectLanguage(languageSample(article), article.declaredLanguage);
  clock?.('language');
  const tagged = TAGGED_LANGUAGES.has(language);
  // A language the entity rules are not written for gets no entities rather than wrong ones.
  const entities = capEntities(recogniseEntities(article, clock ? { language, clock } : { language }));
  clock?.('resolve');
  // The topic model reads Vietnamese; other languages only get the topic their section names.
  const topics = tagged
    ? classifyTopics(article)
    : classifyTopics({ ...article, title: null, lede: null, body: '' });
  clock?.('topics');
  const keywords = articleKeywords(article, language);
  clock?.('keywords');
  return { language, entities, topics, keywords };
}
