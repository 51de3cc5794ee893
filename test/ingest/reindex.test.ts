import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReindex } from '../../cli/commands/reindex';
import { type Emulators, ensureTable, startEmulators } from '../../local/emulators';
import { articleId, PROCESSOR_VERSION, processArticle } from '../../shared/process';
import { DynamoArticleStore } from '../../shared/store/index';

let emu: Emulators;
beforeAll(async () => {
  emu = await startEmulators({ memory: true });
});
afterAll(async () => {
  await emu?.close();
});

describe('newsdrop reindex', () => {
  it('re-processes only articles of another processor version, keeping newer events', async () => {
    await ensureTable(emu.dynamo, 'reindex');
    const store = new DynamoArticleStore({ doc: emu.doc, tableName: 'reindex' });
    const put = async (key: string, text: string, version: string, seq: string) => {
      await emu.s3.send(new PutObjectCommand({ Bucket: emu.bucket, Key: key, Body: text }));
      const record = processArticle({ bucket: emu.bucket, key }, Buffer.from(text));
      await store.putArticle({ ...record, processorVersion: version, title: 'cũ' }, seq);
    };
    await put('incoming/cu.txt', 'Tiêu đề\n\nNội dung bài cũ.', '0.0.1+old', '10');
    await put('incoming/moi.txt', 'Tiêu đề\n\nNội dung bài mới.', PROCESSOR_VERSION, '10');
    await put('incoming/mat.txt', 'Tiêu đề\n\nĐã xoá khỏi bucket.', '0.0.1+old', '10');
    await emu.s3.send(new DeleteObjectCommand({ Bucket: emu.bucket, Key: 'incoming/mat.txt' }));
    const progress: number[] = [];
    const stats = await runReindex({ store, s3: emu.s3, onProgress: (s) => progress.push(s.scanned) });
    expect(stats).toEqual({ scanned: 3, upToDate: 1, reprocessed: 1, superseded: 0, missing: 1, failed: 0 });
    expect(progress.length).toBeGreaterThan(0);
    const redone = await store.getArticle(articleId('incoming/cu.txt'));
    expect(redone?.processorVersion).toBe(PROCESSOR_VERSION);
    expect(redone?.title).not.toBe('cũ');
    expect((await store.getArticle(articleId('incoming/moi.txt')))?.title).toBe('cũ');
    // Run again: nothing left to do but the missing one.
    const again = await runReindex({ store, s3: emu.s3 });
    expect(again.reprocessed).toBe(0);
  });
});
