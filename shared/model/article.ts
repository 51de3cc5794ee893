/**
 * The article record contract: what the CLI prints, what the store keeps and what the API returns.
 * One zod schema gives the TypeScript type, the runtime validator and the published JSON Schema.
 * Field names are a contract: add fields freely, never rename.
 */
import { z } from 'zod';

export const ARTICLE_FORMATS = ['text', 'html', 'markdown', 'json'] as const;
export type ArticleFormat = (typeof ARTICLE_FORMATS)[number];

/** Why a file was rejected. Codes are stable; messages are for editors. */
export const REJECTION_CODES = [
  'empty_file',
  'binary_file',
  'too_large',
  'undecodable',
  'no_body',
  'unsupported_type',
  'malformed',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

export const RejectionSchema = z.object({
  code: z.enum(REJECTION_CODES),
  message: z.string().min(1),
});
export type Rejection = z.infer<typeof RejectionSchema>;

export const EntitySchema = z.object({
  name: z.string().min(1),
  mentions: z.number().int().min(1),
  /**
   * The recogniser's confidence in [0, 1] (its best mention's calibrated margin). Set on every entity the
   * tagger makes since tag-7; absent on records tagged before.
   */
  score: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .meta({ description: 'Recogniser confidence in [0, 1]; absent on records tagged before tag-7' }),
  /**
   * Other ways the article writes this entity, as written, merged into it under its one canonical `name`:
   * a person's short forms (`Trump`), a province's other names (`TPHCM`, `Sài Gòn`). Since tag-11.
   */
  aliases: z.array(z.string().min(1)).optional().meta({
    description:
      "Other forms the article writes this entity in, merged under its canonical name (a person's short forms; a province's other names such as TPHCM, Sài Gòn); absent when none, and on records tagged before tag-11",
  }),
});
export type Entity = z.infer<typeof EntitySchema>;

export const ProvinceSchema = z.object({ code: z.string().min(1), name: z.string().min(1) });
export type Province = z.infer<typeof ProvinceSchema>;

export const PlaceEntitySchema = EntitySchema.extend({ province: ProvinceSchema.optional() });
export type PlaceEntity = z.infer<typeof PlaceEntitySchema>;

export const EntitiesSchema = z.object({
  person: z.array(EntitySchema),
  organization: z.array(EntitySchema),
  place: z.array(PlaceEntitySchema),
});
export type Entities = z.infer<typeof EntitiesSchema>;

export const TopicSchema = z.object({
  code: z.string().regex(/^medtop:\d{8}$/, 'an IPTC Media Topic id like medtop:11000000'),
  label: z.string().min(1),
  score: z.number().min(0),
});
export type Topic = z.infer<typeof TopicSchema>;

export const StoryRefSchema = z
  .object({
    id: z.string().min(1),
    size: z.number().int().min(1),
  })
  .meta({ description: 'The story (event) the article reports, shared with the other articles about it' });
export type StoryRef = z.infer<typeof StoryRefSchema>;

export const SourceSchema = z.object({
  bucket: z.string().optional(),
  key: z.string().min(1),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  contentType: z.string().optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const ArticleRecordSchema = z
  .object({
    id: z.string().min(1),
    status: z.enum(['stored', 'rejected']),
    rejection: RejectionSchema.optional(),
    source: SourceSchema,
    format: z.enum(ARTICLE_FORMATS).nullable(),
    encoding: z.string().nullable(),
    language: z
      .string()
      .regex(/^[a-z]{2}$/, 'an ISO 639-1 code')
      .nullable(),
    title: z.string().nullable(),
    /**
     * Where the title came from: a line or field of the file (`text`), rebuilt from the URL slug (`url`),
     * or nowhere (`none`). Records made before parser parse-3 lack it.
     */
    titleSource: z.enum(['text', 'url', 'none']).optional(),
    lede: z.string().nullable(),
    body: z.string(),
    captions: z.array(z.string()),
    category: z.array(z.string().min(1)),
    publishedAt: z
      .string()
      .refine((s) => isoDateTime.test(s) || isoDay.test(s), 'ISO 8601 with offset, or YYYY-MM-DD')
      .nullable(),
    authors: z.array(z.string().min(1)),
    publisher: z.string().nullable(),
    url: z.string().nullable(),
    keywords: z.array(z.string().min(1)),
    entities: EntitiesSchema,
    topics: z.array(TopicSchema),
    wordCount: z.number().int().min(0),
    /**
     * The earliest stored article whose body is the same text allowing small edits; null when none. Set
     * by the store when it keeps the record (absent on records it never kept, e.g. `newsdrop parse`).
     */
    duplicateOf: z.string().min(1).nullable().optional().meta({
      description: 'Id of the earliest stored article with the same text (small edits allowed), else null',
    }),
    /** The story the store put the article in, with its current size; absent on records it never kept. */
    story: StoryRefSchema.optional(),
    /** Parser/tagger version that produced the record; `newsdrop reindex` re-processes older ones. */
    processorVersion: z.string().min(1),
    processedAt: z.string().regex(isoDateTime),
  })
  .superRefine((r, ctx) => {
    if (r.status === 'rejected' && !r.rejection) {
      ctx.addIssue({
        code: 'custom',
        path: ['rejection'],
        message: 'a rejected record carries its rejection',
      });
    }
    if (r.status === 'stored') {
      if (r.rejection)
        ctx.addIssue({ code: 'custom', path: ['rejection'], message: 'only rejected records carry one' });
      for (const field of ['format', 'encoding', 'language'] as const) {
        if (r[field] === null)
          ctx.addIssue({ code: 'custom', path: [field], message: 'required on stored records' });
      }
    }
  });
export type ArticleRecord = z.infer<typeof ArticleRecordSchema>;

export type ValidationResult = { ok: true; record: ArticleRecord } | { ok: false; errors: string[] };

/** Checks an unknown value against the record contract, with readable error paths. */
export function validateArticle(value: unknown): ValidationResult {
  const result = ArticleRecordSchema.safeParse(value);
  if (result.success) return { ok: true, record: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
  };
}

/** The contract as JSON Schema (draft 2020-12), printed by `newsdrop schema`. */
export function articleJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://newsdrop.dev/schemas/article-record.json',
    title: 'newsdrop article record',
    ...z.toJSONSchema(ArticleRecordSchema, { target: 'draft-2020-12', io: 'output' }),
  };
}
