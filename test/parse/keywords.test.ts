import { describe, expect, it } from 'vitest';
import { splitKeywords } from '../../shared/parse/keywords';

describe('glued keyword lines', () => {
  it.each([
    ['lower → lower, by syllable structure', 'Hà Nộithời tiết', ['Hà Nội', 'thời tiết']],
    ['several syllables glued at once', 'khí đốtngachâu Âu', ['khí đốt', 'nga', 'châu Âu']],
    ['acronym → lower', 'hội nghị ASEANhợp tác', ['hội nghị ASEAN', 'hợp tác']],
    ['digit → acronym', 'mùa giải 2025HLV', ['mùa giải 2025', 'HLV']],
    ['letter → digit', 'cộng đồng50 năm', ['cộng đồng', '50 năm']],
  ])('splits %s', (_kind, glued, expected) => {
    expect(splitKeywords(glued, 'Bài viết không nhắc lại các từ này.')).toEqual(expected);
  });

  it('keeps words the article writes with a seam of their own (iPhone, 24h, e10)', () => {
    const text = 'Giá iPhone tăng, xăng e10 được bán từ hôm nay, theo 24h.';
    expect(splitKeywords('giá iPhonexăng e10tin 24h', text)).toEqual(['giá iPhone', 'xăng e10', 'tin 24h']);
  });
});
