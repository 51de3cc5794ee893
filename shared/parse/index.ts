/**
 * The article parser: bytes of any supported format and encoding to every field a reader sees.
 * Pure (no AWS, no I/O); lexicons load once at module scope. Bad input gives a rejection, never a throw.
 */
import type { ArticleFormat } from '../model/article';
import { decodeBytes } from './encoding';
import { finishFields } from './finish';
import { parseHtml } from './html';
import { parseJson } from './json';
import { parseMarkdown } from './markdown';
import { parseTextLayout } from './text';
import { DEFAULT_MAX_BYTES, type ParseInput, type ParseOptions, type ParseOutcome } from './types';

export { loadSecondOpinion, type SecondOpinion } from './second-opinion/index';
export type { ParsedArticle, ParseInput, ParseOptions, ParseOutcome } from './types';
export { DEFAULT_MAX_BYTES } from './types';

const BY_EXTENSION: Record<string, ArticleFormat> = {
  txt: 'text',
  text: 'text',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  md: 'markdown',
  markdown: 'markdown',
  json: 'json',
};

/** Whether a file is read as a web page by its name or declared type (before its bytes are read). */
export function namedAsWebPage(fileName: string, contentType?: string): boolean {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext && BY_EXTENSION[ext]) return BY_EXTENSION[ext] === 'html';
  return contentType !== undefined && /html/i.test(contentType);
}

function formatOf(fileName: string, contentType: string | undefined, text: string): ArticleFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext && BY_EXTENSION[ext]) return BY_EXTENSION[ext]!;
  if (contentType) {
    if (/html/i.test(contentType)) return 'html';
    if (/markdown/i.test(contentType)) return 'markdown';
    if (/json/i.test(contentType)) return 'json';
    if (/^text\//i.test(contentType)) return 'text';
  }
  if (ext) return null; // a real extension we do not read (e.g. .docx)
  const head = text.trimStart().slice(0, 200);
  if (/^<(!doctype html|html|head|body|article)/i.test(head)) return 'html';
  if (/^[{[]/.test(head)) return 'json';
  return 'text';
}

export function parseArticle(input: ParseInput, options: ParseOptions = {}): ParseOutcome {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const reject = (
    code: Parameters<typeof rejection>[0],
    message: string,
    format: ArticleFormat | null = null,
    encoding: string | null = null,
  ): ParseOutcome => ({ ok: false, rejection: rejection(code, message), format, encoding });
  if (input.bytes.length === 0) return reject('empty_file', 'The file is empty.');
  if (input.bytes.length > maxBytes) {
    return reject(
      'too_large',
      `The file is ${(input.bytes.length / 1048576).toFixed(1)} MB; articles are limited to ${(maxBytes / 1048576).toFixed(1)} MB.`,
    );
  }
  const decoded = decodeBytes(input.bytes);
  if (!decoded.ok) return { ok: false, rejection: decoded.rejection, format: null, encoding: null };
  const { text, encoding } = decoded;
  if (text.trim().length === 0)
    return reject('empty_file', 'The file holds only white space.', null, encoding);
  const format = formatOf(input.fileName, input.contentType, text);
  if (format === null) {
    return reject(
      'unsupported_type',
      `Files of this type are not read: ${input.fileName}. Upload .txt, .html, .md or .json.`,
      null,
      encoding,
    );
  }
  let fields: ReturnType<typeof parseTextLayout> & { declaredLanguage?: string };
  try {
    const { readAt } = options;
    if (format === 'html') fields = parseHtml(text, options.secondOpinion);
    else if (format === 'markdown') fields = parseMarkdown(text, readAt);
    else if (format === 'json') {
      const parsed = parseJson(text, readAt);
      if (!parsed.ok) return reject('malformed', parsed.message, format, encoding);
      fields = parsed.fields;
    } else fields = parseTextLayout(text, readAt);
  } catch (err) {
    // A parser bug must not lose the file: it becomes a visible rejection.
    return reject(
      'malformed',
      `The file could not be read as ${format}: ${(err as Error).message}`,
      format,
      encoding,
    );
  }
  // A brief (headline and lede only) is an article too: its lede is its text.
  if (fields.body.trim().length === 0 && fields.lede) fields = { ...fields, body: fields.lede };
  if (fields.body.trim().length === 0) {
    return reject(
      'no_body',
      'No article text was found in the file (only a title or metadata).',
      format,
      encoding,
    );
  }
  return { ok: true, article: { format, encoding, ...finishFields(fields, format !== 'text') } };
}

function rejection(
  code:
    | 'empty_file'
    | 'binary_file'
    | 'too_large'
    | 'undecodable'
    | 'no_body'
    | 'unsupported_type'
    | 'malformed',
  message: string,
) {
  return { code, message };
}
