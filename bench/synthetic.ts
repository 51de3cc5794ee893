/**
 * Synthetic article records for the query-latency row: deterministic (seeded), shaped like tagged news
 * (Vietnamese titles built from common two-syllable words, a short lede, 1–3 persons drawn with a skew so
 * some people are in thousands of articles and most in few, organisations, places with their province,
 * IPTC topics, categories, keywords, publishers, two years of publication dates in +07:00).
 */
import type { ArticleRecord, Province } from '../shared/model/article';

export { rng } from '../eval/random';

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Đức', 'Thanh', 'Quốc', 'Ngọc', 'Hữu', 'Xuân', 'Thu'];
// biome-ignore format: a word list
const GIVEN = [
  'An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hoa', 'Hùng', 'Khoa', 'Lan', 'Linh', 'Long',
  'Mai', 'Nam', 'Nga', 'Phong', 'Phúc', 'Quang', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Việt', 'Yến',
  'Hòa', 'Đạt', 'Thưởng',
];
/** 3,600 person names; index 0 is the most frequent. */
export const PERSONS = SURNAMES.flatMap((s) => MIDDLE.flatMap((m) => GIVEN.map((g) => `${s} ${m} ${g}`)));
// biome-ignore format: a word list
const ORGANIZATIONS = [
  'Bộ Ngoại giao', 'Quốc hội', 'Chính phủ', 'Bộ Y tế', 'Bộ Tài chính', 'Bộ Công an', 'Ngân hàng Nhà nước',
  'Vietcombank', 'Vietnam Airlines', 'Tập đoàn Điện lực Việt Nam', 'Tổng cục Thống kê', 'Liên đoàn Bóng đá Việt Nam',
  'Đại học Quốc gia Hà Nội', 'Bộ Giáo dục và Đào tạo', 'Tòa án nhân dân tối cao', 'Liên Hợp Quốc', 'ASEAN',
  'Bộ Xây dựng', 'Viettel', 'Petrolimex',
];
const P = (code: string, name: string): Province => ({ code, name });
const PLACES: { name: string; province?: Province }[] = [
  { name: 'Hà Nội', province: P('01', 'Thành phố Hà Nội') },
  { name: 'Hoàn Kiếm', province: P('01', 'Thành phố Hà Nội') },
  { name: 'TP HCM', province: P('79', 'Thành phố Hồ Chí Minh') },
  { name: 'Thủ Đức', province: P('79', 'Thành phố Hồ Chí Minh') },
  { name: 'Đà Nẵng', province: P('48', 'Thành phố Đà Nẵng') },
  { name: 'Hội An', province: P('48', 'Thành phố Đà Nẵng') },
  { name: 'Hải Phòng', province: P('31', 'Thành phố Hải Phòng') },
  { name: 'Cần Thơ', province: P('92', 'Thành phố Cần Thơ') },
  { name: 'Huế', province: P('46', 'Thành phố Huế') },
  { name: 'Sa Pa', province: P('15', 'Tỉnh Lào Cai') },
  { name: 'Nha Trang', province: P('56', 'Tỉnh Khánh Hòa') },
  { name: 'Đà Lạt', province: P('68', 'Tỉnh Lâm Đồng') },
  { name: 'Quảng Ninh', province: P('22', 'Tỉnh Quảng Ninh') },
  { name: 'Nghệ An', province: P('40', 'Tỉnh Nghệ An') },
  { name: 'Washington' },
  { name: 'Bắc Kinh' },
  { name: 'Tokyo' },
];
/** IPTC Media Topics (top level). */
export const TOPICS = [
  { code: 'medtop:01000000', label: 'arts, culture, entertainment and media' },
  { code: 'medtop:02000000', label: 'crime, law and justice' },
  { code: 'medtop:03000000', label: 'disaster, accident and emergency incident' },
  { code: 'medtop:04000000', label: 'economy, business and finance' },
  { code: 'medtop:05000000', label: 'education' },
  { code: 'medtop:06000000', label: 'environment' },
  { code: 'medtop:07000000', label: 'health' },
  { code: 'medtop:08000000', label: 'human interest' },
  { code: 'medtop:09000000', label: 'labour' },
  { code: 'medtop:10000000', label: 'lifestyle and leisure' },
  { code: 'medtop:11000000', label: 'politics' },
  { code: 'medtop:12000000', label: 'religion' },
  { code: 'medtop:13000000', label: 'science and technology' },
  { code: 'medtop:14000000', label: 'society' },
  { code: 'medtop:15000000', label: 'sport' },
  { code: 'medtop:16000000', label: 'conflict, war and peace' },
  { code: 'medtop:17000000', label: 'weather' },
];
// biome-ignore format: a word list
const CATEGORIES = [
  ['Thời sự'], ['Thời sự', 'Chính trị'], ['Kinh doanh'], ['Kinh doanh', 'Chứng khoán'], ['Thể thao', 'Bóng đá'],
  ['Sức khỏe'], ['Thế giới'], ['Giáo dục'], ['Pháp luật'], ['Giải trí'], ['Khoa học'], ['Đời sống'],
];
// biome-ignore format: a word list
/** Common two-syllable words: titles and ledes are made of them, so `q` phrases have realistic partitions. */
export const WORDS = [
  'hội nghị', 'kinh tế', 'bóng đá', 'giá vàng', 'lãi suất', 'xuất khẩu', 'đường sắt', 'bệnh viện', 'học sinh',
  'giáo viên', 'thị trường', 'chứng khoán', 'doanh nghiệp', 'ngân hàng', 'đầu tư', 'công nghệ', 'trí tuệ',
  'nhân tạo', 'điện thoại', 'ô tô', 'xe máy', 'giao thông', 'tai nạn', 'cháy nổ', 'mưa lớn', 'bão số',
  'lũ quét', 'nắng nóng', 'du lịch', 'khách sạn', 'nhà ở', 'bất động', 'sản phẩm', 'nông nghiệp', 'lúa gạo',
  'cà phê', 'thủy sản', 'năng lượng', 'điện mặt', 'trời xanh', 'môi trường', 'rác thải', 'biển đảo',
  'quốc phòng', 'an ninh', 'ngoại giao', 'hợp tác', 'đối tác', 'chiến lược', 'đại biểu', 'cử tri', 'bầu cử',
  'chính sách', 'pháp luật', 'tòa án', 'xét xử', 'bị cáo', 'lừa đảo', 'ma túy', 'cảnh sát', 'văn hóa',
  'lễ hội', 'âm nhạc', 'điện ảnh', 'ca sĩ', 'diễn viên', 'thời trang', 'sức khỏe', 'vắc xin', 'dịch bệnh',
  'bác sĩ', 'phẫu thuật', 'đại học', 'tuyển sinh', 'kỳ thi', 'tốt nghiệp', 'việc làm', 'tiền lương',
  'bảo hiểm', 'hưu trí', 'thuế thu', 'nhập cá', 'ngân sách', 'tăng trưởng', 'lạm phát', 'tỷ giá', 'đô la',
  'xăng dầu', 'điện lực', 'sân bay', 'cao tốc', 'cầu cảng', 'đô thị', 'nông thôn', 'miền núi', 'vùng cao',
  'thanh niên', 'phụ nữ', 'trẻ em', 'người cao', 'tuổi già', 'đội tuyển', 'huấn luyện', 'cầu thủ', 'vô địch',
];
const KEYWORDS = WORDS.filter((_, i) => i % 3 === 0);
const PUBLISHERS = ['VnExpress', 'Tuổi Trẻ', 'Thanh Niên', 'Dân trí', 'VietnamPlus', 'Lao Động'];

