/**
 * A generated corpus of article records for the query tests: deterministic (seeded), varied in every
 * field a filter looks at, with dates near day boundaries and in other offsets, and some rejected files.
 * `expected()` is the reference meaning of a filter, written from the ArticleFilter doc comments.
 */

import { rng } from '../../eval/random';
import type { ArticleRecord, Entities, Province } from '../../shared/model/article';
import { rejectedRecord } from '../../shared/process';
import { foldKey, placeKey, provinceKeys, recordIndex } from '../../shared/store/facets';
import type { ArticleFilter, EntityType } from '../../shared/store/reader';
import { queryTerms } from '../../shared/text/search-terms';
import { nameKey, searchKey } from '../../shared/text/vietnamese';

export const PERSONS = [
  'Phạm Bình Minh',
  'Nguyễn Xuân Phúc',
  'Võ Văn Thưởng',
  'Đặng Thị Ngọc Thịnh',
  'Trần Đại Quang',
  'Lê Thị Hồng',
  'Hoàng Văn Đức',
  'Nguyễn Thị Hòa',
  'Bùi Thanh Sơn',
  'Phan Văn Mãi',
  'Đỗ Minh Tuấn',
  'Vũ Đức Đam',
];
export const ORGANIZATIONS = [
  'Bộ Ngoại giao',
  'Quốc hội',
  'Vietcombank',
  'Bộ Y tế',
  'Tổng cục Thống kê',
  'Liên đoàn Bóng đá Việt Nam',
  'Đại học Quốc gia Hà Nội',
];
const P = (code: string, name: string): Province => ({ code, name });
export const PLACES: { name: string; province?: Province }[] = [
  { name: 'Hà Nội', province: P('01', 'Thành phố Hà Nội') },
  { name: 'Hoàn Kiếm', province: P('01', 'Thành phố Hà Nội') },
  { name: 'Đà Nẵng', province: P('48', 'Thành phố Đà Nẵng') },
  { name: 'Hội An', province: P('48', 'Thành phố Đà Nẵng') },
  { name: 'TP HCM', province: P('79', 'Thành phố Hồ Chí Minh') },
  { name: 'Sa Pa', province: P('15', 'Tỉnh Lào Cai') },
  { name: 'Cần Thơ', province: P('92', 'Thành phố Cần Thơ') },
  { name: 'Washington' },
  { name: 'Bắc Kinh' },
];
export const TOPICS = [
  { code: 'medtop:11000000', label: 'politics' },
  { code: 'medtop:04000000', label: 'economy, business and finance' },
  { code: 'medtop:15000000', label: 'sport' },
  { code: 'medtop:07000000', label: 'health' },
  { code: 'medtop:13000000', label: 'science and technology' },
  { code: 'medtop:20000106', label: 'diplomacy' },
];
export const CATEGORIES = [
  ['Thời sự'],
  ['Thời sự', 'Chính trị'],
  ['Kinh doanh'],
  ['Thể thao', 'Bóng đá'],
  ['Sức khỏe'],
  ['Thế giới'],
];
export const KEYWORDS = [
  'biển Đông',
  'lãi suất',
  'bóng đá',
  'vắc xin',
  'xuất khẩu',
  'giá vàng',
  'đường sắt',
  'AI',
];
export const PUBLISHERS = ['VnExpress', 'Tuổi Trẻ', 'Thanh Niên', 'Dân trí'];
const TITLE_WORDS = [
  'Hội nghị',
  'Đại biểu',
  'Thị trường',
  'Trận đấu',
  'Bệnh viện',
  'Công nghệ',
  'Đàm phán',
  'Đường dây',
];

function pick<T>(r: () => number, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)]!;
}
function some<T>(r: () => number, items: readonly T[], max: number): T[] {
  const n = Math.floor(r() * (max + 1));
  const out = new Set<T>();
  for (let i = 0; i < n; i++) out.add(pick(r, items));
  return [...out];
}
const pad = (n: number) => String(n).padStart(2, '0');

