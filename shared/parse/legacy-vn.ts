/**
 * Legacy Vietnamese font encodings that older newsroom files still use and that no npm codec covers:
 * TCVN3 (ABC, TCVN 5712 VN3), VNI-Windows and VISCII (RFC 1456). Decoders map bytes to NFC text; encoders exist so tests
 * can round-trip real text through them.
 */

// TCVN3: one byte per precomposed lower-case letter; upper-case toned letters lived in separate
// "caps" fonts, so only the seven base upper-case letters have codes here.
const TCVN3_BYTES = [
  0xb8, 0xb5, 0xb6, 0xb7, 0xb9, 0xa8, 0xbe, 0xbb, 0xbc, 0xbd, 0xc6, 0xa9, 0xca, 0xc7, 0xc8, 0xc9, 0xcb, 0xd0,
  0xcc, 0xce, 0xcf, 0xd1, 0xaa, 0xd5, 0xd2, 0xd3, 0xd4, 0xd6, 0xdd, 0xd7, 0xd8, 0xdc, 0xde, 0xe3, 0xdf, 0xe1,
  0xe2, 0xe4, 0xab, 0xe8, 0xe5, 0xe6, 0xe7, 0xe9, 0xac, 0xed, 0xea, 0xeb, 0xec, 0xee, 0xf3, 0xef, 0xf1, 0xf2,
  0xf4, 0xad, 0xf8, 0xf5, 0xf6, 0xf7, 0xf9, 0xfd, 0xfa, 0xfb, 0xfc, 0xfe, 0xae, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5,
  0xa6, 0xa7,
];
const TCVN3_CHARS = 'áàảãạăắằẳẵặâấầẩẫậéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵđĂÂÊÔƠƯĐ';

const tcvn3Decode = new Map<number, string>();
const tcvn3Encode = new Map<string, number>();
[...TCVN3_CHARS].forEach((ch, i) => {
  const byte = TCVN3_BYTES[i]!;
  tcvn3Decode.set(byte, ch);
  tcvn3Encode.set(ch, byte);
});

// Windows-1252 upper half, for bytes that are not Vietnamese letters in the legacy fonts.
const CP1252_HIGH =
  '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ';

function cp1252Char(byte: number): string {
  return byte < 0x80 ? String.fromCharCode(byte) : CP1252_HIGH[byte - 0x80]!;
}

export function decodeTcvn3(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : (tcvn3Decode.get(b) ?? cp1252Char(b));
  return out.normalize('NFC');
}

/** Encodes NFC text as TCVN3; upper-case toned letters fall back to lower case (as the format forces). */
export function encodeTcvn3(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const high = CP1252_HIGH.indexOf(ch);
      const free = high >= 0 && !tcvn3Decode.has(high + 0x80) ? high + 0x80 : undefined;
      out.push(tcvn3Encode.get(ch) ?? tcvn3Encode.get(ch.toLowerCase()) ?? free ?? 0x3f);
    }
  }
  return Uint8Array.from(out);
}

