import { describe, expect, it } from 'vitest';
import { warmUp } from '../../shared/warm-up';

describe('warmUp', () => {
  it('takes its article through every stage that loads data: title from the URL, entity model, key phrases', () => {
    const record = warmUp();
    expect(record.titleSource).toBe('url');
    expect(record.title).toMatch(/^Hà Nội mở thêm tuyến xe buýt điện/);
    expect(record.entities.person.map((e) => e.name)).toContain('Nguyễn Văn An');
    expect(record.entities.organization.length).toBeGreaterThan(0);
    expect(record.keywords.length).toBeGreaterThan(0);
  });
});
