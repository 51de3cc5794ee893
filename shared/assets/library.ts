/**
 * Libraries that only some uploads need (chardet for text in an unknown encoding, js-yaml for front
 * matter) are bundled apart as CommonJS chunks beside the Lambda code, so the ingest Lambda's init does
 * not compile them; the first upload that needs one requires it, synchronously, once per container. Run
 * from the source tree, the package itself is required.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { LibraryChunk } from './index';

const requireHere = createRequire(import.meta.url);
const loaded = new Map<string, unknown>();

/** The library's exports: the chunk beside the bundled code, else the package. The caller names its type. */
export function requireLibrary<T>(chunk: LibraryChunk): T {
  let exports = loaded.get(chunk.name);
  if (exports === undefined) {
    const beside = join(import.meta.dirname, chunk.name);
    exports = requireHere(existsSync(beside) ? beside : chunk.library);
    loaded.set(chunk.name, exports);
  }
  return exports as T;
}
