import { describe, expect, it } from 'vitest';
import { type ParsedArticle, parseArticle } from '../../shared/parse/index';
import { readSeed } from '../helpers';

function parseSeed(name: '000_018482176d444e67.txt' | '003_7e95508e90133d9c.txt'): ParsedArticle {
  const outcome = parseArticle({ bytes: readSeed(name), fileName: name });
  if (!outcome.ok) throw new Error(outcome.rejection.message);
  return outcome.article;
}

describe('parsing the HanoiTV seed (breadcrumb, title, date line, dateline, captions, byline, keywords)', () => {
  const a = parseSeed('000_018482176d444e67.txt');
  const seedText = readSeed('000_018482176d444e67.txt').toString('utf8');
  const lines = seedText.split('\n').map((l) => l.trim());

  it('reads the breadcrumb, title, date, publisher, author and glued keywords exactly', () => {
    expect(a.category).toEqual(['Chính trị', 'Hoạt động của Lãnh đạo Thành phố']);
    expect(a.title).toBe('Hội nghị các Trụ cột Cộng đồng ASEAN');
    expect(a.publishedAt).toBe('2017-12-26T14:03:00+07:00');
    expect(a.publisher).toBe('HanoiTV');
    expect(a.authors).toEqual(['An Nhiên']);
    expect(a.keywords).toEqual(['trụ cột cộng đồng', '50 năm ASEAN', 'hợp tác ASEAN', 'chủ tịch ASEAN 2020']);
  });

  it('takes the first paragraph without its dateline as the lede', () => {
    expect(lines[3]!.startsWith('(HanoiTV) - ')).toBe(true);
    expect(a.lede).toBe(lines[3]!.slice('(HanoiTV) - '.length));
  });

  it('separates exactly the two caption lines', () => {
    expect(a.captions).toEqual([
      'Phó Thủ tướng Chính phủ, Bộ trưởng Phạm Bình Minh phát biểu chỉ đạo Hội nghị',
      'Các đại biểu tham dự Hội nghị',
    ]);
  });

  it('keeps every paragraph in the body and none of the other lines', () => {
    const paragraphs = a.body.split('\n\n');
    expect(paragraphs).toHaveLength(6);
    for (const line of [lines[0], lines[1], lines[2], ...a.captions, 'An Nhiên', lines.at(-1)]) {
      expect(paragraphs).not.toContain(line);
    }
    expect(a.body).not.toContain('Từ khóa');
    expect(paragraphs.at(-1)).toContain('Để chuẩn bị cho Việt Nam tiếp nhận cương vị Chủ tịch ASEAN 2020');
  });
});

describe('parsing the VOV seed (no title line, URL last, year-less date)', () => {
  const a = parseSeed('003_7e95508e90133d9c.txt');
  const lines = readSeed('003_7e95508e90133d9c.txt').toString('utf8').trim().split('\n');

  it('recovers the title from the URL slug with diacritics restored', () => {
    expect(a.title).toBe('Khai mạc hội nghị hẹp Bộ trưởng Ngoại giao ASEAN AMMR');
  });

  it('reads URL, publisher, category from the URL section and the day from the text', () => {
    expect(a.url).toBe(lines.at(-1));
    expect(a.publisher).toMatch(/^VOV(\.VN)?$/);
    expect(a.category).toEqual(['Chính trị']);
    expect(a.publishedAt).toBe('2020-01-17');
    expect(a.authors).toEqual([]);
  });

  it('takes the first line as the lede and the two caption lines as captions', () => {
    expect(a.lede).toBe(lines[0]);
    expect(a.captions).toEqual([
      'Các đại biểu chụp ảnh lưu niệm tại Hội nghị hẹp Bộ trưởng Ngoại giao ASEAN.',
      'Phó Thủ tướng, Bộ trưởng Ngoại giao Phạm Bình Minh.',
    ]);
    expect(a.body).not.toContain('Theo VOV.VN');
    expect(a.body).not.toContain('https://');
  });
});
