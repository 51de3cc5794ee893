import { describe, expect, it } from 'vitest';
import { dateFromUrl, parseDateLine } from '../../shared/parse/dates';
import { parseHtml } from '../../shared/parse/html';
import { parseArticle } from '../../shared/parse/index';
import { bylineNames, looksLikeByline } from '../../shared/parse/lines';
import { publisherFromName } from '../../shared/parse/publisher';
import { parseTextLayout } from '../../shared/parse/text';

/** Articles as editors save them from 2026 outlets (data/records r155–r170). */
const P1 =
  'Sáng 4/12, gần 3.800 công nhân một công ty giày ở tỉnh Đồng Nai đã trở lại làm việc sau hai ngày ngừng việc tập thể, khi doanh nghiệp đồng ý tăng lương cơ bản thêm 7% từ tháng 1/2027.';
const P2 =
  'Cuộc đối thoại kéo dài gần năm giờ chiều 3/12 có mặt đại diện công đoàn, ban giám đốc và chính quyền xã, với cam kết tăng tiền chuyên cần và để người lao động tự chọn đăng ký làm thêm.';
const P3 =
  'Chị Nông Thị Duyên, 34 tuổi, làm ở xưởng đế giày 11 năm, cho biết mức tăng chưa như mong muốn nhưng chị chấp nhận vì công ty hứa xem xét lại lương vào giữa năm sau.';

describe('a text file saved with an update line and a byline at the top', () => {
  const text = [
    'Xã hội',
    'Công nhân trở lại làm việc sau thỏa thuận tăng lương',
    'Cập nhật: 04/12/2026 16:20',
    'Hoài An - Đức Trọng',
    `(HanoiTV) - ${P1}`,
    '',
    P2,
    '',
    'Xem thêm: Đồng Nai: hơn 40 doanh nghiệp công bố thưởng Tết 2027',
    '',
    P3,
  ].join('\n');

  it('reads `Cập nhật:` as the date line', () => {
    expect(parseDateLine('Cập nhật: 04/12/2026 16:20')?.value).toBe('2026-12-04T16:20:00+07:00');
    const a = parseTextLayout(text);
    expect(a.title).toBe('Công nhân trở lại làm việc sau thỏa thuận tăng lương');
    expect(a.category).toEqual(['Xã hội']);
    expect(a.publishedAt).toBe('2026-12-04T16:20:00+07:00');
  });

  it('takes the byline under the date line for the authors, not a caption', () => {
    const a = parseTextLayout(text);
    expect(a.authors).toEqual(['Hoài An', 'Đức Trọng']);
    expect(a.captions).toEqual([]);
    expect(a.lede).toBe(P1);
  });

  it('leaves a `Xem thêm:` pointer and a related list out of the body', () => {
    expect(parseTextLayout(text).body.split('\n\n')).toEqual([P1, P2, P3]);
    const listed = [
      'Cô gái khiếm thị mở lớp dạy đàn tranh',
      '03/12/2026 20:10',
      `(HanoiTV) - ${P1}`,
      'Tin liên quan:',
      '- Huế: 200 người khuyết tật được hỗ trợ học nghề',
      '- Nghệ nhân đàn tranh truyền nghề cho thế hệ trẻ',
      P2,
    ].join('\n');
    expect(parseTextLayout(listed).body.split('\n\n')).toEqual([P1, P2]);
  });
});

describe('a byline signed with an agency', () => {
  it.each([
    ['Thanh Liêm/TTXVN', ['Thanh Liêm']],
    ['Quang Sơn/VOV-Tây Bắc', ['Quang Sơn']],
    ['Minh Thu (TTXVN/Vietnam+)', ['Minh Thu']],
    ['Hoàng Hà (TTXVN)', ['Hoàng Hà']],
  ])('%j names the reporter only', (line, names) => {
    expect(looksLikeByline(line)).toBe(true);
    expect(bylineNames(line)).toEqual(names);
  });

  it('closes a text file as a byline, out of the body', () => {
    const a = parseTextLayout(
      [
        'Tiêu đề bài',
        '04/12/2026 07:15 GMT+7',
        `Cần Thơ (TTXVN) - ${P1}`,
        '',
        P2,
        '',
        'Thanh Liêm/TTXVN',
      ].join('\n'),
    );
    expect(a.authors).toEqual(['Thanh Liêm']);
    expect(a.publisher).toBe('TTXVN');
    expect(a.body.split('\n\n')).toEqual([P1, P2]);
  });
});

