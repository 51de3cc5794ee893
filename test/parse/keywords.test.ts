import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../shared/parse';
import { splitKeywords, tidyKeywords } from '../../shared/parse/keywords';

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

describe('one keyword list whatever the format declared it in', () => {
  it('drops the closing stop of a list written as a sentence, spaces and case-blind repeats', () => {
    expect(tidyKeywords([' Hà  Nội ', 'thời tiết.', 'hà nội', '', 'rét đậm…'])).toEqual([
      'Hà Nội',
      'thời tiết',
      'rét đậm',
    ]);
  });

  it('gives the same keywords from a text line, Markdown tags and a JSON string', () => {
    const body = 'Hà Nội rét đậm, nhiệt độ xuống dưới 10 độ C trong sáng nay ở vùng núi phía bắc.';
    const fromText = parseArticle({
      bytes: Buffer.from(`Hà Nội rét đậm\n\n${body}\n\nTừ khóa: Hà Nội, thời tiết.`),
      fileName: 'a.txt',
    });
    const fromMarkdown = parseArticle({
      bytes: Buffer.from(`---\ntitle: Hà Nội rét đậm\ntags: [Hà Nội, thời tiết.]\n---\n\n${body}\n`),
      fileName: 'a.md',
    });
    const fromJson = parseArticle({
      bytes: Buffer.from(JSON.stringify({ title: 'Hà Nội rét đậm', body, keywords: 'Hà Nội, thời tiết.' })),
      fileName: 'a.json',
    });
    for (const parsed of [fromText, fromMarkdown, fromJson]) {
      expect(parsed.ok && parsed.article.keywords).toEqual(['Hà Nội', 'thời tiết']);
    }
  });
});
