import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../shared/parse/markdown';
import { readTomlFrontMatter } from '../../shared/parse/toml-front-matter';

describe('TOML front matter', () => {
  it('reads strings of every quoting, arrays, booleans, numbers and dates as written', () => {
    expect(
      readTomlFrontMatter(
        [
          'title = "Cam sành \\"Hàm Yên\\" được mùa"',
          "slug = 'cam-sanh'",
          'date = 2026-12-01T16:20:00+07:00 # giờ đăng',
          'draft = false',
          'weight = 3',
          'tags = ["cam sành",',
          '  "nông sản"]',
          'summary = """',
          'Dòng một.',
          'Dòng hai."""',
          "note = '''C:\\thư mục'''",
        ].join('\n'),
      ),
    ).toEqual({
      title: 'Cam sành "Hàm Yên" được mùa',
      slug: 'cam-sanh',
      date: '2026-12-01T16:20:00+07:00',
      draft: false,
      weight: 3,
      tags: ['cam sành', 'nông sản'],
      summary: 'Dòng một.\nDòng hai.',
      note: 'C:\\thư mục',
    });
  });

  it("stops at the first table (the site's own parameters) and skips lines it cannot read", () => {
    expect(readTomlFrontMatter('title = "A"\nnot a pair\nauthor = "B"\n[params]\n  title = "C"')).toEqual({
      title: 'A',
      author: 'B',
    });
  });

  it('gives a Markdown article its fields, as YAML front matter does', () => {
    const md = [
      '+++',
      "title = 'Startup ra mắt mô hình giọng nói'",
      'date = 2026-12-02',
      'author = "Hạ Vy"',
      'categories = ["Công nghệ", "Trí tuệ nhân tạo"]',
      'tags = ["AI", "giọng nói"]',
      'summary = """Mô hình nhận biết 12 phương ngữ."""',
      'url = "/cong-nghe/startup/"',
      'publisher = "Công Nghệ Số"',
      '+++',
      '',
      'Mô hình được huấn luyện trên 40.000 giờ ghi âm do gần 9.000 tình nguyện viên đóng góp.',
      '',
    ].join('\n');
    const a = parseMarkdown(md);
    expect(a).toMatchObject({
      title: 'Startup ra mắt mô hình giọng nói',
      lede: 'Mô hình nhận biết 12 phương ngữ.',
      publishedAt: '2026-12-02',
      authors: ['Hạ Vy'],
      category: ['Công nghệ', 'Trí tuệ nhân tạo'],
      keywords: ['AI', 'giọng nói'],
      publisher: 'Công Nghệ Số',
      url: null,
    });
    expect(a.body).toBe(
      'Mô hình được huấn luyện trên 40.000 giờ ghi âm do gần 9.000 tình nguyện viên đóng góp.',
    );
  });
});
