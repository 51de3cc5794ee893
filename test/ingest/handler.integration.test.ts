import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { SQSEvent } from 'aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import { createIngestHandler, type IngestHandler } from '../../functions/lib/ingest-handler';
import { RecordingMetrics } from '../../functions/lib/observability';
import type { Emulators } from '../../local/emulators';
import { articleId, processArticle } from '../../shared/process';
import { DynamoArticleStore } from '../../shared/store/index';
import type { ArticleFilter } from '../../shared/store/reader';
import { useEmulatedTables } from '../emulated-tables';
import { readSeed, SEED_FILES } from '../helpers';
import { sqsEvent, sqsMessage } from './sqs-events';

let emu: Emulators;
let store: DynamoArticleStore;
let metrics: RecordingMetrics;
let ingest: IngestHandler;
const emulated = useEmulatedTables('ingest');

beforeEach(async () => {
  emu = emulated.emu;
  const tableName = await emulated.freshTable();
  store = new DynamoArticleStore({ doc: emu.doc, tableName });
  metrics = new RecordingMetrics();
  ingest = createIngestHandler({
    s3: emu.s3,
    store,
    config: { incomingPrefix: 'incoming/', maxObjectBytes: 5 * 1024 * 1024 },
    metrics,
  });
});

async function upload(key: string, body: Uint8Array | string): Promise<number> {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  await emu.s3.send(new PutObjectCommand({ Bucket: emu.bucket, Key: key, Body: bytes }));
  return bytes.length;
}

const idOf = (key: string) => articleId(key);

/** Removes the object, as the DELETE that a removal event reports did. */
async function remove(key: string): Promise<void> {
  await emu.s3.send(new DeleteObjectCommand({ Bucket: emu.bucket, Key: key }));
}

