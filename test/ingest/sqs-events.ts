import type { SQSEvent, SQSRecord } from 'aws-lambda';

/** Encodes a key the way real S3 does in notifications: percent-encoding, `+` for space. */
export function s3EncodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/');
}

export interface S3Change {
  kind: 'create' | 'delete';
  key: string;
  sequencer: string;
  size?: number;
  bucket?: string;
}

export function s3Record(change: S3Change) {
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: 'us-east-1',
    eventTime: '2026-01-01T00:00:00.000Z',
    eventName: change.kind === 'create' ? 'ObjectCreated:Put' : 'ObjectRemoved:Delete',
    s3: {
      s3SchemaVersion: '1.0',
      bucket: {
        name: change.bucket ?? 'newsdrop-articles',
        arn: `arn:aws:s3:::${change.bucket ?? 'newsdrop-articles'}`,
      },
      object: {
        key: s3EncodeKey(change.key),
        ...(change.kind === 'create' && { size: change.size ?? 0, eTag: 'd41d8cd98f00b204e9800998ecf8427e' }),
        sequencer: change.sequencer,
      },
    },
  };
}

let nextId = 0;

export function sqsMessage(body: unknown, messageId = `m-${++nextId}`): SQSRecord {
  return {
    messageId,
    receiptHandle: `rh-${messageId}`,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: '0',
      SenderId: 'AIDA',
      ApproximateFirstReceiveTimestamp: '0',
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:newsdrop-ingest',
    awsRegion: 'us-east-1',
  };
}

/** One SQS message per S3 change, as S3 → SQS delivers them. */
export function sqsEvent(...changes: S3Change[]): SQSEvent {
  return { Records: changes.map((c) => sqsMessage({ Records: [s3Record(c)] })) };
}
