/**
 * Keeps the bucket's upload area in step with a local folder, the way an editor's sync client would:
 * a file added or saved in the inbox is put to `incoming/<relative path>`, a file removed there is
 * deleted from the bucket. Changes made while the stack was stopped are caught up on start: files
 * whose content differs from the stored object (by MD5, S3's ETag for a single put) are uploaded again,
 * and files this watcher had uploaded but which are gone now are deleted.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { DeleteObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { type FSWatcher, watch } from 'chokidar';
import { fileKey, isIgnoredName, listArticleFiles } from '../shared/ingest/files';

export interface InboxOptions {
  dir: string;
  s3: S3Client;
  bucket: string;
  /** Key prefix for uploads. @default 'incoming/' */
  prefix?: string;
  /** Where to remember which files this watcher uploaded (for deletes made while stopped). */
  manifestPath?: string;
  /** Called when an upload or delete fails; the watcher carries on. */
  onError?: (err: unknown, relativePath: string) => void;
}

export interface InboxSyncSummary {
  uploaded: number;
  unchanged: number;
  deleted: number;
}

/** Files compared and uploaded at once during the catch-up on start. */
const CATCH_UP_CONCURRENCY = 8;
/** Uploads and deletes in flight at once, whatever arrives: a burst waits here, not in the SDK's socket queue. */
const S3_IN_FLIGHT = 16;

const md5Hex = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');

export class InboxWatcher {
  private readonly prefix: string;
  private watcher: FSWatcher | undefined;
  /** Relative path → MD5 of what was last uploaded from it. */
  private uploaded = new Map<string, string>();
  /** One chain of operations per file, so a save followed by a delete reaches S3 in that order. */
  private readonly chains = new Map<string, Promise<void>>();
  /** S3 operations under way, and those waiting for one to end (a folder dropped at once is 100s of files). */
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly options: InboxOptions) {
    this.prefix = options.prefix ?? 'incoming/';
  }

  /** Catches up with changes made while stopped, then watches. Resolves once watching. */
  async start(): Promise<InboxSyncSummary> {
    await mkdir(this.options.dir, { recursive: true });
    await this.loadManifest();
    const summary: InboxSyncSummary = { uploaded: 0, unchanged: 0, deleted: 0 };
    const present = new Set<string>();
    const files = await listArticleFiles(this.options.dir);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < files.length; i = next++) {
        const rel = files[i]!;
        present.add(rel);
        const changed = await this.enqueue(rel, () => this.upload(rel, true));
        if (changed) summary.uploaded++;
        else summary.unchanged++;
      }
    };
    await Promise.all(Array.from({ length: CATCH_UP_CONCURRENCY }, worker));
    for (const rel of [...this.uploaded.keys()]) {
      if (present.has(rel)) continue;
      await this.enqueue(rel, () => this.remove(rel));
      summary.deleted++;
    }
    await this.saveManifest();

    this.watcher = watch(this.options.dir, {
      ignoreInitial: true,
      ignored: (path) => path !== this.options.dir && isIgnoredName(basename(path)),
      // Wait until a file stops growing: a half-copied file is not an article yet.
      awaitWriteFinish: { stabilityThreshold: 120, pollInterval: 20 },
    });
    const onFile = (path: string) => void this.enqueue(this.rel(path), () => this.upload(this.rel(path)));
    this.watcher.on('add', onFile);
    this.watcher.on('change', onFile);
    this.watcher.on('unlink', (path) => void this.enqueue(this.rel(path), () => this.remove(this.rel(path))));
    this.watcher.on('error', (err) => this.options.onError?.(err, '.'));
    await new Promise<void>((resolve) => this.watcher!.once('ready', () => resolve()));
    return summary;
  }

  /** Stops watching and waits for uploads and deletes already started. */
  async close(): Promise<void> {
    await this.watcher?.close();
    this.watcher = undefined;
    await this.idle();
    await this.saveManifest();
  }

  /** Resolves when no upload or delete is in progress. */
  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }

  private rel(path: string): string {
    return relative(this.options.dir, path);
  }

  private enqueue<T>(rel: string, op: () => Promise<T>): Promise<T | undefined> {
    const previous = this.chains.get(rel) ?? Promise.resolve();
    const result = previous
      .then(() => this.bounded(op))
      .catch((err: unknown) => {
        this.options.onError?.(err, rel);
        return undefined;
      });
    const tail = result.then(() => undefined);
    this.chains.set(rel, tail);
    void tail.then(() => {
      if (this.chains.get(rel) === tail) this.chains.delete(rel);
    });
    return result;
  }

  /** Runs `op` once fewer than S3_IN_FLIGHT operations are under way (the S3 client has 50 sockets). */
  private async bounded<T>(op: () => Promise<T>): Promise<T> {
    while (this.active >= S3_IN_FLIGHT) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await op();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  /** Uploads the file unless the bucket already holds exactly these bytes; true if it uploaded. */
  private async upload(rel: string, checkBucket = false): Promise<boolean> {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(this.options.dir, rel));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false; // gone again: its unlink follows
      throw err;
    }
    const md5 = md5Hex(bytes);
    const key = fileKey(this.prefix, rel);
    const known = checkBucket ? await this.storedMd5(key) : this.uploaded.get(rel);
    if (known === md5) {
      this.uploaded.set(rel, md5);
      return false;
    }
    await this.options.s3.send(new PutObjectCommand({ Bucket: this.options.bucket, Key: key, Body: bytes }));
    this.uploaded.set(rel, md5);
    return true;
  }

  private async remove(rel: string): Promise<void> {
    // Single DeleteObject calls: each one is a notification, as in S3 (s3rver's DeleteObjects emits none).
    await this.options.s3.send(
      new DeleteObjectCommand({ Bucket: this.options.bucket, Key: fileKey(this.prefix, rel) }),
    );
    this.uploaded.delete(rel);
  }

  private async storedMd5(key: string): Promise<string | undefined> {
    try {
      const head = await this.options.s3.send(
        new HeadObjectCommand({ Bucket: this.options.bucket, Key: key }),
      );
      return head.ETag?.replace(/"/g, '');
    } catch (err) {
      const name = (err as { name?: string }).name;
      if (name === 'NotFound' || name === 'NoSuchKey') return undefined;
      throw err;
    }
  }

  private async loadManifest(): Promise<void> {
    if (!this.options.manifestPath) return;
    try {
      const json = JSON.parse(await readFile(this.options.manifestPath, 'utf8')) as {
        files?: Record<string, string>;
      };
      this.uploaded = new Map(Object.entries(json.files ?? {}));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }

  private async saveManifest(): Promise<void> {
    if (!this.options.manifestPath) return;
    const files = Object.fromEntries([...this.uploaded].sort(([a], [b]) => a.localeCompare(b)));
    await writeFile(this.options.manifestPath, `${JSON.stringify({ files }, null, 2)}\n`);
  }
}
