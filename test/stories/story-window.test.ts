import { describe, expect, it } from 'vitest';
import { storiesOnFake } from './fake-story-store';
import { warehouseFireReport } from './warehouse-fire';

const HOUR = 3600_000;
const START = Date.UTC(2024, 4, 1);

/** Each report's own details (the team's own made-up text), so no two are copies of one text. */
const DETAILS: Record<string, string> = {
  a: 'Lửa bùng lên lúc nửa đêm, hàng chục xe chữa cháy được điều đến hiện trường.',
  b: 'Người dân quanh khu vực được sơ tán tạm thời sang trường học gần đó.',
  c: 'Thiệt hại ban đầu ước tính nhiều tỷ đồng, chưa ghi nhận thương vong.',
  d: 'Cơ quan chức năng phong tỏa hiện trường để điều tra nguyên nhân.',
  e: 'Hai ngày sau, đoàn kiểm tra công bố kết quả khám nghiệm sơ bộ.',
  f: 'Công ty cam kết bồi thường cho các hộ kinh doanh bị ảnh hưởng.',
};

/** One event reported again and again. */
const report = (key: string, hours: number) =>
  warehouseFireReport(key, DETAILS[key] ?? '', new Date(START + hours * HOUR).toISOString());

describe('a long-running story (average linkage over the window)', () => {
  it('takes a new report when only its recent members are in the window', async () => {
    const store = storiesOnFake(7, START).storeOn();
    // Four reports at the start, one two days on, one more two days after that: by then the first four
    // are older than the 72 h window and would otherwise count as members it is not close to.
    const reports = [
      report('a', 0),
      report('b', 1),
      report('c', 2),
      report('d', 3),
      report('e', 48),
      report('f', 100),
    ];
    for (const [i, r] of reports.entries()) await store.putArticle(r, String(i + 1).padStart(4, '0'));
    await store.foldCounters();
    const fields = await store.stories!.fieldsOf(reports.map((r) => r.id));
    const stories = reports.map((r) => fields.get(r.id)?.story?.id);
    expect(new Set(stories).size).toBe(1);
    expect(fields.get('f')?.story?.size).toBe(6);
  });
});
