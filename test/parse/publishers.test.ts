import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../shared/parse/index';

/** Pages with each publisher's markup and the team's own text (test/parse/publishers/README.md). */
function page(name: string) {
  const bytes = readFileSync(join(import.meta.dirname, 'publishers', `${name}.html`));
  const outcome = parseArticle({ bytes, fileName: `${name}.html` });
  if (!outcome.ok) throw new Error(outcome.rejection.message);
  return outcome.article;
}

interface Expected {
  publisher: string;
  publishedAt: string;
  category: string[];
  authors: string[];
  /** The start of the lede (sapo) and of the first and last body paragraphs. */
  lede: string;
  first: string;
  last: string;
  paragraphs: number;
  captions: string[];
  /** Text on the page that is not body: related links, captions, bylines, credits, menus. */
  notBody: string[];
}

const PAGES: Record<string, Expected> = {
  vnexpress: {
    publisher: 'VnExpress',
    publishedAt: '2025-11-03T08:15:00+07:00',
    category: ['Thời sự', 'Giao thông'],
    authors: ['Minh Khôi'],
    lede: 'Từ đầu tháng tới',
    first: 'Sở Xây dựng cho biết',
    last: 'Thành phố đặt mục tiêu',
    paragraphs: 4,
    captions: ['Xe buýt điện chạy thử trên đường Phạm Văn Đồng hôm 1/11.'],
    notBody: [
      'Tin liên quan',
      'Bến xe phía nam',
      'Minh Khôi',
      'Xe buýt điện chạy thử',
      'Chia sẻ',
      'Tin đọc nhiều',
    ],
  },
  dantri: {
    publisher: 'Báo Dân trí',
    publishedAt: '2025-10-05T09:15:00+07:00',
    category: ['Xã hội'],
    authors: ['Ngọc Tài'],
    lede: '(Dân trí) - Nhiều xã',
    first: 'Từ sáng sớm',
    last: 'Giá lúa tươi đầu vụ',
    paragraphs: 4,
    captions: ['Máy gặt làm việc trên cánh đồng ở huyện Tháp Mười.'],
    notBody: ['Nhiều xã ở Đồng Tháp', 'Miền Tây chuẩn bị', 'Máy gặt làm việc', 'Ngọc Tài', 'Chủ nhật'],
  },
  tuoitre: {
    publisher: 'Báo Tuổi Trẻ',
    publishedAt: '2025-06-15T10:30:00+07:00',
    category: ['Giáo dục'],
    authors: ['Thanh Hà'],
    lede: 'Hơn hai nghìn học sinh',
    first: 'Mỗi lớp học có hai',
    last: 'Chương trình do quỹ',
    paragraphs: 4,
    captions: ['Học sinh lớp 3 tập nổi trong buổi học đầu tiên'],
    notBody: ['Hơn hai nghìn', 'Học sinh đuối nước', 'Xem thêm', 'Ngày hội đọc sách', 'THANH HÀ'],
  },
  thanhnien: {
    publisher: 'Báo Thanh Niên',
    publishedAt: '2025-09-20T07:15:00+07:00',
    category: ['Thời sự', 'Dân sinh'],
    authors: ['Bảo Ngọc'],
    lede: 'Năm giao lộ ở quận Ninh Kiều',
    first: 'Camera đặt trên cột đèn',
    last: 'Nếu kết quả tốt',
    paragraphs: 4,
    // The image credit in its own element is not part of the caption.
    captions: ['Đèn tín hiệu mới ở giao lộ đường 30 Tháng 4'],
    notBody: ['Xe buýt đường sông', 'Kẹt xe ở cửa ngõ', 'ẢNH: BẢO NGỌC', 'Đèn tín hiệu mới'],
  },
  '24h': {
    publisher: '24h',
    publishedAt: '2025-07-08T14:20:00+07:00',
    category: ['Thể thao'],
    authors: ['Khánh Linh'],
    lede: 'Mười sáu cầu thủ',
    first: 'Ban huấn luyện cho biết',
    last: 'Mục tiêu được đặt ra',
    paragraphs: 4,
    captions: ['Các cầu thủ trong buổi tập đầu tiên'],
    notBody: ['Bài liên quan', 'Lịch thi đấu', 'Theo Khánh Linh', 'Các cầu thủ trong buổi tập', 'Tin khác'],
  },
  vietnamnet: {
    publisher: 'Báo VietNamNet',
    publishedAt: '2025-08-12T16:05:00+07:00',
    category: ['Kinh doanh', 'Thị trường'],
    authors: ['Phương Thảo'],
    lede: 'Sau hơn một tuần mưa',
    first: 'Tiểu thương ở chợ đầu mối',
    last: 'Ngành nông nghiệp tỉnh',
    paragraphs: 4,
    captions: ['Một vườn rau bị úng ở ngoại ô thành phố.'],
    notBody: ['Tin liên quan', 'Giá cà phê', 'Phương Thảo', 'Một vườn rau bị úng', 'Bài được đọc nhiều'],
  },
  baomoi: {
    publisher: 'Báo Mới',
    publishedAt: '2025-05-20T19:45:00+07:00',
    category: ['Giáo dục', 'Tuyển sinh'],
    // The source paper credited as JSON-LD author (an Organization) is no person: data/records/README.md.
    authors: [],
    lede: 'Thư viện tỉnh kéo dài',
    first: 'Từ tuần này, phòng đọc',
    last: 'Giờ mở cửa kéo dài',
    paragraphs: 4,
    captions: ['Học sinh ôn bài ở phòng đọc buổi tối.'],
    notBody: ['Tin liên quan', 'Nhiều trường tổ chức', 'Báo Quảng Nam', 'Học sinh ôn bài'],
  },
};

describe('web pages with the markup of Vietnamese publishers', () => {
  it.each(Object.entries(PAGES))(
    'reads %s: metadata, sapo as lede, body without boxes, captions apart',
    (name, want) => {
      const a = page(name);
      expect(a.publisher).toBe(want.publisher);
      expect(a.publishedAt).toBe(want.publishedAt);
      expect(a.category).toEqual(want.category);
      expect(a.authors).toEqual(want.authors);
      expect(a.lede?.startsWith(want.lede)).toBe(true);
      const paragraphs = a.body.split('\n\n');
      expect(paragraphs.length).toBe(want.paragraphs);
      expect(paragraphs[0]?.startsWith(want.first)).toBe(true);
      expect(paragraphs.at(-1)?.startsWith(want.last)).toBe(true);
      expect(a.captions).toEqual(want.captions);
      for (const text of want.notBody) expect(a.body).not.toContain(text);
      expect(a.body).not.toContain(a.lede);
    },
  );
});
