/**
 * Plain-text articles as newsrooms and crawlers save them. No fixed layout: lines are classified by
 * what they look like (header fields, breadcrumb, title, date line, dateline, captions, byline, credit,
 * keyword line, URL), so new layouts of the same parts work without special cases.
 */

import { isBoilerplateLine, isRelatedHeading } from './content/boilerplate';
import dialogue from './data/dialogue.json';
import {
  dateFromUrl,
  dayWithoutYear,
  type FoundDate,
  parseDateLine,
  parseIsoLike,
  parseVietnameseDate,
} from './dates';
import { readEmail } from './email';
import { splitKeywords } from './keywords';
import {
  bylineNames,
  CAPTION_CUE,
  CREDIT_LINE,
  cleanLine,
  endsSentence,
  HASH_HEADER,
  isGroupByline,
  KEY_HEADER,
  KEYWORD_LINE,
  looksLikeByline,
  PHOTO_CREDIT,
  URL_LINE,
  unsegment,
  words,
} from './lines';

import { readCredited } from './photo-credit';
import { publisherFromName, publisherFromUrl } from './publisher';
import type { ParsedArticle } from './types';
import { categoryFromUrl, slugDisagrees } from './url';

export type TextFields = Omit<ParsedArticle, 'format' | 'encoding' | 'titleSource'>;

interface Header {
  url?: string;
  title?: string;
  lede?: string;
  date?: FoundDate;
  authors?: string[];
  publisher?: string;
  category?: string[];
  keywords?: string[];
}

function readHeader(lines: string[]): { header: Header; rest: string[] } {
  const header: Header = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const hash = HASH_HEADER.exec(line);
    const key = hash
      ? hash[1]!.trim().toLowerCase().replace(/\s+/g, '_')
      : KEY_HEADER.exec(line)?.[1]?.toLowerCase();
    if (!key) break;
    const value = (hash ? hash[2] : KEY_HEADER.exec(line)?.[2])?.trim() ?? '';
    if (!value) continue;
    if (key === 'url' || key === 'link') header.url = value;
    else if (key === 'title') header.title = unsegment(value);
    else if (key === 'summary' || key === 'sapo') header.lede = unsegment(value);
    else if (key === 'date' || key === 'time')
      header.date = parseIsoLike(value) ?? parseVietnameseDate(value) ?? undefined;
    else if (key === 'author' || key === 'authors')
      header.authors = value.split(/\s*[,;]\s*/u).filter(Boolean);
    else if (key === 'source' || key === 'publisher') header.publisher = value;
    else if (key === 'category') header.category = value.split(/\s*[/>»›]\s*/u).filter(Boolean);
    else if (key === 'keywords' || key === 'tags')
      header.keywords = value.split(/\s*[,;|]\s*/u).filter(Boolean);
  }
  return { header, rest: lines.slice(i) };
}

const REPORTER_OF_PAPER = /^([^()]+?)\s*\(([^()]+)\)$/u;
// Patterns with `\p{…}` live at module scope: the bundler turns such a literal into a `new RegExp` at each use.
const CAPITAL_FIRST = /^\p{Lu}/u;
const SENTENCE_BREAK = /[.!?]\s+\p{Lu}/u;

function breadcrumb(line: string): string[] | null {
  if (line.length > 100 || endsSentence(line)) return null;
  const parts = line.split(/\s+[/>»›|]\s+/u);
  if (parts.length < 2) return null;
  if (!parts.every((p) => p.length > 0 && words(p) <= 8 && CAPITAL_FIRST.test(p))) return null;
  // The home page opening the trail (`Trang chủ / Xã hội`) is no category, as a page's breadcrumb reads.
  return HOME_LEVEL.test(parts[0]!) ? parts.slice(1) : parts;
}
const HOME_LEVEL = /^(?:trang chủ|home)$/iu;

