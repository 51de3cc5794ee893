/**
 * A paragraph that opens with a photo or video credit. Alone (`Ảnh: Reuters`, `Ảnh minh họa: Internet`) it is a
 * caption. Crawlers and copy-paste also glue an image's credit to the text after it
 * (`Ảnh: Getty Images. Nữ ca sĩ sinh năm 1998 …`, `Ảnh: Minh Khôi Theo kế hoạch, tuyến đường …`): the credit
 * is a caption and the text after it is body. Every format reads such a paragraph with this one rule (text
 * layouts, JSON and Markdown through text.ts, HTML through content/collect.ts), so one article gives one record.
 * Cue words and sentence openers: data/photo-credit.json.
 */
import data from './data/photo-credit.json';
import { words } from './lines';

const cueAlternatives = (cues: string[]) =>
  cues
    .slice()
    .sort((a, b) => b.length - a.length)
    .map((c) => c.replace(/ /g, '\\s+'))
    .join('|');
/** A credit cue and its colon opening a paragraph: `Ảnh: `, `Ảnh minh họa: `, `Video: `, `Nguồn: `. */
const CUE = new RegExp(`^(?:${cueAlternatives(data.cues)})\\s*[:：]\\s*`, 'iu');
/** The cues of a picture's credit (not `Nguồn:`, which alone credits the article's source). */
const CAPTION_CUE = new RegExp(`^(?:${cueAlternatives(data.captionCues)})\\s*[:：]`, 'iu');
const SENTENCE_OPENERS = new Set(data.sentenceOpeners);
/** Who gave the picture, closing a credit (`BV cung cấp`): part of the credit, not words of a name. */
const CREDIT_TAIL = new RegExp(`(?:^|\\s+)(?:${cueAlternatives(data.creditTails)})$`, 'iu');

/** More words than this, and a paragraph opening with a credit holds more than a caption. */
export const MAX_CAPTION_WORDS = 25;
/** A credit names a person, an agency or a site: a few words (`Fb Nguyễn Thị Thuỳ Linh`, `AP/Manu Fernandez`). */
const MAX_CREDIT_WORDS = 6;

