import fc from 'fast-check';
import type { S3rverEventRecord } from 's3rver';
import { describe, expect, it } from 'vitest';
import { encodeS3Key, notificationBody, SequencerClock, toS3Notification } from '../../local/notifications';
import { classifyRecord, decodeS3Key, parseSqsBody } from '../../shared/ingest/s3-event';

const s3rverRecord = (eventName: string, key: string, extra: { size?: number; eTag?: string } = {}) =>
  ({
    eventName,
    eventTime: '2026-01-02T03:04:05.678Z',
    s3: { bucket: { name: 'newsdrop-articles' }, object: { key, sequencer: '18F', ...extra } },
  }) satisfies S3rverEventRecord;

describe('S3 key encoding in notifications', () => {
  it('encodes spaces as + and Vietnamese letters as UTF-8 percent escapes, keeping slashes', () => {
    expect(encodeS3Key('incoming/Tin tức/Tôi đi học.txt')).toBe(
      'incoming/Tin+t%E1%BB%A9c/T%C3%B4i+%C4%91i+h%E1%BB%8Dc.txt',
    );
  });

  it('escapes a literal + so it does not read back as a space', () => {
    expect(encodeS3Key('incoming/1+1 = 2.txt')).toBe('incoming/1%2B1+%3D+2.txt');
    expect(decodeS3Key(encodeS3Key('incoming/1+1 = 2.txt'))).toBe('incoming/1+1 = 2.txt');
  });

  it('decodes back to the same NFC key for any name', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', minLength: 1 }), { minLength: 1, maxLength: 4 }),
        (parts) => {
          const key = `incoming/${parts.join('/')}`.normalize('NFC');
          expect(decodeS3Key(encodeS3Key(key))).toBe(key);
        },
      ),
    );
  });
});

describe('sequencer clock', () => {
  it('keeps growing when the clock stands still or runs backwards', () => {
    let now = 1_000_000n;
    const clock = new SequencerClock(() => now);
    const first = clock.next();
    const second = clock.next();
    now = 999_000n;
    const third = clock.next();
    now = 2_000_000n;
    const fourth = clock.next();
    const values = [first, second, third, fourth];
    expect([...values].sort()).toEqual(values);
    expect(new Set(values).size).toBe(4);
    expect(values.map((v) => BigInt(`0x${v}`))).toEqual([1_000_000n, 1_000_001n, 1_000_002n, 2_000_000n]);
  });

  it('issues hex sequencers of a fixed width, comparable as strings', () => {
    const clock = new SequencerClock();
    const a = clock.next();
    expect(a).toMatch(/^[0-9A-F]{16}$/);
    expect(clock.next() > a).toBe(true);
  });
});

describe('real-S3-shaped notification records', () => {
  it('shapes a put like S3: encoded key, size, eTag, the given sequencer, bucket ARN', () => {
    const record = toS3Notification(
      s3rverRecord('ObjectCreated:Put', 'incoming/Bản tin.txt', { size: 12, eTag: 'abc' }),
      '0000000000000A01',
    );
    expect(record).toMatchObject({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      eventName: 'ObjectCreated:Put',
      eventTime: '2026-01-02T03:04:05.678Z',
      s3: {
        bucket: { name: 'newsdrop-articles', arn: 'arn:aws:s3:::newsdrop-articles' },
        object: { key: 'incoming/B%E1%BA%A3n+tin.txt', size: 12, eTag: 'abc', sequencer: '0000000000000A01' },
      },
    });
  });

  it('shapes a delete without size or eTag, and the ingest code reads it back as a delete of the plain key', () => {
    const record = toS3Notification(s3rverRecord('ObjectRemoved:Delete', 'incoming/Bản tin.txt'), '0A02');
    expect(record.s3.object).toEqual({ key: 'incoming/B%E1%BA%A3n+tin.txt', sequencer: '0A02' });
    const body = parseSqsBody(notificationBody(record));
    expect(body.kind).toBe('records');
    if (body.kind !== 'records') return;
    expect(body.records).toHaveLength(1);
    expect(classifyRecord(body.records[0]!, 'incoming/')).toMatchObject({
      action: 'delete',
      key: 'incoming/Bản tin.txt',
    });
  });
});
