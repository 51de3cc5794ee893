import { describe, expect, it } from 'vitest';
import { articleKeywords, extractKeyPhrases, MAX_KEYWORDS } from '../../shared/tag/keywords/index';
import { nameKey } from '../../shared/text/vietnamese';

const article = {
  title: 'Hà Nội mở rộng mạng lưới xe buýt điện',
  lede: 'Thành phố Hà Nội sẽ đưa thêm 200 xe buýt điện vào khai thác trong năm tới.',
  body:
    'Thành phố Hà Nội sẽ đưa thêm 200 xe buýt điện vào khai thác trong năm tới.\n\n' +
    'Theo Sở Giao thông vận tải, xe buýt điện giúp giảm khí thải và tiếng ồn. Mạng lưới xe buýt điện ' +
    'hiện có 15 tuyến, phục vụ hàng triệu lượt khách mỗi tháng.\n\n' +
    'Ông Nguyễn Văn An, đại diện doanh nghiệp vận tải, cho biết trạm sạc là bài toán lớn nhất. ' +
    'Ông Nguyễn Văn An đề xuất thành phố hỗ trợ xây trạm sạc tại các bến xe.',
  captions: [],
  keywords: [],
};

describe('keywords', () => {
  it('returns the keywords the file declares, trimmed and without repeats', () => {
    const declared = { ...article, keywords: [' xe buýt điện ', 'Hà Nội', 'xe buýt  điện'] };
    expect(articleKeywords(declared, 'vi')).toEqual(['xe buýt điện', 'Hà Nội']);
  });

  it('extracts at most ten distinct key phrases when the file has none', () => {
    const keywords = articleKeywords(article, 'vi');
    expect(keywords.length).toBeGreaterThan(2);
    expect(keywords.length).toBeLessThanOrEqual(MAX_KEYWORDS);
    expect(new Set(keywords.map(nameKey)).size).toBe(keywords.length);
  });

  it('puts the phrase the title and body repeat first, and finds the person named twice', () => {
    const keywords = extractKeyPhrases(article, 'vi');
    expect(keywords.slice(0, 2).map(nameKey)).toContain('xe buýt điện');
    expect(keywords).toContain('Nguyễn Văn An');
  });

  it('never returns a bare function word', () => {
    for (const k of extractKeyPhrases(article, 'vi'))
      expect(['và', 'của', 'các', 'những', 'được']).not.toContain(k);
  });

  it('respects a smaller limit', () => {
    expect(extractKeyPhrases(article, 'vi', 3)).toHaveLength(3);
  });

  it('extracts nothing for a language it has no stopwords for', () => {
    expect(articleKeywords({ ...article, title: 'Le gouvernement', body: 'Le texte.' }, 'fr')).toEqual([]);
  });
});

describe('keyword recall matching (eval)', () => {
  it('matches case- and diacritic-insensitively, and a phrase containing the keyword', async () => {
    const { keywordMatches } = await import('../../eval/keyphrase-eval');
    expect(keywordMatches('Xăng giả TP.HCM', 'xang gia tp hcm')).toBe('exact');
    expect(keywordMatches('hoa Tết', 'chợ hoa Tết')).toBe('fuzzy');
    expect(keywordMatches('Tết Nguyên đán 2026', 'Tết Nguyên đán')).toBe('fuzzy');
    expect(keywordMatches('Tết Nguyên đán 2026', 'Tết')).toBeNull();
    expect(keywordMatches('giá vàng', 'vàng miếng')).toBeNull();
  });
});