/** A publication time: mostly +07:00, some UTC (crossing the Vietnamese day), a few day-only or missing. */
function publishedAt(r: () => number): string | null {
  const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(r() * 730) * 86_400_000);
  const ymd = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
  const kind = r();
  if (kind < 0.04) return null;
  if (kind < 0.08) return ymd;
  const hour = kind < 0.2 ? pick(r, [0, 23]) : Math.floor(r() * 24);
  const time = `${pad(hour)}:${pad(Math.floor(r() * 60))}:${pad(Math.floor(r() * 60))}`;
  return kind < 0.3 ? `${ymd}T${time}Z` : `${ymd}T${time}+07:00`;
}

export function makeStored(id: string, r: () => number): ArticleRecord {
  const persons = some(r, PERSONS, 2);
  const orgs = some(r, ORGANIZATIONS, 1);
  const places = some(r, PLACES, 2);
  const keywords = some(r, KEYWORDS, 2);
  const topics = some(r, TOPICS, 2);
  const lead = persons[0] && r() < 0.5 ? ` ${persons[0]}` : '';
  const title = `${pick(r, TITLE_WORDS)}${lead} số ${id}`;
  return {
    id,
    status: 'stored',
    source: { bucket: 'newsdrop-articles', key: `incoming/${id}.txt`, size: 1000, sha256: '0'.repeat(64) },
    format: 'text',
    encoding: 'utf-8',
    language: 'vi',
    title,
    lede: r() < 0.3 ? `Tóm tắt ${pick(r, TITLE_WORDS).toLowerCase()}.` : null,
    body: `Nội dung bài ${id}.`,
    captions: [],
    category: pick(r, CATEGORIES),
    publishedAt: publishedAt(r),
    authors: r() < 0.5 ? ['Minh Anh'] : [],
    publisher: r() < 0.9 ? pick(r, PUBLISHERS) : null,
    url: `https://example.vn/${id}.html`,
    keywords,
    entities: {
      person: persons.map((name) => ({ name, mentions: 1 + Math.floor(r() * 4) })),
      organization: orgs.map((name) => ({ name, mentions: 1 })),
      place: places.map((p) => ({ name: p.name, mentions: 1, ...(p.province && { province: p.province }) })),
    },
    topics: topics.map((t) => ({ ...t, score: Math.round(r() * 100) / 100 })),
    wordCount: 4,
    processorVersion: 'test',
    processedAt: `2025-01-${pad(1 + Math.floor(r() * 28))}T${pad(Math.floor(r() * 24))}:00:00.000Z`,
  };
}

export function makeRejected(id: string, r: () => number): ArticleRecord {
  const code = pick(r, ['empty_file', 'binary_file', 'too_large', 'undecodable'] as const);
  const processedAt = new Date(
    `2025-02-${pad(1 + Math.floor(r() * 28))}T${pad(Math.floor(r() * 24))}:${pad(Math.floor(r() * 60))}:00.000Z`,
  );
  return {
    ...rejectedRecord(
      { bucket: 'newsdrop-articles', key: `incoming/bad-${id}.txt`, size: 0, sha256: '0'.repeat(64) },
      { code, message: `The file was refused (${code}).` },
      {},
      processedAt,
    ),
    id,
    processorVersion: 'test',
  };
}

export function generateCorpus(stored: number, rejected: number, seed = 7): ArticleRecord[] {
  const r = rng(seed);
  const out: ArticleRecord[] = [];
  for (let i = 0; i < stored; i++) out.push(makeStored(`g${String(i).padStart(5, '0')}`, r));
  for (let i = 0; i < rejected; i++) out.push(makeRejected(`r${String(i).padStart(5, '0')}`, r));
  return out;
}

