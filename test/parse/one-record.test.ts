import { describe, expect, it } from 'vitest';
import { type ArticleSpec, renderAll, SAVED_NOTICE } from '../../eval/render-formats';
import { type ParsedArticle, parseArticle } from '../../shared/parse/index';
import { searchKey } from '../../shared/text/vietnamese';

/** Team-written articles, rendered as every format an editor may drop (eval/render-formats.ts). */
const MARKET: ArticleSpec = {
  title: 'Giá rau xanh tăng mạnh sau đợt mưa lũ',
  lede: 'Sau đợt mưa lũ kéo dài ở các tỉnh phía Bắc, giá nhiều loại rau xanh tại chợ dân sinh Hà Nội tăng gấp đôi so với tuần trước.',
  paragraphs: [
    'Tại chợ Long Biên, rau cải ngọt được bán với giá ba mươi nghìn đồng mỗi ki-lô-gam, trong khi tuần trước chỉ khoảng mười lăm nghìn đồng. Nhiều tiểu thương cho biết nguồn hàng từ các vùng trồng rau ven đô giảm mạnh vì ruộng bị ngập.',
    'Các siêu thị cho biết đã tăng lượng rau nhập từ Lâm Đồng để giữ giá ổn định, đồng thời mở thêm quầy bán rau sạch với giá bình ổn cho người tiêu dùng.',
    'Theo các nhà vườn, phải mất ít nhất ba tuần nữa các vùng trồng rau mới khôi phục được sản xuất, nên giá rau có thể còn ở mức cao đến cuối tháng.',
  ],
  category: 'Thị trường - Tiêu dùng',
  categoryField: 'thi-truong-tieu-dung',
  publisher: '24h',
  publishedAt: '2026-11-20T08:30:00+07:00',
  url: 'https://www.24h.com.vn/thi-truong-tieu-dung/gia-rau-xanh-tang-manh-sau-dot-mua-lu-c52a1700123.html',
  keywords: ['giá rau', 'mưa lũ', 'chợ Long Biên'],
  authors: ['Thu Hà'],
  savedNotice: true,
};

const SPORT: ArticleSpec = {
  title: 'Câu lạc bộ phố núi giành vé thăng hạng',
  lede: 'Đội bóng của tỉnh Gia Lai chính thức giành quyền thăng hạng sau trận hòa không bàn thắng ở vòng đấu cuối cùng.',
  paragraphs: [
    'Chỉ cần một điểm trước đối thủ xếp thứ ba, các cầu thủ chủ nhà chơi thận trọng, giữ cự ly đội hình hẹp và chờ cơ hội phản công trong suốt chín mươi phút.',
    'Huấn luyện viên trưởng cho biết ban lãnh đạo sẽ giữ phần lớn lực lượng hiện tại và bổ sung ba cầu thủ có kinh nghiệm để chuẩn bị cho mùa giải mới.',
  ],
  category: 'Thể thao',
  categoryField: 'trang-chu',
  publisher: 'Dân trí',
  publishedAt: '2026-10-05T19:45:00+07:00',
  url: 'https://dantri.com.vn/the-thao/cau-lac-bo-pho-nui-gianh-ve-thang-hang-20261005194500123.htm',
  keywords: ['thăng hạng', 'Gia Lai'],
  authors: ['Quang Huy'],
};

function parsed(fileName: string, text: string): ParsedArticle {
  const outcome = parseArticle({ bytes: Buffer.from(text), fileName });
  if (!outcome.ok) throw new Error(`${fileName}: ${outcome.rejection.code}: ${outcome.rejection.message}`);
  return outcome.article;
}

/** The fields a reader sees; the VOV layout carries no title line, date, keywords or byline. */
function fields(a: ParsedArticle, full: boolean) {
  return {
    lede: a.lede,
    body: a.body,
    category: a.category,
    publisher: a.publisher,
    url: a.url,
    ...(full && {
      title: a.title,
      publishedAt: a.publishedAt,
      keywords: a.keywords,
      authors: a.authors,
    }),
  };
}

describe.each([
  ['a market story with a section slug and the 24h saved-article notice', MARKET],
  ['a sports story whose converter wrote the home-page slug as its category', SPORT],
])('one article, one record, whatever its format: %s', (_, spec) => {
  const files = renderAll(spec);
  const expected = {
    title: spec.title,
    lede: spec.lede,
    body: [spec.lede, ...spec.paragraphs].join('\n\n'),
    category: spec.category ? [spec.category] : [],
    publisher: spec.publisher,
    url: spec.url,
    publishedAt: spec.publishedAt,
    keywords: spec.keywords,
    authors: spec.authors,
  };

  it.each(files.map((f) => [f.fileName, f] as const))('%s gives the same fields', (_, file) => {
    const full = file.format !== 'txt-vov';
    const a = parsed(file.fileName, file.text);
    const { title, publishedAt, keywords, authors, ...always } = expected;
    expect(fields(a, full)).toEqual(full ? expected : always);
  });

  it('rebuilds the title from the URL in the layout without a title line (same syllables)', () => {
    const vov = files.find((f) => f.format === 'txt-vov')!;
    expect(searchKey(parsed(vov.fileName, vov.text).title ?? '')).toBe(searchKey(spec.title));
  });
});

describe('categories and boilerplate whatever the format', () => {
  it('never takes a home-page slug for a category, and labels a section slug as the site spells it', () => {
    const { category: _, ...noBreadcrumb } = SPORT;
    for (const file of renderAll({
      ...noBreadcrumb,
      url: 'https://dantri.com.vn/trang-chu/bai-viet-123.htm',
    })) {
      expect(parsed(file.fileName, file.text).category).toEqual([]);
    }
    for (const file of renderAll(MARKET)) {
      expect(parsed(file.fileName, file.text).category).toEqual(['Thị trường - Tiêu dùng']);
    }
  });

  it('drops the saved-article notice from an HTML page whose first paragraph starts with it', () => {
    const html = renderAll({ ...MARKET, savedNotice: false })
      .find((f) => f.format === 'html')!
      .text.replace(`<p>${MARKET.lede}</p>`, `<p>${SAVED_NOTICE} ${MARKET.lede}</p>`);
    const a = parsed('glued.html', html);
    expect(a.body).not.toContain('Lưu bài viết');
    expect(a.lede).toBe(MARKET.lede);
  });
});

describe('photo credits, a related-stories heading and a closing line whatever the format', () => {
  const spec: ArticleSpec = {
    ...MARKET,
    savedNotice: false,
    paragraphs: [
      `Ảnh: Minh Khôi ${MARKET.paragraphs[0]}`,
      MARKET.paragraphs[1]!,
      'Ảnh: Thu Hà',
      MARKET.paragraphs[2]!,
      'Bạn đừng bỏ lỡ!',
      'Giá rau dự kiến hạ nhiệt vào cuối tháng.',
    ],
  };

  it.each(renderAll(spec).map((f) => [f.fileName, f] as const))(
    '%s keeps the text after a glued credit and the closing line, sets the credits apart, drops the heading',
    (_, file) => {
      const a = parsed(file.fileName, file.text);
      expect(a.body.split('\n\n')).toEqual([
        MARKET.lede,
        ...MARKET.paragraphs,
        'Giá rau dự kiến hạ nhiệt vào cuối tháng.',
      ]);
      expect(a.captions).toEqual(['Ảnh: Minh Khôi', 'Ảnh: Thu Hà']);
    },
  );
});
