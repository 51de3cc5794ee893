/**
 * Line-level readings shared by the text-layout reader (text.ts) and the HTML reader: cleaning a line,
 * counting words, telling a sentence end, a URL, keyword, credit or caption line, and a byline.
 */

import { isSpaceCode } from '../text/vietnamese';
import bylines from './data/bylines.json';

/** Collapses spaces, drops control characters; keeps the text otherwise as written. */
// Control characters (but tab), zero-width spaces and stray BOMs. Built from char codes: the linter
// rightly flags control characters in regex literals, and here they are the point.
export const STRAY = new RegExp(
  `[${String.fromCharCode(0)}-${String.fromCharCode(8)}${String.fromCharCode(10)}-${String.fromCharCode(31)}${String.fromCharCode(127)}\u200b\ufeff]`,
  'g',
);

// Characters `cleanLine` removes or turns into a space (every `\s` but the plain space, and STRAY's).
export const UNCLEAN = new RegExp(
  `[${String.fromCharCode(0)}-${String.fromCharCode(31)}${String.fromCharCode(127)}\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]`,
);

/**
 * True when `cleanLine` would change the line (most lines of a clean file need nothing): a space at
 * either end, two in a row, or any other white space or stray character. Native scans, no loop in JS.
 */
export function needsCleaning(line: string): boolean {
  if (line.length === 0) return false;
  return (
    line.charCodeAt(0) === 0x20 ||
    line.charCodeAt(line.length - 1) === 0x20 ||
    line.includes('  ') ||
    UNCLEAN.test(line)
  );
}

export function cleanLine(line: string): string {
  if (!needsCleaning(line)) return line;
  return line
    .replace(STRAY, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

export const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

export function isLetterOrNumberAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (c >= 0x30 && c <= 0x39);
  // Latin-1 and Latin Extended letters, Vietnamese letters with tone marks (U+1EA0–U+1EF9).
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1ea0 && c <= 0x1ef9)) return true;
  return LETTER_OR_NUMBER.test(String.fromCodePoint(text.codePointAt(i)!));
}

/**
 * Words of a cleaned line (space-separated pieces with a letter or digit), counted up to `limit`: the
 * layout rules compare counts with small thresholds, and body lines can be long.
 */
export function words(line: string, limit = Number.POSITIVE_INFINITY): number {
  let n = 0;
  let counted = false;
  for (let i = 0; i < line.length && n < limit; i++) {
    if (line.charCodeAt(i) === 0x20) counted = false;
    else if (!counted && isLetterOrNumberAt(line, i)) {
      n++;
      counted = true;
    }
  }
  return n;
}
export const endsSentence = (line: string) => /[.!?…:;]["”’)\]]*$/u.test(line);
export const URL_LINE = /^(?:nguồn|link|url)?\s*:?\s*(https?:\/\/\S+)$/iu;
export const KEYWORD_LINE =
  /^(?:(?:từ khóa|từ khoá)(?: liên quan)?|tags?|keywords?|chủ đề)\s*[:：]\s*(.*)$/iu;
// `Theo VOV.VN`, `Nguồn: TTXVN`, `Theo Hà My (Khám Phá)`, and in parentheses as papers close a reprint:
// `(Theo Báo Nhân Dân)`. The name is group 1 or 2.
export const CREDIT_LINE =
  /^(?:\((?:theo|nguồn)\s*:?\s*([^\s()][^()]{0,60}?)\)|(?:theo|nguồn)\s*:?\s*([^\s].{0,60}))$/iu;
/** A line ending in a photo credit (`… (Ảnh: Reuters)`); one opening with a credit: ./photo-credit.ts. */
export const CAPTION_CUE = /\((?:ảnh|nguồn ảnh|photo)\s*:?[^)]*\)$/iu;
// Header fields some exports put first: `# url = …` (Underthesea) or `LINK: …` (baomoi/KTLAB).
export const HASH_HEADER = /^#\s*([\p{L}_ ]+?)\s*=\s*(.*)$/u;
export const KEY_HEADER =
  /^(LINK|URL|TITLE|SUMMARY|SAPO|TIME|DATE|AUTHOR|AUTHORS|SOURCE|PUBLISHER|CATEGORY|KEYWORDS|TAGS)\s*:\s*(.*)$/u;

// A line ending in a photo credit is a caption, never the headline.
export const PHOTO_CREDIT = /\((?:ảnh|nguồn|photo|video)\s*:[^)]*\)\.?$/iu;

