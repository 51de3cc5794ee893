/**
 * How a record is indexed: the facet keys it is listed under, its sort position and its search text.
 * Pure, no AWS. Reads (`filterFacets`) and writes (`recordFacets`) derive keys from the same functions,
 * so a filter value and a stored value meet only when they normalise alike.
 */
import type { ArticleRecord, Province } from '../../shared/model/article';
import type { ArticleFilter, EntityType } from '../../shared/store/reader';
import { nameKey, searchKey } from '../../shared/text/vietnamese';

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

/**
 * Most search-term facets one article gets (title first, then keywords, entity names, lede). Terms past
 * the cap are not findable by `q`; a typical title and lede stay under it.
 */
export const MAX_WORD_FACETS = 200;
/** Longest search text kept on an article (title, lede, keywords, entity names). */
export const MAX_SEARCH_TEXT = 8000;

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

/** Newest first by publishedAt, else processedAt. */
export function sortTimeOf(record: Pick<ArticleRecord, 'publishedAt' | 'processedAt'>): string {
  return (
    (record.publishedAt && vietnamLocalTime(record.publishedAt)) ??
    vietnamLocalTime(record.processedAt) ??
    '0000-00-00T00:00:00'
  );
}

function entityCounterKey(name: string): string {
  return `${searchKey(name)}#${nameKey(name)}`;
}

export function searchTextOf(record: ArticleRecord): string {
  // Short, telling fields first: when the term cap is reached it is the lede's tail that goes unindexed.
  const parts = [
    record.title ?? '',
    ...record.keywords,
    ...record.entities.person.map((e) => e.name),
    ...record.entities.organization.map((e) => e.name),
    ...record.entities.place.map((e) => e.name),
    record.lede ?? '',
  ];
  // Parts are joined with a marker so a phrase never matches across two fields.
  return parts.map(searchKey).filter(Boolean).join(' | ').slice(0, MAX_SEARCH_TEXT);
}

/**
 * Search terms of a text: single syllables and adjacent pairs. Vietnamese words are mostly two
 * syllables (`hà nội`, `bóng đá`), so a pair is far more selective than either syllable, and a phrase
 * query reads the partition of one of its pairs.
 */
export function searchTerms(searchText: string, max = MAX_WORD_FACETS): string[] {
  const terms = new Set<string>();
  for (const field of searchText.split(' | ')) {
    const words = field.split(' ').filter(Boolean);
    for (let i = 0; i < words.length && terms.size < max; i++) {
      terms.add(words[i]!);
      if (i + 1 < words.length && terms.size < max) terms.add(`${words[i]} ${words[i + 1]}`);
    }
    if (terms.size >= max) break;
  }
  return [...terms];
}

export function recordIndex(record: ArticleRecord): RecordIndex {
  const facets = new Set<string>([facet('status', record.status)]);
  const counted = new Map<string, CountedFacet>();
  const stored = record.status === 'stored';
  for (const kind of ['person', 'organization', 'place'] as const) {
    for (const entity of record.entities[kind]) {
      const key = nameKey(entity.name);
      if (!key) continue;
      const f = facet(kind, key);
      facets.add(f);
      if (stored && !counted.has(f)) {
        const province = 'province' in entity ? (entity.province as Province | undefined) : undefined;
        counted.set(f, {
          facet: f,
          kind,
          counterKey: entityCounterKey(entity.name),
          name: entity.name,
          ...(province && { province }),
        });
      }
      if (kind === 'place' && 'province' in entity && entity.province) {
        const p = entity.province as Province;
        // Official names carry the unit (`Thành phố Hà Nội`); people filter by the name alone (`Hà Nội`).
        const short = p.name.replace(/^(tỉnh|thành phố)\s+/iu, '');
        for (const v of [
          nameKey(p.code),
          nameKey(p.name),
          searchKey(p.name),
          nameKey(short),
          searchKey(short),
        ])
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
  const searchText = searchTextOf(record);
  for (const w of searchTerms(searchText)) facets.add(facet('word', w));
  return { facets: [...facets], counted: [...counted.values()], sortTime: sortTimeOf(record), searchText };
}

/** What a filter needs: the facets every match has, one of them to query, and an optional phrase. */
export interface FilterPlan {
  /** Facet partition to read in order, by default (the store may pick a smaller one of `required`). */
  partition: string;
  /** Every facet a match has, most selective first by a static guess; the status facet is last. */
  required: string[];
  /** searchKey of `q`; matches whole words in the article's search text. */
  phrase?: string;
  /** Inclusive bounds on the sort key (local time), from the from/to days. */
  lower?: string;
  upper?: string;
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
  add('person', filter.person);
  add('organization', filter.organization);
  add('place', filter.place);
  add('keyword', filter.keyword);
  add('publisher', filter.publisher);
  add('province', filter.province);
  let phrase: string | undefined;
  if (filter.q !== undefined) {
    const q = searchKey(filter.q);
    if (q) {
      phrase = q;
      // Pairs of syllables are rarer than single ones; longer terms rarer than short ones.
      const words = q.split(' ');
      const pairs = words.slice(1).map((w, i) => `${words[i]} ${w}`);
      const terms = [...new Set(pairs.length > 0 ? pairs : words)].sort((a, b) => b.length - a.length);
      for (const t of terms) ranked.push(facet('word', t));
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
  return {
    partition: ranked[0]!,
    required: ranked,
    ...(phrase !== undefined && { phrase }),
    ...(filter.from !== undefined && { lower: `${filter.from}T` }),
    // 'T~' sorts after every time of that day.
    ...(filter.to !== undefined && { upper: `${filter.to}T~` }),
  };
}

/** Whole-word phrase match; ' | ' separates fields so a phrase never spans two. */
export function matchesPhrase(searchText: string, phrase: string): boolean {
  return ` ${searchText} `.includes(` ${phrase} `);
}
