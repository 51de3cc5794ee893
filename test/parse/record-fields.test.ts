import { describe, expect, it } from 'vitest';
import { dayWithoutYear } from '../../shared/parse/dates';
import { parseHtml } from '../../shared/parse/html';
import { bylineNames, looksLikeByline } from '../../shared/parse/lines';
import { parseTextLayout } from '../../shared/parse/text';

const PARAGRAPH =
  'Theo kế hoạch, thành phố sẽ mở thêm 14 tuyến xe buýt điện, nối trung tâm với các phường ven biển và khu công nghiệp phía tây, mỗi tuyến có tần suất 10 đến 15 phút một chuyến.';

describe('a byline of several signers', () => {
  it.each([
    ['Minh Đức - Thu Hà', ['Minh Đức', 'Thu Hà']],
    ['Hoàng Hà, Lan Anh', ['Hoàng Hà', 'Lan Anh']],
    ['Minh Đức và Thu Hà', ['Minh Đức', 'Thu Hà']],
    ['Phan Lâm - Phạm Ngọc Triển - Đức Văn', ['Phan Lâm', 'Phạm Ngọc Triển', 'Đức Văn']],
  ])('%j is a byline of %j', (line, names) => {
    expect(looksLikeByline(line)).toBe(true);
    expect(bylineNames(line)).toEqual(names);
  });

  it.each([
    'Theo kế hoạch - dự kiến',
    'Minh - Thu', // one-word names: a list, not signers
    'Hà Nội - 2026',
    'An - Bình - Cường - Dũng Hà',
  ])('%j is not', (line) => {
    expect(looksLikeByline(line)).toBe(false);
  });

  it('is taken from the end of a text file into authors', () => {
    const a = parseTextLayout(`Tiêu đề bài viết mẫu\n\n${PARAGRAPH}\n\n${PARAGRAPH}\n\nMinh Đức - Thu Hà\n`);
    expect(a.authors).toEqual(['Minh Đức', 'Thu Hà']);
    expect(a.body).not.toContain('Thu Hà');
  });
});

describe('a day written without its year', () => {
  it('takes the year the text names most often', () => {
    expect(dayWithoutYear('Sáng 21/5, tòa tuyên án. Năm 2026 … năm 2026 … từ năm 2024.')?.value).toBe(
      '2026-05-21',
    );
  });

  it('stays unknown when two years are named equally often', () => {
    expect(
      dayWithoutYear('Chiều 21/5, tòa tuyên án. Từ năm 2024 đến năm 2025, nhóm này buôn lậu.'),
    ).toBeNull();
  });
});

describe('a web page without date or keyword metadata', () => {
  const page = (meta: string) => `<html><head>${meta}</head><body>
    <article><h1>Tiêu đề</h1><div class="detail-meta"><span class="date">Thứ Năm, 3/12/2026 - 08:15</span>
    <span class="time-ago">5 phút trước</span></div>
    <div class="content"><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></div>
    <div class="tags"><span>Từ khóa:</span><a href="/tag/1">xe buýt điện</a><a href="/tag/2">Đà Nẵng</a></div>
    </article></body></html>`;

  it('reads the date the page shows and its tag links', () => {
    const a = parseHtml(page(''));
    expect(a.publishedAt).toBe('2026-12-03T08:15:00+07:00');
    expect(a.keywords).toEqual(['xe buýt điện', 'Đà Nẵng']);
  });

  it('prefers the metadata when there is some', () => {
    const a = parseHtml(
      page(
        '<meta property="article:published_time" content="2026-12-02T10:00:00+07:00"><meta name="keywords" content="giao thông">',
      ),
    );
    expect(a.publishedAt).toBe('2026-12-02T10:00:00+07:00');
    expect(a.keywords).toEqual(['giao thông']);
  });
});
