import { describe, expect, it } from 'vitest';
import { nameKey, normalizeTonePlacement, searchKey, stripDiacritics } from '../../shared/text/vietnamese';

describe('Vietnamese text keys', () => {
  it('gives the same search key with and without diacritics or case', () => {
    expect(searchKey('Phạm Bình Minh')).toBe('pham binh minh');
    expect(searchKey('PHAM BINH MINH')).toBe('pham binh minh');
    expect(searchKey('Đà Nẵng')).toBe(searchKey('da nang'));
  });

  it('folds decomposed (Windows-1258 style) and precomposed marks alike', () => {
    expect(stripDiacritics('Ho\u0300a')).toBe('Hoa');
    expect(nameKey('Kha\u0301nh Ho\u0300a')).toBe(nameKey('Khánh Hòa'));
  });

  it('treats old and new tone placement as one name, without touching inner vowels', () => {
    expect(normalizeTonePlacement('Khánh Hoà')).toBe('Khánh Hòa');
    expect(normalizeTonePlacement('Thuý')).toBe('Thúy');
    expect(normalizeTonePlacement('Hoàng')).toBe('Hoàng');
    expect(nameKey('Khánh Hoà')).toBe(nameKey('khánh hòa'));
  });
});
