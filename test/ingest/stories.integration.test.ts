/**
 * Stories through ingest, as the local stack runs it (local/handlers.ts: the ingest handler and the query
 * app over one store, on the embedded emulators): uploaded copies of one article are marked and share a
 * story, overwrites and deletes move their story, and a story whose last article is deleted disappears.
 */
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Emulators } from '../../local/emulators';
import { createLocalApps, type LocalApps } from '../../local/handlers';
import type { ArticleRecord } from '../../shared/model/article';
import { articleId } from '../../shared/process';
import { useEmulatedTables } from '../emulated-tables';
import { sqsEvent } from './sqs-events';

let emu: Emulators;
let apps: LocalApps;
let tableName: string;
const emulated = useEmulatedTables('stories-ingest');
let sequencer = 0x1000;

beforeEach(async () => {
  emu = emulated.emu;
  tableName = await emulated.freshTable();
  apps = createLocalApps({
    s3: emu.s3,
    doc: emu.doc,
    tableName,
    cursorSecret: 'a-test-secret-of-some-length',
  });
});

// Text the test writes itself: one wire report, two publishers' copies of it, and an unrelated article.
const WIRE = [
  'Sáng 12/3, Công ty Cấp nước Sông Lam thông báo tạm ngừng cấp nước cho ba phường của thành phố Vinh để sửa đường ống chính bị vỡ trên đường Lê Lợi.',
  'Theo ông Nguyễn Văn Thành, giám đốc công ty, đường ống dẫn nước sạch có đường kính 600 mm bị vỡ lúc hai giờ sáng do sụt lún nền đường sau mưa lớn kéo dài.',
  'Công ty đã huy động hơn năm mươi công nhân cùng máy móc đến hiện trường, dự kiến hoàn thành việc sửa chữa trong ba mươi sáu giờ.',
  'Trong thời gian ngừng cấp nước, công ty bố trí mười hai xe bồn chở nước sạch đến các khu dân cư, trường học và bệnh viện bị ảnh hưởng.',
  'Người dân được khuyến cáo dự trữ nước, kiểm tra van nước trong nhà và báo ngay cho đường dây nóng của công ty khi phát hiện rò rỉ.',
];
const copy = (byline: string, paragraphs: string[]) =>
  `Vỡ đường ống nước chính, ba phường ở Vinh mất nước\n\n${paragraphs.join('\n\n')}\n\n${byline}`;
const FIRST = copy('Minh Châu', WIRE);
// Another byline, the last paragraph dropped, other punctuation.
const SECOND = copy(
  'Theo Hoàng Yến (Báo Nghệ An)',
  WIRE.slice(0, 4).map((p) => p.replaceAll(',', ';')),
);
const OTHER = `Đội tuyển cờ vua trẻ giành ba huy chương vàng tại giải châu Á

Đoàn vận động viên cờ vua trẻ Việt Nam vừa kết thúc giải vô địch châu Á tổ chức tại Tashkent với ba huy chương vàng, hai bạc và bốn đồng.

Kỳ thủ Trần Quốc Bảo, mười bốn tuổi, thắng cả chín ván ở nội dung cờ chớp và được xếp hạt giống số một cho giải thế giới cuối năm.

Huấn luyện viên Phạm Thị Thu cho biết các em tập luyện sáu tháng với sự hỗ trợ của liên đoàn và nhiều câu lạc bộ ở Hà Nội.

Đoàn dự kiến về nước vào chiều thứ bảy và sẽ được đón tại sân bay Nội Bài.`;

async function put(key: string, text: string): Promise<void> {
  await emu.s3.send(new PutObjectCommand({ Bucket: emu.bucket, Key: key, Body: Buffer.from(text) }));
  const size = Buffer.byteLength(text);
  const done = await apps.ingest(
    sqsEvent({ kind: 'create', key, size, sequencer: (++sequencer).toString(16), bucket: emu.bucket }),
  );
  expect(done.batchItemFailures).toEqual([]);
}

async function remove(key: string): Promise<void> {
  await emu.s3.send(new DeleteObjectCommand({ Bucket: emu.bucket, Key: key }));
  const done = await apps.ingest(
    sqsEvent({ kind: 'delete', key, sequencer: (++sequencer).toString(16), bucket: emu.bucket }),
  );
  expect(done.batchItemFailures).toEqual([]);
}

/** The article as GET /articles/{id} serves it (story sizes folded first), or null. */
async function served(key: string): Promise<ArticleRecord | null> {
  await apps.store.foldCounters();
  const res = await apps.query.request(`/articles/${encodeURIComponent(articleId(key))}`);
  if (res.status === 404) return null;
  expect(res.status).toBe(200);
  return (await res.json()) as ArticleRecord;
}

/** Story heads that are not merged away, once the counter aggregator has folded the moves. */
async function liveStoryHeads(): Promise<{ pk: string; sz: number }[]> {
  await apps.store.foldCounters();
  const items = (await emu.doc.send(new ScanCommand({ TableName: tableName }))).Items ?? [];
  return items
    .filter((it) => String(it.pk).startsWith('S#') && it.sk === '#' && it.mv === undefined)
    .map((it) => ({ pk: String(it.pk), sz: Number(it.sz) }));
}

describe('stories through ingest on the local stack', () => {
  it('marks the later copy of an article as a duplicate of the first and puts both in one story', async () => {
    await put('incoming/wire/song-lam-a.txt', FIRST);
    await put('incoming/wire/song-lam-b.txt', SECOND);
    await put('incoming/sport/co-vua.txt', OTHER);
    const first = await served('incoming/wire/song-lam-a.txt');
    const second = await served('incoming/wire/song-lam-b.txt');
    const other = await served('incoming/sport/co-vua.txt');
    expect(first?.duplicateOf).toBeNull();
    expect(second?.duplicateOf).toBe(first!.id);
    expect(second?.story).toEqual({ id: first!.story!.id, size: 2 });
    expect(first?.story).toEqual({ id: first!.story!.id, size: 2 });
    expect(other?.duplicateOf).toBeNull();
    expect(other?.story?.size).toBe(1);
    expect(other?.story?.id).not.toBe(first!.story!.id);
  });

  it('moves an overwritten or deleted article out of its story and drops a story left empty', async () => {
    await put('incoming/wire/song-lam-a.txt', FIRST);
    await put('incoming/wire/song-lam-b.txt', SECOND);
    const storyId = (await served('incoming/wire/song-lam-a.txt'))!.story!.id;
    // Overwritten with another event: it leaves the story (and is no one's copy).
    await put('incoming/wire/song-lam-b.txt', OTHER);
    const moved = await served('incoming/wire/song-lam-b.txt');
    expect(moved?.duplicateOf).toBeNull();
    expect(moved?.story?.id).not.toBe(storyId);
    expect((await served('incoming/wire/song-lam-a.txt'))?.story).toEqual({ id: storyId, size: 1 });
    // Deleted: its story goes with it.
    await remove('incoming/wire/song-lam-a.txt');
    expect(await served('incoming/wire/song-lam-a.txt')).toBeNull();
    expect((await apps.query.request(`/stories/${storyId}`)).status).toBe(404);
    expect(await liveStoryHeads()).toEqual([{ pk: `S#${moved!.story!.id}`, sz: 1 }]);
    await remove('incoming/wire/song-lam-b.txt');
    expect(await liveStoryHeads()).toEqual([]);
  });
});