/**
 * Page furniture that scraped bodies carry into the text: a news site's "article saved" notice opening the
 * body and a score-prediction promotion glued in mid-text (the 24h.com.vn crawl). Neither is the article's.
 */
const SAVED_NOTICE =
  /^Lưu bài viết thành công\s*Bạn có thể xem lại bài viết đã lưu ở trang\s*Tin bài đã lưu\s*/u;
const SCORE_PROMO =
  /(?:\p{Lu}\p{L}* - \p{Lu}\p{L}*(?: \p{Lu}\p{L}*){0,2} \d{1,2}\.\d{1,2} )?Dự đoán tỷ số trận đấu\.?\s*Cơ hội trúng ngay [\d.,]+ đồng!*\s*/gu;

export function stripPageFurniture(line: string): string {
  // Cheap tests first: most lines hold neither.
  if (line.startsWith('Lưu bài viết')) line = line.replace(SAVED_NOTICE, '');
  if (line.includes('Dự đoán tỷ số')) line = line.replace(SCORE_PROMO, '').trim();
  return line;
}

/**
 * `readAt`: when the file is read (a day without its year never takes a later one; ./dates.ts).
 * `bodyLines`: lines the format already knows are article text (a Markdown subheading), never captions.
 */
export function parseTextLayout(text: string, readAt?: Date, bodyLines?: ReadonlySet<string>): TextFields {
  // A pasted e-mail: its headers, greeting and signature are not the article; it was sent when its header says.
  const email = readEmail(text);
  if (email) text = email.text;
  // Most texts have no CR: a split at one character is the cheaper native split, with the same parts.
  const allLines = (text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n')).map((line) =>
    stripPageFurniture(cleanLine(line)),
  );
  const { header, rest } = readHeader(allLines.filter(Boolean));
  // A first line set apart by a blank line is a headline, even when it ends with a full stop.
  const firstIndex = allLines.findIndex(Boolean);
  const setApart = (line: string) =>
    firstIndex >= 0 && allLines[firstIndex] === line && allLines[firstIndex + 1] === '';
  const hasHeader = Object.keys(header).length > 0;
  // Page furniture a save copies (`Chia sẻ`, `Nghe bài viết`, `Quảng cáo`) goes first: anywhere, it would
  // stand between the parts the layout reads by their place (a byline closing the text, a lede's dateline).
  let lines = rest;
  dropBoilerplateLines(lines);

  let url = header.url ?? null;
  let publisher = header.publisher ?? null;
  let keywords = header.keywords ?? [];
  let authors = header.authors ?? [];
  let category = header.category ?? [];
  let date = header.date ?? null;
  let title = header.title ?? null;
  let lede = header.lede ?? null;

  // Trailing parts, read from the end: URL, keyword line, credit (`Theo VOV.VN`), byline.
  let end = lines.length;
  for (let guard = 0; guard < 6 && end > 0; guard++) {
    const line = lines[end - 1]!;
    const urlMatch = URL_LINE.exec(line);
    const kw = KEYWORD_LINE.exec(line);
    const credit = CREDIT_LINE.exec(line);
    if (urlMatch) url ??= urlMatch[1]!;
    // The whole text (joined only for a text that has a keyword line) shows how the keywords are written.
    else if (kw) keywords = keywords.length ? keywords : splitKeywords(kw[1]!, lines.join('\n'));
    else if (credit && words(line) <= 6 && !endsSentence(line.replace(/\.(vn|com|net)$/i, ''))) {
      const credited = (credit[1] ?? credit[2])!.trim();
      // `Theo Hà My (Khám Phá)`: a reporter of the paper in brackets, who signs, and the paper, which publishes.
      const reporter = REPORTER_OF_PAPER.exec(credited);
      if (reporter && looksLikeByline(reporter[1]!)) {
        if (authors.length === 0) authors = bylineNames(reporter[1]!);
        publisher ??= publisherFromName(reporter[2]!.trim());
      } else publisher ??= publisherFromName(credited);
    } else if (looksLikeByline(line) && end > 2) authors = authors.length ? authors : bylineNames(line);
    else if (isGroupByline(line) && end > 2) {
      // signed by a group (`Nhóm PV`): a byline, naming no author
    } else break;
    end--;
  }
  lines = lines.slice(0, end);

  // Leading parts: breadcrumb, title and date line.
  const opening = readOpening(lines, {
    category,
    title,
    headlineCue: (line) => hasHeader || setApart(line),
  });
  const start = opening.start;
  category = opening.category;
  title = opening.title;
  date ??= opening.date ?? email?.date ?? null;
  const paragraphs = lines.slice(start);
  // A byline between the date line and the lede (`Hoài An - Đức Trọng`) signs as a closing one does.
  if (opening.date && paragraphs.length > 1 && looksLikeByline(paragraphs[0]!)) {
    const signers = bylineNames(paragraphs.shift()!);
    if (authors.length === 0) authors = signers;
  }

  // The first paragraph may open with a dateline: "(HanoiTV) - ", "Hà Nội (TTXVN) - ".
  const dateline = paragraphs.length > 0 ? readDateline(paragraphs[0]!, true) : null;
  if (dateline) {
    publisher ??= dateline.publisher;
    paragraphs[0] = dateline.rest;
  }

  // Captions: a paragraph's opening photo credit (./photo-credit.ts), and short lines among paragraphs that are
  // not sentences of the running text.
  const captions: string[] = [];
  const body: string[] = [];
  const loneCredits = new Map<number, number>();
  const credited = readCreditedParagraphs(paragraphs, captions, loneCredits);
  // Each paragraph's words are counted once as far as asked, though it is looked at as a line (a long one
  // is no caption, whatever its length) and as a neighbour: `counted[i]` words counted up to `countedTo[i]`,
  // the whole count when below it.
  const counted = new Int32Array(paragraphs.length).fill(-1);
  const countedTo = new Int32Array(paragraphs.length);
  const wordsAt = (i: number, limit = CAPTION_WORDS_COUNTED) => {
    if (counted[i]! < 0 || (counted[i] === countedTo[i] && countedTo[i]! < limit)) {
      counted[i] = words(paragraphs[i]!, limit);
      countedTo[i] = limit;
    }
    return Math.min(counted[i]!, limit);
  };
  let creditsJoined = false;
  paragraphs.forEach((p, i) => {
    if (!credited.has(i) && i > 0 && !bodyLines?.has(p) && isCaption(paragraphs, i, wordsAt)) {
      // A credit on its own line under a caption (`Ảnh: Hồ Cầu/TTXVN`) is that caption's: joined to it, it is
      // set apart as a closing credit is (finish.ts), and is no caption of its own.
      const at = loneCredits.get(i);
      if (at === undefined) captions.push(p);
      else {
        captions.push(`${p} ${captions[at]}`);
        captions[at] = '';
        creditsJoined = true;
      }
    } else body.push(p);
  });
  if (creditsJoined) removeEmpty(captions);

  lede ??= body[0] ?? null;
  if (url) {
    // Sites spell the headline in the URL slug: a first line that disagrees with it was not the headline
    // (exports sometimes drop the title and start with a caption), so the slug wins.
    // A title placed by the layout (the line above the date line) stays: sites rewrite headlines.
    if (
      title !== null &&
      !header.title &&
      !opening.titleByLayout &&
      slugDisagrees(url, title, /[^.][.:]["”’)]*$/u.test(title))
    ) {
      body.unshift(title);
      lede = header.lede ?? body[0] ?? null;
      title = null;
    }
    if (category.length === 0) category = categoryFromUrl(url);
    publisher ??= publisherFromUrl(url);
    date ??= dateFromUrl(url);
  }
  date ??= dayWithoutYear(body.join('\n'), readAt);

  return {
    title,
    lede,
    body: body.join('\n\n'),
    captions,
    category,
    publishedAt: date?.value ?? null,
    authors,
    publisher,
    url,
    keywords,
  };
}

/**
 * A dateline opening the first paragraph: the source in brackets (`(Dân trí) - `, `(VTV.vn) - `), maybe
 * after a place and day (`Hà Nội, 3/12 (TTXVN) - `). The source is the publisher.
 */
const DATELINE = /^\(([^()]{2,40})\)\s*[-–—:]\s*/u;
const PLACED_DATELINE =
  /^\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*){0,3},?(?: ngày)? ?(?:\d{1,2}\/\d{1,2}(?:\/\d{4})? ?)?\(([^()]{2,40})\)\s*[-–—:]\s*(?=[\p{Lu}\d])/u;
/**
 * After a place, only an agency's or site's short name is a source (`TTXVN`, `PLO`, `VTV.vn`): a name in
 * brackets after a person's name (`Mai Thảo Linh (Lọ Lem) - con gái …`) is a nickname.
 */
const SOURCE_NAME = /^(?:\p{Lu}{2,}[\p{L}\d]*|[\p{L}\d-]+\.(?:vn|com|net|com\.vn))$/iu;
const AGENCY = /\p{Lu}{2}|\./u;

/**
 * A dateline without brackets, in capitals: a site's code (`TPO - `, `NDO - `, `VOV.VN - `), which names the
 * publisher, or a place stamp (`ĐỒNG NAI - `, `HUẾ - `), which names none. A code is Latin letters (and `Đ`).
 */
const CAPITALS_DATELINE =
  /^(\p{Lu}[\p{Lu}\d]+(?:\.(?:VN|vn|COM|com))?(?: \p{Lu}[\p{Lu}\d]*){0,3})\s*[-–—]\s+(?=[\p{Lu}\d])/u;
const SITE_CODE = /^[A-ZĐ]{2,}[A-Z\d]*(?:\.(?:VN|vn|COM|com))?$/u;

export function readDateline(
  paragraph: string,
  firstParagraph = false,
): { publisher: string | null; rest: string } | null {
  // Only where the lede stands: above it, a line in capitals with a dash is a title (`VIDEO - …`).
  const capitals = firstParagraph ? CAPITALS_DATELINE.exec(paragraph) : null;
  if (capitals && capitals[0].length < paragraph.length) {
    const name = capitals[1]!;
    return {
      publisher: SITE_CODE.test(name) ? publisherFromName(name) : null,
      rest: paragraph.slice(capitals[0].length),
    };
  }
  if (!paragraph.includes('(')) return null;
  let m = DATELINE.exec(paragraph);
  if (!m) {
    m = PLACED_DATELINE.exec(paragraph);
    if (m && !(SOURCE_NAME.test(m[1]!.trim()) && AGENCY.test(m[1]!))) m = null;
  }
  if (!m || words(m[1]!) > 4 || m[0].length === paragraph.length) return null;
  return { publisher: publisherFromName(m[1]!.trim()), rest: paragraph.slice(m[0].length) };
}

/** The levels of a breadcrumb line: `Chính trị / Hoạt động của …` (two or more), or one when `single`. */
function breadcrumbLevels(line: string, single: boolean): string[] | null {
  const levels = breadcrumb(line);
  if (levels || !single) return levels;
  if (line.length > 60 || endsSentence(line) || words(line) > 6 || !CAPITAL_FIRST.test(line)) return null;
  return [line];
}

interface Opening {
  /** Index of the first line after the opening. */
  start: number;
  category: string[];
  title: string | null;
  date: FoundDate | null;
  /** The title is the line above the date line: the layout says so, not only the line's look. */
  titleByLayout: boolean;
}

/** How many first lines may hold the breadcrumb, title and date line. */
const OPENING_LINES = 4;

/**
 * The opening lines. When a date line comes within the first lines, the line just before it is the
 * title and anything above that the breadcrumb, one level (`Thời trang`) or several (`A / B`); with no
 * date line, a first paragraph opening with a dateline (`(HanoiTV) - …`) anchors them the same way.
 * Otherwise breadcrumb, date line and title are told apart by their look, in any order.
 * `headlineCue(line)`: the file marks `line` as a headline (a header above it, a blank line below it).
 */
export function readOpening(
  lines: readonly string[],
  known: { category: string[]; title: string | null; headlineCue: (line: string) => boolean },
): Opening {
  const byLayout = known.title === null ? openingAboveAnchor(lines, known) : null;
  if (byLayout) return byLayout;
  let { category, title } = known;
  let date: FoundDate | null = null;
  let start = 0;
  for (; start < OPENING_LINES && start < lines.length; start++) {
    const line = lines[start]!;
    const crumbs = category.length === 0 ? breadcrumb(line) : null;
    const dateLine = parseDateLine(line);
    if (crumbs) category = crumbs;
    else if (dateLine) date ??= dateLine;
    else if (title === null && start < lines.length - 1 && looksLikeTitle(line, known.headlineCue(line)))
      title = line;
    else break;
  }
  return { start, category, title, date, titleByLayout: false };
}

/**
 * Where the layout puts the body: after a date line among the first lines, or, in a file with none, at
 * the first paragraph opening with a dateline. `at` is the anchor line, which the title stands just above.
 */
function layoutAnchor(
  lines: readonly string[],
): { at: number; start: number; date: FoundDate | null } | null {
  const last = Math.min(OPENING_LINES, lines.length - 1);
  for (let i = 1; i < last; i++) {
    const date = parseDateLine(lines[i]!);
    if (date) return { at: i, start: i + 1, date };
  }
  for (let i = 1; i < last; i++) if (readDateline(lines[i]!)) return { at: i, start: i, date: null };
  return null;
}

function openingAboveAnchor(
  lines: readonly string[],
  known: { category: string[]; headlineCue: (line: string) => boolean },
): Opening | null {
  const anchor = layoutAnchor(lines);
  if (!anchor) return null;
  const { at, start, date } = anchor;
  const title = lines[at - 1]!;
  // A breadcrumb just above the date line belongs to the other order (breadcrumb, date line, title).
  if (breadcrumb(title) || !looksLikeTitle(title, known.headlineCue(title))) return null;
  let category = known.category;
  const above = lines.slice(0, at - 1);
  if (above.length > 0) {
    const levels = above.map((line) => breadcrumbLevels(line, true));
    if (levels.some((l) => l === null)) return null;
    if (category.length === 0) category = levels.flatMap((l) => l!);
  }
  return { start, category, title, date, titleByLayout: true };
}

function looksLikeTitle(line: string, afterHeader: boolean): boolean {
  const n = words(line);
  if (n === 0 || n > 40 || PHOTO_CREDIT.test(line)) return false;
  if (afterHeader) return true;
  // Headlines do not end like sentences, but may trail off with an ellipsis.
  return n <= 30 && (!/[.:;,]["”’)]*$/u.test(line) || /(\.\.\.|…)["”’)]*$/u.test(line));
}

