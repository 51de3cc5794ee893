import { describe, expect, it } from 'vitest';
import { breadcrumbText, parseHtml } from '../../shared/parse/html';
import { parseMarkdown, tableRows } from '../../shared/parse/markdown';

const P1 =
  'Kim Phượng Đồng Nai thua hai set đầu trước đối thủ đến từ Thái Lan, đội có chủ công và phụ công chơi rất hiệu quả trên lưới.';
const P2 =
  'Bước ngoặt đến ở set ba khi huấn luyện viên đưa chuyền hai vào sân, những đường chuyền nhanh giúp các chủ công liên tục ghi điểm.';
const P3 =
  'Set quyết định giằng co đến 13-13 trước khi đội chủ nhà chắn bóng thành công hai lần liên tiếp, khép lại trận đấu với tỷ số 15-13.';

const page = (
  inside: string,
  head = '<meta name="description" content="Đội chủ nhà vô địch sau năm set.">',
) =>
  `<html><head><title>Vô địch</title>${head}</head><body><article class="article-content"><h1>Vô địch</h1>${inside}</article></body></html>`;

describe('what sits in an article but is not its prose', () => {
  it('reads a data table (short cells) a row a paragraph, and a layout table of paragraphs as paragraphs', () => {
    const standings =
      '<table><caption>Xếp hạng chung cuộc</caption><tr><th>Hạng</th><th>Đội</th><th>Quốc gia</th></tr><tr><td>1</td><td>Kim Phượng Đồng Nai</td><td>Việt Nam</td></tr><tr><td>2</td><td>Nakhon Thong Stars</td><td>Thái Lan</td></tr></table>';
    expect(parseHtml(page(`<p>${P1}</p>${standings}<p>${P2}</p><p>${P3}</p>`)).body.split('\n\n')).toEqual([
      P1,
      'Xếp hạng chung cuộc',
      'Hạng | Đội | Quốc gia',
      '1 | Kim Phượng Đồng Nai | Việt Nam',
      '2 | Nakhon Thong Stars | Thái Lan',
      P2,
      P3,
    ]);
    const layout = `<table><tr><td><p>${P1}</p></td></tr><tr><td><p>${P2}</p></td></tr></table>`;
    expect(parseHtml(page(`${layout}<p>${P3}</p>`)).body).toBe([P1, P2, P3].join('\n\n'));
  });

  it('leaves out embedded social posts (X, Instagram, TikTok, Facebook)', () => {
    const embeds =
      '<blockquote class="twitter-tweet"><p lang="pt">Campeãs! Obrigada, Biên Hòa</p>&mdash; Mariana (@mari) <a href="#">3 tháng 12, 2026</a></blockquote>' +
      '<blockquote class="instagram-media"><p>Một ngày lắp trạm đo trên núi</p></blockquote>' +
      '<blockquote class="tiktok-embed"><section>Động đất được đo như thế nào?</section></blockquote>' +
      '<div class="fb-post"><blockquote class="fb-xfbml-parse-ignore"><p>Bạn đang nắm giữ cổ phiếu nào?</p></blockquote></div>';
    expect(parseHtml(page(`<p>${P1}</p>${embeds}<p>${P2}</p><p>${P3}</p>`)).body).toBe(
      [P1, P2, P3].join('\n\n'),
    );
  });
});

describe('a print view', () => {
  const print = `<html><head><title>In bài viết</title><link rel="canonical" href="https://duyenhai.vn/thoi-su/bai-a1.html"></head>
<body onload="window.print()"><div class="print-header"><img src="/images/logo-print.png" alt="Duyên Hải Online"></div>
<div class="breadcrumb">Thời sự &raquo; Môi trường</div><h1>Vô địch</h1>
<div class="print-sapo"><b>Đội chủ nhà vô địch sau năm set đấu căng thẳng trước hơn 4.000 khán giả tại nhà thi đấu.</b></div>
<div class="print-content"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div></body></html>`;

  it('takes the standfirst shown above the content as the lede, a plain-text breadcrumb, the logo as the site', () => {
    const a = parseHtml(print);
    expect(a.lede).toBe(
      'Đội chủ nhà vô địch sau năm set đấu căng thẳng trước hơn 4.000 khán giả tại nhà thi đấu.',
    );
    expect(a.body).toBe([P1, P2, P3].join('\n\n'));
    expect(a.category).toEqual(['Thời sự', 'Môi trường']);
    expect(a.publisher).toBe('Duyên Hải Online');
  });

  it('breadcrumbText splits levels and gives nothing for a sentence', () => {
    expect(breadcrumbText('Thời sự » Môi trường')).toEqual(['Thời sự', 'Môi trường']);
    expect(breadcrumbText('Trang chủ / Pháp luật / Hồ sơ vụ án')).toEqual([
      'Trang chủ',
      'Pháp luật',
      'Hồ sơ vụ án',
    ]);
    expect(breadcrumbText('bạn đang ở đây: trang chủ')).toEqual([]);
  });
});

describe('a Markdown table', () => {
  const table =
    '| Loại rác | Tháng 8 | Tháng 11 |\n| --- | ---: | --- |\n| Rác chôn lấp | 410 | 290 |\n| Rác tái chế | 12 | 37 |';

  it('reads a row a line, as a web page data table, without the delimiter row', () => {
    expect(tableRows(table)).toEqual([
      'Loại rác | Tháng 8 | Tháng 11',
      'Rác chôn lấp | 410 | 290',
      'Rác tái chế | 12 | 37',
    ]);
    expect(tableRows('| a | b |')).toBeNull();
    expect(parseMarkdown(`# Rác\n\n${P1}\n\n${table}\n\n${P2}\n`).body.split('\n\n')).toEqual([
      P1,
      'Loại rác | Tháng 8 | Tháng 11',
      'Rác chôn lấp | 410 | 290',
      'Rác tái chế | 12 | 37',
      P2,
    ]);
  });
});
