import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../shared/parse/index';

function parsed(text: string, fileName: string) {
  const outcome = parseArticle({ bytes: Buffer.from(text), fileName });
  if (!outcome.ok) throw new Error(`${outcome.rejection.code}: ${outcome.rejection.message}`);
  return outcome.article;
}

const BODY =
  'Sáng nay, tại Hà Nội, Bộ Y tế đã tổ chức hội nghị tổng kết công tác phòng chống dịch năm 2024 với sự tham dự của đại diện các tỉnh thành trên cả nước.';

describe('HTML pages', () => {
  const page = `<!doctype html><html lang="vi"><head>
<title>Tiêu đề trang | Báo X</title>
<meta property="og:title" content="Bộ Y tế tổng kết công tác phòng chống dịch">
<meta property="og:description" content="Bộ Y tế tổng kết năm 2024.">
<meta property="og:url" content="https://baox.vn/suc-khoe/bo-y-te-tong-ket-123456.html">
<meta property="og:site_name" content="Báo X">
<meta name="keywords" content="Bộ Y tế, phòng chống dịch, tổng kết">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Bộ Y tế tổng kết công tác phòng chống dịch","datePublished":"2024-12-20T08:30:00+07:00","author":[{"@type":"Person","name":"Minh Anh"}]}</script>
<script type="application/ld+json">{"@type":"BreadcrumbList","itemListElement":[{"name":"Trang chủ"},{"name":"Sức khỏe"},{"name":"Y tế"}]}</script>
</head><body>
<nav class="menu"><a>Thời sự</a><a>Thế giới</a></nav>
<div class="ads banner">Quảng cáo</div>
<article><h1>Bộ Y tế tổng kết công tác phòng chống dịch</h1>
<p>${BODY}</p>
<figure><img src="a.jpg"><figcaption>Toàn cảnh hội nghị</figcaption></figure>
<p>Bộ trưởng phát biểu chỉ đạo tại hội nghị.</p>
<div class="related"><a>Tin liên quan: bài khác</a></div>
</article><footer>Bản quyền</footer></body></html>`;
  const a = parsed(page, 'page.html');

  it('reads metadata from OpenGraph and JSON-LD', () => {
    expect(a.format).toBe('html');
    expect(a.title).toBe('Bộ Y tế tổng kết công tác phòng chống dịch');
    expect(a.publishedAt).toBe('2024-12-20T08:30:00+07:00');
    expect(a.authors).toEqual(['Minh Anh']);
    expect(a.publisher).toBe('Báo X');
    expect(a.url).toBe('https://baox.vn/suc-khoe/bo-y-te-tong-ket-123456.html');
    expect(a.category).toEqual(['Sức khỏe', 'Y tế']);
    expect(a.keywords).toEqual(['Bộ Y tế', 'phòng chống dịch', 'tổng kết']);
    expect(a.declaredLanguage).toBe('vi');
  });

  it('extracts the main text without navigation, ads or related links, with captions apart', () => {
    expect(a.body).toBe(`${BODY}\n\nBộ trưởng phát biểu chỉ đạo tại hội nghị.`);
    expect(a.captions).toEqual(['Toàn cảnh hội nghị']);
  });

  it('survives broken markup', () => {
    const broken = parsed(
      `<html><body><div><p>${BODY}<p>Đoạn hai chưa đóng thẻ <b>đậm</div></span>`,
      'b.html',
    );
    expect(broken.body).toContain(BODY);
    expect(broken.body).toContain('Đoạn hai chưa đóng thẻ đậm');
  });

  it('converts a UTC publish time to Vietnam time', () => {
    const h = parsed(
      `<html><head><meta property="article:published_time" content="2024-12-20T01:30:00Z"></head><body><p>${BODY}</p></body></html>`,
      'c.html',
    );
    expect(h.publishedAt).toBe('2024-12-20T08:30:00+07:00');
  });
});

