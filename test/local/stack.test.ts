import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { SQSEvent } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { s3ClientFor } from '../../local/link';
import {
  DataDirInUseError,
  formatFileResult,
  type LocalStack,
  type LocalStackOptions,
  startLocalStack,
} from '../../local/stack';
import { decodeS3Key } from '../../shared/ingest/s3-event';

let stack: LocalStack | undefined;

afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

async function start(options: Partial<LocalStackOptions> = {}) {
  const root = await mkdtemp(join(tmpdir(), 'newsdrop-stack-'));
  stack = await startLocalStack({
    port: 0,
    memory: true,
    dataDir: join(root, 'data'),
    inboxDir: join(root, 'inbox'),
    ...options,
  });
  return stack;
}

describe('local stack notifications', () => {
  it('delivers S3 writes to the ingest handler as real S3 would: encoded key, growing sequencer, one record per message', async () => {
    const seen: SQSEvent[] = [];
    const s = await start({
      wrapIngest: (handler) => async (event) => {
        seen.push(event);
        return handler(event);
      },
    });
    const s3 = s3ClientFor(s.endpoints.s3);
    const key = 'incoming/Bản tin số 1.txt';
    await s3.send(
      new PutObjectCommand({ Bucket: s.endpoints.bucket, Key: key, Body: 'Tiêu đề\n\nNội dung.' }),
    );
    await s3.send(
      new PutObjectCommand({ Bucket: s.endpoints.bucket, Key: key, Body: 'Tiêu đề mới\n\nNội dung.' }),
    );
    await s3.send(new DeleteObjectCommand({ Bucket: s.endpoints.bucket, Key: key }));
    s3.destroy();
    await s.queue.drain();

    const bodies = seen.flatMap((e) => e.Records.map((r) => JSON.parse(r.body)));
    expect(bodies.every((b) => b.Records.length === 1)).toBe(true);
    const records = bodies.map((b) => b.Records[0]);
    expect(records.map((r) => r.eventName)).toEqual([
      'ObjectCreated:Put',
      'ObjectCreated:Put',
      'ObjectRemoved:Delete',
    ]);
    for (const r of records) {
      expect(r.s3.object.key).toBe('incoming/B%E1%BA%A3n+tin+s%E1%BB%91+1.txt');
      expect(decodeS3Key(r.s3.object.key)).toBe(key);
    }
    expect(records[0].s3.object.size).toBe(Buffer.byteLength('Tiêu đề\n\nNội dung.'));
    const sequencers = records.map((r) => r.s3.object.sequencer as string);
    expect([...sequencers].sort()).toEqual(sequencers);
    expect(new Set(sequencers).size).toBe(3);
  });

  it('retries a notification the handler keeps failing, then keeps it in the dead-letter list across a restart', async () => {
    const root = await mkdtemp(join(tmpdir(), 'newsdrop-dlq-'));
    const dataDir = join(root, 'data');
    let calls = 0;
    const parked: string[] = [];
    const s = await start({
      memory: false,
      dataDir,
      maxReceiveCount: 3,
      retryDelayMs: () => 5,
      onDeadLetter: (m) => parked.push(m.body),
      wrapIngest: () => async (event) => {
        calls += event.Records.length;
        return { batchItemFailures: event.Records.map((r) => ({ itemIdentifier: r.messageId })) };
      },
    });
    const s3 = s3ClientFor(s.endpoints.s3);
    await s3.send(new PutObjectCommand({ Bucket: s.endpoints.bucket, Key: 'incoming/a.txt', Body: 'x' }));
    s3.destroy();
    await s.queue.drain();
    expect(calls).toBe(3);
    expect(parked).toHaveLength(1);
    expect(JSON.parse(parked[0]!).Records[0].s3.object.key).toBe('incoming/a.txt');
    await s.close();
    stack = undefined;
    const kept = JSON.parse(await readFile(join(dataDir, 'dead-letters.json'), 'utf8'));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ receiveCount: 3 });

    const again = await start({ memory: false, dataDir });
    expect(again.queue.deadLetters).toHaveLength(1);
  });

  it('refuses to start on a data folder a running stack is using, and names that stack', async () => {
    const s = await start();
    const second = startLocalStack({ port: 0, memory: true, dataDir: s.dataDir, inboxDir: s.inboxDir });
    await expect(second).rejects.toBeInstanceOf(DataDirInUseError);
    await expect(second).rejects.toThrow(s.url);
    expect((await fetch(`${s.url}/health`)).status).toBe(200);
  });
});

describe('npm start output', () => {
  it('prints one line per file: outcome, key, short title and tag counts, or the rejection reason', () => {
    const long =
      'Hội nghị là dịp để nước chủ tịch ASEAN đưa ra những ưu tiên, sáng kiến cụ thể trong việc triển khai';
    const stored = formatFileResult({
      kind: 'stored',
      key: 'incoming/a.txt',
      id: 'x',
      title: long,
      entities: 1,
      topics: 2,
    });
    expect(stored).toBe(
      'stored    incoming/a.txt  "Hội nghị là dịp để nước chủ tịch ASEAN đưa ra những ưu tiên, sáng kiến cụ thể…"  1 entity, 2 topics',
    );
    expect(
      formatFileResult({
        kind: 'rejected',
        key: 'incoming/e.txt',
        id: 'y',
        code: 'empty_file',
        message: 'The file is empty.',
      }),
    ).toBe('rejected  incoming/e.txt  empty_file: The file is empty.');
    expect(formatFileResult({ kind: 'deleted', key: 'incoming/a.txt', id: 'x' })).toBe(
      'deleted   incoming/a.txt',
    );
    for (const line of [stored]) expect(line).not.toContain('\n');
  });
});