// VNI-Windows: a base ASCII letter followed by one byte for the vowel shape and/or tone. Sequences are
// written in Windows-1252 characters; each maps to one precomposed letter.
const VNI_LOWER: Record<string, string> = {
  aù: 'á',
  aø: 'à',
  aû: 'ả',
  aõ: 'ã',
  aï: 'ạ',
  aê: 'ă',
  aé: 'ắ',
  aè: 'ằ',
  aú: 'ẳ',
  aü: 'ẵ',
  aë: 'ặ',
  aâ: 'â',
  aá: 'ấ',
  aà: 'ầ',
  aå: 'ẩ',
  aã: 'ẫ',
  aä: 'ậ',
  eù: 'é',
  eø: 'è',
  eû: 'ẻ',
  eõ: 'ẽ',
  eï: 'ẹ',
  eâ: 'ê',
  eá: 'ế',
  eà: 'ề',
  eå: 'ể',
  eã: 'ễ',
  eä: 'ệ',
  í: 'í',
  ì: 'ì',
  æ: 'ỉ',
  ó: 'ĩ',
  ò: 'ị',
  où: 'ó',
  oø: 'ò',
  oû: 'ỏ',
  oõ: 'õ',
  oï: 'ọ',
  oâ: 'ô',
  oá: 'ố',
  oà: 'ồ',
  oå: 'ổ',
  oã: 'ỗ',
  oä: 'ộ',
  ô: 'ơ',
  ôù: 'ớ',
  ôø: 'ờ',
  ôû: 'ở',
  ôõ: 'ỡ',
  ôï: 'ợ',
  uù: 'ú',
  uø: 'ù',
  uû: 'ủ',
  uõ: 'ũ',
  uï: 'ụ',
  ö: 'ư',
  öù: 'ứ',
  öø: 'ừ',
  öû: 'ử',
  öõ: 'ữ',
  öï: 'ự',
  yù: 'ý',
  yø: 'ỳ',
  yû: 'ỷ',
  yõ: 'ỹ',
  î: 'ỵ',
  ñ: 'đ',
};

const VNI_TABLE = new Map<string, string>();
for (const [seq, ch] of Object.entries(VNI_LOWER)) {
  VNI_TABLE.set(seq, ch);
  VNI_TABLE.set(seq.toUpperCase(), ch.toUpperCase());
}
const VNI_ENCODE = new Map<string, string>([...VNI_TABLE].map(([seq, ch]) => [ch, seq]));
// Longest sequences first, so "ôù" wins over "ô".
const VNI_PATTERN = new RegExp(
  [...VNI_TABLE.keys()]
    .sort((a, b) => b.length - a.length)
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'g',
);

export function decodeVni(bytes: Uint8Array): string {
  let raw = '';
  for (const b of bytes) raw += cp1252Char(b);
  return raw.replace(VNI_PATTERN, (seq) => VNI_TABLE.get(seq) ?? seq).normalize('NFC');
}

export function encodeVni(text: string): Uint8Array {
  let raw = '';
  for (const ch of text.normalize('NFC')) raw += VNI_ENCODE.get(ch) ?? ch;
  const out: number[] = [];
  for (const ch of raw) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const idx = CP1252_HIGH.indexOf(ch);
      out.push(idx >= 0 ? idx + 0x80 : 0x3f);
    }
  }
  return Uint8Array.from(out);
}

// VISCII (RFC 1456): every precomposed letter has one byte; the upper half is all letters, and six C0
// control codes carry the rarest capitals (Ẳ Ẵ Ẫ Ỷ Ỹ Ỵ).
const VISCII_HIGH =
  'ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲÕắằặấầẩậẽẹếềểễệốồổỗỠƠộờởịỰỨỪỬơớƯÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳĐứÒÓÔạỷừửÙÚỹỵÝỡưàáâãảăữẫèéêẻìíĩỉđựòóôõỏọụùúũủýợỮ';
const VISCII_LOW = new Map<number, string>([
  [0x02, 'Ẳ'],
  [0x05, 'Ẵ'],
  [0x06, 'Ẫ'],
  [0x14, 'Ỷ'],
  [0x19, 'Ỹ'],
  [0x1e, 'Ỵ'],
]);
const VISCII_ENCODE = new Map<string, number>([
  ...[...VISCII_LOW].map(([byte, ch]) => [ch, byte] as [string, number]),
  ...[...VISCII_HIGH].map((ch, i) => [ch, i + 0x80] as [string, number]),
]);

export function decodeViscii(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes)
    out += b >= 0x80 ? VISCII_HIGH[b - 0x80]! : (VISCII_LOW.get(b) ?? String.fromCharCode(b));
  return out.normalize('NFC');
}

export function encodeViscii(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const code = ch.charCodeAt(0);
    out.push(code < 0x80 && !VISCII_LOW.has(code) ? code : (VISCII_ENCODE.get(ch) ?? 0x3f));
  }
  return Uint8Array.from(out);
}
