/**
 * IPTC Media Topics for an article: naive Bayes over the text (title counted double) plus the
 * newsroom's own section (breadcrumb / URL path), which counts as strong evidence when it names a subject.
 */
import { readAssetBytes, TOPICS_MODEL_ASSET } from '../../assets';
import type { Topic } from '../../model/article';
import type { ParsedArticle } from '../../parse/types';
import { MAX_BODY_SYLLABLES } from './features';
import { type Evidence, FeatureCounts, type ScoreOptions, scoreTopics, type TopicScorer } from './model';
import { sectionTopics } from './sections';
import { decodeTopicsTable } from './table';

export { IPTC, IPTC_CODES, type IptcCode, iptcLabel } from './iptc';

/** Compiled by the data build (./table.ts); loading views the file's arrays. */
const SCORER: TopicScorer = decodeTopicsTable(readAssetBytes(TOPICS_MODEL_ASSET));
/** The shipped model's counts, reused article after article (tagging is synchronous). */
const COUNTS = new FeatureCounts(SCORER);

export type TopicText = Pick<ParsedArticle, 'title' | 'lede' | 'body' | 'category' | 'url'>;

export interface ClassifyOptions extends ScoreOptions {
  /** Ignore the breadcrumb and URL (used by the eval to measure the text model alone). */
  ignoreSections?: boolean;
  scorer?: TopicScorer;
}

/** Evidence from an article's text: title ×2, lede once more (the body repeats it), then the start of the body. */
export function articleEvidence(article: TopicText, scorer: TopicScorer = SCORER): Evidence {
  const counts = scorer === SCORER ? COUNTS : new FeatureCounts(scorer);
  if (article.title) counts.addText(article.title, 2, 200);
  if (article.lede) counts.addText(article.lede, 1, 400);
  counts.addText(article.body, 1, MAX_BODY_SYLLABLES);
  return counts.evidence();
}

/** Topics, best first, with probabilities; empty when the article gives nothing to go on. */
export function classifyTopics(article: TopicText, options: ClassifyOptions = {}): Topic[] {
  const sections = options.ignoreSections ? undefined : sectionTopics(article.category, article.url);
  const scorer = options.scorer ?? SCORER;
  return scoreTopics(scorer, articleEvidence(article, scorer), {
    ...options,
    ...(sections !== undefined && { sections }),
  });
}
