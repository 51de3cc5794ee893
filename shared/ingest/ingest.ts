/**
 * The ingest use case: one change to an uploaded object in, the article store's new state out. The
 * Lambda handler (functions/ingest.ts, through the local stack too) and `newsdrop reindex` both call it;
 * the object reader and the store are injected.
 */
import type { ArticleRecord } from '../model/article';
import { loadSecondOpinion, namedAsWebPage } from '../parse/index';
import {
  articleId,
  type ProcessOptions,
  processArticle,
  rejectedRecord,
  type SourceObject,
} from '../process';
import type { WriteResult } from '../store/index';
import type { ObjectReader } from './object-reader';

/**
 * An object created (or re-read) or removed under a key, as an S3 event or a reindex names it. The name
 * is a hint, not the truth: in a versioned bucket a removal may concern an old version, or a delete
 * marker (which brings the object back). A removal is therefore reconciled with the key's current state.
 */
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
  /** The upload prefix keys sit under, which article ids ignore. @default INCOMING_PREFIX */
  incomingPrefix?: string;
  /** Clock for processedAt, for reproducible tests. */
  now?: () => Date;
}

export type IngestOutcome =
  /** The record is stored (a `rejected` record is stored too: it says why the file was refused). */
  | { outcome: 'stored' | 'rejected'; record: ArticleRecord }
  | { outcome: 'deleted' }
  /** An equal-or-newer change is already stored for the key: nothing to do. */
  | { outcome: 'stale' }
  /** A created object was gone when fetched: a later removal's event decides. */
  | { outcome: 'missing' };

/**
 * Brings the store in line with the key's current state, under the change's sequencer (so an older
 * change never overwrites a newer one). A creation stores what the key holds now. A removal deletes the
 * article only if the key holds no object now; if it still does (a non-current version was deleted, or
 * a delete marker was removed), the current object is stored instead. No transaction is needed: the
 * store's sequencer condition orders the writes, and the state read is never older than the change.
 */
export async function ingestChange(change: ObjectChange, deps: IngestDeps): Promise<IngestOutcome> {
  const record = await recordOf(change, deps);
  if (!record) {
    if (change.action === 'store') return { outcome: 'missing' };
    const id = articleId(change.key, deps.incomingPrefix);
    const result = await deps.store.deleteArticle(id, change.sequencer);
    return { outcome: result === 'applied' ? 'deleted' : 'stale' };
  }
  if ((await deps.store.putArticle(record, change.sequencer)) === 'stale') return { outcome: 'stale' };
  return { outcome: record.status === 'rejected' ? 'rejected' : 'stored', record };
}

/** The record for an object: refused on its size, or parsed and tagged; undefined when it is gone. */
async function recordOf(change: ObjectChange, deps: IngestDeps): Promise<ArticleRecord | undefined> {
  const { bucket, key } = change;
  const prefix = deps.incomingPrefix;
  const maxBytes = deps.maxObjectBytes;
  const now = deps.now ?? (() => new Date());
  const tooLarge = (size: number) =>
    rejectedRecord(
      { bucket, key, size, ...(prefix !== undefined && { prefix }) },
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
  return processUpload(
    { bucket, key, ...(contentType && { contentType }), ...(prefix !== undefined && { prefix }) },
    read.bytes,
    { maxBytes, now },
  );
}

/**
 * Parses and tags one uploaded file, as ingest does and `newsdrop parse` too: a web page (by its name or
 * type) also gets the second opinion. Readability.js is loaded (once per process) only when a web page
 * comes: other files never pay for it.
 */
export async function processUpload(
  source: SourceObject,
  bytes: Uint8Array,
  options: Omit<ProcessOptions, 'secondOpinion'> = {},
): Promise<ArticleRecord> {
  const secondOpinion = namedAsWebPage(source.key, source.contentType)
    ? await loadSecondOpinion()
    : undefined;
  return processArticle(source, bytes, { ...options, ...(secondOpinion && { secondOpinion }) });
}
