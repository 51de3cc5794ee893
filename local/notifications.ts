/**
 * S3 → SQS notifications the way AWS sends them, built from s3rver's own object events. s3rver's records
 * differ from real S3 in ways the ingest handler must not be shielded from: its keys are not URL-encoded
 * and its sequencer is the millisecond clock (two writes in one millisecond tie). Here every record gets
 * the key encoded like real S3 (`+` for space, `%XX` otherwise) and a sequencer that only grows.
 */
import { randomBytes } from 'node:crypto';
import type { S3rverEventRecord } from 's3rver';

/**
 * Encodes an object key the way S3 writes it into event notifications: each path segment
 * percent-encoded as UTF-8, slashes kept, spaces as `+`.
 */
export function encodeS3Key(key: string): string {
  return key
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%20/g, '+'))
    .join('/');
}

/**
 * Hands out S3-style sequencers: hex strings that grow with every event, so the events of one key are
 * ordered the way they happened. Based on the microsecond clock, so a restarted stack keeps issuing
 * larger values than the ones already stored (as long as the machine's clock does not run backwards).
 */
export class SequencerClock {
  private last = 0n;

  constructor(private readonly nowMicros: () => bigint = () => BigInt(Date.now()) * 1000n) {}

  next(): string {
    const now = this.nowMicros();
    this.last = now > this.last ? now : this.last + 1n;
    return this.last.toString(16).toUpperCase().padStart(16, '0');
  }
}

export interface S3NotificationOptions {
  region?: string;
  /** Id of the bucket notification configuration, as S3 puts it in every record. */
  configurationId?: string;
}

/** A real-S3-shaped event record (what S3 puts in the SQS message body under `Records`). */
export interface S3NotificationRecord {
  eventVersion: string;
  eventSource: 'aws:s3';
  awsRegion: string;
  eventTime: string;
  eventName: string;
  userIdentity: { principalId: string };
  requestParameters: { sourceIPAddress: string };
  responseElements: { 'x-amz-request-id': string; 'x-amz-id-2': string };
  s3: {
    s3SchemaVersion: '1.0';
    configurationId: string;
    bucket: { name: string; ownerIdentity: { principalId: string }; arn: string };
    object: { key: string; size?: number; eTag?: string; sequencer: string };
  };
}

/**
 * Turns one s3rver event record into the record real S3 would send: encoded key, fresh sequencer,
 * size and eTag on creates only. The key given is s3rver's (plain, not encoded).
 */
export function toS3Notification(
  record: S3rverEventRecord,
  sequencer: string,
  options: S3NotificationOptions = {},
): S3NotificationRecord {
  const bucket = record.s3.bucket.name;
  const isCreate = record.eventName.startsWith('ObjectCreated:');
  const { size, eTag } = record.s3.object;
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: options.region ?? 'us-east-1',
    eventTime: record.eventTime,
    eventName: record.eventName,
    userIdentity: { principalId: 'AWS:NEWSDROPLOCAL' },
    requestParameters: { sourceIPAddress: '127.0.0.1' },
    responseElements: {
      'x-amz-request-id': randomBytes(8).toString('hex').toUpperCase(),
      'x-amz-id-2': randomBytes(32).toString('base64'),
    },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: options.configurationId ?? 'newsdrop-ingest',
      bucket: {
        name: bucket,
        ownerIdentity: { principalId: 'NEWSDROPLOCAL' },
        arn: `arn:aws:s3:::${bucket}`,
      },
      object: {
        key: encodeS3Key(record.s3.object.key),
        ...(isCreate && size !== undefined && { size: Number(size) }),
        ...(isCreate && eTag && { eTag }),
        sequencer,
      },
    },
  };
}

/** The SQS message body S3 sends for one event: the event JSON with a single record. */
export function notificationBody(record: S3NotificationRecord): string {
  return JSON.stringify({ Records: [record] });
}
