/**
 * The one pipeline from bytes to an article record, shared by the ingest Lambda, the CLI and the local stack.
 * Pure: no AWS, no I/O.
 */
import type { ArticleRecord, Rejection, Source } from './model/article';
import type { StageClock } from './model/stages';
import { parseArticle, type SecondOpinion } from './parse/index';
import { parsedArticle } from './parse/types';
import { PARSER_VERSION } from './parse/version';
import { tagArticle } from './tag/index';
import { TAGGER_VERSION } from './tag/version';

/** Identifies the code that produced a record; stored with it and compared by `newsdrop reindex`. */
export const PROCESSOR_VERSION = `${PARSER_VERSION}+${TAGGER_VERSION}`;

export interface SourceObject {
  bucket?: string;
  /** Object key (decoded, exactly as S3 has it) or file name. */
  key: string;
  contentType?: string;
  /** The upload prefix the key sits under, which the id ignores. @default INCOMING_PREFIX */
  prefix?: string;
}

export interface ProcessOptions {
  /** Largest text accepted, in bytes. @default 5 MB */
  maxBytes?: number;
  /** Clock, for reproducible records in tests. */
  now?: () => Date;
  /** Asked when a web page's own extraction reads little (parse/second-opinion/). @default none */
  secondOpinion?: SecondOpinion;
  /** Told as each stage ends (bench row 1's CPU breakdown). @default none */
  clock?: StageClock;
}

import { articleId, sha256Hex } from './model/article-id';

export { articleId, INCOMING_PREFIX, sha256Hex } from './model/article-id';

/** Counts words as whitespace-separated tokens that hold a letter or digit (Vietnamese syllables count once). */
export function countWords(text: string): number {
  let n = 0;
  // Whether the token being read is counted already: then only white space, which ends it, matters.
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (counted) {
      if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0) counted = false;
    } else if (
      // ASCII letters and digits, and letters beyond Latin-1 punctuation (Vietnamese letters are all ≥ U+00C0)
      (c >= 0x30 && c <= 0x39) ||
      ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) ||
      (c >= 0xc0 && c < 0x2000)
    ) {
      n++;
      counted = true;
    }
  }
  return n;
}

/** Where the record came from; keys in the order records have always listed them. */
function sourceRecord(source: SourceObject, size: number, sha256: string): Source {
  const out: Source =
    source.bucket !== undefined
      ? { bucket: source.bucket, key: source.key, size, sha256 }
      : { key: source.key, size, sha256 };
  if (source.contentType !== undefined) out.contentType = source.contentType;
  return out;
}

function baseRecord(source: SourceObject, size: number, sha256: string, now: Date) {
  return {
    id: articleId(source.key, source.prefix),
    source: sourceRecord(source, size, sha256),
    processorVersion: PROCESSOR_VERSION,
    processedAt: now.toISOString(),
  };
}

/** A parsed article's text fields, all empty: what a rejected record carries. */
function emptyText() {
  const { format: _format, encoding: _encoding, ...fields } = parsedArticle();
  return fields;
}

/** A rejected record for a file that was never read (e.g. refused on its size before download). */
export function rejectedRecord(
  source: SourceObject & { size: number; sha256?: string },
  rejection: Rejection,
  extra: { format?: ArticleRecord['format']; encoding?: string | null } = {},
  now: Date = new Date(),
): ArticleRecord {
  // sha256 of nothing when the bytes were never fetched: the record still names the object.
  const sha = source.sha256 ?? sha256Hex(new Uint8Array());
  return {
    ...baseRecord(source, source.size, sha, now),
    status: 'rejected',
    rejection,
    format: extra.format ?? null,
    encoding: extra.encoding ?? null,
    language: null,
    ...emptyText(),
    entities: { person: [], organization: [], place: [] },
    topics: [],
    wordCount: 0,
  };
}

/** Parses and tags one file into a record; bad input gives a rejected record, never a throw. */
export function processArticle(
  source: SourceObject,
  bytes: Uint8Array,
  options: ProcessOptions = {},
): ArticleRecord {
  const now = options.now?.() ?? new Date();
  const sha256 = sha256Hex(bytes);
  const parsed = parseArticle(
    {
      bytes,
      fileName: source.key,
      ...(source.contentType !== undefined && { contentType: source.contentType }),
    },
    {
      ...(options.maxBytes !== undefined && { maxBytes: options.maxBytes }),
      ...(options.secondOpinion && { secondOpinion: options.secondOpinion }),
      readAt: now,
    },
  );
  if (!parsed.ok) {
    return rejectedRecord({ ...source, size: bytes.length, sha256 }, parsed.rejection, parsed, now);
  }
  const article = parsed.article;
  options.clock?.('parse');
  const tags = tagArticle(article, options.clock);
  // One literal, not `baseRecord` spread into it: every record then gets its fields in one go.
  const record: ArticleRecord = {
    id: articleId(source.key, source.prefix),
    source: sourceRecord(source, bytes.length, sha256),
    processorVersion: PROCESSOR_VERSION,
    processedAt: now.toISOString(),
    status: 'stored',
    format: article.format,
    encoding: article.encoding,
    language: tags.language,
    title: article.title,
    titleSource: article.titleSource,
    lede: article.lede,
    body: article.body,
    captions: article.captions,
    category: article.category,
    publishedAt: article.publishedAt,
    authors: article.authors,
    publisher: article.publisher,
    url: article.url,
    keywords: tags.keywords,
    entities: tags.entities,
    topics: tags.topics,
    wordCount: countWords(article.body),
  };
  options.clock?.('record');
  return record;
}
