/**
 * Stage after the scan: writers' signatures closing the body (`Bảo Hạnh (Theo Quartz)`).
 */
import { lookupPlaceKey } from '../places/index';
import { tokenize } from '../tokens';
import type { Scan } from './mentions';
import { isRegion } from './place-names';
import { isVietnameseWord, keyOf } from './text';
import { COMMON, FUNCTION_WORDS, ORG_HEAD } from './words';

/**
 * Writers' or translators' signatures closing the text, when the parser left them in the body: a last line
 * that is only one or two names of two to four syllables, in title case or capitals, maybe with their source
 * (`Bảo Hạnh (Theo Quartz)`, `Vân Anh/VOV.VN`, `Thùy Trang Baodatviet.vn`, `THÀNH ĐỒNG - LÊ PHONG`).
 * News signs a story with a person's name, so each is one.
 */
export const SIGNATURE_NAME = /^(?:\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){1,3}|\p{Lu}{2,}(?: \p{Lu}{2,}){1,3})$/u;

export const SIGNATURE_SOURCE = [
  /\s*\([^()\n]{1,60}\)$/u, // (Theo Quartz), (T/h), (tổng hợp)
  /\s*\/\s*\S{2,30}$/u, // /VOV.VN
  /\s+\S+\.(?:vn|com|net|org)\S*$/iu, // Baodatviet.vn
];

export function signatureNames(body: string): string[] {
  let line = body.slice(body.lastIndexOf('\n') + 1).trim();
  if (line.length > 100) return [];
  // `Minh PhươngTheo Dân trí`: a signature glued to its source.
  line = line
    .replace(/^Theo\s+/u, '')
    .replace(/(\p{Ll})Theo\s.*$/u, '$1')
    .replace(/\s+Theo\s+\S[^\n]{0,40}$/u, ''); // `Trung Hiếu/VOV.VN Theo Daily Mail`
  const bare = line;
  for (const source of SIGNATURE_SOURCE) line = line.replace(source, '');
  // A foreign name signs only with its source beside it (`Xiao Pei Baodatviet.vn`).
  const sourced = line !== bare;
  const names: string[] = [];
  for (const part of line.split(/\s*[-–]\s*/u)) {
    if (!SIGNATURE_NAME.test(part) || !isSignatureName(part, sourced)) break;
    names.push(part);
  }
  return names;
}

export function isSignatureName(name: string, sourced: boolean): boolean {
  const tokens = tokenize(name);
  // `anh` is a pronoun in a sentence but a given name in a signature (`Tuấn Anh`).
  if (tokens.some((t) => FUNCTION_WORDS.has(t.key) || (!sourced && !isVietnameseWord(t.key)))) return false;
  const key = keyOf(tokens, 0, tokens.length);
  // Many communes share a person's name (`Việt Hùng`); a province or country alone does not sign.
  return (
    !isRegion(lookupPlaceKey(key)) && ORG_HEAD.matchAt(tokens, 0) === 0 && COMMON.matchAt(tokens, 0) === 0
  );
}

/** Pushes the body's closing signatures as persons; a signature also read as a place (`An Dương`) is no place. */
export function pushSignatures(scan: Scan, body: string): void {
  const signatures = signatureNames(body);
  if (signatures.length === 0) return;
  const keys = new Set<string>();
  for (const signature of signatures) {
    const tokens = tokenize(signature);
    const key = keyOf(tokens, 0, tokens.length);
    keys.add(key);
    scan.mentions.push({ type: 'person', text: signature, key, cued: true, rule: scan.rule });
  }
  scan.mentions = scan.mentions.filter((m) => m.type !== 'place' || !keys.has(m.key));
}