describe('Markdown and JSON', () => {
  it('reads Markdown with front matter', () => {
    const md = `---\ntitle: Tiêu đề bài viết\ndate: 2024-03-05 09:15\nauthor: Lan Hương\ntags: [giáo dục, tuyển sinh]\ncategory: Giáo dục\n---\n\n# Bỏ qua tiêu đề này\n\n${BODY}\n\n![Học sinh dự thi](a.jpg)\n\nĐoạn thứ **hai** có [liên kết](https://x.vn).\n`;
    const a = parsed(md, 'a.md');
    expect(a.format).toBe('markdown');
    expect(a.title).toBe('Tiêu đề bài viết');
    expect(a.publishedAt).toBe('2024-03-05T09:15:00+07:00');
    expect(a.authors).toEqual(['Lan Hương']);
    expect(a.keywords).toEqual(['giáo dục', 'tuyển sinh']);
    expect(a.category).toEqual(['Giáo dục']);
    expect(a.captions).toEqual(['Học sinh dự thi']);
    expect(a.body).toBe(`${BODY}\n\nĐoạn thứ hai có liên kết.`);
  });

  it('keeps an asterisk inside a word as text and reads a backslash escape as its character (CommonMark)', () => {
    const md = `---\ntitle: Lỗ đen\n---\n\n${BODY}\n\nLỗ đen Sagittarius A*, ở tâm *Ngân Hà*, nặng gấp bốn triệu lần Mặt Trời; tên_tệp và 5\\*3.\n`;
    expect(parsed(md, 's.md').body).toBe(
      `${BODY}\n\nLỗ đen Sagittarius A*, ở tâm Ngân Hà, nặng gấp bốn triệu lần Mặt Trời; tên_tệp và 5*3.`,
    );
  });

  it('keeps a day-only front-matter date as that day (not UTC midnight) and survives broken front matter', () => {
    const dayOnly = parsed(`---\ntitle: Một ngày\ndate: 2024-03-05\n---\n\n${BODY}\n`, 'd.md');
    expect(dayOnly.publishedAt).toBe('2024-03-05');
    const broken = parsed(`---\ntitle: [unclosed\n---\n\n${BODY}\n`, 'b.md');
    expect(broken.body).toBe(BODY);
  });

  it('reads a ninjs document', () => {
    const ninjs = {
      uri: 'urn:x:1',
      type: 'text',
      language: 'vi',
      headlines: [{ role: 'main', value: 'Tiêu đề ninjs' }],
      bodies: [{ role: 'main', contenttype: 'text/html', value: `<p>${BODY}</p><p>Đoạn hai.</p>` }],
      firstcreated: '2024-01-02T03:04:05Z',
      by: 'Thu Trang',
      subjects: [{ name: 'bầu cử', rel: 'keyword' }],
    };
    const a = parsed(JSON.stringify(ninjs), 'n.json');
    expect(a.title).toBe('Tiêu đề ninjs');
    expect(a.body).toBe(`${BODY}\n\nĐoạn hai.`);
    expect(a.publishedAt).toBe('2024-01-02T10:04:05+07:00');
    expect(a.authors).toEqual(['Thu Trang']);
    expect(a.keywords).toEqual(['bầu cử']);
  });

  it("takes a ninjs document's plain subjects as keywords, but not its vocabulary concepts or categories", () => {
    const ninjs = {
      uri: 'urn:x:2',
      type: 'text',
      headlines: [{ role: 'main', value: 'Tiêu đề ninjs' }],
      bodies: [{ role: 'main', contenttype: 'text/plain', value: BODY }],
      subjects: [
        { name: 'tuyển sinh' },
        { name: 'education', rel: 'about', uri: 'http://cv.iptc.org/newscodes/mediatopic/05000000' },
        { name: 'Giáo dục', rel: 'category' },
        { name: 'điểm chuẩn', rel: 'keyword' },
      ],
    };
    expect(parsed(JSON.stringify(ninjs), 'n2.json').keywords).toEqual(['tuyển sinh', 'điểm chuẩn']);
  });

  it('reads a Hugo page: a figure shortcode is a caption, not text, and a site path is no URL', () => {
    const md = `---\ntitle: Tin Hugo\ndate: 2026-12-04T09:10:00+07:00\ndraft: false\nurl: /kinh-doanh/tin-hugo/\n---\n\n${BODY}\n\n{{< figure src="/a.jpg" caption="Dây chuyền đóng hộp. Ảnh: Bảo Ngọc" >}}\n\nĐoạn hai.\n`;
    const a = parsed(md, 'h.md');
    expect(a.body).toBe(`${BODY}\n\nĐoạn hai.`);
    expect(a.captions).toEqual(['Dây chuyền đóng hộp.']);
    expect(a.url).toBeNull();
    expect(parsed(`---\ntitle: Tin\ncanonicalURL: https://x.vn/a/\n---\n\n${BODY}\n`, 'c.md').url).toBe(
      'https://x.vn/a/',
    );
  });

  it('reads an Editor.js document and a Strapi entry (text in blocks, relations in envelopes)', () => {
    const editorJs = {
      title: 'Tin Editor.js',
      excerpt: 'Tóm tắt.',
      publishedAt: '2026-12-01T00:05:00.000Z',
      author: { id: 1, name: 'Thu Hà' },
      site_name: 'Cao Nguyên Mới',
      content: {
        time: 1796083500000,
        blocks: [
          { type: 'paragraph', data: { text: BODY } },
          { type: 'image', data: { caption: 'Lớp học buổi tối. Ảnh: Y Kriêng' } },
          { type: 'paragraph', data: { text: 'Đoạn hai.' } },
        ],
      },
    };
    const e = parsed(JSON.stringify(editorJs), 'e.json');
    expect([e.lede, e.body, e.captions, e.publishedAt, e.authors, e.publisher]).toEqual([
      'Tóm tắt.',
      `${BODY}\n\nĐoạn hai.`,
      ['Lớp học buổi tối.'],
      '2026-12-01T07:05:00+07:00',
      ['Thu Hà'],
      'Cao Nguyên Mới',
    ]);
    const strapi = {
      data: {
        id: 9,
        attributes: {
          title: 'Tin Strapi',
          description: 'Tóm tắt.',
          publishedAt: '2026-12-03T15:40:00.000Z',
          canonicalUrl: 'https://x.vn/the-thao/tin-strapi.html',
          blocks: [{ __component: 'shared.rich-text', body: `${BODY}\n\nĐoạn hai.` }],
          author: { data: { id: 3, attributes: { name: 'Minh Trí' } } },
          category: {
            data: {
              id: 2,
              attributes: {
                name: 'Bóng chuyền',
                parent: { data: { id: 1, attributes: { name: 'Thể thao' } } },
              },
            },
          },
          tags: { data: [{ id: 1, attributes: { name: 'bóng chuyền nữ' } }] },
          publisher: { name: 'Thể Thao Phương Nam' },
        },
      },
      meta: {},
    };
    const s = parsed(JSON.stringify(strapi), 's.json');
    expect([s.title, s.body, s.publishedAt, s.authors, s.category, s.keywords, s.publisher, s.url]).toEqual([
      'Tin Strapi',
      `${BODY}\n\nĐoạn hai.`,
      '2026-12-03T22:40:00+07:00',
      ['Minh Trí'],
      ['Thể thao', 'Bóng chuyền'],
      ['bóng chuyền nữ'],
      'Thể Thao Phương Nam',
      'https://x.vn/the-thao/tin-strapi.html',
    ]);
  });

  it('reads a plain {title, body} object with crawler field names', () => {
    const a = parsed(
      JSON.stringify({
        title: 'Tin A',
        published_at: '2026-02-03T13:45:00+07:00',
        url: 'https://www.24h.com.vn/bong-da/tin-a-c48a1.html',
        keywords: ['x', 'y'],
        content: BODY,
      }),
      'j.json',
    );
    expect(a.title).toBe('Tin A');
    expect(a.publishedAt).toBe('2026-02-03T13:45:00+07:00');
    expect(a.category).toEqual(['Bóng đá']);
    expect(a.keywords).toEqual(['x', 'y']);
    expect(a.body).toBe(BODY);
  });

  it("drops a scraped page's saved-article notice and score-prediction promotion from the body", () => {
    const text =
      'Lưu bài viết thành công Bạn có thể xem lại bài viết đã lưu ở trangTin bài đã lưu Alcaraz vô địch. ' +
      'Ở giải này có Harvey Barnes Liverpool - Man City 08.02 Dự đoán tỷ số trận đấu.Cơ hội trúng ngay ' +
      '500.000 đồng!!! (Tin thể thao) Alcaraz nói lời cảm ơn.';
    const a = parsed(JSON.stringify({ title: 'Tin B', content: { text } }), 'k.json');
    expect(a.body).toBe(
      'Alcaraz vô địch. Ở giải này có Harvey Barnes (Tin thể thao) Alcaraz nói lời cảm ơn.',
    );
  });
});
