import { join } from 'node:path';

/** The team corpus folder beside the project (../shared/corpus): read by build scripts only, never bundled. */
export const CORPUS_DIR = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'corpus');