/** `YYYY-MM-DDTHH:mm:ss` in Vietnam (UTC+7) of the time a record sorts by. */
export function localSortTime(record: ArticleRecord): string {
  const iso = record.publishedAt ?? record.processedAt;
  const local = /^\d{4}-\d{2}-\d{2}$/.test(iso)
    ? `${iso}T00:00:00`
    : new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 19);
  // Undated articles come after every dated one, newest processed first.
  return record.publishedAt ? local : `!${local}`;
}

/** Whether an entity list names `wanted`: folded names and aliases, and a city or province by any of its names. */
function namesEntity(kind: EntityType, entities: Entities[EntityType], wanted: string | undefined): boolean {
  if (wanted === undefined) return true;
  const key = kind === 'place' ? placeKey : foldKey;
  return entities.some((e) => {
    const keys = [e.name, ...((e as { aliases?: string[] }).aliases ?? [])].map(key);
    const p = (e as { province?: Province }).province;
    const province = p ? provinceKeys(p) : [];
    if (keys.some((k) => province.includes(k))) keys.push(...province);
    return keys.includes(key(wanted));
  });
}

/** The reference meaning of a filter over the corpus, newest first (ties: id descending, like the store). */
export function expected(corpus: ArticleRecord[], f: ArticleFilter): ArticleRecord[] {
  const names = (values: string[], wanted: string | undefined) =>
    wanted === undefined || values.some((v) => nameKey(v) === nameKey(wanted));
  const phrase = f.q === undefined ? undefined : searchKey(f.q);
  const dayOf = (a: ArticleRecord) => (a.publishedAt ? localSortTime(a).slice(0, 10) : undefined);
  return corpus
    .filter((a) => a.status === f.status)
    .filter((a) => namesEntity('person', a.entities.person, f.person))
    .filter((a) => namesEntity('organization', a.entities.organization, f.organization))
    .filter((a) => namesEntity('place', a.entities.place, f.place))
    .filter((a) => names(a.category, f.category))
    .filter((a) => names(a.keywords, f.keyword))
    .filter((a) => names(a.publisher ? [a.publisher] : [], f.publisher))
    .filter((a) => f.topic === undefined || a.topics.some((t) => t.code === f.topic))
    .filter(
      (a) =>
        f.province === undefined ||
        a.entities.place.some(
          (p) =>
            p.province &&
            (p.province.code === f.province ||
              placeKey(p.province.name.replace(/^(Tỉnh|Thành phố) /u, '')) ===
                placeKey(f.province!.replace(/^(tỉnh|tinh) /iu, ''))),
        ),
    )
    .filter((a) => f.dated === undefined || f.dated === (a.publishedAt !== null))
    .filter((a) => (f.from === undefined && f.to === undefined) || dayOf(a) !== undefined)
    .filter((a) => f.from === undefined || dayOf(a)! >= f.from)
    .filter((a) => f.to === undefined || dayOf(a)! <= f.to)
    .filter((a) => {
      if (!phrase) return true;
      // q: its terms among the article's indexed terms (docs/api.md), and a longer phrase in the fields.
      const terms = new Set(
        recordIndex(a)
          .facets.filter((x) => x.startsWith('w#'))
          .map((x) => x.slice(2)),
      );
      const wantedTerms = queryTerms(phrase);
      if (wantedTerms.length === 0 || !wantedTerms.every((t) => terms.has(t))) return false;
      if (phrase.split(' ').length <= 2) return true;
      const fields = [
        a.title ?? '',
        a.lede ?? '',
        ...a.keywords,
        ...a.entities.person.map((e) => e.name),
        ...a.entities.organization.map((e) => e.name),
        ...a.entities.place.map((e) => e.name),
      ];
      return fields.some((field) => ` ${searchKey(field)} `.includes(` ${phrase} `));
    })
    .sort((a, b) => {
      const ta = localSortTime(a);
      const tb = localSortTime(b);
      return ta !== tb ? (ta < tb ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
    });
}
