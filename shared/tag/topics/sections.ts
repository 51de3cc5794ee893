/**
 * The newsroom's own section (breadcrumb category or URL path) is the strongest topic signal an
 * article carries. This table maps common Vietnamese section names (diacritic-free, as in URL slugs)
 * to IPTC top-level topics. Written by hand from general knowledge of Vietnamese news sites.
 * Sections that name a place or a format rather than a subject (`thế giới`, `thời sự`, `tin tức trong
 * ngày`, `video`) are deliberately absent: they say nothing about the topic.
 */
import { searchKey } from '../../text/vietnamese';
import { IPTC, type IptcCode } from './iptc';

const SECTION_TABLE: ReadonlyArray<readonly [IptcCode, readonly string[]]> = [
  [
    IPTC.arts,
    [
      'van hoa',
      'giai tri',
      'am nhac',
      'dien anh',
      'phim',
      'sao',
      'showbiz',
      'san khau',
      'nghe thuat',
      'van hoc',
      'sach',
      'my thuat',
      'nhac',
      'amnhac',
      'sankhau',
      'van nghe',
      'hau truong',
      // Fashion: IPTC files it under arts and entertainment (medtop:20000011).
      'thoi trang',
      'thoitrang',
      'phong cach',
    ],
  ],
  [
    IPTC.crime,
    [
      'phap luat',
      'an ninh',
      'hinh su',
      'vu an',
      'phap dinh',
      'toa an',
      'an ninh trat tu',
      'phapluat',
      'anninh',
      'hinhsu',
      'ky su phap dinh',
    ],
  ],
  [
    IPTC.economy,
    [
      'kinh te',
      'kinh doanh',
      'tai chinh',
      'chung khoan',
      'bat dong san',
      'nha dat',
      'thi truong',
      'tieu dung',
      'doanh nghiep',
      'ngan hang',
      'dau tu',
      'o to',
      'oto',
      'xe',
      'oto xe may',
      'kinhte',
      'taichinh',
      'chungkhoan',
      'thitruong',
      'doanh nhan',
      'tai chinh ngan hang',
    ],
  ],
  [
    IPTC.education,
    ['giao duc', 'tuyen sinh', 'du hoc', 'dao tao', 'khuyen hoc', 'giaoduc', 'daotao', 'hoc duong'],
  ],
  // Natural disasters and accidents: IPTC files them apart from the society section that often carries them.
  [IPTC.disaster, ['thien tai', 'thientai', 'tai nan']],
  [IPTC.environment, ['moi truong', 'moitruong']],
  [IPTC.health, ['suc khoe', 'y te', 'benh', 'dinh duong', 'suckhoe', 'yte', 'khoe dep']],
  [IPTC.labour, ['viec lam', 'lao dong', 'vieclam', 'laodong']],
  [
    IPTC.lifestyle,
    [
      'du lich',
      'am thuc',
      'lam dep',
      'nha dep',
      'game',
      'dulich',
      'amthuc',
      'giai tri game',
      'tieu dung song',
      'gia dinh',
      'song dep',
    ],
  ],
  [
    IPTC.politics,
    [
      'chinh tri',
      'doi noi',
      'doi ngoai',
      'doi noi doi ngoai',
      'quoc hoi',
      'xay dung dang',
      'chinhtri',
      'doinoi',
      'doingoai',
      'chinh phu',
      'ngoai giao',
    ],
  ],
  [IPTC.religion, ['ton giao', 'phat giao', 'tongiao']],
  [
    IPTC.science,
    [
      'khoa hoc',
      'cong nghe',
      'so hoa',
      'cong nghe thong tin',
      'hi tech',
      'vi tinh',
      'kh cn',
      'cntt',
      'khoahoc',
      'congnghe',
      'thiet bi',
      'phan cung',
      'vien thong',
      'internet',
      'mobile',
      'smartphone',
    ],
  ],
  [IPTC.society, ['xa hoi', 'dan sinh', 'xahoi']],
  [
    IPTC.sport,
    [
      'the thao',
      'bong da',
      'quan vot',
      'tennis',
      'golf',
      'vo thuat',
      'thethao',
      'bongda',
      'quanvot',
      'bong da quoc te',
      'bong da viet nam',
      'dua xe',
      'marathon',
    ],
  ],
  [IPTC.conflict, ['quan su', 'quoc phong', 'quansu', 'quocphong']],
  [IPTC.weather, ['thoi tiet', 'thoitiet', 'du bao thoi tiet']],
];