function pick<T>(r: () => number, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)]!;
}
/** Skewed pick: index 0 is the most frequent (roughly Zipf-like). */
function pickSkewed<T>(r: () => number, items: readonly T[]): T {
  return items[Math.floor(r() ** 3 * items.length)]!;
}
function distinct<T>(n: number, draw: () => T): T[] {
  const out = new Set<T>();
  for (let i = 0; i < n; i++) out.add(draw());
  return [...out];
}
const pad = (n: number) => String(n).padStart(2, '0');

/** First day of the synthetic publication dates; they span DAYS days. */
export const FIRST_DAY = Date.UTC(2024, 0, 1);
export const DAYS = 730;

export function dayString(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function syntheticRecord(n: number, r: () => number): ArticleRecord {
  const id = `bench${String(n).padStart(7, '0')}`;
  const persons = distinct(1 + Math.floor(r() * 3), () => pickSkewed(r, PERSONS));
  const orgs = distinct(Math.floor(r() * 2), () => pickSkewed(r, ORGANIZATIONS));
  const places = distinct(1 + Math.floor(r() * 2), () => pickSkewed(r, PLACES));
  const topics = distinct(1 + Math.floor(r() * 2), () => pickSkewed(r, TOPICS));
  const keywords = distinct(2, () => pick(r, KEYWORDS));
  const words = (k: number) => Array.from({ length: k }, () => pickSkewed(r, WORDS)).join(' ');
  const title = `${words(4)} ${persons[0] ?? ''}`.trim();
  const lede = `${words(6)}.`;
  const day = FIRST_DAY + Math.floor(r() * DAYS) * 86_400_000;
  const publishedAt = `${dayString(day)}T${pad(Math.floor(r() * 24))}:${pad(Math.floor(r() * 60))}:00+07:00`;
  const body = `${title}. ${lede} ${words(40)}.`;
  return {
    id,
    status: 'stored',
    source: {
      bucket: 'newsdrop-articles',
      key: `incoming/${id}.txt`,
      size: body.length * 2,
      sha256: '0'.repeat(64),
    },
    format: 'text',
    encoding: 'utf-8',
    language: 'vi',
    title,
    lede,
    body,
    captions: [],
    category: pick(r, CATEGORIES),
    publishedAt,
    authors: r() < 0.5 ? ['Minh Anh'] : [],
    publisher: pick(r, PUBLISHERS),
    url: `https://example.vn/${id}.html`,
    keywords,
    entities: {
      person: persons.map((name) => ({ name, mentions: 1 + Math.floor(r() * 4) })),
      organization: orgs.map((name) => ({ name, mentions: 1 })),
      place: places.map((p) => ({ name: p.name, mentions: 1, ...(p.province && { province: p.province }) })),
    },
    topics: topics.map((t) => ({ ...t, score: Math.round(r() * 100) / 100 })),
    wordCount: body.split(' ').length,
    processorVersion: 'bench',
    processedAt: '2026-01-01T00:00:00Z',
  };
}
