/**
 * A versioned bucket: removal events may name an old version, and removing a delete marker brings the
 * object back. The use case reconciles each removal with the key's current state, over the real store
 * (its sequencer condition on an in-memory DynamoDB). s3rver has no versioning, so the bucket here is a
 * small model of S3's: per key a stack of versions and delete markers, the newest one current.
 */
import { describe, expect, it } from 'vitest';
import { ingestChange, type ObjectChange } from '../../shared/ingest/ingest';
import type { ObjectReader } from '../../shared/ingest/object-reader';
import { articleId } from '../../shared/process';
import { DynamoArticleStore } from '../../shared/store/index';
import { FakeDynamo } from '../store/fake-dynamo';

type Version = { id: string; body?: string; deleteMarker?: boolean };

class VersionedBucket {
  private readonly versions = new Map<string, Version[]>();
  private next = 0;
  private seq = 0x100;

  /** A PUT: a new current version. Returns the event S3 sends. */
  put(key: string, body: string): ObjectChange & { versionId: string } {
    const id = `v${++this.next}`;
    this.stack(key).push({ id, body });
    return this.event('store', key, id);
  }

  /** A DELETE without a version id: a delete marker becomes current. */
  deleteCurrent(key: string): ObjectChange & { versionId: string } {
    const id = `dm${++this.next}`;
    this.stack(key).push({ id, deleteMarker: true });
    return this.event('delete', key, id);
  }

  /** A DELETE of one version (or delete marker) by its id: whatever is newest left becomes current. */
  deleteVersion(key: string, versionId: string): ObjectChange & { versionId: string } {
    const stack = this.stack(key);
    stack.splice(
      stack.findIndex((v) => v.id === versionId),
      1,
    );
    return this.event('delete', key, versionId);
  }

  readonly read: ObjectReader = async (_bucket, key) => {
    const current = this.stack(key).at(-1);
    if (!current || current.deleteMarker) return { kind: 'missing' };
    return { kind: 'ok', bytes: new TextEncoder().encode(current.body) };
  };

  private stack(key: string): Version[] {
    const stack = this.versions.get(key) ?? [];
    this.versions.set(key, stack);
    return stack;
  }

  private event(action: 'store' | 'delete', key: string, versionId: string) {
    this.seq += 0x10;
    return { action, bucket: 'b', key, sequencer: this.seq.toString(16), versionId };
  }
}

const KEY = 'incoming/ban-tin.txt';
const article = (title: string) => `${title}\n\nNội dung bài báo về Hà Nội, phiên bản ${title}.`;

function setup() {
  const bucket = new VersionedBucket();
  const store = new DynamoArticleStore({ doc: new FakeDynamo(7).asDocumentClient(), tableName: 'articles' });
  const apply = (change: ObjectChange) =>
    ingestChange(change, { readObject: bucket.read, store, maxObjectBytes: 1 << 20 });
  const title = async () => (await store.getArticle(articleId(KEY)))?.title ?? null;
  return { bucket, store, apply, title };
}

describe('a versioned bucket', () => {
  it('keeps the live article when a non-current version is deleted', async () => {
    const { bucket, apply, title } = setup();
    const v1 = bucket.put(KEY, article('Bản một'));
    await apply(v1);
    await apply(bucket.put(KEY, article('Bản hai')));
    const removal = bucket.deleteVersion(KEY, v1.versionId);
    expect((await apply(removal)).outcome).toBe('stored');
    expect(await title()).toBe('Bản hai');
  });

  it('brings the article back when its delete marker is removed (an undelete)', async () => {
    const { bucket, apply, title } = setup();
    await apply(bucket.put(KEY, article('Bản một')));
    const marker = bucket.deleteCurrent(KEY);
    expect((await apply(marker)).outcome).toBe('deleted');
    expect(await title()).toBeNull();
    expect((await apply(bucket.deleteVersion(KEY, marker.versionId))).outcome).toBe('stored');
    expect(await title()).toBe('Bản một');
  });

  it('shows the newer version after an overwrite and the deletion of the old version, in any delivery order', async () => {
    for (const order of [
      [0, 1, 2],
      [2, 1, 0],
      [1, 2, 0],
      [2, 0, 1],
    ]) {
      const { bucket, apply, title } = setup();
      const v1 = bucket.put(KEY, article('Bản một'));
      const v2 = bucket.put(KEY, article('Bản hai'));
      const events = [v1, v2, bucket.deleteVersion(KEY, v1.versionId)];
      for (const i of order) await apply(events[i]!);
      expect(await title(), `order ${order}`).toBe('Bản hai');
    }
  });

  it('deletes the article when the last version goes, and an older event delivered late does not revive it', async () => {
    const { bucket, apply, title } = setup();
    const v1 = bucket.put(KEY, article('Bản một'));
    await apply(v1);
    expect((await apply(bucket.deleteVersion(KEY, v1.versionId))).outcome).toBe('deleted');
    expect(await title()).toBeNull();
    expect((await apply(v1)).outcome).toBe('missing');
    expect(await title()).toBeNull();
  });
});