/**
 * Takes out in place the lines that are never article text in any format (content/boilerplate.ts), and the list
 * of headlines under a related-stories heading (`Tin liên quan:` then `- Huế: 200 người …` lines).
 */
function dropBoilerplateLines(paragraphs: string[]): void {
  let kept = 0;
  let underRelated = false;
  for (const p of paragraphs) {
    if (underRelated && LIST_ITEM.test(p) && words(p) <= RELATED_ITEM_WORDS) continue;
    const boilerplate = isBoilerplateLine(p);
    underRelated = boilerplate && isRelatedHeading(p);
    if (!boilerplate) paragraphs[kept++] = p;
  }
  paragraphs.length = kept;
}
const LIST_ITEM = /^[-–•*+]\s+\S/u;
/** Longer than this, a line under a related-stories heading is prose, not a headline. */
const RELATED_ITEM_WORDS = 30;

/**
 * Reads in place each paragraph that opens with a photo credit: the credit goes to `captions`, the paragraph
 * keeps the text after it, and a paragraph that is only a credit is taken out (`loneCredits`: the index, in the
 * paragraphs left, of the paragraph above it → the credit's index in `captions`). Returns the indices (in the
 * paragraphs left) of the text after a credit: body whatever its length, as in every other format.
 */
function readCreditedParagraphs(
  paragraphs: string[],
  captions: string[],
  loneCredits: Map<number, number>,
): Set<number> {
  const credited = new Set<number>();
  let kept = 0;
  for (const p of paragraphs) {
    const read = readCredited(p);
    if (read?.caption) captions.push(read.caption);
    if (read && read.body === null) {
      if (kept > 0 && read.caption) loneCredits.set(kept - 1, captions.length - 1);
      continue;
    }
    if (read) credited.add(kept);
    paragraphs[kept++] = read?.body ?? p;
  }
  paragraphs.length = kept;
  return credited;
}

