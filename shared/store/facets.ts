/**
 * How a record is indexed: the facet keys it is listed under, its sort position and its search text.
 * Pure, no AWS. Reads (`filterFacets`) and writes (`recordFacets`) derive keys from the same functions,
 * so a filter value and a stored value meet only when they normalise alike.
 */
import type { ArticleRecord, Province } from '../model/article';
import { queryTerms, searchTerms, searchTextOf } from '../text/search-terms';
import { nameKey, searchKey } from '../text/vietnamese';
import type { ArticleFilter, EntityType } from './reader';

/** Facet prefixes; one letter keeps index keys short. */
export const FACET = {
  status: 's',
  person: 'p',
  organization: 'o',
  place: 'l',
  province: 'v',
  topic: 't',
  category: 'c',
  keyword: 'k',
  publisher: 'u',
  word: 'w',
} as const;

export function facet(kind: keyof typeof FACET, value: string): string {
  return `${FACET[kind]}#${value}`;
}

/** A facet whose article count is kept (topEntities, topTopics). */
export interface CountedFacet {
  facet: string;
  /** `person` | `organization` | `place` | `topic` */
  kind: EntityType | 'topic';
  /** Counter sort key: search key first so a prefix query ignores diacritics. */
  counterKey: string;
  name: string;
  label?: string;
  province?: Province;
}

export interface RecordIndex {
  facets: string[];
  counted: CountedFacet[];
  /** `YYYY-MM-DDTHH:mm:ss` in Asia/Ho_Chi_Minh: sorts as text in time order. */
  sortTime: string;
  searchText: string;
}

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/** A timestamp as local time in Vietnam (UTC+7, no DST), `YYYY-MM-DDTHH:mm:ss`. */
export function vietnamLocalTime(iso: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return `${iso}T00:00:00`;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 19);
}

/** Sort times of undated articles start with this: below every year, so they come last newest-first and fall outside every from/to range. */
export const UNDATED = '!';

/**
 * Newest first by publishedAt. An undated article sorts by processedAt behind UNDATED, so it comes after
 * every dated one and no day range holds it.
 */
export function sortTimeOf(record: Pick<ArticleRecord, 'publishedAt' | 'processedAt'>): string {
  const published = record.publishedAt && vietnamLocalTime(record.publishedAt);
  if (published) return published;
  return `${UNDATED}${vietnamLocalTime(record.processedAt) ?? '0000-00-00T00:00:00'}`;
}

/** Case, diacritics and spacing folded away: `Phạm Bình Minh`, `pham binh minh`, `PhamBinhMinh` meet. */
export function foldKey(text: string): string {
  return searchKey(text).replaceAll(' ', '');
}

/**
 * A place name folded without a leading `thành phố`/`TP` (`TP.HCM`, `TPHCM`, `TP HCM` → `hcm`;
 * `Thành phố Hà Nội` → `hanoi`), so the ways a city is written meet.
 */
export function placeKey(text: string): string {
  const trimmed = text.trim();
  // An acronym that starts with the unit: TPHCM, TPHN.
  if (/^TP[A-ZĐ]{2,}$/u.test(trimmed)) return foldKey(trimmed.slice(2));
  return searchKey(trimmed)
    .replace(/^(thanh pho|tp) (?=\S)/, '')
    .replaceAll(' ', '');
}

/** A province's name without its unit: `Thành phố Hà Nội` → `Hà Nội`, `Tỉnh Quảng Nam` → `Quảng Nam`. */
export function provinceShortName(p: Province): string {
  return p.name.replace(/^(tỉnh|thành phố)\s+/iu, '');
}

/** Keys a province is known by: code, full and short name, initials of a name of 2+ syllables (HCM, HN). */
export function provinceKeys(p: Province): string[] {
  const short = provinceShortName(p);
  const syllables = searchKey(short).split(' ');
  const initials = syllables.length > 1 ? syllables.map((w) => w[0]).join('') : '';
  return [...new Set([placeKey(short), placeKey(p.name), initials].filter(Boolean))];
}

interface IndexedEntity {
  name: string;
  aliases?: readonly string[];
  province?: Province;
}

/**
 * The facet keys and counter of one entity: its name and aliases folded (places with placeKey); a place
 * that names its province itself (`TP.HCM`, `Hồ Chí Minh` in province 79) also goes by every key of the
 * province, and is counted under the province's short name, so one city is one row in /entities.
 */
function entityKeys(kind: EntityType, entity: IndexedEntity): { keys: string[]; canonical: string } {
  const key = kind === 'place' ? placeKey : foldKey;
  const own = [entity.name, ...(entity.aliases ?? [])].map(key).filter(Boolean);
  const p = entity.province;
  if (kind === 'place' && p) {
    const province = provinceKeys(p);
    if (own.some((k) => province.includes(k))) {
      return { keys: [...new Set([...province, ...own])], canonical: provinceShortName(p) };
    }
  }
  return { keys: [...new Set(own)], canonical: entity.name };
}

