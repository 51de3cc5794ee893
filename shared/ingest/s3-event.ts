/**
 * Reading S3 event notifications as they arrive through SQS: pure, no AWS SDK. Turns one SQS message
 * body into the actions the ingest handler takes (store, delete, ignore), decoding keys the way real S3
 * encodes them.
 */
import { normalizeSequencer } from '../store/sequencer';

/** The part of an S3 event record we read (real S3, or the local stack's emulation of it). */
export interface S3EventRecordLike {
  eventName?: string;
  eventTime?: string;
  s3?: {
    bucket?: { name?: string };
    object?: { key?: string; size?: number | string; eTag?: string; sequencer?: string; versionId?: string };
  };
}

/**
 * S3 URL-encodes keys in notifications, with `+` for space (`T%C3%B4i+%C4%91i.txt` → `Tôi đi.txt`).
 * The key comes back exactly as S3 has it: a name uploaded from macOS may be NFD, and its NFC form is
 * another S3 key. Only the article id is normalised (articleId).
 */
export function decodeS3Key(raw: string): string {
  const spaced = raw.replace(/\+/g, ' ');
  let decoded: string;
  try {
    decoded = decodeURIComponent(spaced);
  } catch {
    decoded = spaced; // not percent-encoded after all (e.g. a hand-written event): keep it as given
  }
  return decoded;
}

export type SqsBody =
  | { kind: 'test' }
  | { kind: 'records'; records: S3EventRecordLike[] }
  | { kind: 'malformed'; reason: string };

/** Parses an SQS message body holding an S3 event (or S3's `s3:TestEvent` on subscription). */
export function parseSqsBody(body: string): SqsBody {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { kind: 'malformed', reason: 'body is not JSON' };
  }
  if (typeof json !== 'object' || json === null)
    return { kind: 'malformed', reason: 'body is not an object' };
  const obj = json as { Event?: unknown; Records?: unknown };
  if (obj.Event === 's3:TestEvent') return { kind: 'test' };
  if (!Array.isArray(obj.Records)) return { kind: 'malformed', reason: 'no Records array' };
  return { kind: 'records', records: obj.Records as S3EventRecordLike[] };
}

export type IngestAction =
  | {
      action: 'store';
      bucket: string;
      key: string;
      /** Size from the event: oversized objects are refused before fetching. */
      size: number;
      sequencer: string;
      eTag?: string;
    }
  | { action: 'delete'; bucket: string; key: string; sequencer: string }
  | { action: 'ignore'; reason: 'outside_prefix' | 'unhandled_event' | 'folder'; key?: string }
  | { action: 'malformed'; reason: string; key?: string };

/**
 * Sequencer of an event, padded for comparison. Real S3 always sends one for puts and deletes; an
 * emulator that does not gets one derived from the event time (microseconds), which still orders events
 * for one key as long as all of them come from the same emulator.
 */
function sequencerOf(record: S3EventRecordLike): { sequencer: string } | { problem: string } {
  const given = record.s3?.object?.sequencer;
  if (given !== undefined && given !== null && given !== '') {
    try {
      return { sequencer: normalizeSequencer(String(given)) };
    } catch {
      return { problem: `sequencer is not hex: ${JSON.stringify(given).slice(0, 60)}` };
    }
  }
  const ms = record.eventTime ? Date.parse(record.eventTime) : Number.NaN;
  if (Number.isNaN(ms)) return { problem: 'no sequencer and no event time' };
  return { sequencer: normalizeSequencer((ms * 1000).toString(16)) };
}

export function classifyRecord(record: S3EventRecordLike, prefix: string): IngestAction {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { action: 'malformed', reason: 'record is not an object' };
  }
  const rawKey = record.s3?.object?.key;
  const bucket = record.s3?.bucket?.name;
  if (typeof rawKey !== 'string' || !rawKey || !bucket)
    return { action: 'malformed', reason: 'no bucket or key' };
  const key = decodeS3Key(rawKey);
  if (!key.startsWith(prefix)) return { action: 'ignore', reason: 'outside_prefix', key };
  if (key.endsWith('/')) return { action: 'ignore', reason: 'folder', key };
  const name = record.eventName ?? '';
  const isCreate = name.startsWith('ObjectCreated:');
  const isRemove = name.startsWith('ObjectRemoved:');
  if (!isCreate && !isRemove) return { action: 'ignore', reason: 'unhandled_event', key };
  const ordered = sequencerOf(record);
  if ('problem' in ordered) return { action: 'malformed', reason: ordered.problem, key };
  const { sequencer } = ordered;
  if (isRemove) return { action: 'delete', bucket, key, sequencer };
  const size = Number(record.s3?.object?.size ?? 0);
  const eTag = record.s3?.object?.eTag;
  return {
    action: 'store',
    bucket,
    key,
    size: Number.isFinite(size) && size >= 0 ? size : 0,
    sequencer,
    ...(eTag && { eTag }),
  };
}
