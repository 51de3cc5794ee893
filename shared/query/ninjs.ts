/**
 * An article record as an IPTC ninjs 2.2 document (https://iptc.org/standards/ninjs/) for newsroom
 * tools. ninjs 2.x has no `keywords` or section property: keywords and breadcrumb categories go to
 * `subjects` with `rel` `keyword` / `category`, next to the IPTC Media Topics (`rel` `about`).
 */
import type { ArticleRecord } from '../model/article';

export const NINJS_SCHEMA_URI = 'https://www.iptc.org/std/ninjs/ninjs-schema_2.2.json';
export const MEDIATOPIC_URI = 'http://cv.iptc.org/newscodes/mediatopic/';

interface NinjsText {
  role?: string;
  contenttype?: string;
  value: string;
}

interface NinjsSubject {
  name?: string;
  rel?: string;
  uri?: string;
  literal?: string;
  confidence?: number;
}

interface NinjsNamed {
  name: string;
  rel?: string;
  literal?: string;
}

/** The ninjs 2.2 properties newsdrop fills. */
export interface NinjsDocument {
  uri: string;
  standard: { name: 'ninjs'; version: '2.2'; schema: string };
  type: 'text';
  representationtype: 'full';
  pubstatus: 'usable';
  firstcreated?: string;
  versioncreated: string;
  language?: string;
  headlines?: NinjsText[];
  /** Editorial note for the receiving newsroom: says when the headline was rebuilt from the URL. */
  ednote?: string;
  descriptions?: NinjsText[];
  bodies: (NinjsText & { wordcount?: number; charcount?: number })[];
  by?: string;
  subjects?: NinjsSubject[];
  people?: NinjsNamed[];
  organisations?: NinjsNamed[];
  places?: NinjsNamed[];
  infosources?: { name: string; role?: string }[];
  altids?: { role: string; value: string }[];
  /** The story the article is in (`rel` `story`). */
  events?: { name?: string; rel: string; uri: string; literal: string }[];
  /** The article this one is a near-copy of (`name` `duplicate-of`). */
  associations?: { name: string; uri: string }[];
}

export function articleUrn(id: string): string {
  return `urn:newsdrop:article:${encodeURIComponent(id)}`;
}

export function storyUrn(id: string): string {
  return `urn:newsdrop:story:${encodeURIComponent(id)}`;
}

export function mediaTopicUri(code: string): string {
  return `${MEDIATOPIC_URI}${code.replace(/^medtop:/, '')}`;
}

/**
 * RFC 3339 date-time as ninjs requires: a day alone becomes midnight in Vietnam, a time without seconds
 * gets `:00`. Null if the value is not a date.
 */
export function rfc3339(value: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00+07:00`;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(value);
  if (!m || Number.isNaN(Date.parse(value))) return null;
  return `${m[1]}${m[2] ?? ':00'}${m[3]}`;
}

const nonEmpty = <T>(items: T[]): T[] | undefined => (items.length > 0 ? items : undefined);

/** The ninjs document of a stored article. */
export function toNinjs(record: ArticleRecord): NinjsDocument {
  const published = record.publishedAt ? rfc3339(record.publishedAt) : null;
  const processed = rfc3339(record.processedAt) ?? record.processedAt;

  const subjects: NinjsSubject[] = [
    ...record.topics.map((t) => ({
      name: t.label,
      rel: 'about',
      uri: mediaTopicUri(t.code),
      literal: t.code,
      confidence: Math.round(Math.min(1, Math.max(0, t.score)) * 100),
    })),
    ...record.category.map((name) => ({ name, rel: 'category' })),
    ...record.keywords.map((name) => ({ name, rel: 'keyword' })),
  ];

  // Places, then each province they resolve to once, so tools can facet on provinces too.
  const places: NinjsNamed[] = record.entities.place.map((p) => ({ name: p.name }));
  const provinces = new Map<string, string>();
  for (const p of record.entities.place) if (p.province) provinces.set(p.province.code, p.province.name);
  for (const [code, name] of provinces) places.push({ name, rel: 'province', literal: code });

  const doc: NinjsDocument = {
    uri: articleUrn(record.id),
    standard: { name: 'ninjs', version: '2.2', schema: NINJS_SCHEMA_URI },
    type: 'text',
    representationtype: 'full',
    pubstatus: 'usable',
    ...(published && { firstcreated: published }),
    versioncreated: published ?? processed,
    ...(record.language && { language: record.language }),
    bodies: [
      {
        role: 'main',
        contenttype: 'text/plain',
        value: record.body,
        wordcount: record.wordCount,
        charcount: [...record.body].length,
      },
    ],
  };
  const optional: Partial<NinjsDocument> = {
    headlines: record.title ? [{ role: 'main', value: record.title }] : undefined,
    ednote:
      record.title && record.titleSource === 'url'
        ? 'Headline rebuilt from the URL slug (titleSource: url); the file had none.'
        : undefined,
    descriptions: nonEmpty([
      ...(record.lede ? [{ role: 'summary', value: record.lede }] : []),
      ...record.captions.map((value) => ({ role: 'caption', value })),
    ]),
    by: record.authors.length > 0 ? record.authors.join(', ') : undefined,
    subjects: nonEmpty(subjects),
    people: nonEmpty(record.entities.person.map((p) => ({ name: p.name }))),
    organisations: nonEmpty(record.entities.organization.map((o) => ({ name: o.name }))),
    places: nonEmpty(places),
    infosources: record.publisher ? [{ name: record.publisher, role: 'publisher' }] : undefined,
    altids: nonEmpty([
      ...(record.url ? [{ role: 'url', value: record.url }] : []),
      { role: 'newsdrop-id', value: record.id },
    ]),
    events: record.story
      ? [{ rel: 'story', uri: storyUrn(record.story.id), literal: record.story.id }]
      : undefined,
    associations: record.duplicateOf
      ? [{ name: 'duplicate-of', uri: articleUrn(record.duplicateOf) }]
      : undefined,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (doc as unknown as Record<string, unknown>)[key] = value;
  }
  return doc;
}
