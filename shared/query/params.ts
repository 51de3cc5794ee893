/**
 * Query parameters of every endpoint, defined once: the zod schema validates and translates a request,
 * and the same definitions (name, description, JSON Schema) are published in the OpenAPI document, so
 * the document cannot drift from what the API accepts.
 */
// zod/mini: tree-shakable, keeps the query Lambda bundle small (classic zod adds ~400 KB).
import * as z from 'zod/mini';
import type { ArticleFilter, EntityType } from '../store/reader';
import { ProblemError } from './problem';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
/** Longest value accepted for a name-like filter or `q`. */
export const MAX_TEXT_LENGTH = 200;

export interface ParamSpec {
  name: string;
  description: string;
  /** JSON Schema of the value, for the OpenAPI document. */
  schema: Record<string, unknown>;
  required?: boolean;
  example?: string | boolean;
  /** Validates (and normalises) the raw value; undefined when the parameter is absent. */
  zod: z.ZodMiniType;
}

function isRealDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const ms = Date.parse(`${s}T00:00:00Z`);
  // Date.parse rolls 2024-02-30 over to March rather than failing: compare the day back.
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === s;
}

function trimmed(...checks: z.core.$ZodCheck<string>[]) {
  return z.string().check(z.trim(), ...checks);
}

function textParam(name: string, description: string, example?: string): ParamSpec {
  return {
    name,
    description,
    schema: { type: 'string', minLength: 1, maxLength: MAX_TEXT_LENGTH },
    ...(example !== undefined && { example }),
    zod: z.optional(
      trimmed(
        z.minLength(1, { error: `${name} must not be empty` }),
        z.maxLength(MAX_TEXT_LENGTH, { error: `${name} must be at most ${MAX_TEXT_LENGTH} characters` }),
      ),
    ),
  };
}

