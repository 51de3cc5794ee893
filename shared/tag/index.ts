import type { Entities, Topic } from '../model/article';
import type { ParsedArticle } from '../parse/types';

export interface ArticleTags {
  language: string;
  entities: Entities;
  topics: Topic[];
  keywords: string[];
}

/** Placeholder until the tagger lands (issue 5). */
export function tagArticle(article: ParsedArticle): ArticleTags {
  return {
    language: 'vi',
    entities: { person: [], organization: [], place: [] },
    topics: [],
    keywords: article.keywords,
  };
}