// `H'Yên`, `Y'Mưng`: names of the Central Highlands join a capital to the next syllable with an apostrophe.
export const PERSON_WORD = /^(?:\p{Lu}(?:['’]\p{Lu})?[\p{Ll}\p{M}]*\.?|\p{Lu}\.)$/u;

/** A short line of capitalised words: a byline (`An Nhiên`, `Hoàng Mạnh Hà`). */
/** Runs of white space (as `\s` means it) in `line`, counted up to `limit`. */
export function spaceRuns(line: string, limit: number): number {
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < line.length && runs < limit; i++) {
    const space = isSpaceCode(line.charCodeAt(i));
    if (space && !inRun) runs++;
    inRun = space;
  }
  return runs;
}

export function looksLikeByline(line: string): boolean {
  // A byline has at most 5 words after its cue, and a cue (`bài và ảnh:`) holds at most 4 runs of white
  // space: a line with 9 or more runs (most last paragraphs) cannot be one, which a count tells without
  // the regular expressions below.
  if (spaceRuns(line, 9) >= 9) return false;
  // Signed in capitals (`QUỐC BẢO - HẢI YẾN`), the names are read as names are written.
  const cleaned = nameCase(withoutTitles(bylineText(line)));
  if (/\d/.test(cleaned)) return false;
  const parts = cleaned.split(/\s+/);
  if (parts.length >= 2 && parts.length <= 5 && parts.every((p) => PERSON_WORD.test(p))) return true;
  // Several signers (`Minh Đức - Thu Hà`, `Hoàng Hà, Lan Anh`, `Minh Đức và Thu Hà`): two or three names
  // of two to four capitalised words each (a spaced dash only: `Park Hang-seo` is one name).
  const signers = cleaned.split(SIGNER_SEPARATOR);
  return (
    signers.length >= 2 &&
    signers.length <= 3 &&
    signers.every((name) => {
      // Each signer on its own: `ĐÌNH THỤC và H'YÊN NIÊ` is in capitals but for its `và`.
      const words = nameCase(name).split(/\s+/);
      return words.length >= 2 && words.length <= 4 && words.every((w) => PERSON_WORD.test(w));
    })
  );
}

const SIGNER_SEPARATOR = /\s*,\s*|\s+[-–]\s+|\s+và\s+/u;

/**
 * A name written in capitals, as some papers sign (`THANH HÀ`), in the case names are written (`Thanh Hà`);
 * any other spelling is kept as it is.
 */
export function nameCase(name: string): string {
  // One word in capitals is an acronym (`TTXVN`, `AFP`), not a name.
  if (/\p{Ll}/u.test(name) || !/\p{Lu}\p{Lu}/u.test(name) || !/\s/u.test(name.trim())) return name;
  return name
    .toLowerCase()
    .replace(NAME_WORD_START, (_m, before: string, c: string) => before + c.toUpperCase());
}
/** Where a name's word starts: after a space or a hyphen, or after `H'` (`H'Yên`). */
const NAME_WORD_START = /(^|[\s-]|(?<=(?:^|\s)\p{L})['’])(\p{Ll})/gu;

/** `Nhóm PV`, `PV`, `Nhóm phóng viên`: a byline of a group or a desk, naming no person (data/bylines.json). */
export function isGroupByline(line: string): boolean {
  return line.length <= 40 && GROUP_BYLINES.has(line.trim().replace(/\s+/g, ' ').toLowerCase());
}
const GROUP_BYLINES = new Set(bylines.groups);

export function bylineNames(line: string): string[] {
  return bylineText(line)
    .replace(/\s*\(.*\)\s*$/u, '')
    .split(/\s*(?:,|-|–| và )\s*/u)
    .map((name) => nameCase(withoutTitles(name)))
    .filter(Boolean);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A byline's cue before the names (`Bài, ảnh:`, `Tác giả:`, `By`; data/bylines.json `cues`), then a colon or a space. */
export const BYLINE_CUE = new RegExp(
  `^(?:${bylines.cues.map(escapeRegExp).join('|')})(?:\\s*[:：]\\s*|\\s+)`,
  'iu',
);

/** Titles before a name (`TS.`, `PGS.TS.`, `Luật sư`; data/bylines.json `titles`), one or more, then a space. */
const TITLES = new RegExp(
  `^(?:(?:${bylines.titles.map(escapeRegExp).join('|')})(?:\\s+|(?<=\\.)(?=\\p{L})))+`,
  'iu',
);

/** A name without the titles written before it: `TS. Đoàn Minh Triết` → `Đoàn Minh Triết`. */
export function withoutTitles(name: string): string {
  return name.replace(TITLES, '');
}

/** An e-mail address closing a byline (`Duy Khánh (duykhanh@…)`, `Hữu Phước - huuphuoc@…`), with its brackets or dash. */
const EMAIL_TAIL =
  /\s*(?:[-–|,:]\s*)?[([<]?\s*(?:e-?mail\s*:\s*)?[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+\s*[)\]>]?\s*$/iu;

/** `thực hiện` → `[Tt]hực hiện`: a word of data/bylines.json as a line may write it, opening a bracket. */
const eitherCase = (word: string) => `[${word[0]}${word[0]!.toUpperCase()}]${escapeRegExp(word.slice(1))}`;
const AGENCY_NAME = String.raw`\p{Lu}{2,}[\p{L}\d.+]*`;
const PAPER_NAME = `(?:${bylines.papers.map(eitherCase).join('|')})\\s+\\p{Lu}[\\p{L} ]*`;
const ROLE = `(?:${bylines.roles.map(eitherCase).join('|')}|[Tt]heo\\s[^()]+)`;
/**
 * What a reporter signs beside the name, no part of it: the agency or paper (`Thanh Liêm/TTXVN`,
 * `Quang Sơn/VOV-Tây Bắc`, `Minh Thu (TTXVN/Vietnam+)`, `Hoài An/Báo Tin tức`, `Hà Vy - VNA`) or what the
 * reporter did (`Hải Yến (thực hiện)`, `Minh Anh (Theo Reuters)`; data/bylines.json `roles`, `papers`).
 */
const SIGNED_BESIDE = new RegExp(
  String.raw`\s*(?:\/\s*(?:${AGENCY_NAME}(?:\s*[-–]\s*\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*){0,3})?|${PAPER_NAME})` +
    String.raw`|\(\s*(?:${AGENCY_NAME}(?:\s*\/\s*[\p{L}\d.+-]+)?|${PAPER_NAME}|${ROLE})\s*\)` +
    String.raw`|\s[-–]\s+\p{Lu}{2,}[\p{Lu}\d.+]*)\s*$`,
  'u',
);
/** `Bài: Thu Trang - Ảnh: Lê Quang`: the part naming who made the pictures is one more signer (`partCues`). */
const PART_CUE = new RegExp(
  `\\s*[-–|,;]\\s*(?:${bylines.partCues.map(eitherCase).join('|')})\\s*[:：]\\s*`,
  'gu',
);

/** A byline's names as one line: without its cue (`Bài, ảnh:`), a closing e-mail address, agency or role. */
export function bylineText(line: string): string {
  return line
    .replace(BYLINE_CUE, '')
    .replace(PART_CUE, ' - ')
    .replace(EMAIL_TAIL, '')
    .replace(SIGNED_BESIDE, '')
    .trim();
}

/** Signs of a segmented export; `\p{…}` patterns live at module scope (the bundler rebuilds a literal at each use). */
const SEGMENTED = /\p{L}_\p{L}|\s[,.;:!?)%…]|\S \/ \S/u;
const JOINED_SYLLABLES = /(?<=\p{L})_(?=\p{L})/gu;

/** Undoes word segmentation (`tư_thục`, spaces around punctuation) some corpora export. */
export function unsegment(text: string): string {
  if (!SEGMENTED.test(text)) return text;
  let s = text.replace(JOINED_SYLLABLES, ' ').replace(/(?<=\S) \/ (?=\S)/gu, '/');
  s = s.replace(/\s+([,.;:!?)\]}”’%…])/gu, '$1').replace(/([([{“‘])\s+/gu, '$1');
  // Straight quotes: pair them and close the inner spaces.
  for (const q of ["'", '"']) {
    let open = true;
    s = s.replace(new RegExp(`\\s?${q}\\s?`, 'g'), (m) => {
      const out = open ? `${m.startsWith(' ') ? ' ' : ''}${q}` : `${q}${m.endsWith(' ') ? ' ' : ''}`;
      open = !open;
      return out;
    });
  }
  return s.replace(/\s+/g, ' ').trim();
}
