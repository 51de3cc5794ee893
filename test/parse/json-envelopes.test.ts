import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../shared/parse/index';
import { jsonFeedItem, wordPressPost } from '../../shared/parse/json-envelopes';

function parsedJson(value: unknown) {
  const outcome = parseArticle({ bytes: Buffer.from(JSON.stringify(value)), fileName: 'bai.json' });
  if (!outcome.ok) throw new Error(`${outcome.rejection.code}: ${outcome.rejection.message}`);
  return outcome.article;
}

const PARAGRAPHS =
  '<p>Người bệnh là một cụ ông 81 tuổi ở xã Bắc Hà, nhiều lần ngất khi lên nương vì hẹp van tim.</p>' +
  '<figure><img src="a.jpg"><figcaption>Ê-kíp theo dõi van tim trên màn hình</figcaption></figure>' +
  '<p>Sau 48 giờ, ông đã tự đi lại và được xuất viện vào chiều 1/12, chi phí do bảo hiểm y tế chi trả một nửa.</p>';

describe('a JSON Feed of one item', () => {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Nhịp Sống Tây Bắc',
    home_page_url: 'https://nhipsong.vn/',
    items: [
      {
        id: 'https://nhipsong.vn/?p=1',
        url: 'https://nhipsong.vn/suc-khoe/thay-van-tim-qua-da.htm',
        title: 'Lần đầu thay van tim qua da ở bệnh viện tỉnh',
        summary: 'Bệnh viện tỉnh lần đầu thay van tim qua da cho một cụ ông 81 tuổi.',
        content_html: PARAGRAPHS,
        date_published: '2026-12-02T01:30:00Z',
        authors: [{ name: 'Lò Thị Hoa' }, { name: 'Vàng A Chứ' }],
        tags: ['thay van tim', 'Lào Cai'],
      },
    ],
  };

  it('is its item, published by the feed (its title names the site)', () => {
    const a = parsedJson(feed);
    expect(a.title).toBe('Lần đầu thay van tim qua da ở bệnh viện tỉnh');
    expect(a.lede).toBe('Bệnh viện tỉnh lần đầu thay van tim qua da cho một cụ ông 81 tuổi.');
    expect(a.body.split('\n\n')).toHaveLength(2);
    expect(a.captions).toEqual(['Ê-kíp theo dõi van tim trên màn hình']);
    expect(a.publishedAt).toBe('2026-12-02T08:30:00+07:00');
    expect(a.authors).toEqual(['Lò Thị Hoa', 'Vàng A Chứ']);
    expect(a.publisher).toBe('Nhịp Sống Tây Bắc');
    expect(a.keywords).toEqual(['thay van tim', 'Lào Cai']);
  });

  it("takes the feed's author (JSON Feed 1.0 `author`) when the item names none", () => {
    const [item] = feed.items;
    const { authors: _, ...bare } = item!;
    const read = jsonFeedItem({ ...feed, author: { name: 'Minh Thư' }, items: [bare] });
    expect(read).toMatchObject({ authors: [{ name: 'Minh Thư' }], site_name: 'Nhịp Sống Tây Bắc' });
  });

  it('is rejected when it holds several articles', () => {
    const outcome = parseArticle({
      bytes: Buffer.from(JSON.stringify({ ...feed, items: [feed.items[0], feed.items[0]] })),
      fileName: 'feed.json',
    });
    expect(outcome.ok).toBe(false);
  });
});

describe('a WordPress REST post', () => {
  const post = {
    id: 20931,
    date: '2026-12-01T09:05:00',
    date_gmt: '2026-12-01T02:05:00',
    link: 'https://giaoduc.vn/tuyen-sinh/mo-nganh-chip/',
    title: { rendered: 'Đại học mở ngành &#8220;chip bán dẫn&#8221;' },
    content: { rendered: PARAGRAPHS, protected: false },
    excerpt: {
      rendered: '<p>Trường tuyển 120 sinh viên ngành thiết kế vi mạch [&hellip;]</p>\n',
      protected: false,
    },
    author: 7,
    categories: [3],
    tags: [15],
    yoast_head_json: {
      og_site_name: 'Giáo Dục Miền Núi',
      canonical: 'https://giaoduc.vn/tuyen-sinh/mo-nganh-chip/',
    },
    _embedded: {
      author: [{ id: 7, name: 'Ma Thị Thu' }],
      'wp:term': [
        [{ id: 3, name: 'Tuyển sinh', taxonomy: 'category' }],
        [{ id: 15, name: 'bán dẫn', taxonomy: 'post_tag' }],
      ],
    },
  };

  it('reads the rendered fields as text, the embedded names and the Yoast site name', () => {
    const a = parsedJson(post);
    expect(a.title).toBe('Đại học mở ngành “chip bán dẫn”');
    expect(a.lede).toBe('Trường tuyển 120 sinh viên ngành thiết kế vi mạch');
    expect(a.body.split('\n\n')).toHaveLength(2);
    expect(a.publishedAt).toBe('2026-12-01T09:05:00+07:00');
    expect(a.authors).toEqual(['Ma Thị Thu']);
    expect(a.category).toEqual(['Tuyển sinh']);
    expect(a.keywords).toEqual(['bán dẫn']);
    expect(a.publisher).toBe('Giáo Dục Miền Núi');
    expect(a.url).toBe('https://giaoduc.vn/tuyen-sinh/mo-nganh-chip/');
  });

  it('gives no author, category or keyword from the numbers alone (no `_embed`)', () => {
    const { _embedded: _, ...bare } = post;
    expect(wordPressPost(bare)).toMatchObject({ categories: null, tags: null });
    expect(wordPressPost(bare)).not.toHaveProperty('author');
  });

  it('leaves any other object as it is', () => {
    const plain = { title: 'Tiêu đề', content: 'Nội dung' };
    expect(wordPressPost(plain)).toBe(plain);
    expect(jsonFeedItem(plain)).toBe(plain);
  });
});
