import { DEFAULT_MAX_BYTES, type ParseInput, type ParseOptions, type ParseOutcome } from './types';

export type { ParsedArticle, ParseInput, ParseOptions, ParseOutcome } from './types';
export { DEFAULT_MAX_BYTES } from './types';

/** Placeholder until the parser lands (issue 4): UTF-8 text, first line as title. */
export function parseArticle(input: ParseInput, options: ParseOptions = {}): ParseOutcome {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (input.bytes.length === 0) {
    return {
      ok: false,
      rejection: { code: 'empty_file', message: 'The file is empty.' },
      format: null,
      encoding: null,
    };
  }
  if (input.bytes.length > maxBytes) {
    return {
      ok: false,
      rejection: { code: 'too_large', message: 'The file is too large.' },
      format: null,
      encoding: null,
    };
  }
  const lines = new TextDecoder()
    .decode(input.bytes)
    .normalize('NFC')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const [title = null, ...rest] = lines;
  return {
    ok: true,
    article: {
      format: 'text',
      encoding: 'utf-8',
      title,
      lede: rest[0] ?? null,
      body: rest.join('\n\n'),
      captions: [],
      category: [],
      publishedAt: null,
      authors: [],
      publisher: null,
      url: null,
      keywords: [],
    },
  };
}