function dayParam(name: 'from' | 'to', description: string): ParamSpec {
  return {
    name,
    description,
    schema: { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    example: name === 'from' ? '2024-05-01' : '2024-05-31',
    zod: z.optional(
      trimmed(
        z.refine(isRealDay, {
          error: (iss) => `${name} must be a calendar day YYYY-MM-DD (got ${JSON.stringify(iss.input)})`,
        }),
      ),
    ),
  };
}

function limitParam(): ParamSpec {
  return {
    name: 'limit',
    description: `Most items to return (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT}).`,
    schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
    zod: z.optional(
      z.pipe(
        trimmed(
          z.refine((s: string) => /^\d{1,6}$/.test(s) && Number(s) >= 1 && Number(s) <= MAX_LIMIT, {
            error: (iss) =>
              `limit must be a whole number from 1 to ${MAX_LIMIT} (got ${JSON.stringify(iss.input)})`,
          }),
        ),
        z.transform(Number),
      ),
    ),
  };
}

const cursorParam: ParamSpec = {
  name: 'cursor',
  description:
    'Opaque cursor from the `next` field of the previous page. Valid only with the same filter parameters.',
  schema: { type: 'string', minLength: 1 },
  zod: z.optional(z.string().check(z.minLength(1, { error: 'cursor must not be empty' }))),
};

const TOPIC_CODE = /^(?:medtop:|https?:\/\/cv\.iptc\.org\/newscodes\/mediatopic\/)?(\d{8})$/;

const articleFilterParams: ParamSpec[] = [
  textParam(
    'person',
    'Articles that name this person, ignoring case, diacritics and spacing (`pham binh minh` finds `Phạm Bình Minh`), or one of its aliases.',
    'Phạm Bình Minh',
  ),
  textParam(
    'organization',
    'Articles that name this organisation, ignoring case, diacritics and spacing, or one of its aliases.',
    'Bộ Ngoại giao',
  ),
  textParam(
    'place',
    'Articles that name this place, ignoring case, diacritics and spacing, or one of its aliases; a city or province by any of its usual names (`TP.HCM`, `TPHCM`, `Hồ Chí Minh`, `Thành phố Hồ Chí Minh` find the same articles).',
    'Hà Nội',
  ),
  textParam(
    'province',
    'Articles with a place in this province: a province code (`01`) or name (`Hà Nội`, `Thành phố Hà Nội`).',
    '01',
  ),
  {
    name: 'topic',
    description:
      'IPTC Media Topic (`medtop:11000000`, `11000000` or its cv.iptc.org URI); matches the topic at any level.',
    schema: { type: 'string', pattern: TOPIC_CODE.source },
    example: 'medtop:11000000',
    zod: z.optional(
      z.pipe(
        trimmed(
          z.regex(TOPIC_CODE, { error: 'topic must be an IPTC Media Topic code like medtop:11000000' }),
        ),
        z.transform((s: string) => `medtop:${TOPIC_CODE.exec(s)![1]}`),
      ),
    ),
  },
  textParam('category', 'Articles filed under this breadcrumb category (any level).', 'Thời sự'),
  textParam('keyword', 'Articles with this keyword.'),
  textParam('publisher', 'Articles from this publisher.', 'VnExpress'),
  dayParam(
    'from',
    'First publication day, inclusive, in Asia/Ho_Chi_Minh (`YYYY-MM-DD`). Undated articles are outside every range.',
  ),
  dayParam(
    'to',
    'Last publication day, inclusive, in Asia/Ho_Chi_Minh (`YYYY-MM-DD`). Undated articles are outside every range.',
  ),
  {
    name: 'dated',
    description:
      '`true`: only articles with a publication time; `false`: only undated ones (newest processed first). By default both, undated ones after every dated one.',
    schema: { type: 'boolean' },
    example: false,
    zod: z.optional(
      z.pipe(
        trimmed(
          z.refine((s: string) => s === 'true' || s === 'false', { error: 'dated must be true or false' }),
        ),
        z.transform((s: string) => s === 'true'),
      ),
    ),
  },
  {
    name: 'status',
    description: 'Stored articles (default) or rejected files.',
    schema: { type: 'string', enum: ['stored', 'rejected'], default: 'stored' },
    zod: z.optional(z.enum(['stored', 'rejected'], { error: 'status must be stored or rejected' })),
  },
  {
    ...textParam(
      'q',
      'Text search, ignoring case and Vietnamese diacritics (`pham binh minh` finds `Phạm Bình Minh`; `d` matches `đ`), on whole words. One or two syllables find articles that have them in the title, keywords or entity names, as a pair of content syllables in the lede, or among the few most telling word pairs of the body; longer phrases must occur as a phrase in the title, keywords, entity names or lede. Function words alone (`của`, `và`) find nothing. See docs/api.md.',
      'pham binh minh',
    ),
  },
  limitParam(),
  cursorParam,
];

/** Query parameters of each endpoint, by route (OpenAPI path syntax). */
export const ENDPOINT_PARAMS = {
  '/articles': articleFilterParams,
  '/articles/{id}': [
    {
      name: 'format',
      description: '`json` (default): the article record; `ninjs`: an IPTC ninjs 2.2 document.',
      schema: { type: 'string', enum: ['json', 'ninjs'], default: 'json' },
      zod: z.optional(z.enum(['json', 'ninjs'], { error: 'format must be json or ninjs' })),
    },
  ],
  '/entities': [
    {
      name: 'type',
      description: 'Entity type.',
      required: true,
      schema: { type: 'string', enum: ['person', 'organization', 'place'] },
      example: 'person',
      zod: z.enum(['person', 'organization', 'place'], {
        error: (iss) =>
          iss.input === undefined
            ? 'type is required: person, organization or place'
            : 'type must be person, organization or place',
      }),
    },
    {
      ...textParam(
        'prefix',
        'Names starting with this text, ignoring case and diacritics (autocomplete).',
        'ph',
      ),
    },
    limitParam(),
  ],
  '/topics': [limitParam()],
  // Stories gather stored articles: every article filter but the status.
  '/stories': articleFilterParams.filter((p) => p.name !== 'status'),
  '/stories/{id}': [],
  '/articles/{id}/related': [],
  '/rejections': [
    dayParam('from', 'First processing day, inclusive, in Asia/Ho_Chi_Minh (`YYYY-MM-DD`).'),
    dayParam('to', 'Last processing day, inclusive, in Asia/Ho_Chi_Minh (`YYYY-MM-DD`).'),
    limitParam(),
    cursorParam,
  ],
  '/health': [],
  '/openapi.json': [],
} satisfies Record<string, ParamSpec[]>;

export type Endpoint = keyof typeof ENDPOINT_PARAMS;

/**
 * Validates a request's query parameters against an endpoint's: unknown or repeated parameters and
 * invalid values throw a 400 problem naming the parameter. Returns the parsed values by name.
 */
export function parseParams(endpoint: Endpoint, query: Record<string, string[]>): Record<string, unknown> {
  const specs: ParamSpec[] = ENDPOINT_PARAMS[endpoint];
  const known = new Map(specs.map((s) => [s.name, s]));
  const out: Record<string, unknown> = {};
  for (const [name, values] of Object.entries(query)) {
    if (!known.has(name)) {
      const allowed = specs.map((s) => s.name).join(', ');
      throw new ProblemError(
        'unknown-parameter',
        `Unknown query parameter ${JSON.stringify(name)}. ${
          allowed ? `${endpoint} accepts: ${allowed}.` : `${endpoint} accepts no parameters.`
        }`,
        name,
      );
    }
    if (values.length > 1) {
      throw new ProblemError('invalid-parameter', `${name} may be given only once.`, name);
    }
  }
  for (const spec of specs) {
    const raw = query[spec.name]?.[0];
    const result = spec.zod.safeParse(raw);
    if (!result.success) {
      throw new ProblemError(
        'invalid-parameter',
        result.error.issues[0]?.message ?? `${spec.name} is invalid`,
        spec.name,
      );
    }
    if (result.data !== undefined) out[spec.name] = result.data;
  }
  return out;
}

export interface ArticleListQuery {
  filter: ArticleFilter;
  limit: number;
  cursor?: string;
}

const FILTER_KEYS = [
  'person',
  'organization',
  'place',
  'province',
  'topic',
  'category',
  'keyword',
  'publisher',
  'from',
  'to',
  'q',
] as const;

function checkDayRange(p: Record<string, unknown>): void {
  if (typeof p.from === 'string' && typeof p.to === 'string' && p.from > p.to) {
    throw new ProblemError('invalid-parameter', `from (${p.from}) is after to (${p.to}).`, 'from');
  }
}

function checkQ(p: Record<string, unknown>): void {
  if (typeof p.q === 'string' && !/[\p{L}\p{N}]/u.test(p.q)) {
    throw new ProblemError('invalid-parameter', 'q must contain at least one letter or digit.', 'q');
  }
}

export function articleListQuery(query: Record<string, string[]>): ArticleListQuery {
  const { p, filter, page } = listParams('/articles', query);
  return {
    filter: { status: (p.status as ArticleFilter['status'] | undefined) ?? 'stored', ...filter },
    ...page,
  };
}

/** What `/articles` and `/stories` read alike: the article filters (status aside), limit and cursor. */
function listParams(path: '/articles' | '/stories', query: Record<string, string[]>) {
  const p = parseParams(path, query);
  checkDayRange(p);
  checkQ(p);
  const filter: Omit<ArticleFilter, 'status'> = {};
  for (const key of FILTER_KEYS) {
    if (typeof p[key] === 'string') filter[key] = p[key];
  }
  if (typeof p.dated === 'boolean') filter.dated = p.dated;
  const page = {
    limit: (p.limit as number | undefined) ?? DEFAULT_LIMIT,
    ...(typeof p.cursor === 'string' && { cursor: p.cursor }),
  };
  return { p, filter, page };
}

export interface StoryListQuery {
  filter: Omit<ArticleFilter, 'status'>;
  limit: number;
  cursor?: string;
}

export function storyListQuery(query: Record<string, string[]>): StoryListQuery {
  const { filter, page } = listParams('/stories', query);
  return { filter, ...page };
}

/** Endpoints that take no query parameters: anything given is refused. */
export function noParams(
  endpoint: '/stories/{id}' | '/articles/{id}/related',
  query: Record<string, string[]>,
): void {
  parseParams(endpoint, query);
}

export function rejectionListQuery(query: Record<string, string[]>): ArticleListQuery {
  const p = parseParams('/rejections', query);
  checkDayRange(p);
  const filter: ArticleFilter = { status: 'rejected' };
  if (typeof p.from === 'string') filter.from = p.from;
  if (typeof p.to === 'string') filter.to = p.to;
  return {
    filter,
    limit: (p.limit as number | undefined) ?? DEFAULT_LIMIT,
    ...(typeof p.cursor === 'string' && { cursor: p.cursor }),
  };
}

export function articleQuery(query: Record<string, string[]>): { format: 'json' | 'ninjs' } {
  const p = parseParams('/articles/{id}', query);
  return { format: (p.format as 'json' | 'ninjs' | undefined) ?? 'json' };
}

export function entityQuery(query: Record<string, string[]>): {
  type: EntityType;
  prefix?: string;
  limit: number;
} {
  const p = parseParams('/entities', query);
  return {
    type: p.type as EntityType,
    ...(typeof p.prefix === 'string' && { prefix: p.prefix }),
    limit: (p.limit as number | undefined) ?? DEFAULT_LIMIT,
  };
}

export function topicQuery(query: Record<string, string[]>): { limit: number } {
  const p = parseParams('/topics', query);
  return { limit: (p.limit as number | undefined) ?? DEFAULT_LIMIT };
}
