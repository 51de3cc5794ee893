import { describe, expect, it } from 'vitest';
import { assetsRead, INGEST_ASSETS } from '../../shared/assets';
import { loadData } from '../../shared/load-data';
import { processArticle } from '../../shared/process';

// The team's own text, in the seed layout whose title comes from the URL.
const ARTICLE = [
  'Sáng 3/12, Ủy ban nhân dân thành phố Hà Nội tổ chức hội nghị về giao thông đô thị.',
  'Ông Nguyễn Văn An, Giám đốc Sở Xây dựng, cho biết thành phố sẽ mở thêm hai tuyến xe buýt điện.',
  'https://example.vn/thoi-su/ha-noi-mo-them-tuyen-xe-buyt-dien-20261203101500123.htm',
].join('\n');

describe('loadData', () => {
  it('reads every data file the ingest Lambda ships, so that an article after it reads none', () => {
    loadData();
    expect([...assetsRead()].sort()).toEqual(INGEST_ASSETS.map((a) => a.name).sort());
    const before = assetsRead().size;
    const record = processArticle({ key: 'load-data/article.txt' }, new TextEncoder().encode(ARTICLE));
    // The article went through every stage that reads data: title from the URL, entity model, key phrases.
    expect(record.titleSource).toBe('url');
    expect(record.title).toMatch(/^Hà Nội mở thêm tuyến xe buýt điện/);
    expect(record.entities.person.map((e) => e.name)).toContain('Nguyễn Văn An');
    expect(record.entities.organization.length).toBeGreaterThan(0);
    expect(record.keywords.length).toBeGreaterThan(0);
    expect(assetsRead().size).toBe(before);
  });
});
