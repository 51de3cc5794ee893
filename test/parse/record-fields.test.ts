import { describe, expect, it } from 'vitest';
import { dayWithoutYear, parseIsoLike } from '../../shared/parse/dates';
import { parseHtml } from '../../shared/parse/html';
import { parseArticle } from '../../shared/parse/index';
import { epochDate, parseJson } from '../../shared/parse/json';
import { bylineNames, looksLikeByline } from '../../shared/parse/lines';
import { parseMarkdown } from '../../shared/parse/markdown';
import { captionWithoutCredit } from '../../shared/parse/photo-credit';
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

  it.each(['Nhóm PV', 'PV', 'Nhóm phóng viên'])('%j closing a text file is a byline of no one', (line) => {
    const a = parseTextLayout(
      `Tiêu đề bài viết mẫu\n\n${PARAGRAPH}\n\n${PARAGRAPH}\n\n${line}\n\nTừ khóa: xe buýt`,
    );
    expect(a.authors).toEqual([]);
    expect(a.body.endsWith(PARAGRAPH)).toBe(true);
    expect(a.keywords).toEqual(['xe buýt']);
  });

  it.each([
    ['Nhóm PV', []],
    ['Theo TTXVN', []],
    ['Bài và ảnh: Khánh An', ['Khánh An']],
    ['Minh Anh (TTXVN)', ['Minh Anh']],
    ['HOÀNG LAN - MINH THƯ', ['Hoàng Lan', 'Minh Thư']],
  ])("a web page's byline %j names %j", (line, names) => {
    const page = `<html><body><h1>Tiêu đề</h1><article class="fck_detail"><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p>
      <p class="author_mail"><strong>${line}</strong></p></article></body></html>`;
    const a = parseHtml(page);
    expect(a.authors).toEqual(names);
    expect(a.body).not.toContain(line);
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

describe("a page's date line inside its article block", () => {
  it('is the date, not a paragraph of the body', () => {
    const a = parseHtml(`<html><body><div class="noidung"><h1 class="title_detail">Tiêu đề</h1>
      <div class="infodetail"><p class="time">Thứ năm, ngày 03/12/2026 20:15 GMT+7</p></div>
      <div id="entry-body"><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></div></div></body></html>`);
    expect(a.publishedAt).toBe('2026-12-03T20:15:00+07:00');
    expect(a.body).toBe(`${PARAGRAPH}\n\n${PARAGRAPH}`);
  });
});

describe('a day written without its year, read at a known time', () => {
  const readAt = new Date('2026-12-04T03:00:00Z');

  it("never takes a later year than the reading's: a plan's years are not the article's", () => {
    const text =
      'Ngày 28/11, tỉnh lấy ý kiến về quy hoạch đến năm 2045, tầm nhìn đến năm 2065. Dân số năm 2045 …';
    expect(dayWithoutYear(text)?.value).toBe('2045-11-28');
    expect(dayWithoutYear(text, readAt)).toBeNull();
  });

  it('takes the present year beside a coming one', () => {
    const text = 'Ngày 3/12, mức thưởng Tết Nguyên đán năm 2027 dự kiến tăng nhẹ so với năm 2026.';
    expect(dayWithoutYear(text)).toBeNull();
    expect(dayWithoutYear(text, readAt)?.value).toBe('2026-12-03');
  });

  it('is used by a text file parsed at a known time', () => {
    const body = `Sáng 2/12, tỉnh phát động trồng rừng, mở đầu kế hoạch đến năm 2028.\n\n${PARAGRAPH}`;
    const outcome = parseArticle({ bytes: new TextEncoder().encode(body), fileName: 'a.txt' }, { readAt });
    expect(outcome.ok && outcome.article.publishedAt).toBeNull();
  });
});

describe('a CMS export in JSON', () => {
  const cms = {
    id: 4411,
    headline: 'Tiêu đề bài viết từ hệ thống quản trị nội dung',
    sapo: 'Phần tóm tắt của bài viết.',
    content_html: `<p>${PARAGRAPH}</p><figure><img src="a.jpg"><figcaption>Xe buýt điện ở bến cuối</figcaption></figure><p>${PARAGRAPH}</p>`,
    publish_date: 1796196000,
    category: { id: 7, name: 'Viễn thông', parent: { id: 2, name: 'Công nghệ' } },
    tags: [
      { id: 1, name: 'xe buýt điện' },
      { id: 2, name: 'Đà Nẵng' },
    ],
    authors: [{ id: 3, name: 'Quang Huy' }],
    canonical_url: 'https://example.vn/cong-nghe/tieu-de-4411.html',
    site_name: 'Số Hóa Hôm Nay',
  };

  it('reads its field names, epoch-second date, category with parent and objects', () => {
    const a = parseJson(JSON.stringify(cms));
    if (!a.ok) throw new Error(a.message);
    expect(a.fields.title).toBe(cms.headline);
    expect(a.fields.lede).toBe(cms.sapo);
    expect(a.fields.body).toBe(`${PARAGRAPH}\n\n${PARAGRAPH}`);
    expect(a.fields.captions).toEqual(['Xe buýt điện ở bến cuối']);
    expect(a.fields.publishedAt).toBe('2026-12-02T14:20:00+07:00');
    expect(a.fields.category).toEqual(['Công nghệ', 'Viễn thông']);
    expect(a.fields.keywords).toEqual(['xe buýt điện', 'Đà Nẵng']);
    expect(a.fields.authors).toEqual(['Quang Huy']);
    expect(a.fields.url).toBe(cms.canonical_url);
    expect(a.fields.publisher).toBe('Số Hóa Hôm Nay');
  });

  it('takes no paragraph of an HTML body for a caption by its looks (its markup says what each is)', () => {
    const short = 'Ông Vũ Minh Đạo cho biết tuyến chạy 15 phút một chuyến.';
    const a = parseJson(
      JSON.stringify({
        ...cms,
        content_html: `<p>${PARAGRAPH} ${PARAGRAPH}</p><p>${short}</p><p>${PARAGRAPH} ${PARAGRAPH}</p>`,
      }),
    );
    if (!a.ok) throw new Error(a.message);
    expect(a.fields.captions).toEqual([]);
    expect(a.fields.body.split('\n\n')[1]).toBe(short);
    // The same lines as plain text: the short sentence between long paragraphs reads as a caption.
    const plain = parseJson(
      JSON.stringify({
        title: 'Tiêu đề',
        content: [`${PARAGRAPH} ${PARAGRAPH}`, short, `${PARAGRAPH} ${PARAGRAPH}`].join('\n'),
      }),
    );
    expect(plain.ok && plain.fields.captions).toEqual([short]);
  });

  it('reads epoch milliseconds, and no date from a number that is none', () => {
    expect(epochDate(1796196000000)?.value).toBe('2026-12-02T14:20:00+07:00');
    expect(epochDate('1796196000')?.value).toBe('2026-12-02T14:20:00+07:00');
    expect(epochDate(2026)).toBeNull();
  });
});

describe('short lines that are no captions', () => {
  const LONG = `${PARAGRAPH} ${PARAGRAPH}`;

  it('keeps interview questions and turns in the body', () => {
    const a = parseTextLayout(
      `Tiêu đề bài phỏng vấn\n\n${LONG}\n\nPV: Ý tưởng đến từ đâu?\n\n${LONG}\n\nPV: Xin cảm ơn anh.\n\n${LONG}\n`,
    );
    expect(a.captions).toEqual([]);
    expect(a.body).toContain('PV: Ý tưởng đến từ đâu?');
    expect(a.body).toContain('PV: Xin cảm ơn anh.');
  });

  it('still reads a short line between paragraphs as a caption', () => {
    const a = parseTextLayout(`Tiêu đề bài viết\n\n${LONG}\n\nXe buýt điện ở bến cuối\n\n${LONG}\n`);
    expect(a.captions).toEqual(['Xe buýt điện ở bến cuối']);
  });

  it('reads a Markdown file whose lines end with a lone CR as with LF', () => {
    const md = `---\ntitle: Tiêu đề\nauthor: Ngọc Lan\n---\n\n${LONG}\n\n## Phần hai\n\n${LONG}\n`;
    expect(parseMarkdown(md.replace(/\n/g, '\r'))).toEqual(parseMarkdown(md));
    expect(parseMarkdown(md).authors).toEqual(['Ngọc Lan']);
  });

  it('keeps Markdown subheadings in the body', () => {
    const a = parseMarkdown(`# Năm món ăn\n\n## 1. Bánh đa cua\n\n${LONG}\n\n## 2. Nem cua bể\n\n${LONG}\n`);
    expect(a.captions).toEqual([]);
    expect(a.body.split('\n\n')).toEqual(['1. Bánh đa cua', LONG, '2. Nem cua bể', LONG]);
  });
});

describe('a caption closed by a photo credit', () => {
  it.each([
    ['Xe buýt ở bến cuối hôm 1/11. Ảnh: Hải Đăng', 'Xe buýt ở bến cuối hôm 1/11.'],
    ['Bác sĩ khám cho bệnh nhi - Ảnh: T.H.', 'Bác sĩ khám cho bệnh nhi'],
    ['Máy gặt trên cánh đồng (Ảnh: Ngọc Tài).', 'Máy gặt trên cánh đồng.'],
    ['Học sinh tập bơi - ẢNH: THANH HÀ', 'Học sinh tập bơi'],
    // Who gave the picture closes the credit.
    ['Ê-kíp theo dõi van tim trên màn hình (Ảnh: BV cung cấp)', 'Ê-kíp theo dõi van tim trên màn hình'],
    ['Cô giáo cùng học trò năm 1990. Ảnh: Nhân vật cung cấp', 'Cô giáo cùng học trò năm 1990.'],
    // After a finished sentence, a body's name with lower-case words.
    ['Ếch cây dài khoảng 6 cm. Ảnh: Viện Sinh thái Núi cao Tây Bắc', 'Ếch cây dài khoảng 6 cm.'],
  ])('%j reads %j', (caption, want) => {
    expect(captionWithoutCredit(caption)).toBe(want);
  });

  it.each([
    'Ảnh: Minh Khôi',
    'Ảnh chụp màn hình: tin nhắn gửi cho nạn nhân',
    'Ảnh: cả nhà đi chơi xa lắm mới về',
    'Ếch cây dài khoảng 6 cm. Ảnh: chụp bằng bẫy ảnh trong đêm',
    'Xe buýt ở bến cuối - Ảnh: Trung tâm Quản lý giao thông công cộng thành phố',
  ])('%j stays', (caption) => {
    expect(captionWithoutCredit(caption)).toBe(caption);
  });
});

describe("a web page's section and author outside its article text", () => {
  const page = (
    head: string,
    foot = '',
  ) => `<html><head><meta property="og:title" content="Tiêu đề"></head><body>
    <header class="header"><nav class="main-nav"><a href="/a">Thời sự</a><a href="/b">Thế giới</a></nav></header>
    <div class="detail">${head}<h1>Tiêu đề</h1>
    <div class="detail-content"><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></div>${foot}</div>
    <aside class="sidebar"><div class="category-box"><a href="/x">Xem nhiều</a></div></aside></body></html>`;

  it('reads a section element and an author element', () => {
    const a = parseHtml(
      page(
        '<p class="the-article-category"><a class="parent_cate" href="/kd">Kinh doanh</a><a class="cate" href="/vl">Việc làm</a></p>' +
          '<ul class="the-article-meta"><li class="the-article-author"><a class="author" href="/tg">Diệu Linh</a></li></ul>',
      ),
    );
    expect(a.category).toEqual(['Kinh doanh', 'Việc làm']);
    expect(a.authors).toEqual(['Diệu Linh']);
  });

  it('reads two signers, names in capitals, and a bread-crumb named with a dash', () => {
    const a = parseHtml(
      page(
        '<div class="bread-crumb-detail"><ul><li><a href="/ct">Chính trị</a></li></ul></div>' +
          '<div class="author-info"><a class="name">THANH HÀ</a> - <a class="name">MINH PHƯƠNG</a></div>',
      ),
    );
    expect(a.category).toEqual(['Chính trị']);
    expect(a.authors).toEqual(['Thanh Hà', 'Minh Phương']);
  });

  it('names no author from a byline of no one', () => {
    expect(parseHtml(page('<div class="author-name"><b>Nhóm PV</b></div>')).authors).toEqual([]);
  });

  it('takes no menu for a section', () => {
    const menu =
      '<div class="category-menu">' +
      ['A', 'B', 'C', 'D', 'E'].map((x) => `<a href="/${x}">Mục ${x}</a>`).join('') +
      '</div>';
    expect(parseHtml(page(menu)).category).toEqual([]);
  });
});

describe("an article's markup saved without its page", () => {
  const fragment = `<h1 class="title-detail">Hà Nội mở thêm tuyến xe buýt điện</h1>
    <span class="date">Thứ năm, 4/12/2026, 09:15 (GMT+7)</span>
    <p class="description"><span class="location-stamp">Hà Nội</span>Tuyến xe buýt điện số 110 chạy từ sáng 4/12.</p>
    <article class="fck_detail"><p class="Normal">${PARAGRAPH}</p><p class="Normal">${PARAGRAPH}</p>
    <p class="author_mail"><strong>Ngọc Lan</strong></p></article>`;

  it('is read as a page: title, date, the standfirst as lede without its place stamp, body, author', () => {
    const a = parseHtml(fragment);
    expect(a.title).toBe('Hà Nội mở thêm tuyến xe buýt điện');
    expect(a.publishedAt).toBe('2026-12-04T09:15:00+07:00');
    expect(a.lede).toBe('Tuyến xe buýt điện số 110 chạy từ sáng 4/12.');
    expect(a.body).toBe(`${PARAGRAPH}\n\n${PARAGRAPH}`);
    expect(a.authors).toEqual(['Ngọc Lan']);
  });

  it('keeps a description meta tag as the lede when the page has one', () => {
    const a = parseHtml(
      `<html><head><meta name="description" content="Tóm tắt trong thẻ meta."></head><body>${fragment}</body></html>`,
    );
    expect(a.lede).toBe('Tóm tắt trong thẻ meta.');
    expect(a.body.split('\n\n')[0]).toBe('Tuyến xe buýt điện số 110 chạy từ sáng 4/12.');
  });
});

describe('bylines as editors sign them', () => {
  it.each([
    ['QUỐC BẢO - HẢI YẾN', ['Quốc Bảo', 'Hải Yến']],
    ['Duy Khánh (duykhanh@example.vn)', ['Duy Khánh']],
    ['Hữu Phước - huuphuoc@example.vn', ['Hữu Phước']],
    ['Bài, ảnh: Hồ Nam', ['Hồ Nam']],
    ['Bài & ảnh: Lệ Thu', ['Lệ Thu']],
    ['TS. Đoàn Minh Triết', ['Đoàn Minh Triết']],
    ['PGS.TS. Lại Văn Khoa', ['Lại Văn Khoa']],
  ])('%j closing a text file names %j and leaves the body', (line, names) => {
    const a = parseTextLayout(
      `Tiêu đề bài viết mẫu\n\n${PARAGRAPH}\n\n${PARAGRAPH}\n\n${line}\n\nTừ khóa: xe buýt`,
    );
    expect(a.authors).toEqual(names);
    expect(a.body.endsWith(PARAGRAPH)).toBe(true);
  });

  it.each([
    ['Bài, ảnh: Hồ Nam', ['Hồ Nam']],
    ['Ngọc Diệp (ngocdiep@example.vn)', ['Ngọc Diệp']],
  ])("a web page's byline %j names %j", (line, names) => {
    const page = `<html><body><h1>Tiêu đề</h1><article class="fck_detail"><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p>
      <p class="author">${line}</p></article></body></html>`;
    expect(parseHtml(page).authors).toEqual(names);
  });

  it("reads an author box's name without the title before it", () => {
    const page = `<html><body><h1>Tiêu đề</h1><div class="author-box"><a class="author-name">TS. Đoàn Minh Triết</a>
      <p class="author-bio">Chuyên gia kinh tế số</p></div><div class="content"><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></div></body></html>`;
    expect(parseHtml(page).authors).toEqual(['Đoàn Minh Triết']);
  });

  it.each(['HÀ NỘI MÙA THU NĂM ẤY ĐẸP LẮM', 'Bài học kinh nghiệm từ Hà Nội'])('%j is no byline', (line) => {
    expect(looksLikeByline(line)).toBe(false);
  });
});

describe('a web page whose only metadata is JSON-LD', () => {
  const page = (author: string) => `<html><head><script type="application/ld+json">${JSON.stringify({
    '@type': 'NewsArticle',
    headline: 'Tiêu đề',
    datePublished: '2026-12-03T17:45:00+07:00',
    author: JSON.parse(author),
  })}</script></head><body><nav aria-label="Breadcrumb"><ol><li><a href="/">Trang chủ</a></li><li><a href="/pl">Pháp luật</a></li></ol></nav>
    <h1>Tiêu đề</h1><div class="post-body"><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p><p class="byline">Ngọc Diệp</p></div></body></html>`;

  it('reads its Person authors and a breadcrumb named only by its aria-label', () => {
    const a = parseHtml(
      page('[{"@type": "Person", "name": "Vũ Thành Trung"}, {"@type": "Person", "name": "Lan Anh"}]'),
    );
    expect(a.authors).toEqual(['Vũ Thành Trung', 'Lan Anh']);
    expect(a.category).toEqual(['Pháp luật']);
  });

  it('takes no Organization credited as author for a person: the byline shown names the author', () => {
    const a = parseHtml(page('{"@type": "Organization", "name": "Phố Núi Online"}'));
    expect(a.authors).toEqual(['Ngọc Diệp']);
  });
});

describe("an opinion column's furniture", () => {
  it('leaves a standfirst named lead and the closing disclaimer out of the body', () => {
    const lede = 'Người bán nhỏ đang gánh phần thiệt trên các sàn thương mại điện tử.';
    const page = `<html><head><meta name="description" content="${lede}"></head><body><h1>Tiêu đề</h1>
      <p class="lead">${lede}</p><div class="opinion-content"><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></div>
      <p class="disclaimer"><em>Bài viết thể hiện quan điểm riêng của tác giả.</em></p></body></html>`;
    const a = parseHtml(page);
    expect(a.lede).toBe(lede);
    expect(a.body).toBe(`${PARAGRAPH}\n\n${PARAGRAPH}`);
  });
});

describe('Markdown front matter in a site generator’s words', () => {
  it('reads excerpt as the lede and permalink as the URL', () => {
    const a = parseMarkdown(
      `---\ntitle: Tiêu đề\ndate: 04/12/2026 14:30\nauthor: [Khúc Mai, Đào Sơn]\nexcerpt: Tóm tắt bài.\npermalink: https://example.vn/nong-nghiep/bai-viet-4410.html\n---\n\n${PARAGRAPH}\n`,
    );
    expect(a.lede).toBe('Tóm tắt bài.');
    expect(a.url).toBe('https://example.vn/nong-nghiep/bai-viet-4410.html');
    expect(a.publishedAt).toBe('2026-12-04T14:30:00+07:00');
    expect(a.authors).toEqual(['Khúc Mai', 'Đào Sơn']);
  });

  it('takes no site-relative permalink for the URL', () => {
    expect(parseMarkdown(`---\ntitle: Tiêu đề\npermalink: /bai-viet/\n---\n\n${PARAGRAPH}\n`).url).toBeNull();
  });
});

describe('an IPTC ninjs 2.x document', () => {
  const doc = (extra: object) =>
    JSON.stringify({
      uri: 'urn:newsml:example.vn:20261202:bai-1',
      headlines: [{ role: 'main', value: 'Tiêu đề' }],
      bodies: [{ role: 'main', contenttype: 'text/plain', value: `${PARAGRAPH}\n\n${PARAGRAPH}` }],
      firstcreated: '2026-12-02T06:45:00+07:00',
      ...extra,
    });

  it('reads its signers, publisher, category subject and picture captions', () => {
    const r = parseJson(
      doc({
        by: 'Trúc Linh và Gia Huy',
        infosources: [{ name: 'Đồng Bằng Online', role: 'originator' }],
        subjects: [
          { name: 'Môi trường', rel: 'category' },
          { name: 'nước ngọt', rel: 'keyword' },
        ],
        associations: [
          {
            name: 'a1',
            uri: 'urn:a1',
            type: 'picture',
            descriptions: [{ role: 'caption', value: 'Cống ngăn mặn được đóng' }],
          },
          {
            name: 'a2',
            uri: 'urn:a2',
            type: 'text',
            descriptions: [{ role: 'caption', value: 'Bài liên quan' }],
          },
        ],
      }),
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.fields.authors).toEqual(['Trúc Linh', 'Gia Huy']);
    expect(r.fields.publisher).toBe('Đồng Bằng Online');
    expect(r.fields.category).toEqual(['Môi trường']);
    expect(r.fields.keywords).toEqual(['nước ngọt']);
    expect(r.fields.captions).toEqual(['Cống ngăn mặn được đóng']);
    expect(r.fields.url).toBeNull();
  });

  it('reads a 1.x association keyed by role with its description_text', () => {
    const r = parseJson(
      doc({ associations: { featureimage: { type: 'picture', description_text: 'Ảnh chính của bài' } } }),
    );
    expect(r.ok && r.fields.captions).toEqual(['Ảnh chính của bài']);
  });
});

describe('a day written `ngày 2-12` without its year', () => {
  it.each([
    ['Ngày 2-12, thành phố khánh thành cây cầu. Năm 2026 là năm thứ hai của dự án.', '2026-12-02'],
    ['Sáng ngày 2.12, hội nghị khai mạc; năm 2026 đánh dấu mốc mới.', '2026-12-02'],
  ])('%j → %s', (text, day) => {
    expect(dayWithoutYear(text)?.value).toBe(day);
  });

  it('takes no score for a day', () => {
    expect(dayWithoutYear('Đội nhà thắng 3-2 trong trận đấu năm 2026.')).toBeNull();
  });
});

describe('a feed item saved as JSON', () => {
  it('reads its RFC 822 pubDate, its creator without the e-mail, and a closing (Theo Báo …) credit', () => {
    const r = parseJson(
      JSON.stringify({
        title: 'Tiêu đề',
        link: 'https://example.vn/viec-lam/bai-viet-33190.html',
        pubDate: 'Tue, 01 Dec 2026 16:05:00 +0700',
        creator: 'Thu Hằng (thuhang@example.vn)',
        content: `${PARAGRAPH}\n\n${PARAGRAPH}\n\n(Theo Báo Lao Động Thủ Đô)`,
      }),
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.fields.publishedAt).toBe('2026-12-01T16:05:00+07:00');
    expect(r.fields.authors).toEqual(['Thu Hằng']);
    expect(r.fields.publisher).toBe('Báo Lao Động Thủ Đô');
    expect(r.fields.body).toBe(`${PARAGRAPH}\n\n${PARAGRAPH}`);
  });

  it('takes no RFC 822 date without its zone', () => {
    expect(parseIsoLike('Tue, 01 Dec 2026 16:05:00')).toBeNull();
  });
});

describe('a day without its year when two years are named equally often', () => {
  const readAt = new Date('2026-12-04T03:00:00Z');

  it('takes the reading day’s year when it is one of them', () => {
    const text =
      'Hôm qua (1/12), bão đổ bộ. Tỉnh từng bị thiệt hại năm 2021; từ đầu năm 2026 đã xây 40 nhà trú bão.';
    expect(dayWithoutYear(text, readAt)?.value).toBe('2026-12-01');
  });

  it('still says nothing when neither is', () => {
    expect(dayWithoutYear('Sáng 17/1, từ năm 2024 đến năm 2025 dự án chậm tiến độ.', readAt)).toBeNull();
  });
});