/** A word of a name, agency, site or handle: `Getty`, `AFP`, `N.T`, `AP/Manu`, `@svhttdl`, `Backgrid,`. */
const CREDIT_WORD = /^[@\p{Lu}][\p{L}\p{N}./_&'’-]*[,/]?$/u;
/** A word that cannot go on a name: it starts in lower case or with a digit. */
const LOWER_OR_DIGIT = /^[\p{Ll}\p{N}]/u;
/** What opens a quotation or an aside: the text after the credit starts there. */
const OPENING_MARK = /^["“‘'(«]/u;

/** How a paragraph that opens with a credit cue reads: the caption it holds, and the body text, if any. */
export interface CreditedParagraph {
  caption: string | null;
  body: string | null;
}

/**
 * Where the credit after the cue ends, in words: a full stop closing one of its first words
 * (`Getty Images. Nữ ca sĩ …`); else the run of capitalised words ends at a sentence opener (`Backgrid Theo
 * Page Six …`), at an opening quotation mark, or just before the capitalised word that a lower-case word or a
 * number follows (`Phạm Công Dịp tết …`, `N.T Năm 2023 …`). 0 when no credit can be told apart.
 */
export function creditWords(after: readonly string[]): number {
  const limit = Math.min(after.length - 1, MAX_CREDIT_WORDS);
  for (let i = 0; i < limit; i++) {
    const w = after[i]!;
    if (!CREDIT_WORD.test(w.replace(/\.$/u, ''))) break;
    if (w.endsWith('.') && !/^\p{Lu}\.$/u.test(w) && !LOWER_OR_DIGIT.test(after[i + 1]!)) return i + 1;
  }
  let run = 0;
  while (run < after.length && CREDIT_WORD.test(after[run]!)) {
    if (run > 0 && SENTENCE_OPENERS.has(after[run]!.toLowerCase())) return run <= MAX_CREDIT_WORDS ? run : 0;
    run++;
  }
  if (run === 0 || run >= after.length) return 0;
  const next = after[run]!;
  const credit = OPENING_MARK.test(next) ? run : LOWER_OR_DIGIT.test(next) ? run - 1 : 0;
  return credit <= MAX_CREDIT_WORDS ? credit : 0;
}

/**
 * A paragraph opening with a credit cue: the whole paragraph is a caption when it is short; a longer one is the
 * credit (a caption) and the text after it (body), or all body when no credit can be told apart (no text is
 * lost). Null when the paragraph opens with no cue, or is a short `Nguồn: …` line (a source, read elsewhere).
 */
export function readCredited(paragraph: string): CreditedParagraph | null {
  const cue = CUE.exec(paragraph);
  if (!cue) return null;
  const captionCue = CAPTION_CUE.test(paragraph);
  if (words(paragraph, MAX_CAPTION_WORDS + 1) <= MAX_CAPTION_WORDS)
    return captionCue ? { caption: paragraph, body: null } : null;
  const after = paragraph.slice(cue[0].length).split(' ');
  const n = creditWords(after);
  if (n === 0) return { caption: null, body: paragraph };
  const caption = `${cue[0]}${after.slice(0, n).join(' ')}`.trim();
  return { caption, body: after.slice(n).join(' ') };
}

/** A credit closing a caption: `… hôm 1/11. Ảnh: Hải Đăng`, `… - Ảnh: T.H.`, `… (Ảnh: Ngọc Tài).` */
const TRAILING_CREDIT = new RegExp(
  `^(.*[^\\s\\-–—])(\\s+[-–—]\\s+|\\s*\\(\\s*|\\s+)(?:${cueAlternatives(data.captionCues)})\\s*[:：]\\s*([^()]+?)\\s*(\\))?(\\.?)$`,
  'iu',
);

/**
 * A caption without the photo credit that closes it, and the dash or parentheses around the credit: the
 * credit names who took the picture, not what it shows (nor a person of the article). A full stop before the
 * credit, or after its parentheses, stays as the caption's end. A caption that is only a credit stays as it is.
 */
export function captionWithoutCredit(caption: string): string {
  return splitCaptionCredit(caption).caption;
}

/** A caption and the photo credit that closes it (`Ảnh: Hải Đăng`), or null when none does. */
export function splitCaptionCredit(caption: string): { caption: string; credit: string | null } {
  const none = { caption, credit: null };
  // Every credit cue ends in a colon: most captions have none and skip the pattern.
  if (!caption.includes(':') && !caption.includes('：')) return none;
  const m = TRAILING_CREDIT.exec(caption);
  if (!m) return none;
  const [, before, joint, credit, close, stop] = m;
  if (joint!.includes('(') !== (close !== undefined)) return none;
  const names = credit!.replace(CREDIT_TAIL, '').split(' ').filter(Boolean);
  const person = names.length <= MAX_CREDIT_WORDS && names.every((w) => CREDIT_WORD.test(w));
  if (!person && !bodyCredit(before!, joint!, names)) return none;
  const said = caption.slice(before!.length + joint!.length).replace(/\)?\.?$/u, '');
  // A full stop after `(Ảnh: …)` closes the caption; one after a bare credit is the credit's (`T.H.`).
  const text = close && stop && !/[.!?…]["”’)]*$/u.test(before!) ? `${before}.` : before!;
  return { caption: text, credit: said };
}

/** A body's name runs longer than a person's and has lower-case words (`Viện Sinh thái Núi cao Tây Bắc`). */
const MAX_BODY_CREDIT_WORDS = 10;

/**
 * A credit naming a body (`… dài 6 cm. Ảnh: Viện Sinh thái Núi cao Tây Bắc`): after a finished sentence, a
 * capitalised name of up to ten words without sentence punctuation.
 */
function bodyCredit(before: string, joint: string, names: string[]): boolean {
  return (
    /[.!?…]["”’)]*$/u.test(before) &&
    joint.trim() === '' &&
    names.length <= MAX_BODY_CREDIT_WORDS &&
    CREDIT_WORD.test(names[0]!) &&
    names.every((w) => !/[,;:!?]/u.test(w))
  );
}

/**
 * `paragraphs` read one by one (a page's text from another extractor): each credit goes to `captions`, a
 * paragraph that is only a credit is left out.
 */
export function readCreditsOf(paragraphs: readonly string[], captions: string[]): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    const read = readCredited(p);
    if (read?.caption) captions.push(read.caption);
    if (!read) out.push(p);
    else if (read.body !== null) out.push(read.body);
  }
  return out;
}
