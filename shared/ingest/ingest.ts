/**
 * The ingest use case: one change to an uploaded object in, the article store's new state out. The
 * Lambda handler (functions/ingest.ts, through the local stack too) and `newsdrop reindex` both call it;
 * the object reader and the store are injected.
 */
import type { ArticleRecord } from '../model/article';
import { articleId, processArticle, rejectedRecord } from '../process';
import type { WriteResult } from '../store/index';
import type { ObjectReader } from './object-reader';

/** An object created (or re-read) or removed under a key, as an S3 event or a reindex names it. */
export interface ObjectChange {
  action: 'store' | 'delete';
  bucket: string;
  key: string;
  /** S3 sequencer of the change: orders changes to one key; an older one never overwrites a newer. */
  sequencer: string;
  /** Size from the event, when known: an oversized object is refused without being fetched. */
  size?: number;
}

/** The part of the article store ingest writes through. */
export interface ArticleWriter {
  putArticle(record: ArticleRecord, sequencer: string): Promise<WriteResult>;
  deleteArticle(id: string, sequencer: string): Promise<WriteResult>;
}

export interface IngestDeps {
  readObject: ObjectReader;
  store: ArticleWriter;
  /** Largest object accepted; larger ones become `too_large` rejected records. */
  maxObjectBytes: number;
  /** Clock for processedAt, for reproducible tests. */
  now?: () => Date;
}

export type IngestOutcome =
  /** The record is stored (a `rejected` record is stored too: it says why the file was refused). */
  | { outcome: 'stored' | 'rejected'; record: ArticleRecord }
  | { outcome: 'deleted' }
  /** An equal-or-newer change is already stored for the key: nothing to do. */
  | { outcome: 'stale' }
  /** The object was gone when fetched: its delete event decides. */
  | { outcome: 'missing' };

export async function ingestChange(change: ObjectChange, deps: IngestDeps): Promise<IngestOutcome> {
  if (change.action === 'delete') {
    const result = await deps.store.deleteArticle(articleId(change.key), change.sequencer);
    return { outcome: result === 'applied' ? 'deleted' : 'stale' };
  }
  const record = await recordOf(change, deps);
  if (!record) return { outcome: 'missing' };
  if ((await deps.store.putArticle(record, change.sequencer)) === 'stale') return { outcome: 'stale' };
  return { outcome: record.status === 'rejected' ? 'rejected' : 'stored', record };
}

/** The record for an object: refused on its size, or parsed and tagged; undefined when it is gone. */
async function recordOf(change: ObjectChange, deps: IngestDeps): Promise<ArticleRecord | undefined> {
  const { bucket, key } = change;
  const maxBytes = deps.maxObjectBytes;
  const now = deps.now ?? (() => new Date());
  const tooLarge = (size: number) =>
    rejectedRecord(
      { bucket, key, size },
      { code: 'too_large', message: `The file is ${size} bytes; the limit is ${maxBytes}.` },
      {},
      now(),
    );
  // Refused on the event's size alone: a 50 MB upload is never downloaded.
  if (change.size !== undefined && change.size > maxBytes) return tooLarge(change.size);
  const read = await deps.readObject(bucket, key, maxBytes);
  if (read.kind === 'missing') return undefined;
  if (read.kind === 'too_large') return tooLarge(read.size);
  const contentType = read.contentType;
  return processArticle({ bucket, key, ...(contentType && { contentType }) }, read.bytes, { maxBytes, now });
}
