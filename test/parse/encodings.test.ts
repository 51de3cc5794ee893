import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../shared/parse/index';
import { encodeTcvn3, encodeViscii, encodeVni } from '../../shared/parse/legacy-vn';
import { readSeed } from '../helpers';
import { encodeWindows1258 } from './fixtures';

const seed = readSeed('000_018482176d444e67.txt').toString('utf8');
const reference = parseArticle({ bytes: Buffer.from(seed), fileName: 'a.txt' });

function parsed(bytes: Uint8Array, fileName = 'a.txt') {
  const outcome = parseArticle({ bytes, fileName });
  if (!outcome.ok) throw new Error(`${outcome.rejection.code}: ${outcome.rejection.message}`);
  return outcome.article;
}

describe('encodings', () => {
  it.each([
    ['utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed)])],
    ['utf-16le', iconv.encode(seed, 'utf-16le', { addBOM: true })],
    ['utf-16be', iconv.encode(seed, 'utf-16be', { addBOM: true })],
    ['windows-1258', encodeWindows1258(seed)],
    ['vni', encodeVni(seed)],
  ])('reads %s and gives the same NFC article as UTF-8', (encoding, bytes) => {
    const a = parsed(bytes);
    expect(a.encoding).toBe(encoding);
    if (!reference.ok) throw new Error('reference');
    expect(a.title).toBe(reference.article.title);
    expect(a.body).toBe(reference.article.body);
    expect(a.body).toBe(a.body.normalize('NFC'));
  });

  it('reads TCVN3 (which has no upper-case toned letters) as the same text up to case', () => {
    // TCVN3 has no curly quotes either; the source uses straight ones.
    const plain = seed.replace(/[“”]/g, '"');
    const a = parsed(encodeTcvn3(plain));
    expect(a.encoding).toBe('tcvn3');
    expect(a.body.toLowerCase()).toBe(parsed(Buffer.from(plain)).body.toLowerCase());
  });

  it('reads VISCII (which has no curly quotes nor no-break space) as the same text', () => {
    const plain = seed.replace(/[“”]/g, '"').replace(/\u00a0/g, ' ');
    const a = parsed(encodeViscii(plain));
    expect(a.encoding).toBe('viscii');
    expect(a.body).toBe(parsed(Buffer.from(plain)).body);
  });

  it('reads decomposed (NFD) UTF-8 and CRLF line endings with control characters', () => {
    const messy = seed.normalize('NFD').replace(/\n/g, '\r\n').replace('Hội nghị', 'Hội\u0007 nghị');
    const a = parsed(Buffer.from(messy));
    if (!reference.ok) throw new Error('reference');
    expect(a.title).toBe(reference.article.title);
    expect(a.publishedAt).toBe(reference.article.publishedAt);
  });
});

describe('bad input is rejected with a specific reason, never a throw', () => {
  it.each([
    ['empty file', Buffer.alloc(0), 'x.txt', 'empty_file'],
    ['white space only', Buffer.from('  \n\t\n'), 'x.txt', 'empty_file'],
    [
      'PNG image',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
      'x.txt',
      'binary_file',
    ],
    ['PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'x.txt', 'binary_file'],
    ['ZIP', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), 'x.txt', 'binary_file'],
    [
      'random binary with NULs',
      Buffer.from([1, 2, 0, 0, 255, 0, 7, 0, 0, 3, 0, 200]),
      'x.txt',
      'binary_file',
    ],
    [
      'metadata but no body',
      Buffer.from('Chính trị / Thời sự\n26/12/2017 14:03\nTừ khóa: a, b\n'),
      'x.txt',
      'no_body',
    ],
    ['an unknown extension', Buffer.from('Tiêu đề\nNội dung bài viết đầy đủ.'), 'x.docx', 'unsupported_type'],
    ['broken JSON', Buffer.from('{"title": "x", '), 'x.json', 'malformed'],
  ])('%s', (_what, bytes, fileName, code) => {
    const outcome = parseArticle({ bytes, fileName });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.rejection.code).toBe(code);
      expect(outcome.rejection.message.length).toBeGreaterThan(10);
    }
  });

  it('rejects text over the size limit before decoding it', () => {
    const outcome = parseArticle({ bytes: Buffer.alloc(2048, 0x61), fileName: 'x.txt' }, { maxBytes: 1024 });
    expect(outcome).toMatchObject({ ok: false, rejection: { code: 'too_large' } });
  });

  it('never throws on random bytes or random text in any format', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          fc.string({ unit: 'grapheme', maxLength: 400 }).map((s) => Buffer.from(s)),
        ),
        fc.constantFrom('a.txt', 'a.html', 'a.md', 'a.json', 'a'),
        (bytes, fileName) => {
          const outcome = parseArticle({ bytes, fileName });
          expect(typeof outcome.ok).toBe('boolean');
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('damaged UTF-8', () => {
  it('reads UTF-8 with a few stray bytes as UTF-8, showing the damage instead of guessing another encoding', () => {
    const damaged = Buffer.concat([
      Buffer.from(seed.slice(0, 600)),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(seed.slice(600)),
    ]);
    const a = parsed(damaged);
    expect(a.encoding).toBe('utf-8');
    expect(a.title).toBe('Hội nghị các Trụ cột Cộng đồng ASEAN');
    expect(a.body).toContain('\ufffd');
  });
});