describe('ingest handler against the emulators', () => {
  it('stores both seeds with their parsed fields and lists them', async () => {
    const changes = [];
    for (const [i, name] of SEED_FILES.entries()) {
      const key = `incoming/${name}`;
      const size = await upload(key, readSeed(name));
      changes.push({ kind: 'create' as const, key, size, sequencer: `00${i}A` });
    }
    expect(await ingest(sqsEvent(...changes))).toEqual({ batchItemFailures: [] });
    for (const name of SEED_FILES) {
      const key = `incoming/${name}`;
      const record = await store.getArticle(idOf(key));
      // Exactly what `newsdrop parse` makes of the same bytes (the parser's fields, whatever they are).
      const expected = processArticle({ bucket: emu.bucket, key }, readSeed(name));
      expect(record).toEqual({ ...expected, processedAt: record!.processedAt });
      expect(record?.status).toBe('stored');
      expect(record?.body.length).toBeGreaterThan(500);
      // Findable under each of its own facets.
      const find = async (filter: Omit<ArticleFilter, 'status'>) =>
        (await store.listArticles({ status: 'stored', ...filter }, { limit: 10 })).items.map((a) => a.id);
      for (const p of record!.entities.person) expect(await find({ person: p.name })).toContain(record!.id);
      for (const o of record!.entities.organization)
        expect(await find({ organization: o.name })).toContain(record!.id);
      for (const c of record!.category) expect(await find({ category: c })).toContain(record!.id);
      for (const t of record!.topics) expect(await find({ topic: t.code })).toContain(record!.id);
      if (record!.publishedAt) {
        const day = record!.publishedAt.slice(0, 10);
        expect(await find({ from: day, to: day })).toContain(record!.id);
      }
      if (record!.title) expect(await find({ q: record!.title })).toContain(record!.id);
    }
    const page = await store.listArticles({ status: 'stored', q: 'asean' }, { limit: 10 });
    expect(page.items.map((a) => a.id)).toContain(idOf(`incoming/${SEED_FILES[0]}`));
    expect(metrics.counts.stored).toBe(2);
  });

  it('updates the record on overwrite and ignores the older event delivered late', async () => {
    const key = 'incoming/ghi-de.txt';
    const size1 = await upload(key, 'Tiêu đề cũ\n\nNội dung cũ của bài báo.');
    await ingest(sqsEvent({ kind: 'create', key, size: size1, sequencer: '0100' }));
    const size2 = await upload(key, 'Tiêu đề mới\n\nNội dung mới của bài báo.');
    await ingest(sqsEvent({ kind: 'create', key, size: size2, sequencer: '0200' }));
    expect((await store.getArticle(idOf(key)))?.title).toBe('Tiêu đề mới');
    const oldest = await ingest(sqsEvent({ kind: 'create', key, size: size1, sequencer: '0100' }));
    expect(oldest.batchItemFailures).toEqual([]);
    expect((await store.getArticle(idOf(key)))?.title).toBe('Tiêu đề mới');
    const titles = await store.listArticles({ status: 'stored', q: 'tieu de moi' }, { limit: 5 });
    expect(titles.items.map((a) => a.title)).toEqual(['Tiêu đề mới']);
    expect((await store.listArticles({ status: 'stored', q: 'tieu de cu' }, { limit: 5 })).items).toEqual([]);
  });

  it('removes the record and its index entries on delete', async () => {
    const key = 'incoming/xoa.txt';
    const size = await upload(key, 'Bài sẽ bị xoá\n\nNội dung về Hà Nội.');
    await ingest(sqsEvent({ kind: 'create', key, size, sequencer: '10' }));
    expect(await store.getArticle(idOf(key))).not.toBeNull();
    await remove(key);
    expect(await ingest(sqsEvent({ kind: 'delete', key, sequencer: '11' }))).toEqual({
      batchItemFailures: [],
    });
    expect(await store.getArticle(idOf(key))).toBeNull();
    expect((await store.listArticles({ status: 'stored' }, { limit: 5 })).items).toEqual([]);
    expect((await store.listArticles({ status: 'stored', q: 'xoa' }, { limit: 5 })).items).toEqual([]);
    // A redelivered create older than the delete does not bring it back.
    await ingest(sqsEvent({ kind: 'create', key, size, sequencer: '10' }));
    expect(await store.getArticle(idOf(key))).toBeNull();
  });

  it('gives each poison input its rejected or correct record and never fails the batch', async () => {
    const cases: { key: string; body?: Uint8Array | string; size?: number; expect: string }[] = [
      { key: 'incoming/rong.txt', body: '', expect: 'empty_file' },
      {
        key: 'incoming/anh.txt',
        body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3, 0, 0]),
        expect: 'binary',
      },
      // 50 MB by the event: never fetched (nothing is even uploaded under this key).
      { key: 'incoming/khong-lo.txt', size: 50 * 1024 * 1024, expect: 'too_large' },
      {
        key: 'incoming/hong-utf8.txt',
        body: new Uint8Array([0x54, 0x69, 0xea, 0x75, 0xff, 0xfe, 0x0a, 0xc3, 0x28]),
        expect: 'any',
      },
      {
        key: 'incoming/Tin tức Hà Nội mới.txt',
        body: 'Tin tức Hà Nội\n\nNội dung bài viết về Hà Nội hôm nay.',
        expect: 'stored',
      },
      {
        key: 'incoming/bang-tinh.xlsx',
        body: 'PK\u0003\u0004 not a spreadsheet really',
        expect: 'unsupported',
      },
    ];
    const changes = [];
    for (const [i, c] of cases.entries()) {
      const size = c.body !== undefined ? await upload(c.key, c.body) : (c.size ?? 0);
      changes.push({ kind: 'create' as const, key: c.key, size, sequencer: `0${i + 1}` });
    }
    const event = sqsEvent(...changes);
    event.Records.push(sqsMessage({ Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: emu.bucket }));
    expect(await ingest(event)).toEqual({ batchItemFailures: [] });
    for (const c of cases) {
      const record = await store.getArticle(idOf(c.key));
      expect(record, c.key).not.toBeNull();
      expect(record!.source.key).toBe(c.key);
      if (c.expect === 'stored') expect(record!.status).toBe('stored');
      else if (c.expect === 'binary') expect(record!.rejection?.code).toBe('binary_file');
      // An .xlsx is both a ZIP and a type we do not read: either reason is right.
      else if (c.expect === 'unsupported')
        expect(['unsupported_type', 'binary_file']).toContain(record!.rejection?.code);
      else if (c.expect !== 'any') expect(record!.rejection?.code).toBe(c.expect);
      if (record!.status === 'rejected') expect(record!.rejection?.message).toBeTruthy();
    }
    const rejected = await store.listArticles({ status: 'rejected' }, { limit: 50 });
    expect(rejected.items.map((a) => a.source.key)).toEqual(
      expect.arrayContaining(['incoming/rong.txt', 'incoming/khong-lo.txt']),
    );
    expect(metrics.rejections.too_large).toBe(1);
    expect(metrics.rejections.empty_file).toBe(1);
  });

  it('stores a 1 MB article and returns its body whole', async () => {
    const key = 'incoming/bai-rat-dai.txt';
    const paragraph = (i: number) =>
      `Đoạn ${i}: Hội nghị các Trụ cột Cộng đồng ASEAN tại Hà Nội bàn về hợp tác kinh tế, văn hoá và xã hội ${i * 7919}.`;
    const lines = ['Bài báo rất dài về ASEAN'];
    for (let i = 0, bytes = 0; bytes < 1024 * 1024; i++) {
      lines.push(paragraph(i));
      bytes += Buffer.byteLength(paragraph(i)) + 2;
    }
    const size = await upload(key, lines.join('\n\n'));
    expect(await ingest(sqsEvent({ kind: 'create', key, size, sequencer: '01' }))).toEqual({
      batchItemFailures: [],
    });
    const record = await store.getArticle(idOf(key));
    expect(record?.status).toBe('stored');
    expect(Buffer.byteLength(record!.body)).toBeGreaterThan(1000 * 1000);
    expect(record!.body).toContain(paragraph(1));
    expect(record!.body).toContain(paragraph(lines.length - 2));
  });

  it('handles the sample events as real S3 sends them (URL-encoded Vietnamese key, delete, test event)', async () => {
    const sample = (name: string) =>
      JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'events', name), 'utf8')) as SQSEvent;
    const key = 'incoming/Thời sự/Hà Nội mở rộng đường Vành đai 4.txt';
    await upload(
      key,
      'Hà Nội mở rộng đường Vành đai 4\n\nThành phố Hà Nội khởi công mở rộng đường Vành đai 4.',
    );
    expect(await ingest(sample('ingest-vietnamese-key.json'))).toEqual({ batchItemFailures: [] });
    expect((await store.getArticle(idOf(key)))?.source.key).toBe(key);
    expect(await ingest(sample('ingest-test-event.json'))).toEqual({ batchItemFailures: [] });
    const seedKey = 'incoming/000_018482176d444e67.txt';
    await upload(seedKey, readSeed('000_018482176d444e67.txt'));
    await ingest(sample('ingest-create.json'));
    expect(await store.getArticle(idOf(seedKey))).not.toBeNull();
    await remove(seedKey);
    await ingest(sample('ingest-delete.json'));
    expect(await store.getArticle(idOf(seedKey))).toBeNull();
  });

  it('skips keys outside the incoming prefix', async () => {
    const size = await upload('processed/khac.txt', 'Tiêu đề\n\nNội dung.');
    expect(
      await ingest(sqsEvent({ kind: 'create', key: 'processed/khac.txt', size, sequencer: '1' })),
    ).toEqual({
      batchItemFailures: [],
    });
    expect(await store.getArticle(idOf('processed/khac.txt'))).toBeNull();
  });

  it('fetches a macOS (NFD) upload by its own key and stores it under the NFC id', async () => {
    const nfd = 'incoming/Hòa Bình.txt'.normalize('NFD');
    const size = await upload(nfd, 'Hòa Bình\n\nTin về Hòa Bình.');
    // The event as S3 sends it: the NFD key, URL-encoded.
    expect(await ingest(sqsEvent({ kind: 'create', key: nfd, size, sequencer: '1' }))).toEqual({
      batchItemFailures: [],
    });
    const record = await store.getArticle(idOf('incoming/Hòa Bình.txt'));
    expect(record?.status).toBe('stored');
    expect(record?.source.key).toBe(nfd);
    expect(metrics.counts.missing).toBe(0);
    await ingest(sqsEvent({ kind: 'delete', key: nfd, sequencer: '2' }));
    expect(await store.getArticle(idOf(nfd))).not.toBeNull(); // the object is still there
  });

  it('counts a created object that is gone when fetched as missing', async () => {
    await ingest(sqsEvent({ kind: 'create', key: 'incoming/khong-co.txt', size: 10, sequencer: '1' }));
    expect(metrics.counts.missing).toBe(1);
  });

  it('derives ids after the configured prefix', async () => {
    const handler = createIngestHandler({
      s3: emu.s3,
      store,
      config: { incomingPrefix: 'uploads/', maxObjectBytes: 1 << 20 },
      metrics,
    });
    const size = await upload('uploads/tien-to.txt', 'Tiền tố\n\nBài về tiền tố của khoá.');
    await handler(sqsEvent({ kind: 'create', key: 'uploads/tien-to.txt', size, sequencer: '1' }));
    // The id `newsdrop parse tien-to.txt` predicts, whatever the prefix.
    expect((await store.getArticle(articleId('incoming/tien-to.txt')))?.status).toBe('stored');
  });

  it('logs malformed events with their reason, counts them and neither crashes nor retries', async () => {
    const errors: unknown[][] = [];
    const logger = {
      debug() {},
      info() {},
      warn() {},
      addContext() {},
      error: (...args: unknown[]) => errors.push(args),
    };
    const handler = createIngestHandler({
      s3: emu.s3,
      store,
      config: { incomingPrefix: 'incoming/', maxObjectBytes: 1 << 20 },
      metrics,
      logger: logger as never,
    });
    const size = await upload('incoming/tot.txt', 'Bài tốt\n\nNội dung bài tốt.');
    const good = sqsEvent({ kind: 'create', key: 'incoming/tot.txt', size, sequencer: '1' }).Records[0]!;
    const badSequencer = {
      Records: [
        {
          eventName: 'ObjectCreated:Put',
          s3: { bucket: { name: emu.bucket }, object: { key: 'incoming/x.txt', sequencer: 'not-hex' } },
        },
      ],
    };
    const result = await handler({
      Records: [
        sqsMessage({ hello: 'world' }),
        sqsMessage(badSequencer),
        sqsMessage({ Records: [null] }),
        good,
      ],
    });
    expect(result).toEqual({ batchItemFailures: [] });
    expect(metrics.counts.malformed).toBe(3);
    expect(errors.map(([, meta]) => (meta as { reason: string }).reason).sort()).toEqual([
      'no Records array',
      'record is not an object',
      'sequencer is not hex: "not-hex"',
    ]);
    expect((await store.getArticle(articleId('incoming/tot.txt')))?.status).toBe('stored');
  });
});
