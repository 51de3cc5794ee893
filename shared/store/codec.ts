/**
 * How a record becomes item attributes and back: the summary and the body are gzipped JSON/text; the body
 * goes to body items of at most CHUNK_BYTES each (DynamoDB allows 400 KB an item). Pure, no AWS.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ArticleRecord } from '../model/article';
import type { ArticleSummary } from './reader';

/** Largest part of a gzipped body one body item holds; most bodies fit one. */
export const CHUNK_BYTES = 300 * 1024;

export function summaryOf(record: ArticleRecord): ArticleSummary {
  // The story and duplicate fields live in the story items (stories.ts), never in the summary.
  const { body: _body, story: _story, duplicateOf: _dup, ...summary } = record;
  return summary;
}

export function encodeSummary(summary: ArticleSummary): Uint8Array {
  return gzipSync(JSON.stringify(summary));
}

export function decodeSummary(bytes: Uint8Array): ArticleSummary {
  return JSON.parse(gunzipSync(bytes).toString('utf8')) as ArticleSummary;
}

export function encodeBody(body: string): Uint8Array {
  return gzipSync(body);
}

export function decodeBody(bytes: Uint8Array): string {
  return gunzipSync(bytes).toString('utf8');
}

export function splitChunks(bytes: Uint8Array, size = CHUNK_BYTES): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

export function joinChunks(chunks: Uint8Array[]): Uint8Array {
  return Buffer.concat(chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength)));
}
