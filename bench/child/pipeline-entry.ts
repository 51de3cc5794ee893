/**
 * What row 1 times, bundled the way the ingest Lambda is (bench/bundle.ts): the parser alone and the
 * whole pipeline from bytes to record.
 */
export { parseArticle } from '../../shared/parse/index';
export { processArticle } from '../../shared/process';