describe('names of the Central Highlands in a byline in capitals', () => {
  it("reads `H'YÊN NIÊ` as `H'Yên Niê`, each signer apart", () => {
    expect(looksLikeByline("ĐÌNH THỤC và H'YÊN NIÊ")).toBe(true);
    expect(bylineNames("ĐÌNH THỤC và H'YÊN NIÊ")).toEqual(['Đình Thục', "H'Yên Niê"]);
  });

  it('reads them from a page’s author element', () => {
    const a = parseHtml(
      `<html><head><meta property="og:title" content="Tiêu đề"></head><body><article><h1>Tiêu đề</h1>
      <div class="article__body"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div>
      <div class="article__author"><span class="name">ĐÌNH THỤC</span> và <span class="name">H'YÊN NIÊ</span></div></article></body></html>`,
    );
    expect(a.authors).toEqual(['Đình Thục', "H'Yên Niê"]);
  });
});

describe("a page's byline block of two paragraphs and its site named by a domain", () => {
  const a = parseHtml(
    `<html><head><meta property="og:site_name" content="VOV.VN"><meta property="og:title" content="Tiêu đề"></head><body>
    <article id="article_body"><h1>Tiêu đề</h1><p>${P1}</p><p>${P2}</p><p>${P3}</p>
    <div class="nguontin"><p style="text-align:right"><strong>Ngân Hà</strong></p><p>Nguồn: [Link nguồn]</p></div>
    </article></body></html>`,
  );

  it('reads each paragraph of the byline apart, and no author from its source credit', () => {
    expect(a.authors).toEqual(['Ngân Hà']);
  });

  it('names the site as its URL would (`VOV.VN` → `VOV`)', () => {
    expect(a.publisher).toBe('VOV');
  });
});

describe('a date stamped in the URL', () => {
  it('gives the time when the stamp runs to the second, else the day', () => {
    expect(dateFromUrl('https://dantri.com.vn/du-lich/cung-duong-20261203171544810.htm')?.value).toBe(
      '2026-12-03T17:15:00+07:00',
    );
    expect(dateFromUrl('https://example.vn/bai-viet-20261203.htm')?.value).toBe('2026-12-03');
  });
});

describe('date lines as outlets print them', () => {
  it.each([
    ['Đăng lúc 16:20, 04/12/2026', '2026-12-04T16:20:00+07:00'],
    ['T6, 04/12/2026 - 16:20', '2026-12-04T16:20:00+07:00'],
    ['CN, 06/12/2026 09:05', '2026-12-06T09:05:00+07:00'],
    ['Thứ Sáu, ngày 4 tháng 12 năm 2026', '2026-12-04'],
    ['Xuất bản: 4 tháng 12, 2026 16:20', '2026-12-04T16:20:00+07:00'],
  ])('%j', (line, value) => {
    expect(parseDateLine(line)?.value).toBe(value);
  });

  it('takes no sentence for a date line', () => {
    expect(parseDateLine('Ngày 4 tháng 12 năm 2026 mưa lớn')).toBeNull();
  });
});

describe('bylines with what the signer did or the paper beside the name', () => {
  it.each([
    ['Bài: Hoài An - Ảnh: Đức Trọng', ['Hoài An', 'Đức Trọng']],
    ['Hoài An (Báo Lao Động)', ['Hoài An']],
    ['Hoài An/Báo Tin tức', ['Hoài An']],
    ['Hà Vy - VNA', ['Hà Vy']],
    ['Hải Yến (thực hiện)', ['Hải Yến']],
    ['Minh Anh (tổng hợp)', ['Minh Anh']],
    ['Minh Anh (Theo Reuters)', ['Minh Anh']],
  ])('%j', (line, names) => {
    expect(looksLikeByline(line)).toBe(true);
    expect(bylineNames(line)).toEqual(names);
  });

  it('reads a closing `Theo A (Paper)` credit as the reporter and the paper', () => {
    const a = parseTextLayout(
      ['Tiêu đề bài', '04/12/2026 07:15', P1, '', P2, '', 'Theo Hà My (Khám Phá)'].join('\n'),
    );
    expect(a.authors).toEqual(['Hà My']);
    expect(a.publisher).toBe('Khám Phá');
    expect(a.body.split('\n\n')).toEqual([P1, P2]);
  });
});

describe('a page whose shown date is named by its role or a short class', () => {
  const page = (date: string) =>
    `<html><head><meta property="og:title" content="Tiêu đề"></head><body><div class="left_cate"><h1 class="title">Tiêu đề</h1>${date}
    <div class="detail-content"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div></div></body></html>`;

  it.each([
    '<span data-role="publishdate">04-12-2026 - 09:15 AM</span>',
    '<span class="pdate">04-12-2026 - 09:15 AM</span>',
  ])('%s', (date) => {
    expect(parseHtml(page(date)).publishedAt).toBe('2026-12-04T09:15:00+07:00');
  });
});

