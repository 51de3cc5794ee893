import { describe, expect, it } from 'vitest';
import { type ArticleWriter, ingestChange, type ObjectChange } from '../../shared/ingest/ingest';
import type { ObjectReader } from '../../shared/ingest/object-reader';
import type { ArticleRecord } from '../../shared/model/article';
import { articleId } from '../../shared/process';
import { readSeed, SEED_FILES } from '../helpers';

const SEQ = '0000000000000000000000000000000000000001';
const KEY = 'incoming/a/bài.txt';

function fakeStore(answer: 'applied' | 'stale' = 'applied') {
  const writes: { put?: ArticleRecord; deleted?: string; sequencer: string }[] = [];
  const store: ArticleWriter = {
    async putArticle(record, sequencer) {
      writes.push({ put: record, sequencer });
      return answer;
    },
    async deleteArticle(id, sequencer) {
      writes.push({ deleted: id, sequencer });
      return answer;
    },
  };
  return { store, writes };
}

function readerOf(result: Awaited<ReturnType<ObjectReader>>) {
  const calls: string[] = [];
  const read: ObjectReader = async (_bucket, key) => {
    calls.push(key);
    return result;
  };
  return { read, calls };
}

const change = (extra: Partial<ObjectChange> = {}): ObjectChange => ({
  action: 'store',
  bucket: 'b',
  key: KEY,
  sequencer: SEQ,
  ...extra,
});

describe('ingestChange', () => {
  it('parses, tags and stores an object under its sequencer', async () => {
    const { store, writes } = fakeStore();
    const { read } = readerOf({ kind: 'ok', bytes: readSeed(SEED_FILES[0]) });
    const result = await ingestChange(change(), { readObject: read, store, maxObjectBytes: 1 << 20 });
    expect(result.outcome).toBe('stored');
    expect(writes).toHaveLength(1);
    expect(writes[0]!.sequencer).toBe(SEQ);
    expect(writes[0]!.put?.id).toBe(articleId(KEY));
    expect(writes[0]!.put?.title).toBeTruthy();
  });

  it("refuses an object too large by the event's size without fetching it", async () => {
    const { store, writes } = fakeStore();
    const { read, calls } = readerOf({ kind: 'missing' });
    const result = await ingestChange(change({ size: 101 }), {
      readObject: read,
      store,
      maxObjectBytes: 100,
    });
    expect(calls).toEqual([]);
    expect(result.outcome).toBe('rejected');
    expect(writes[0]!.put?.rejection).toEqual({
      code: 'too_large',
      message: 'The file is 101 bytes; the limit is 100.',
    });
  });

  it('stores nothing when the object is gone: its delete event decides', async () => {
    const { store, writes } = fakeStore();
    const { read } = readerOf({ kind: 'missing' });
    expect(await ingestChange(change(), { readObject: read, store, maxObjectBytes: 100 })).toEqual({
      outcome: 'missing',
    });
    expect(writes).toEqual([]);
  });

  it('reports a write or delete an equal-or-newer event already won as stale', async () => {
    const { store } = fakeStore('stale');
    const { read, calls } = readerOf({ kind: 'too_large', size: 500 });
    const deps = { readObject: read, store, maxObjectBytes: 100 };
    expect(await ingestChange(change(), deps)).toEqual({ outcome: 'stale' });
    expect(await ingestChange(change({ action: 'delete' }), deps)).toEqual({ outcome: 'stale' });
    // A removal reads the key's current state too (here: an object still there, which wins no write).
    expect(calls).toEqual([KEY, KEY]);
  });

  it('deletes the article by the id of its key', async () => {
    const { store, writes } = fakeStore();
    const { read } = readerOf({ kind: 'missing' });
    const result = await ingestChange(change({ action: 'delete' }), {
      readObject: read,
      store,
      maxObjectBytes: 1,
    });
    expect(result).toEqual({ outcome: 'deleted' });
    expect(writes).toEqual([{ deleted: articleId(KEY), sequencer: SEQ }]);
  });
});