export function recordIndex(record: ArticleRecord): RecordIndex {
  const facets = new Set<string>([facet('status', record.status)]);
  const counted = new Map<string, CountedFacet>();
  const stored = record.status === 'stored';
  const names: string[] = [];
  for (const kind of ['person', 'organization', 'place'] as const) {
    for (const entity of record.entities[kind] as IndexedEntity[]) {
      const { keys, canonical } = entityKeys(kind, entity);
      if (keys.length === 0) continue;
      names.push(entity.name, ...(entity.aliases ?? []));
      for (const k of keys) facets.add(facet(kind, k));
      const f = facet(kind, keys[0]!);
      if (stored && !counted.has(f)) {
        const province = entity.province;
        counted.set(f, {
          facet: f,
          kind,
          counterKey: keys[0]!,
          name: canonical,
          ...(province && { province }),
        });
      }
      if (kind === 'place' && entity.province) {
        const p = entity.province;
        for (const v of [p.code.toLowerCase(), placeKey(provinceShortName(p))])
          if (v) facets.add(facet('province', v));
      }
    }
  }
  for (const topic of record.topics) {
    const f = facet('topic', topic.code);
    facets.add(f);
    if (stored && !counted.has(f)) {
      counted.set(f, {
        facet: f,
        kind: 'topic',
        counterKey: topic.code,
        name: topic.code,
        label: topic.label,
      });
    }
  }
  for (const c of record.category) if (nameKey(c)) facets.add(facet('category', nameKey(c)));
  for (const k of record.keywords) if (nameKey(k)) facets.add(facet('keyword', nameKey(k)));
  if (record.publisher && nameKey(record.publisher))
    facets.add(facet('publisher', nameKey(record.publisher)));
  // Short, telling fields first: when the term budget runs out it is the lede's tail that goes unindexed.
  const fields = {
    head: [record.title ?? '', ...record.keywords, ...names],
    lede: record.lede,
    body: record.body,
  };
  for (const w of searchTerms(fields)) facets.add(facet('word', w));
  return {
    facets: [...facets],
    counted: [...counted.values()],
    sortTime: sortTimeOf(record),
    searchText: searchTextOf(fields),
  };
}

/** What a filter needs: the facets every match has, one of them to query, and an optional phrase. */
export interface FilterPlan {
  /** Facet partition to read in order, by default (the store may pick a smaller one of `required`). */
  partition: string;
  /** Every facet a match has, most selective first by a static guess; the status facet is last. */
  required: string[];
  /**
   * searchKey of a `q` of three or more syllables: it must also occur as whole words in the article's
   * search text. Shorter queries are one term, and having the term is the match.
   */
  phrase?: string;
  /** Inclusive bounds on the sort key (local time), from the from/to days and `dated`. */
  lower?: string;
  upper?: string;
  /** The bounds exclude each other (`dated=false` with a day range): nothing matches. */
  empty?: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class InvalidFilterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidFilterError';
  }
}

export function planFilter(filter: ArticleFilter): FilterPlan {
  // Most selective first: a person's partition is small, the status partition holds everything.
  const ranked: string[] = [];
  const add = (kind: keyof typeof FACET, value: string | undefined, key: (s: string) => string = nameKey) => {
    if (value === undefined) return;
    const k = key(value);
    if (!k) throw new InvalidFilterError(`empty ${kind} filter`);
    ranked.push(facet(kind, k));
  };
  add('person', filter.person, foldKey);
  add('organization', filter.organization, foldKey);
  add('place', filter.place, placeKey);
  add('keyword', filter.keyword);
  add('publisher', filter.publisher);
  // A province filter names a province: its unit word goes (`Tỉnh Quảng Nam`, `TP.HCM`).
  add('province', filter.province, (v) =>
    placeKey(searchKey(v).startsWith('tinh ') ? v.trim().replace(/^\S+\s+/u, '') : v),
  );
  let phrase: string | undefined;
  if (filter.q !== undefined) {
    const q = searchKey(filter.q);
    if (q) {
      if (q.split(' ').length > 2) phrase = q;
      // Longer terms are rarer. A q of function words alone has no term: its whole phrase, never indexed, finds nothing.
      const terms = queryTerms(q).sort((a, b) => b.length - a.length);
      for (const t of terms.length > 0 ? terms : [q]) ranked.push(facet('word', t));
    }
  }
  add('category', filter.category);
  add('topic', filter.topic, (s) => s.trim());
  ranked.push(facet('status', filter.status));
  for (const [name, day] of [
    ['from', filter.from],
    ['to', filter.to],
  ] as const) {
    if (day !== undefined && !(DAY.test(day) && !Number.isNaN(Date.parse(day)))) {
      throw new InvalidFilterError(`${name} must be a day YYYY-MM-DD`);
    }
  }
  // 'T~' sorts after every time of that day; undated sort times are `!<processed time>`.
  let upper = filter.to !== undefined ? `${filter.to}T~` : undefined;
  // Any day bound, or dated=true, starts at the first dated key ('0'), above every undated one.
  let lower =
    filter.from !== undefined
      ? `${filter.from}T`
      : upper !== undefined || filter.dated === true
        ? '0'
        : undefined;
  let empty = false;
  if (filter.dated === false) {
    if (lower !== undefined) empty = true;
    lower = UNDATED;
    upper = `${UNDATED}~`;
  }
  return {
    partition: ranked[0]!,
    required: ranked,
    ...(phrase !== undefined && { phrase }),
    ...(lower !== undefined && { lower }),
    ...(upper !== undefined && { upper }),
    ...(empty && { empty }),
  };
}

/** Whole-word phrase match; ' | ' separates fields so a phrase never spans two. */
export function matchesPhrase(searchText: string, phrase: string): boolean {
  return ` ${searchText} `.includes(` ${phrase} `);
}
