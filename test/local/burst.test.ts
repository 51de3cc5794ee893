/**
 * A folder dropped at once: 300 files written into the inbox together, every one stored and readable
 * over the API afterwards, nothing dead-lettered. The texts are written for this test.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type FileResult, type LocalStack, startLocalStack } from '../../local/stack';
import { articleId } from '../../shared/process';

const FILES = 300;
let stack: LocalStack | undefined;
let root: string | undefined;

afterAll(async () => {
  await stack?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const text = (i: number) =>
  `Bản tin số ${i}: chợ đầu mối phường ${i % 12} mở cửa sớm\n\n` +
  `Sáng nay, chợ đầu mối số ${i} ở Hà Nội mở cửa từ bốn giờ. Tiểu thương cho biết giá rau xanh giảm nhẹ ` +
  `so với tuần trước, còn giá thịt lợn giữ nguyên. Ban quản lý chợ bố trí thêm chỗ đỗ xe cho người mua.\n`;

describe('a burst of files dropped into the inbox', () => {
  it(`stores every one of ${FILES} files dropped at once, with nothing dead-lettered`, async () => {
    root = await mkdtemp(join(tmpdir(), 'newsdrop-burst-'));
    const inbox = join(root, 'inbox');
    await mkdir(inbox, { recursive: true });
    const results = new Map<string, FileResult>();
    let allDone: () => void = () => {};
    const done = new Promise<void>((resolve) => {
      allDone = resolve;
    });
    stack = await startLocalStack({
      port: 0,
      memory: true,
      dataDir: join(root, 'data'),
      inboxDir: inbox,
      onFile: (r) => {
        results.set(r.key, r);
        if (results.size === FILES) allDone();
      },
    });
    const names = Array.from({ length: FILES }, (_, i) => `tin-${String(i).padStart(3, '0')}.txt`);
    await Promise.all(names.map((name, i) => writeFile(join(inbox, name), text(i))));
    await done;
    await stack.queue.drain();
    expect(stack.queue.deadLetters).toEqual([]);
    expect([...results.values()].filter((r) => r.kind !== 'stored')).toEqual([]);
    let found = 0;
    for (const [i, name] of names.entries()) {
      const res = await fetch(`${stack.url}/articles/${articleId(`incoming/${name}`)}`);
      expect(res.status).toBe(200);
      const record = (await res.json()) as { status: string; title: string };
      expect(record.status).toBe('stored');
      expect(record.title).toBe(`Bản tin số ${i}: chợ đầu mối phường ${i % 12} mở cửa sớm`);
      found++;
    }
    expect(found).toBe(FILES);
  }, 240_000);
});
