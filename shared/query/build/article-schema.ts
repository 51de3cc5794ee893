/**
 * Writes shared/query/article-record.schema.generated.json from the record contract (`articleJsonSchema()`).
 * The query Lambda serves the schema from that file instead of importing zod's JSON Schema generator
 * (which would add ~400 KB to its bundle); test/query/openapi.test.ts fails if the file is stale.
 *
 *   npx tsx shared/query/build/article-schema.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { articleJsonSchema } from '../../model/article';

export const ARTICLE_SCHEMA_FILE = join(import.meta.dirname, '..', 'article-record.schema.generated.json');

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  writeFileSync(ARTICLE_SCHEMA_FILE, `${JSON.stringify(articleJsonSchema(), null, 2)}\n`);
  console.log(`wrote ${ARTICLE_SCHEMA_FILE}`);
}
