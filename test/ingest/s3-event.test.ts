import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SQSEvent } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTransientError } from '../../shared/ingest/errors';
import { classifyRecord, decodeS3Key, parseSqsBody } from '../../shared/ingest/s3-event';
import { compareSequencers, normalizeSequencer } from '../../shared/store/sequencer';
import { s3EncodeKey } from './sqs-events';

const EVENTS_DIR = join(import.meta.dirname, '..', '..', 'events');
const sample = (name: string) => JSON.parse(readFileSync(join(EVENTS_DIR, name), 'utf8')) as SQSEvent;

describe('S3 key decoding', () => {
  it('decodes + as space and percent-encoded Vietnamese', () => {
    expect(decodeS3Key('incoming/Tin+t%E1%BB%A9c+H%C3%A0+N%E1%BB%99i.txt')).toBe(
      'incoming/Tin tức Hà Nội.txt',
    );
  });

  it('keeps a literal plus that S3 sent as %2B', () => {
    expect(decodeS3Key('incoming/a%2Bb+c.txt')).toBe('incoming/a+b c.txt');
  });

  it('keeps a macOS NFD name as S3 has it (its NFC form is another key)', () => {
    const nfd = 'incoming/Hòa Bình.txt'.normalize('NFD');
    expect(decodeS3Key(s3EncodeKey(nfd))).toBe(nfd);
    expect(decodeS3Key(s3EncodeKey(nfd))).not.toBe(nfd.normalize('NFC'));
  });

  it('leaves a malformed escape as given instead of throwing', () => {
    expect(decodeS3Key('incoming/100%+sure.txt')).toBe('incoming/100% sure.txt');
  });

  it('round-trips any key S3 could encode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), (name) => {
        expect(decodeS3Key(s3EncodeKey(name))).toBe(name);
      }),
      { numRuns: 500 },
    );
  });
});

describe('sequencers', () => {
  it('compares by value after left-padding, whatever the lengths', () => {
    expect(compareSequencers('FF', '100')).toBeLessThan(0);
    expect(compareSequencers('0055AED6DCD90281E5', '55AED6DCD90281E5')).toBe(0);
    expect(compareSequencers('0055AED6DCD90281E6', '55aed6dcd90281e5')).toBeGreaterThan(0);
  });

  it('orders like the numbers they encode', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
        fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
        (a, b) => {
          const sign = Math.sign(compareSequencers(a.toString(16), b.toString(16)));
          expect(sign).toBe(a < b ? -1 : a > b ? 1 : 0);
        },
      ),
    );
  });

  it('refuses what is not a hex sequencer', () => {
    expect(() => normalizeSequencer('xyz')).toThrow();
    expect(() => normalizeSequencer('')).toThrow();
  });
});

describe('S3 event classification', () => {
  it('reads the sample create event', () => {
    const body = parseSqsBody(sample('ingest-create.json').Records[0]!.body);
    expect(body.kind).toBe('records');
    if (body.kind !== 'records') return;
    expect(classifyRecord(body.records[0]!, 'incoming/')).toEqual({
      action: 'store',
      bucket: 'newsdrop-articles',
      key: 'incoming/000_018482176d444e67.txt',
      size: 6120,
      sequencer: normalizeSequencer('0066A1B2C3D4E5F601'),
      eTag: '0e5b7c5a2f0c8e1d4b2a9f6e3c1d7a8b',
    });
  });

  it('reads the sample delete event', () => {
    const body = parseSqsBody(sample('ingest-delete.json').Records[0]!.body);
    if (body.kind !== 'records') throw new Error(body.kind);
    expect(classifyRecord(body.records[0]!, 'incoming/')).toMatchObject({ action: 'delete' });
  });

  it('recognises the s3:TestEvent sample', () => {
    expect(parseSqsBody(sample('ingest-test-event.json').Records[0]!.body)).toEqual({ kind: 'test' });
  });

  it('decodes the URL-encoded Vietnamese key of the sample', () => {
    const body = parseSqsBody(sample('ingest-vietnamese-key.json').Records[0]!.body);
    if (body.kind !== 'records') throw new Error(body.kind);
    expect(classifyRecord(body.records[0]!, 'incoming/')).toMatchObject({
      action: 'store',
      key: 'incoming/Thời sự/Hà Nội mở rộng đường Vành đai 4.txt',
    });
  });

  it('ignores keys outside the prefix and folder markers', () => {
    const rec = (key: string) => ({
      eventName: 'ObjectCreated:Put',
      s3: { bucket: { name: 'b' }, object: { key, size: 1, sequencer: '01' } },
    });
    expect(classifyRecord(rec('out/a.txt'), 'incoming/')).toMatchObject({
      action: 'ignore',
      reason: 'outside_prefix',
    });
    expect(classifyRecord(rec('incoming/sub/'), 'incoming/')).toMatchObject({
      action: 'ignore',
      reason: 'folder',
    });
  });

  it('reports a body that is not an S3 event as malformed', () => {
    expect(parseSqsBody('{}')).toMatchObject({ kind: 'malformed', reason: 'no Records array' });
    expect(parseSqsBody('nope')).toMatchObject({ kind: 'malformed' });
  });

  it('reports a record with a sequencer that is not hex, or no record at all, as malformed with the reason', () => {
    const record = {
      eventName: 'ObjectCreated:Put',
      s3: { bucket: { name: 'b' }, object: { key: 'incoming/a.txt', sequencer: 'xyz' } },
    };
    expect(classifyRecord(record, 'incoming/')).toEqual({
      action: 'malformed',
      reason: 'sequencer is not hex: "xyz"',
      key: 'incoming/a.txt',
    });
    expect(classifyRecord(null as never, 'incoming/')).toEqual({
      action: 'malformed',
      reason: 'record is not an object',
    });
  });
});

describe('transient errors', () => {
  it('retries throttling, timeouts and 5xx but not client errors', () => {
    expect(isTransientError({ name: 'ProvisionedThroughputExceededException' })).toBe(true);
    expect(isTransientError({ name: 'TimeoutError' })).toBe(true);
    expect(isTransientError({ name: 'X', $metadata: { httpStatusCode: 503 } })).toBe(true);
    expect(isTransientError({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } })).toBe(false);
  });
});
