import { describe, expect, it } from 'vitest';
import { splitKeywords } from '../../shared/parse/keywords';

describe('glued keyword lines', () => {
  it.each([
    ['lower → lower, by syllable structure', 'Hà Nộithời tiết', ['Hà Nội', 'thời tiết']],
    ['several syllables glued at once', 'khí đốtngachâu Âu', ['khí đốt', 'nga', 'châu Âu']],
    ['acronym → lower', 'hội nghị ASEANhợp tác', ['hội nghị ASEAN', 'hợp tác']],
    ['digit → acronym', 'mùa giải 2025HLV', ['mùa giải 2025', 'HLV']],
    ['letter → digit', 'cộng đồng50 năm', ['cộng đồng', '50 năm']],
    ['digit → lower', 'lịch thi lớp 10tuyển sinh', ['lịch thi lớp 10', 'tuyển sinh']],
    ['a year → the number after it', 'mùa giải 202550 năm thành lập', ['mùa giải 2025', '50 năm thành lập']],
    ['a code with a unit → lower', 'bóng đá 24hbáo bóng đá', ['bóng đá 24h', 'báo bóng đá']],
    [
      'unmarked syllables → unmarked syllables',
      'tin tuc cong nghetin tuc 24h',
      ['tin tuc cong nghe', 'tin tuc 24h'],
    ],
    ['a code → lower', 'cầu thủ trẻu23 Việt Nam', ['cầu thủ trẻ', 'u23 Việt Nam']],
  ])('splits %s', (_kind, glued, expected) => {
    expect(splitKeywords(glued, 'Bài viết không nhắc lại các từ này.')).toEqual(expected);
  });

  it('keeps a Latin word whole though it reads as syllables (video, galaxy)', () => {
    expect(splitKeywords('video viralbị sụt đất', 'Một đoạn phim lan truyền.')).toEqual([
      'video viral',
      'bị sụt đất',
    ]);
    expect(splitKeywords('galaxy mớigiá rẻ', 'Điện thoại mới ra mắt.')).toEqual(['galaxy mới', 'giá rẻ']);
  });

  it('cuts names glued together where the article writes each of them', () => {
    const text = 'Chelsea thắng Liverpool 2-1 trên sân nhà, còn Arsenal hòa.';
    expect(splitKeywords('ngoại hạng anhchelsealiverpoolarsenal', text)).toEqual([
      'ngoại hạng anh',
      'chelsea',
      'liverpool',
      'arsenal',
    ]);
  });

  it('keeps words the article writes with a seam of their own (iPhone, 24h, e10)', () => {
    const text = 'Giá iPhone tăng, xăng e10 được bán từ hôm nay, theo 24h.';
    expect(splitKeywords('giá iPhonexăng e10tin 24h', text)).toEqual(['giá iPhone', 'xăng e10', 'tin 24h']);
  });
});
