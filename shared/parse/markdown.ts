/**
 * Markdown articles with optional YAML or TOML front matter (title, date, author(s), tags/keywords, category,
 * url, description). Markup is reduced to text; image alt texts and emphasised lines under images are captions.
 */
import type * as Yaml from 'js-yaml';
import { YAML_CHUNK } from '../assets/index';
import { requireLibrary } from '../assets/library';
import properties from './data/properties.json';
import { parseIsoLike, parseVietnameseDate } from './dates';
import { cleanLine } from './lines';
import { parseTextLayout, type TextFields } from './text';
import { readTomlFrontMatter } from './toml-front-matter';

/**
 * Emphasis and code spans, as CommonMark opens and closes them: a delimiter opens only at the start of a word (not
 * after a letter, digit or backslash: `Sagittarius A*, …` is text) and closes only at its end.
 */
const EMPHASIS = /(^|[^\p{L}\p{N}\\])(\*\*|__|\*|_|~~|`)(?=\S)([^*_~`]*?\S)\2(?![\p{L}\p{N}])/gu;
/** A backslash-escaped ASCII punctuation character is that character (`A\*` → `A*`). */
const ESCAPED = /\\([!-/:-@[-`{-~])/g;

/**
 * Obsidian's wiki links read as the text they show: `[[Công an TP.HCM]]` → `Công an TP.HCM`,
 * `[[Lương Quốc Thái|anh Thái]]` → `anh Thái`; an embed (`![[ảnh.jpg]]`) shows no text.
 */
const WIKI_LINK = /(!?)\[\[([^\]|#]*)(?:#[^\]|]*)?(?:\|([^\]]*))?\]\]/g;
export function unwikify(text: string): string {
  return text.includes('[[')
    ? text.replace(WIKI_LINK, (_, embed, target, shown) => (embed ? '' : (shown ?? target)))
    : text;
}
/** An Obsidian comment (`%% … %%`) is hidden from the note's reader. */
const OBSIDIAN_COMMENT = /%%[\s\S]*?%%/g;

function strip(md: string): string {
  return cleanLine(
    unwikify(md)
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]+>/g, '')
      .replace(EMPHASIS, '$1$3')
      .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/u, '')
      .replace(ESCAPED, '$1'),
  );
}

const asList = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.map((x) => cleanLine(unwikify(String(x)))).filter(Boolean)
    : typeof v === 'string'
      ? unwikify(v)
          .split(/\s*[,;|]\s*/u)
          .filter(Boolean)
      : [];

const PROPERTY_FIELDS = new Map(
  Object.entries(properties.fields).flatMap(([field, names]) => names.map((name) => [name, field] as const)),
);
const PROPERTY_LINE = /^(\p{L}[\p{L}\d _-]{0,30}?)\s*:\s+(\S.*)$/u;

/**
 * A Notion export's properties under its title (`Tác giả: Hà Trang`, `Ngày xuất bản: December 2, 2026 10:15 AM`,
 * `Tags: a, b`): a block of `Name: value` lines, two or more of them named in data/properties.json, read as
 * front matter (the others, `Trạng thái: Đã xuất bản`, are the app's own). Null for any other block.
 */
export function readPropertyBlock(block: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  let known = 0;
  for (const line of block.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const m = PROPERTY_LINE.exec(line.trim());
    if (!m) return null;
    const field = PROPERTY_FIELDS.get(m[1]!.toLowerCase().replace(/\s+/g, ' '));
    if (!field) continue;
    known++;
    out[field] ??= m[2]!.trim();
  }
  return known >= 2 ? out : null;
}

/**
 * A Markdown table as text: one line per row, the cells joined by ` | ` as a web page's data table reads
 * (content/collect.ts `tableLines`), the delimiter row (`| --- | --- |`) left out. Null for any other block.
 */
export function tableRows(block: string): string[] | null {
  const lines = block.split(/\r?\n/).map((l) => l.trim());
  if (lines.length < 2 || !lines.every((l) => l.startsWith('|')) || !/^\|?\s*:?-{3,}/.test(lines[1]!))
    return null;
  return lines
    .filter((l) => !/^\|?(\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/.test(l))
    .map((l) =>
      l
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((c) => strip(c))
        .join(' | '),
    );
}

/** A block that is one Hugo shortcode (`{{< figure src="a.jpg" caption="…" >}}`, `{{% youtube id %}}`): markup, not text. */
const SHORTCODE = /^\{\{[<%][\s\S]*?[>%]\}\}$/;

/**
 * The caption of a Hugo `figure` shortcode (its `caption`, else its `title`, else its `alt` text, as an
 * image's alt text is when no caption line follows); any other shortcode has none.
 * `{{< figure src="/a.jpg" caption="Đoàn tàu đầu tiên." >}}` → `Đoàn tàu đầu tiên.`
 */
export function shortcodeCaption(block: string): string {
  if (!/^\{\{[<%]\s*figure\b/.test(block)) return '';
  const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*"((?:[^"\\\\]|\\\\.)*)"`).exec(block)?.[1];
  const value = attr('caption') ?? attr('title') ?? attr('alt') ?? '';
  return cleanLine(value.replace(/\\"/g, '"'));
}

const isWebAddress = (s: string | undefined): s is string => !!s && /^https?:\/\//i.test(s.trim());

/** `readAt`: when the file is read (a day without its year never takes a later one; ./dates.ts). */
export function parseMarkdown(source: string, readAt?: Date): TextFields & { declaredLanguage?: string } {
  let front: Record<string, unknown> = {};
  // Old Mac files end lines with a lone CR: every line break reads as LF.
  let text = source.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const fm = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\r?\n?/.exec(text);
  if (fm) {
    // Loaded by the first file with front matter (../assets/library.ts).
    const yaml = requireLibrary<typeof Yaml>(YAML_CHUNK);
    try {
      // Core schema: dates stay strings, so a local time without an offset is read as Vietnamese time, not UTC.
      const data = yaml.load(fm[1]!, { schema: yaml.CORE_SCHEMA });
      if (data && typeof data === 'object' && !Array.isArray(data)) front = data as Record<string, unknown>;
    } catch {
      // broken front matter: keep the text, ignore the block
    }
    text = text.slice(fm[0].length);
  }
  // Hugo's other front matter: TOML between `+++` lines.
  const toml = fm ? null : /^\+\+\+[ \t]*\n([\s\S]*?)\n\+\+\+[ \t]*(?:\n|$)/.exec(text);
  if (toml) {
    front = readTomlFrontMatter(toml[1]!);
    text = text.slice(toml[0].length);
  }
  text = text.replace(OBSIDIAN_COMMENT, '');
  const captions: string[] = [];
  let heading: string | null = null;
  // Without front matter, a block of properties may open the note, under its title (a Notion export).
  let propertiesMayFollow = !fm && !toml;
  const blocks: string[] = [];
  // Subheadings (`## 1. Bánh đa cua`) are the article's text: the text layout must not take them for captions.
  const subheadings = new Set<string>();
  for (const block of text.split(/\r?\n\s*\r?\n/)) {
    const raw = block.trim();
    if (!raw || /^(-{3,}|\*{3,}|```)/.test(raw)) continue;
    const shortcode = SHORTCODE.exec(raw);
    if (shortcode) {
      const caption = shortcodeCaption(raw);
      if (caption) captions.push(caption);
      continue;
    }
    if (propertiesMayFollow && !(heading === null && /^#\s+/.test(raw))) {
      propertiesMayFollow = false;
      const props = readPropertyBlock(raw);
      if (props) {
        front = props;
        continue;
      }
    }
    // An image, or an Obsidian embed (`![[ảnh.jpg]]`), with the caption line under it.
    const img = /^(?:!\[([^\]]*)\]\([^)]*\)|!\[\[[^\]]*\]\])\s*(?:\r?\n\s*[*_](.+)[*_])?$/s.exec(raw);
    if (img) {
      const caption = cleanLine(img[2] ?? img[1] ?? '');
      if (caption) captions.push(caption);
      continue;
    }
    const rows = tableRows(raw);
    if (rows) {
      for (const row of rows) subheadings.add(row);
      blocks.push(...rows);
      continue;
    }
    if (heading === null && /^#\s+/.test(raw)) {
      heading = strip(raw);
      continue;
    }
    const line = raw.split(/\r?\n/).map(strip).join(' ');
    if (/^#{1,6}\s/.test(raw)) subheadings.add(line);
    blocks.push(line);
  }
  const layout = parseTextLayout(blocks.join('\n'), readAt, subheadings);
  // A subheading opening the text is the first of its sections, not a headline the layout may read it as.
  if (layout.title !== null && subheadings.has(layout.title)) {
    layout.body = layout.body ? `${layout.title}\n\n${layout.body}` : layout.title;
    layout.title = null;
  }
  const str = (k: string) =>
    typeof front[k] === 'string' || typeof front[k] === 'number' ? unwikify(String(front[k])) : undefined;
  // Obsidian's Web Clipper names the page's address `source` and the site `site`.
  const sourceField = str('source');
  const rawDate = str('date') ?? str('published') ?? str('publishedAt') ?? str('published_at');
  const date = rawDate ? (parseIsoLike(rawDate) ?? parseVietnameseDate(rawDate)) : null;
  const lang = str('lang') ?? str('language');
  return {
    ...layout,
    title: str('title') ?? heading ?? layout.title,
    // Site generators name the summary and the address in their own words (Jekyll `excerpt`, `permalink`).
    lede: str('description') ?? str('summary') ?? str('excerpt') ?? str('sapo') ?? str('lede') ?? layout.lede,
    captions: [...captions, ...layout.captions],
    category: asList(front.category ?? front.categories ?? front.section).length
      ? asList(front.category ?? front.categories ?? front.section)
      : layout.category,
    publishedAt: date?.value ?? layout.publishedAt,
    authors: asList(front.authors ?? front.author).length
      ? asList(front.authors ?? front.author)
      : layout.authors,
    publisher:
      str('publisher') ??
      (isWebAddress(sourceField) ? undefined : sourceField) ??
      str('site') ??
      str('site_name') ??
      layout.publisher,
    // Only a web address is a URL: Hugo's `url` is the page's path on its site (`/kinh-doanh/…/`).
    url:
      ['url', 'canonical', 'canonicalURL', 'canonical_url', 'permalink', 'link', 'source']
        .map(str)
        .find(isWebAddress) ?? layout.url,
    keywords: asList(front.keywords ?? front.tags).length
      ? asList(front.keywords ?? front.tags)
      : layout.keywords,
    ...(lang && /^[a-z]{2}/i.test(lang) && { declaredLanguage: lang.slice(0, 2).toLowerCase() }),
  };
}
