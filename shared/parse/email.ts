/**
 * An e-mail pasted or saved as text: a reporter's copy sent or forwarded to the desk. Its header block
 * (`From:`/`Từ:`, `Sent:`/`Date:`, `To:`, `Subject:`, after a `---------- Forwarded message ---------` line),
 * its greeting (`Chào anh Phong,` and the lines up to the next blank one) and its signature (from `--`, a
 * sign-off such as `Trân trọng,`, or an Outlook rule `______`) are the message's, not the article's. The
 * time it was sent is the only date such a file gives. Words and keys: data/email.json.
 */
import data from './data/email.json';
import { type FoundDate, parseIsoLike } from './dates';

export interface EmailText {
  /** The text between the greeting and the signature: the article as the reporter wrote it. */
  text: string;
  date: FoundDate | null;
}

const alternatives = (words: string[]) =>
  words
    .slice()
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
const HEADER = new RegExp(`^(${alternatives(data.headerKeys)})\\s*:\\s*(.*)$`, 'iu');
const MESSAGE_OPENER = new RegExp(`^[-_=\\s]*(?:${alternatives(data.messageOpeners)})[-_=\\s]*$`, 'iu');
const GREETING = new RegExp(`^(?:${alternatives(data.greetings)})(?!\\p{L})`, 'iu');
const SIGN_OFF = new RegExp(`^(?:${alternatives(data.signOffs)})\\s*[,.!]?$`, 'iu');
/** RFC 3676's signature separator (`-- `), as often written without its space; an Outlook rule. */
const SIGNATURE_RULE = /^(?:--\s?|_{8,})$/u;
const SENDER_KEYS = new Set(data.senderKeys);
const DATE_KEYS = new Set(data.dateKeys);
/** A greeting is a short line (`Gửi anh chị Ban Thời sự,`), never a paragraph of the article. */
const MAX_GREETING_WORDS = 12;
/** The header block opens within the first lines (after a forward marker or a blank line). */
const HEADER_WITHIN = 3;

const NEWLINE = /\r\n|\r|\n/;

/** The article inside an e-mail, or null when the text does not open with an e-mail's headers. */
export function readEmail(text: string): EmailText | null {
  // Most texts are no e-mail, and their first lines show it: only one that may be is split whole.
  if (!opensWithHeader(text)) return null;
  const lines = text.split(NEWLINE);
  let i = headerStart(lines);
  let sender = false;
  let headers = 0;
  let date: FoundDate | null = null;
  for (; i < lines.length; i++) {
    const m = HEADER.exec(lines[i]!.trim());
    if (!m) break;
    const key = m[1]!.toLowerCase().replace(/\s+/g, ' ');
    headers++;
    if (SENDER_KEYS.has(key)) sender = true;
    if (DATE_KEYS.has(key) && m[2]) date ??= parseIsoLike(m[2].trim());
  }
  if (!sender || headers < 2) return null;
  // Lines above the header block may only be a forward marker.
  for (let k = 0; k < i - headers; k++) {
    const line = lines[k]!.trim();
    if (line && !MESSAGE_OPENER.test(line)) return null;
  }
  while (i < lines.length && !lines[i]!.trim()) i++;
  if (i < lines.length && isGreeting(lines[i]!.trim())) while (i < lines.length && lines[i]!.trim()) i++;
  let end = i;
  while (end < lines.length) {
    const line = lines[end]!.trim();
    if (SIGNATURE_RULE.test(line) || SIGN_OFF.test(line) || MESSAGE_OPENER.test(line)) break;
    end++;
  }
  return { text: lines.slice(i, end).join('\n'), date };
}

/** Where the header block opens: a header line after at most HEADER_WITHIN other lines with text, or -1. */
function headerStart(lines: readonly string[]): number {
  let i = 0;
  let seen = 0;
  while (i < lines.length && seen < HEADER_WITHIN && !isHeader(lines[i]!)) {
    if (lines[i]!.trim()) seen++;
    i++;
  }
  return i < lines.length && isHeader(lines[i]!) ? i : -1;
}

/**
 * headerStart(lines) >= 0, reading the text's lines one by one only as far as that takes (lines end as
 * NEWLINE parts them); a line with no colon is no header, and the text's next colon tells it without a look.
 */
function opensWithHeader(text: string): boolean {
  let seen = 0;
  let cr = text.indexOf('\r');
  let colon = text.indexOf(':');
  for (let from = 0; ; ) {
    if (cr >= 0 && cr < from) cr = text.indexOf('\r', from);
    if (colon >= 0 && colon < from) colon = text.indexOf(':', from);
    const lf = text.indexOf('\n', from);
    let end = lf < 0 ? text.length : lf;
    if (cr >= 0 && cr < end) end = cr;
    const line = text.slice(from, end);
    const header = colon >= 0 && colon < end && HEADER.test(line.trim());
    if (seen >= HEADER_WITHIN || header) return header;
    if (line.trim()) seen++;
    if (end === text.length) return false;
    from = end + (text.startsWith('\r\n', end) ? 2 : 1);
  }
}

/** A header line; the colon first, since the case-blind alternation costs more than the rest of the look. */
function isHeader(line: string): boolean {
  return line.includes(':') && HEADER.test(line.trim());
}

function isGreeting(line: string): boolean {
  return GREETING.test(line) && line.split(/\s+/).length <= MAX_GREETING_WORDS;
}