const SECTION_KEYS: ReadonlyMap<string, IptcCode> = new Map(
  SECTION_TABLE.flatMap(([code, keys]) => keys.map((key) => [key, code] as const)),
);
const LONGEST_KEY = Math.max(...[...SECTION_KEYS.keys()].map((k) => k.split(' ').length));

/** `GiaoDuc` → `Giao Duc`, `DoiNoi-DoiNgoai` → `Doi Noi Doi Ngoai`; slugs keep their hyphen words. */
function splitCamel(segment: string): string {
  return segment.replace(/([a-z])([A-Z])/g, '$1 $2');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Path segments of a URL that can name a section: not the host, not the article slug or id. */
export function urlSections(url: string): string[] {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return [];
  }
  const segments = path.split('/').filter(Boolean);
  // `/<section>/<slug>/<id>`: a trailing numeric id makes the segment before it the article slug.
  const articleAt = /^\d+(\.\w+)?$/.test(segments.at(-1) ?? '') ? segments.length - 2 : segments.length - 1;
  const sections: string[] = [];
  for (const [i, raw] of segments.entries()) {
    if (i >= articleAt) break;
    const segment = safeDecode(raw);
    // Hosts and files (`vietnamnet.vn`, `x.htm`), long slugs and numeric ids are not sections.
    if (/\.[a-z]{2,5}$/i.test(segment) || /\d{4,}/.test(segment)) continue;
    if (segment.split('-').length > 5 || segment.toLowerCase() === 'home') continue;
    sections.push(splitCamel(segment));
    if (sections.length === 3) break;
  }
  return sections;
}

/**
 * Topics of section strings already read: newsrooms reuse a few hundred section names (`Thời sự`,
 * `kinh-doanh`), so most articles look theirs up instead of folding and splitting it again.
 */
const sectionCache = new Map<string, readonly IptcCode[]>();
const MAX_CACHED_SECTIONS = 10_000;

function cachedTopicsOfSection(section: string): readonly IptcCode[] {
  let codes = sectionCache.get(section);
  if (codes === undefined) {
    if (sectionCache.size >= MAX_CACHED_SECTIONS) sectionCache.clear();
    codes = topicsOfSection(section);
    sectionCache.set(section, codes);
  }
  return codes;
}

/** Topics named by one section string: every table key found as whole words in it. */
function topicsOfSection(section: string): IptcCode[] {
  const words = searchKey(section).split(' ').filter(Boolean);
  const found = new Set<IptcCode>();
  for (let start = 0; start < words.length; start++) {
    for (let n = Math.min(LONGEST_KEY, words.length - start); n >= 1; n--) {
      const code = SECTION_KEYS.get(words.slice(start, start + n).join(' '));
      if (code !== undefined) {
        found.add(code);
        break;
      }
    }
  }
  // A joined slug like `giaoduc` is one word; it is looked up whole above.
  return [...found];
}

/**
 * Weight per topic from the article's breadcrumb and URL sections (sums to 1 when any matched).
 * A breadcrumb narrows from the newsroom's broad section to a sub-section (`Xã hội › Việc làm`,
 * `Văn hóa › Tôn giáo`), so its deepest level that names a subject decides; a level longer than
 * MAX_SECTION_WORDS is more likely the article's own title than a section and is not read.
 */
export function sectionTopics(category: readonly string[], url: string | null): Map<IptcCode, number> {
  // The URL is read only when the breadcrumb names nothing (parsing it costs more than the look-ups).
  return (
    sectionWeights(deepestFirst(category)) ??
    (url ? sectionWeights(urlSections(url)) : undefined) ??
    new Map()
  );
}

/** Section names are a few words (`Kinh tế - Tài chính`); a longer level is a title or a slogan. */
const MAX_SECTION_WORDS = 5;

function deepestFirst(category: readonly string[]): string[] {
  return category.filter((level) => level.split(/\s+/).length <= MAX_SECTION_WORDS).reverse();
}

/** Weight per topic of the first of `sections` that names any. */
function sectionWeights(sections: readonly string[]): Map<IptcCode, number> | undefined {
  for (const section of sections) {
    const codes = cachedTopicsOfSection(section);
    if (codes.length > 0) return new Map(codes.map((c) => [c, 1 / codes.length]));
  }
  return undefined;
}
