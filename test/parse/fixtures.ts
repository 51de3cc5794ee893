import iconv from 'iconv-lite';

const TONE = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** Windows-1258 as Vietnamese Windows wrote it: base letters precomposed, tone marks as combining bytes. */
export function encodeWindows1258(text: string): Buffer {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const nfd = ch.normalize('NFD');
    out += nfd.replace(TONE, '').normalize('NFC') + (nfd.match(TONE)?.join('') ?? '');
  }
  return iconv.encode(out, 'windows-1258');
}
