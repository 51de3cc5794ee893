import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../shared/parse/index';
import {
  arcStory,
  ghostPost,
  jsonFeedItem,
  newsMlItem,
  wordPressPost,
} from '../../shared/parse/json-envelopes';

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

describe('a Ghost Content API answer of one post', () => {
  const primary = { name: 'Y tế' };
  const tags = [primary, { name: 'van tim' }, { name: 'Lào Cai' }];
  const answer = {
    posts: [
      {
        title: 'Lần đầu thay van tim qua da ở bệnh viện tỉnh',
        html: PARAGRAPHS,
        feature_image_caption: 'Cụ ông trước giờ xuất viện. <em>Ảnh: Lò Thị Hoa</em>',
        custom_excerpt: 'Bệnh viện tỉnh lần đầu thay van tim qua da cho một cụ ông 81 tuổi.',
        excerpt: 'Người bệnh là một cụ ông 81 tuổi ở xã Bắc Hà, nhiều lần ngất khi lên nương vì hẹp',
        published_at: '2026-12-02T08:30:00.000+07:00',
        authors: [{ name: 'Lò Thị Hoa' }, { name: 'Vàng A Chứ' }],
        primary_tag: primary,
        tags,
        url: 'https://nhipsong.vn/thay-van-tim-qua-da/',
        canonical_url: null,
      },
    ],
    settings: { title: 'Nhịp Sống Tây Bắc' },
  };

  it('is its post: the custom excerpt, the feature caption first, the primary tag, the site title', () => {
    const a = parsedJson(answer);
    expect(a.title).toBe('Lần đầu thay van tim qua da ở bệnh viện tỉnh');
    expect(a.lede).toBe('Bệnh viện tỉnh lần đầu thay van tim qua da cho một cụ ông 81 tuổi.');
    expect(a.body.split('\n\n')).toHaveLength(2);
    expect(a.captions).toEqual(['Cụ ông trước giờ xuất viện.', 'Ê-kíp theo dõi van tim trên màn hình']);
    expect(a.publishedAt).toBe('2026-12-02T08:30:00+07:00');
    expect(a.authors).toEqual(['Lò Thị Hoa', 'Vàng A Chứ']);
    expect(a.category).toEqual(['Y tế']);
    expect(a.keywords).toEqual(['Y tế', 'van tim', 'Lào Cai']);
    expect(a.url).toBe('https://nhipsong.vn/thay-van-tim-qua-da/');
    expect(a.publisher).toBe('Nhịp Sống Tây Bắc');
  });

  it('is rejected when it holds several posts, and leaves any other object as it is', () => {
    const post = answer.posts[0]!;
    const two = { posts: [post, post] };
    expect(ghostPost(two)).toHaveProperty('error');
    const other = { posts: 'none', title: 'x' };
    expect(ghostPost(other)).toBe(other);
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

const P1 = 'Người bệnh là một cụ ông 81 tuổi ở xã Bắc Hà, nhiều lần ngất khi lên nương vì hẹp van tim.';
const P2 =
  'Sau 48 giờ, ông đã tự đi lại và được xuất viện vào chiều 1/12, chi phí do bảo hiểm y tế chi trả một nửa.';

describe('an Arc XP ANS story', () => {
  const story = {
    type: 'story',
    version: '0.10.9',
    canonical_url: '/suc-khoe/2026/12/02/thay-van-tim-qua-da/',
    headlines: { basic: 'Lần đầu thay van tim qua da ở bệnh viện tỉnh' },
    description: { basic: 'Bệnh viện tỉnh lần đầu thay van tim qua da cho một cụ ông 81 tuổi.' },
    credits: {
      by: [
        { type: 'author', name: 'Lò Thị Hoa' },
        { type: 'author', name: 'Vàng A Chứ' },
      ],
    },
    first_publish_date: '2026-12-02T01:30:00.000Z',
    display_date: '2026-12-02T01:30:00.000Z',
    publish_date: '2026-12-02T04:52:37.190Z',
    source: { source_type: 'staff', name: 'Nhịp Sống Tây Bắc' },
    taxonomy: {
      primary_section: { _id: '/suc-khoe', name: 'Sức khỏe' },
      tags: [{ text: 'thay van tim' }, { text: 'Lào Cai' }],
    },
    content_elements: [
      { type: 'text', content: P1 },
      {
        type: 'image',
        caption: 'Ê-kíp theo dõi van tim trên màn hình',
        credits: { by: [{ name: 'Lò Thị Hoa' }] },
      },
      { type: 'raw_html', content: '<div class="related">Đọc thêm: bài cũ</div>' },
      { type: 'header', level: 2, content: 'Xuất viện sau 48 giờ' },
      { type: 'oembed_response', raw_oembed: { html: '<iframe></iframe>' } },
      { type: 'text', content: P2 },
    ],
  };

  it('reads headline, lede, text and captions, authors, the display date, section, tags and source', () => {
    const a = parsedJson(story);
    expect(a.title).toBe('Lần đầu thay van tim qua da ở bệnh viện tỉnh');
    expect(a.lede).toBe('Bệnh viện tỉnh lần đầu thay van tim qua da cho một cụ ông 81 tuổi.');
    expect(a.body.split('\n\n')).toEqual([P1, 'Xuất viện sau 48 giờ', P2]);
    expect(a.captions).toEqual(['Ê-kíp theo dõi van tim trên màn hình']);
    expect(a.authors).toEqual(['Lò Thị Hoa', 'Vàng A Chứ']);
    expect(a.publishedAt).toBe('2026-12-02T08:30:00+07:00');
    expect(a.category).toEqual(['Sức khỏe']);
    expect(a.keywords).toEqual(['thay van tim', 'Lào Cai']);
    expect(a.publisher).toBe('Nhịp Sống Tây Bắc');
    expect(a.url).toBeNull();
  });

  it('leaves other objects alone', () => {
    const plain = { type: 'story', title: 'x', content: 'y' };
    expect(arcStory(plain)).toBe(plain);
  });
});

describe('a NewsML-G2 item as JSON', () => {
  const item = {
    newsItem: {
      guid: 'urn:newsml:example.vn:20261202:1',
      rightsInfo: { copyrightHolder: { name: 'Thông Tấn Núi' } },
      itemMeta: {
        itemClass: { qcode: 'ninat:text' },
        provider: { qcode: 'nprov:TTN', name: 'Thông Tấn Núi' },
        firstCreated: '2026-12-02T08:30:00+07:00',
        versionCreated: '2026-12-02T10:05:00+07:00',
        link: [{ rel: 'irel:canonical', href: 'https://example.vn/suc-khoe/thay-van-tim-qua-da.htm' }],
      },
      contentMeta: {
        creator: [{ role: 'crol:author', name: 'Lò Thị Hoa' }],
        headline: 'Lần đầu thay van tim qua da ở bệnh viện tỉnh',
        description: [{ role: 'drol:summary', text: 'Bệnh viện tỉnh lần đầu thay van tim qua da.' }],
        subject: [{ type: 'cpnat:abstract', name: 'Sức khỏe' }],
        keyword: ['thay van tim'],
        language: { tag: 'vi' },
      },
      contentSet: {
        inlineXML: {
          contenttype: 'application/xhtml+xml',
          html: `<html><body><p>${P1}</p><p>${P2}</p></body></html>`,
        },
      },
    },
  };

  it('reads contentMeta, the first creation time, the provider, the canonical link and the inline XHTML', () => {
    const a = parsedJson(item);
    expect(a.title).toBe('Lần đầu thay van tim qua da ở bệnh viện tỉnh');
    expect(a.lede).toBe('Bệnh viện tỉnh lần đầu thay van tim qua da.');
    expect(a.body.split('\n\n')).toEqual([P1, P2]);
    expect(a.authors).toEqual(['Lò Thị Hoa']);
    expect(a.publishedAt).toBe('2026-12-02T08:30:00+07:00');
    expect(a.category).toEqual(['Sức khỏe']);
    expect(a.keywords).toEqual(['thay van tim']);
    expect(a.publisher).toBe('Thông Tấn Núi');
    expect(a.url).toBe('https://example.vn/suc-khoe/thay-van-tim-qua-da.htm');
  });

  it('leaves other objects alone', () => {
    const plain = { title: 'x', content: 'y' };
    expect(newsMlItem(plain)).toBe(plain);
  });
});