/** Drops the empty strings of `list` in place. */
function removeEmpty(list: string[]): void {
  let kept = 0;
  for (const x of list) if (x) list[kept++] = x;
  list.length = kept;
}

/** `PV: Ý tưởng đến từ đâu?`, `Hỏi: …`: a turn of an interview or a reader's Q&A (data/dialogue.json). */
export function isSpeakerTurn(line: string): boolean {
  const colon = line.indexOf(':');
  return colon > 0 && colon <= 24 && SPEAKER_LABELS.has(line.slice(0, colon).trim().toLowerCase());
}
const SPEAKER_LABELS = new Set(dialogue.speakerLabels);
const QUESTION_END = /[?!]["”’)]*$/u;

/** Words counted for the caption rules: every threshold there is under this (at most 2.5 × 25). */
const CAPTION_WORDS_COUNTED = 64;

/** A caption has at most this many words. */
const MAX_CAPTION_WORDS = 25;

/** `wordsAt(i, limit)`: the words of paragraph `i`, counted up to `limit` (`CAPTION_WORDS_COUNTED` by default). */
function isCaption(
  paragraphs: readonly string[],
  i: number,
  wordsAt: (i: number, limit?: number) => number,
): boolean {
  const line = paragraphs[i]!;
  const prev = paragraphs[i - 1];
  const next = paragraphs[i + 1];
  // The cue closes the line with a bracket: a line that does not is not tested.
  if (line.endsWith(')') && CAPTION_CUE.test(line)) return true;
  // A caption stands between paragraphs: a short last line closes the text.
  if (next === undefined) return false;
  const n = wordsAt(i, MAX_CAPTION_WORDS + 1);
  if (n === 0 || n > MAX_CAPTION_WORDS || /[:;,]$/u.test(line)) return false;
  // A question or an exclamation is said, not shown under a photo; nor is an interview's turn (`PV: …`).
  if (QUESTION_END.test(line.slice(-4)) || isSpeakerTurn(line)) return false;
  const neighbours: number[] = [];
  if (prev !== undefined) neighbours.push(wordsAt(i - 1));
  if (next !== undefined) neighbours.push(wordsAt(i + 1));
  if (neighbours.length === 0) return false;
  if (!endsSentence(line)) return neighbours.some((m) => m >= 15) && next !== undefined;
  // A one-sentence line ending in a full stop, beside a long paragraph and not in a run of short
  // sentences (some exports put one sentence per line; those are body, not captions).
  const sentences = line.split(SENTENCE_BREAK).length;
  const shortSentence = (l: string | undefined, at: number) =>
    l !== undefined && endsSentence(l) && !/:["”’)]*$/u.test(l) && wordsAt(at) <= 20;
  if (sentences !== 1 || n > 20 || shortSentence(prev, i - 1) || shortSentence(next, i + 1)) return false;
  return neighbours.some((m) => m >= Math.max(40, 2.5 * n));
}