describe('text saves: a trail from the home page, related keywords, datelines in capitals', () => {
  const T = 'Công nhân trở lại làm việc sau thỏa thuận tăng lương';
  const read = (first: string, opening = 'Trang chủ / Xã hội / Lao động', last = 'Từ khóa: tăng lương') =>
    parseTextLayout(
      [opening, T, '04/12/2026 16:20', first, '', P2, '', P3, '', 'Hoài An', '', last].join('\n'),
    );

  it('leaves `Trang chủ` out of the category', () => {
    expect(read(P1).category).toEqual(['Xã hội', 'Lao động']);
  });

  it('reads `Từ khóa liên quan:` as the keyword line', () => {
    const a = read(P1, 'Xã hội', 'Từ khóa liên quan: ngừng việc, tăng lương');
    expect(a.keywords).toEqual(['ngừng việc', 'tăng lương']);
    expect(a.authors).toEqual(['Hoài An']);
  });

  it.each([
    ['TPO - ', 'TPO'],
    ['VOV.VN - ', 'VOV'],
    ['ĐỒNG NAI - ', null],
  ])('takes the dateline %j out of the lede (publisher %j)', (dateline, publisher) => {
    const a = read(`${dateline}${P1}`, 'Xã hội');
    expect(a.lede).toBe(P1);
    expect(a.publisher).toBe(publisher);
  });

  it('keeps a capitalised line with a dash above the lede as the title', () => {
    const a = parseTextLayout(
      ['VIDEO - Công nhân trở lại làm việc', '04/12/2026 16:20', P1, '', P2].join('\n'),
    );
    expect(a.title).toBe('VIDEO - Công nhân trở lại làm việc');
  });
});

describe('page furniture a text save copies', () => {
  const T = 'Công nhân trở lại làm việc sau thỏa thuận tăng lương';
  it.each([
    'Chia sẻ',
    'Nghe bài viết',
    'Bình luận (0)',
    '0:00 / 3:25',
    'Theo dõi Báo Mẫu trên Google News',
    'Facebook',
  ])('%j leaves the text wherever it stands, and the parts around it are read', (junk) => {
    for (const lines of [
      ['Xã hội', T, '04/12/2026 16:20', junk, `(HanoiTV) - ${P1}`, '', P2, '', P3, '', 'Hoài An'],
      ['Xã hội', T, '04/12/2026 16:20', `(HanoiTV) - ${P1}`, '', junk, '', P2, '', P3, '', 'Hoài An'],
      ['Xã hội', T, '04/12/2026 16:20', `(HanoiTV) - ${P1}`, '', P2, '', P3, '', 'Hoài An', '', junk],
    ]) {
      const a = parseTextLayout(lines.join('\n'));
      expect(a.body.split('\n\n')).toEqual([P1, P2, P3]);
      expect(a.captions).toEqual([]);
      expect(a.authors).toEqual(['Hoài An']);
      expect(a.publisher).toBe('HanoiTV');
    }
  });
});

describe('text saves of 2026 reposts: a credit line under a caption, an agency and its outlet (r171–r186)', () => {
  const long = (what: string) =>
    `${what}, hai anh em sinh đôi thất lạc từ năm 1985 vừa gặp lại nhau tại quê nhà sau khi một trung tâm giám định đối chiếu kết quả ADN của hai người, khép lại hơn bốn mươi năm cha mẹ đi tìm con khắp các tỉnh.`;
  const text = [
    'Đời sống',
    'Hai anh em sinh đôi thất lạc 41 năm đoàn tụ',
    'Thứ Bảy, 05/12/2026 08:00',
    long('Trưa 4/12'),
    '',
    'Anh Lê Văn Phúc (phải) và em trai trong ngày đoàn tụ.',
    'Ảnh: Hồ Cầu/TTXVN',
    '',
    long('Cả thôn kéo đến chung vui khi'),
    '',
    long('Cuối tuần này'),
    '',
    'Theo TTXVN/Vietnam+',
  ].join('\n');

  it('joins a credit on its own line to the caption above it: the caption once, the credit set apart', () => {
    const out = parseArticle({ bytes: Buffer.from(text), fileName: 'r.txt' });
    if (!out.ok) throw new Error(out.rejection.message);
    expect(out.article.captions).toEqual(['Anh Lê Văn Phúc (phải) và em trai trong ngày đoàn tụ.']);
    expect(out.article.photoCredits).toEqual(['Ảnh: Hồ Cầu/TTXVN']);
    expect(out.article.body.split('\n\n')).toHaveLength(3);
  });

  it('names the agency of a closing `Theo TTXVN/Vietnam+` as the publisher', () => {
    expect(parseTextLayout(text).publisher).toBe('TTXVN');
    expect(publisherFromName('TTXVN/Vietnam+')).toBe('TTXVN');
    expect(publisherFromName('Báo Người Lao Động')).toBe('Báo Người Lao Động');
    expect(publisherFromName('VTV.vn')).toBe('VTV');
  });
});
