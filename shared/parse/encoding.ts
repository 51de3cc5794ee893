/**
 * Bytes to NFC text (decoding with the runtime's WHATWG TextDecoder, which knows Windows-1258, the
 * ISO and Windows code pages and the CJK encodings, so no codec tables are bundled): BOMs, strict UTF-8, then the single-byte encodings Vietnamese newsrooms used
 * (Windows-1258, TCVN3, VNI, VISCII) scored by how Vietnamese the result reads; chardet for anything else (loaded
 * by the first such text: ../assets/library.ts).
 */
import type * as Chardet from 'chardet';
import { CHARDET_CHUNK } from '../assets/index';
import { requireLibrary } from '../assets/library';
import type { Rejection } from '../model/article';
import { decodeTcvn3, decodeViscii, decodeVni } from './legacy-vn';

export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; rejection: Rejection };

const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (or a Word/Excel file)' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Office document' },
  { bytes: [0x52, 0x49, 0x46, 0x46], what: 'a RIFF media file' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program (ELF)' },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

const binaryRejection = (what: string): DecodeResult => ({
  ok: false,
  rejection: {
    code: 'binary_file',
    message: `This is ${what}, not an article text. Upload .txt, .html, .md or .json.`,
  },
});

// Letters only Vietnamese uses (outside Latin-1), and Latin-1 letters Vietnamese also uses.
const VN_ONLY =
  /[ăắằẳẵặấầẩẫậđẻẽẹếềểễệỉĩịốồổỗộơớờởỡợủũụưứừửữựỳỷỹỵạảĂẮẰẲẴẶẤẦẨẪẬĐẺẼẸẾỀỂỄỆỈĨỊỐỒỔỖỘƠỚỜỞỠỢỦŨỤƯỨỪỬỮỰỲỶỸỴẠẢ]/gu;
// Foreign: Latin-1 letters and symbols Vietnamese text never has, stray combining marks, U+FFFD.
const FOREIGN =
  /[\u0080-\u00bf\u00c4-\u00c7\u00cb\u00ce\u00cf\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff\ufffd]|\p{M}/gu;
const isJunk = (code: number) =>
  code < 0x09 || (code > 0x0d && code < 0x20) || code === 0x7f || code === 0xfffd;
// The same characters as a class, so a clean text is cleared by one native scan. Built from char codes:
// the linter rightly flags control characters in regex literals, and here they are the point.
const ANY_JUNK = new RegExp(
  `[${String.fromCharCode(0)}-${String.fromCharCode(8)}${String.fromCharCode(0x0e)}-${String.fromCharCode(0x1f)}${String.fromCharCode(0x7f)}\ufffd]`,
);

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

// Toneless Vietnamese syllable: onset, one of the vowel nuclei the language allows, coda. Misdecoded
// legacy text produces letters Vietnamese has but in impossible combinations, which this catches.
const NUCLEI =
  'iêu|yêu|oai|oao|oay|oeo|uây|uôi|ươi|ươu|uyê|uya|uyu|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|ưa|ưi|ưu|ươ|uy|ya|yê|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y';
const SYLLABLE = new RegExp(
  `^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?(${NUCLEI})(ch|ng|nh|[cmnpt])?$`,
  'u',
);
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;

// Nuclei that end in a glide (`ai`, `ôi`, `ươu`…) take no final consonant: `nôit` is no syllable.
const GLIDE_END =
  /^(?:ai|ao|au|ay|âu|ây|eo|êu|iu|oi|ôi|ơi|ui|ưi|ưu|iêu|yêu|oai|oao|oay|oeo|uây|uôi|ươi|ươu)$/u;

/** A well-formed Vietnamese syllable: onset, an allowed vowel nucleus, coda, at most one tone mark. */
export function isVietnameseSyllable(token: string): boolean {
  const nfd = token.toLowerCase().normalize('NFD');
  const tones = nfd.match(TONES)?.length ?? 0;
  if (tones > 1) return false;
  const m = SYLLABLE.exec(nfd.replace(TONES, '').normalize('NFC'));
  if (m === null) return false;
  const [, onset = '', nucleus = '', coda] = m;
  if (coda !== undefined && GLIDE_END.test(nucleus)) return false;
  // `iê`, `yê`, `uô`, `ươ`, `uyê` close with a consonant (`tiến`, never `tiế`).
  if (coda === undefined && /^(?:iê|yê|uô|ươ|uyê)$/u.test(nucleus)) return false;
  // Spelling of the onset before front vowels: `ghi`, `nghe`, `ki`, but `ga`, `nga`, `ca`.
  const front = /^[ieêy]/u.test(nucleus);
  if (/^(?:gh|ngh|k)$/u.test(onset) ? !front : /^(?:g|ng|c)$/u.test(onset) && front) return false;
  return true;
}

/** A run of letters and marks (at module scope: the bundler rebuilds a `\p{…}` literal at each use). */
const LETTER_RUN = /[\p{L}\p{M}]+/gu;

/**
 * Higher is more Vietnamese: rewards well-formed syllables that carry Vietnamese letters, penalises
 * impossible syllables, stray symbols and Latin-1 letters Vietnamese lacks.
 */
export function vietnameseScore(text: string): number {
  let score = -4 * count(text, FOREIGN);
  for (const token of text.match(LETTER_RUN) ?? []) {
    if (![...token].some((c) => c.charCodeAt(0) > 0x7f)) continue; // plain ASCII words say nothing about the encoding
    score += isVietnameseSyllable(token) ? 3 : -5;
  }
  return score;
}

/** How much of a text is control characters (excluding tab/newline) or replacement characters. */
function junkRatio(text: string): number {
  if (!ANY_JUNK.test(text)) return 0;
  let junk = 0;
  for (let i = 0; i < text.length; i++) if (isJunk(text.charCodeAt(i))) junk++;
  return junk / Math.max(1, text.length);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const SAMPLE = 64 * 1024;

export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return decodeWith(bytes.subarray(3), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith(bytes.subarray(2), 'utf-16be');
  for (const m of MAGIC) if (startsWith(bytes, m.bytes)) return binaryRejection(m.what);

  const head = bytes.subarray(0, SAMPLE);
  // A native scan (Buffer's indexOf is a memchr; a typed array's includes is a slower loop): most files
  // hold no NUL byte at all.
  if (Buffer.from(head.buffer, head.byteOffset, head.byteLength).indexOf(0) >= 0) {
    // UTF-16 without a BOM: every other byte is zero for ASCII-heavy text.
    let evenZeros = 0;
    let oddZeros = 0;
    for (let i = 0; i < head.length; i++) if (head[i] === 0) i % 2 === 0 ? evenZeros++ : oddZeros++;
    const half = head.length / 2;
    if (oddZeros > half * 0.3 && evenZeros < half * 0.05) return decodeWith(bytes, 'utf-16le');
    if (evenZeros > half * 0.3 && oddZeros < half * 0.05) return decodeWith(bytes, 'utf-16be');
    return binaryRejection('a binary file');
  }

  try {
    return checked(utf8.decode(bytes), 'utf-8');
  } catch {
    // not clean UTF-8: a damaged UTF-8 file, or a legacy single-byte encoding (below)
  }
  const damaged = damagedUtf8(bytes);
  if (damaged) return damaged;

  const sample = bytes.subarray(0, SAMPLE);
  const candidates: { encoding: string; text: string }[] = [
    { encoding: 'windows-1258', text: decodeWithLabel(sample, 'windows-1258').normalize('NFC') },
    { encoding: 'tcvn3', text: decodeTcvn3(sample) },
    { encoding: 'vni', text: decodeVni(sample) },
    { encoding: 'viscii', text: decodeViscii(sample) },
  ];
  let best = candidates[0]!;
  let bestScore = -Infinity;
  for (const c of candidates) {
    const score = vietnameseScore(c.text);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  const vnLetters = count(best.text, VN_ONLY);
  if (bestScore > 0 && vnLetters >= 3) return decodeWith(bytes, best.encoding);

  // Not Vietnamese in a legacy font: let chardet name the encoding (Latin-1, Cyrillic, CJK, ...).
  const guess = requireLibrary<typeof Chardet>(CHARDET_CHUNK).detect(sample);
  if (guess && knownLabel(guess) && !/^utf-?8$/i.test(guess)) return decodeWith(bytes, guess.toLowerCase());
  return {
    ok: false,
    rejection: {
      code: 'undecodable',
      message: 'The text encoding could not be recognised. Save the file as UTF-8 and upload it again.',
    },
  };
}

const lenientUtf8 = new TextDecoder('utf-8');

/**
 * UTF-8 text with a few stray bytes (a truncated copy, a bad paste) is still UTF-8: read it with the
 * damaged bytes shown as U+FFFD rather than as mojibake from a wrong single-byte guess.
 */
function damagedUtf8(bytes: Uint8Array): DecodeResult | null {
  const text = lenientUtf8.decode(bytes);
  let replaced = 0;
  let multibyte = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) replaced++;
    else if (c > 0x7f) multibyte++;
  }
  if (replaced === 0 || multibyte < 3 * replaced || replaced > Math.max(4, text.length / 100)) return null;
  return { ok: true, text: text.normalize('NFC'), encoding: 'utf-8' };
}

function decodeWith(bytes: Uint8Array, encoding: string): DecodeResult {
  let text: string;
  if (encoding === 'utf-8') {
    try {
      text = utf8.decode(bytes);
    } catch {
      return {
        ok: false,
        rejection: { code: 'undecodable', message: 'The file says it is UTF-8 but contains invalid bytes.' },
      };
    }
  } else if (encoding === 'tcvn3') text = decodeTcvn3(bytes);
  else if (encoding === 'vni') text = decodeVni(bytes);
  else if (encoding === 'viscii') text = decodeViscii(bytes);
  else text = decodeWithLabel(bytes, encoding);
  return checked(text.normalize('NFC'), encoding, true);
}

/**
 * A code unit outside the ranges whose every character is NFC whatever stands around it (below U+0300, the
 * precomposed Vietnamese letters U+1EA0–U+1EF9, the dashes, quotes and dots U+2010–U+2027: none is a
 * combining mark, a composition's second part or changed by NFC). A text without one is NFC as it is, and
 * most texts here are: the test is one native scan, where `normalize` copies the text for ICU first.
 */
const MAY_CHANGE_UNDER_NFC = new RegExp(`[^${String.fromCharCode(0)}-\u02ff\u1ea0-\u1ef9\u2010-\u2027]`);

/** `normalized`: the text is NFC already (normalising it again costs a whole pass over it). */
function checked(text: string, encoding: string, normalized = false): DecodeResult {
  if (junkRatio(text.slice(0, SAMPLE)) > 0.02) return binaryRejection('a binary file');
  const nfc = normalized || !MAY_CHANGE_UNDER_NFC.test(text) ? text : text.normalize('NFC');
  return { ok: true, text: nfc, encoding };
}

function knownLabel(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

function decodeWithLabel(bytes: Uint8Array, label: string): string {
  return new TextDecoder(label).decode(bytes);
}
