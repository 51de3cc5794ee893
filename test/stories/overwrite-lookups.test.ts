/**
 * Interleavings of overwrites of one article: whatever order their writes land in, a later article
 * finds the stored version by what that version says (its look-up keys), not by what an older one
 * said. Runs the real store on the in-memory DynamoDB, one seed per interleaving.
 */
import { describe, expect, it } from 'vitest';
import { DynamoArticleStore } from '../../shared/store/index';
import { DEFAULT_STORY_CONFIG } from '../../shared/stories/config';
import { FakeDynamo } from '../store/fake-dynamo';
import { makeRecord } from '../store/records';

// The team's own text: two made-up reports, long enough to sketch, sharing no words.
const FLOOD = [
  'Sáng nay, Ủy ban nhân dân thành phố tổ chức hội nghị về kế hoạch chống ngập cho mùa mưa năm tới.',
  'Theo báo cáo, hệ thống thoát nước ở các quận trung tâm đã quá tải sau những trận mưa lớn kéo dài.',
  'Thành phố dự kiến xây thêm ba hồ điều hòa và nạo vét hơn hai mươi kilômét kênh rạch trong năm sau.',
].join('\n\n');
const VOLLEYBALL = [
  'Đội tuyển bóng chuyền nữ vừa trở về sau giải đấu khu vực với tấm huy chương bạc đầy tự hào.',
  'Huấn luyện viên cho biết các cầu thủ trẻ đã tiến bộ rõ rệt qua từng trận đấu tại giải năm nay.',
  'Liên đoàn sẽ tổ chức thêm một đợt tập huấn dài ngày trước khi bước vào vòng loại châu lục.',
].join('\n\n');

const version = (body: string) => makeRecord('x', { title: null, body });

describe('overwrites of one article racing each other', () => {
  it('leave the newest version findable by its text when the older writer finishes last', async () => {
    const fake = new FakeDynamo(7);
    const doc = fake.asDocumentClient();
    // The older version's writer stalls right after it has written its article item with its story link
    // (a slow Lambda):
    // everything it sends after that waits until the newer version's writer is done.
    let stalled = false;
    const held: (() => void)[] = [];
    const slow = {
      send: async (command: { constructor: { name: string }; input: { Item?: { sid?: string } } }) => {
        if (stalled) await new Promise<void>((go) => held.push(go));
        const out = await doc.send(command as never);
        if (command.constructor.name === 'PutCommand' && command.input.Item?.sid !== undefined)
          stalled = true;
        return out;
      },
    } as unknown as typeof doc;
    let clock = Date.UTC(2024, 4, 1);
    const storeOn = (client: typeof doc) =>
      new DynamoArticleStore({
        doc: client,
        tableName: 'articles',
        stories: DEFAULT_STORY_CONFIG,
        now: () => (clock += 250),
      });
    const store = storeOn(doc);
    await store.putArticle(version(FLOOD), '11');
    // Volleyball (older), then flood again (newer): the newest version has the first one's text.
    const older = storeOn(slow).putArticle(version(VOLLEYBALL), '12');
    while (!stalled) await new Promise((r) => setTimeout(r, 1));
    await storeOn(doc).putArticle(version(FLOOD), '13');
    stalled = false;
    for (const go of held.splice(0)) go();
    await older;
    clock += 3600_000; // the copy arrives an hour later: it finds x only by what x's story items say
    await store.putArticle(makeRecord('z', { title: null, body: FLOOD }), '1');
    expect((await store.getArticle('z'))?.duplicateOf).toBe('x');
    expect((await store.getArticle('x'))?.body).toBe(FLOOD);
  }, 60_000);
});
