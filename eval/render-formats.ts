/**
 * One article rendered as each format an editor may drop: `.txt` in the two seed layouts (HanoiTV: breadcrumb,
 * title, date line, dateline, text, byline, keyword line; VOV: text, credit, URL), `.json` as the 24h crawler
 * exports rows, `.md` with front matter and `.html` as a news page. Used by test/parse/one-record.test.ts
 * (team-written articles) and `npm run eval formats` (corpus articles, measuring only).
 */

export interface ArticleSpec {
  title: string;
  /** The opening paragraph (sapo); also the body's first paragraph. */
  lede: string;
  /** Paragraphs after the lede. */
  paragraphs: string[];
  /** The section's label as the site writes it, if any. */
  category?: string;
  publisher: string;
  /** ISO 8601 in Vietnam time: `2026-12-03T09:15:00+07:00`. */
  publishedAt: string;
  url: string;
  keywords: string[];
  authors: string[];
  /** A category field as a converter wrote it into JSON and front matter (a section slug, `trang-chu`). */
  categoryField?: string;
  /** The 24h crawl's saved-article notice opening scraped bodies (JSON, HTML). */
  savedNotice?: boolean;
}

export type RenderedFormat = 'txt-hanoitv' | 'txt-vov' | 'json' | 'md' | 'html';

export interface RenderedFile {
  format: RenderedFormat;
  fileName: string;
  text: string;
}

/** The notice 24h pages open their text with (as the crawl keeps it, glued to the text). */
export const SAVED_NOTICE =
  'Lưu bài viết thành công Bạn có thể xem lại bài viết đã lưu ở trangTin bài đã lưu';

const pad = (n: string) => n.padStart(2, '0');

/** `26/12/2017 14:03` from `2017-12-26T14:03:00+07:00`. */
function dateLine(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const day = `${pad(m[3]!)}/${pad(m[2]!)}/${m[1]}`;
  return m[4] === undefined ? day : `${day} ${m[4]}:${m[5]}`;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const yamlString = (s: string) => JSON.stringify(s);

export function renderHanoiTv(a: ArticleSpec): string {
  return [
    ...(a.category ? [a.category] : []),
    a.title,
    dateLine(a.publishedAt),
    `(${a.publisher}) - ${a.lede}`,
    ...a.paragraphs,
    '',
    ...(a.authors.length > 0 ? [a.authors.join(', '), ''] : []),
    ...(a.keywords.length > 0 ? [`Từ khóa: ${a.keywords.join(', ')}`] : []),
    a.url,
    '',
  ].join('\n');
}

export function renderVov(a: ArticleSpec): string {
  return [a.lede, ...a.paragraphs, `Theo ${a.publisher}`, a.url, ''].join('\n');
}

export function renderJson(a: ArticleSpec): string {
  const text = [a.lede, ...a.paragraphs].join('\n');
  return `${JSON.stringify(
    {
      title: a.title,
      published_at: a.publishedAt,
      url: a.url,
      ...(a.categoryField ? { category: a.categoryField } : {}),
      keywords: a.keywords,
      authors: a.authors,
      content: { text: a.savedNotice ? `${SAVED_NOTICE} ${text}` : text },
    },
    null,
    2,
  )}\n`;
}

export function renderMarkdown(a: ArticleSpec): string {
  return [
    '---',
    `title: ${yamlString(a.title)}`,
    `date: ${a.publishedAt}`,
    `url: ${a.url}`,
    ...(a.categoryField ? [`category: ${a.categoryField}`] : []),
    `authors: [${a.authors.map(yamlString).join(', ')}]`,
    `tags: [${a.keywords.map(yamlString).join(', ')}]`,
    '---',
    '',
    `# ${a.title}`,
    '',
    ...[a.lede, ...a.paragraphs].flatMap((p) => [p, '']),
  ].join('\n');
}

export function renderHtml(a: ArticleSpec): string {
  const notice = a.savedNotice ? `<div class="save-news">${escapeHtml(SAVED_NOTICE)}</div>` : '';
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>${escapeHtml(a.title)}</title>
<meta property="og:title" content="${escapeHtml(a.title)}">
<meta property="og:url" content="${escapeHtml(a.url)}">
<meta property="article:published_time" content="${a.publishedAt}">
${a.categoryField ? `<meta property="article:section" content="${escapeHtml(a.categoryField)}">` : ''}
<meta name="keywords" content="${escapeHtml(a.keywords.join(', '))}">
${a.authors.map((name) => `<meta name="author" content="${escapeHtml(name)}">`).join('\n')}
</head><body>
<div class="menu"><a href="/">Trang chủ</a></div>
<article>
<h1>${escapeHtml(a.title)}</h1>
${notice}
${[a.lede, ...a.paragraphs].map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article>
<footer><p>Bản quyền thuộc về tòa soạn.</p></footer>
</body></html>
`;
}

/** The article in every format, file names as an editor would give them. */
export function renderAll(a: ArticleSpec, name = 'article'): RenderedFile[] {
  return [
    { format: 'txt-hanoitv', fileName: `000_${name}.txt`, text: renderHanoiTv(a) },
    { format: 'txt-vov', fileName: `003_${name}.txt`, text: renderVov(a) },
    { format: 'json', fileName: `${name}.json`, text: renderJson(a) },
    { format: 'md', fileName: `${name}.md`, text: renderMarkdown(a) },
    { format: 'html', fileName: `${name}.html`, text: renderHtml(a) },
  ];
}
