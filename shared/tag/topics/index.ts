/**
 * IPTC Media Topics for an article: naive Bayes over the text (title counted double) plus the
 * newsroom's own section (breadcrumb / URL path), which counts as strong evidence when it names a subject.
 */
import type { Topic } from '../../model/article';
import type { ParsedArticle } from '../../parse/types';
import modelData from '../data/topics-model.generated.json';
import { addFeatures, MAX_BODY_SYLLABLES } from './features';
import {
  compileModel,
  type ScoreOptions,
  scoreTopics,
  type TopicScorer,
  type TopicsModelData,
} from './model';
import { sectionTopics } from './sections';

export { IPTC, IPTC_CODES, type IptcCode, iptcLabel } from './iptc';

/** Compiled once per container. */
const SCORER: TopicScorer = compileModel(modelData as TopicsModelData);

export type TopicText = Pick<ParsedArticle, 'title' | 'lede' | 'body' | 'category' | 'url'>;

export interface ClassifyOptions extends ScoreOptions {
  /** Ignore the breadcrumb and URL (used by the eval to measure the text model alone). */
  ignoreSections?: boolean;
  scorer?: TopicScorer;
}

/** Feature counts of an article's text: title ×2, lede once more, then the start of the body. */
export function articleFeatures(article: TopicText): Map<string, number> {
  const counts = new Map<string, number>();
  if (article.title) addFeatures(counts, article.title, 2);
  if (article.lede) addFeatures(counts, article.lede, 1);
  addFeatures(counts, article.body, 1, MAX_BODY_SYLLABLES);
  return counts;
}

/** Topics, best first, with probabilities; empty when the article gives nothing to go on. */
export function classifyTopics(article: TopicText, options: ClassifyOptions = {}): Topic[] {
  const sections = options.ignoreSections ? undefined : sectionTopics(article.category, article.url);
  return scoreTopics(options.scorer ?? SCORER, articleFeatures(article), {
    ...options,
    ...(sections !== undefined && { sections }),
  });
}
