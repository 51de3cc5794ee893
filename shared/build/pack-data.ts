/**
 * Packs the shipped data files for the bundle (see shared/text/packed.ts): `npx tsx shared/build/pack-data.ts`
 * after any generator rewrites one of them (test/model/packed-data.test.ts fails until then).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const ROOT = join(import.meta.dirname, '..', '..');

/** The generated JSON files the Lambda code imports packed. */
const FILES = [
  'shared/tag/data/place-index.generated.json',
  'shared/tag/data/topics-model.generated.json',
  'shared/parse/data/syllables.generated.json',
];

for (const file of FILES) {
  const json = readFileSync(join(ROOT, file), 'utf8');
  // UTF-8 bytes, Brotli at its best quality, base64, written as one JSON string.
  const compressed = brotliCompressSync(Buffer.from(json, 'utf8'), {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
  const packed = `${JSON.stringify(compressed.toString('base64'))}\n`;
  const out = file.replace(/\.generated\.json$/, '.packed.generated.json');
  writeFileSync(join(ROOT, out), packed);
  process.stdout.write(`${file}: ${json.length} characters -> ${out}: ${packed.length}\n`);
}
