import type { ArticleFormat, Rejection } from '../model/article';
import type { SecondOpinion } from './second-opinion/index';

export type TitleSource = 'text' | 'url' | 'none';

/** What the parser reads off a file: every field a reader sees, before tagging. */
export interface ParsedArticle {
  format: ArticleFormat;
  /** As detected, e.g. `utf-8`, `utf-16le`, `windows-1258`, `tcvn3`, `vni`. */
  encoding: string;
  title: string | null;
  /** Where the title came from: a line or field of the file, rebuilt from the URL slug, or nowhere. */
  titleSource: TitleSource;
  lede: string | null;
  /** Paragraphs joined by a blank line; includes the lede paragraph. */
  body: string;
  captions: string[];
  category: string[];
  publishedAt: string | null;
  authors: string[];
  publisher: string | null;
  url: string | null;
  /** Keywords the file itself declares (keyword line, meta keywords); empty when it has none. */
  keywords: string[];
  /** Language the file declares (html lang, JSON field), if any; the tagger decides. */
  declaredLanguage?: string;
  /** Photo credits that closed captions (`Ảnh: Hải Đăng`), set apart from them; in no record field. */
  photoCredits?: string[];
}

export interface ParseInput {
  bytes: Uint8Array;
  /** File name or object key; its extension picks the format. */
  fileName: string;
  contentType?: string;
}

export interface ParseOptions {
  /** Largest text accepted, in bytes. @default 5 MB */
  maxBytes?: number;
  /** Another extractor asked when a web page's own extraction reads little (./second-opinion/). @default none */
  secondOpinion?: SecondOpinion;
  /**
   * When the file is read: no article is published after it, so a day written without its year never takes
   * a later year (`đến năm 2045`). @default no limit
   */
  readAt?: Date;
}

export type ParseOutcome =
  | { ok: true; article: ParsedArticle }
  | { ok: false; rejection: Rejection; format: ArticleFormat | null; encoding: string | null };

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** A parsed article with every field empty but those given: for callers that build articles by hand. */
export function parsedArticle(fields: Partial<ParsedArticle> = {}): ParsedArticle {
  return {
    format: 'text',
    encoding: 'utf-8',
    title: null,
    titleSource: 'none',
    lede: null,
    body: '',
    captions: [],
    category: [],
    publishedAt: null,
    authors: [],
    publisher: null,
    url: null,
    keywords: [],
    ...fields,
  };
}
