/**
 * Shipped data packed for the Lambda bundle: a generated JSON file (`x.generated.json`, the reviewed
 * source) is also committed as `x.packed.generated.json`, one string holding its bytes Brotli-compressed
 * and in base64 (written by `npm run build:data`; test/data/generated.test.ts keeps the two the
 * same). The tagger's lexicons are ~250 KB of JSON but ~105 KB packed, and unpacking at cold start takes
 * about a millisecond.
 */
import { brotliDecompressSync } from 'node:zlib';

/** The value of a packed JSON file. The caller names its type: the data was checked when it was built. */
export function unpackJson<T>(packed: string): T {
  return JSON.parse(brotliDecompressSync(Buffer.from(packed, 'base64')).toString('utf8')) as T;
}
