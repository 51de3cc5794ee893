import { describe, expect, it } from 'vitest';
import { parseMarkdown, readPropertyBlock, unwikify } from '../../shared/parse/markdown';

const PARA =
  'Sau ba tháng thử nghiệm, tuyến xe buýt điện số 12 chở hơn 40.000 lượt khách, gấp đôi tuyến xe buýt cũ chạy cùng lộ trình trong năm ngoái.';
const PARA2 =
  'Ban quản lý cho biết sẽ thêm sáu xe vào giờ cao điểm buổi sáng và kéo dài giờ chạy của chuyến cuối đến 22 giờ từ đầu tháng sau.';

describe('a Notion export: the properties under the title are metadata', () => {
  const md = [
    '# Xe buýt điện số 12 chở 40.000 lượt khách sau ba tháng',
    '',
    'Tác giả: Hà Trang, Minh Quân',
    'Chuyên mục: Đô thị',
    'Ngày xuất bản: December 2, 2026 10:15 AM',
    'Trạng thái: Đã xuất bản',
    'Nguồn: Phố Xanh',
    'Tags: xe buýt điện, giao thông',
    'URL: https://phoxanh.vn/do-thi/xe-buyt-dien-so-12-p1.html',
    '',
    PARA,
    '',
    PARA2,
  ].join('\n');

  it('reads each property as its front-matter field and keeps them out of the text', () => {
    const a = parseMarkdown(md);
    expect(a.title).toBe('Xe buýt điện số 12 chở 40.000 lượt khách sau ba tháng');
    expect(a.authors).toEqual(['Hà Trang', 'Minh Quân']);
    expect(a.category).toEqual(['Đô thị']);
    expect(a.publishedAt).toBe('2026-12-02T10:15:00+07:00');
    expect(a.publisher).toBe('Phố Xanh');
    expect(a.keywords).toEqual(['xe buýt điện', 'giao thông']);
    expect(a.url).toBe('https://phoxanh.vn/do-thi/xe-buyt-dien-so-12-p1.html');
    expect(a.body).toBe(`${PARA}\n\n${PARA2}`);
  });

  it('needs two known names: one `Key: value` line is the text', () => {
    expect(readPropertyBlock('Hỏi: Tôi có được nghỉ phép năm không?')).toBeNull();
    expect(readPropertyBlock('Tác giả: Hà Trang\nĐây là một câu: có dấu hai chấm')).toBeNull();
    expect(readPropertyBlock('Tác giả: Hà Trang\nTrạng thái: Nháp\nChuyên mục: Đô thị')).toEqual({
      author: 'Hà Trang',
      category: 'Đô thị',
    });
  });
});

describe('an Obsidian note (Web Clipper front matter, wiki links, embeds, comments)', () => {
  const md = [
    '---',
    'title: "Xe buýt điện số 12 chở 40.000 lượt khách"',
    'source: "https://phoxanh.vn/do-thi/xe-buyt-dien-so-12-p1.html"',
    'author:',
    '  - "[[Hà Trang]]"',
    'published: 2026-12-02',
    'created: 2026-12-03',
    'site: "Phố Xanh"',
    '---',
    '%% ghi chú riêng: hỏi lại số liệu %%',
    '',
    PARA.replace('tuyến xe buýt điện số 12', '[[Tuyến 12|tuyến xe buýt điện số 12]]'),
    '',
    '![[xe-buyt.jpg]]',
    '*Xe buýt điện ở bến cuối. Ảnh: Hà Trang*',
    '',
    PARA2.replace('Ban quản lý', '[[Ban quản lý]]'),
  ].join('\n');

  it('reads links as the text they show, an embed and its caption line as a caption, `source` as the URL', () => {
    const a = parseMarkdown(md);
    expect(a.body).toBe(`${PARA}\n\n${PARA2}`);
    expect(a.captions).toEqual(['Xe buýt điện ở bến cuối. Ảnh: Hà Trang']);
    expect(a.authors).toEqual(['Hà Trang']);
    expect(a.publishedAt).toBe('2026-12-02');
    expect(a.url).toBe('https://phoxanh.vn/do-thi/xe-buyt-dien-so-12-p1.html');
    expect(a.publisher).toBe('Phố Xanh');
  });

  it('unwikify: target, shown text, heading links and embeds', () => {
    expect(
      unwikify('[[Công an TP.HCM]] và [[Lương Quốc Thái|anh Thái]] ![[a.jpg]] [[Sở Y tế#Lãnh đạo]]'),
    ).toBe('Công an TP.HCM và anh Thái  Sở Y tế');
  });
});
