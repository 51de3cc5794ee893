import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addList,
  exactText,
  foldedText,
  matchEntities,
  REENCODINGS,
  readRecordLabels,
} from '../../eval/records-eval';
import { decodeBytes } from '../../shared/parse/encoding';

describe('whole-record eval', () => {
  it('finds a gold name under a record entity’s name or one of its aliases, each entity once', () => {
    const { counts } = matchEntities(
      ['TP.HCM', 'Hải Âu Khánh Hòa', 'Huế'],
      [
        { name: 'Hồ Chí Minh', aliases: ['TP.HCM'] },
        { name: 'CLB Hải Âu Khánh Hòa' },
        { name: 'miền Trung' },
      ],
    );
    expect(counts).toEqual({ tp: 1, fp: 2, fn: 2 });
  });

  it('compares list items by name key (case and tone placement ignored)', () => {
    const c = { tp: 0, fp: 0, fn: 0 };
    addList(c, ['Hòa Bình', 'xe buýt điện'], ['hoà bình', 'Đà Nẵng']);
    expect(c).toEqual({ tp: 1, fp: 1, fn: 1 });
  });

  it('reads exact text as NFC with spacing collapsed, folded text without marks or punctuation', () => {
    expect(exactText('Hu\u0065\u0302\u0301  \u200bế ')).toBe('Huế ế');
    expect(foldedText('Bão số 5 đổ bộ Quảng Ngãi, mưa lớn')).toBe(
      foldedText('bao so 5 do bo quang ngai mua lon'),
    );
  });

  it.each(Object.keys(REENCODINGS))('saves a Vietnamese text as %s that decodes back to it', (encoding) => {
    const text = 'Ông Trịnh Gia Huy, kỹ sư ở Cần Thơ, cho biết thiết bị bay theo bản đồ ruộng được số hóa.';
    const decoded = decodeBytes(REENCODINGS[encoding]!(text));
    expect(decoded.ok && decoded.text).toBe(text);
  });

  it('has a file for every label and the split its id hashes to', () => {
    const labels = readRecordLabels();
    expect(labels.length).toBe(186);
    for (const l of labels) {
      expect(existsSync(join(import.meta.dirname, '..', '..', 'data', 'records', l.file))).toBe(true);
      const even = (createHash('sha1').update(`records:${l.id}`).digest()[0] ?? 1) % 2 === 0;
      expect(l.split).toBe(even ? 'dev' : 'test');
    }
  });
});
