/**
 * Errors users saw in the entity records (issue 16), which must not come back. Hand-written sentences,
 * run through the shipped recogniser (rules + model + resolution).
 */
import { describe, expect, it } from 'vitest';
import type { Entities } from '../../../shared/model/article';
import { parsedArticle } from '../../../shared/parse/types';
import { recogniseEntities } from '../../../shared/tag/entities/recognise';

const tag = (body: string, title: string | null = null): Entities =>
  recogniseEntities(parsedArticle({ title, body }), { language: 'vi' });
const names = (list: { name: string }[]) => list.map((e) => e.name);

describe('the recogniser does not repeat errors users saw', () => {
  it('does not read a title opening a sentence as the start of a person name', () => {
    const e = tag('Bộ trưởng Lê Thành Long phát biểu tại hội nghị. Thủ tướng Phạm Minh Chính chủ trì.');
    expect(names(e.person)).not.toContain('Bộ trưởng Lê Thành Long');
    expect(names(e.person)).not.toContain('Thủ tướng Phạm Minh Chính');
    expect(names(e.person).some((n) => n.startsWith('Bộ') || n.startsWith('Thủ'))).toBe(false);
  });

  it('does not read a named storm as a person', () => {
    const e = tag('Bão Yagi đổ bộ vào Quảng Ninh chiều qua, gây mưa lớn ở nhiều tỉnh phía bắc.');
    expect(names(e.person)).not.toContain('Yagi');
    expect(names(e.person)).not.toContain('Bão Yagi');
  });

  it('does not read an airline as a person', () => {
    const e = tag('Hãng Lao Airlines vừa mở thêm đường bay từ Viêng Chăn tới Hà Nội.');
    expect(names(e.person)).not.toContain('Lao Airlines');
  });

  it('does not read the city in a club name as a place', () => {
    const e = tag('Real Madrid thắng 2-0 trong trận đấu tối qua và vươn lên dẫn đầu bảng.');
    expect(names(e.place)).not.toContain('Madrid');
  });

  it('reads a town beaten in a match as its club, and a date after a town as no score', () => {
    const e = tag('Đội chủ nhà đã đánh bại Hải Phòng 2-1 và vươn lên dẫn đầu bảng.');
    expect(names(e.place)).not.toContain('Hải Phòng');
    expect(names(e.organization)).toContain('Hải Phòng');
    expect(names(tag('Đoàn công tác đến Hải Phòng ngày 2-1 để làm việc.').place)).toContain('Hải Phòng');
  });

  it('does not read a committee of an unnamed province as an organisation', () => {
    const e = tag('UBND tỉnh đã chỉ đạo các sở ngành khẩn trương khắc phục hậu quả mưa lũ.');
    expect(names(e.organization)).not.toContain('UBND tỉnh');
  });

  it('does not read SARS in SARS-CoV-2 as an organisation', () => {
    const e = tag('Các nhà khoa học đã giải mã thêm một biến thể của virus SARS-CoV-2.');
    expect(names(e.organization)).not.toContain('SARS');
  });

  it('does not read a lone initial or a lone syllable as a person', () => {
    const e = tag('Phương án N. được chọn thay cho phương án M. Học sinh học tiếng Việt mỗi ngày.');
    expect(names(e.person)).not.toContain('N.');
    expect(names(e.person)).not.toContain('N');
    expect(names(e.person)).not.toContain('Việt');
  });

  it('does not read a port as a person', () => {
    const e = tag('Hai tàu container đã cập cảng Đình Vũ sáng nay để dỡ hàng.');
    expect(names(e.person)).not.toContain('Đình Vũ');
  });

  it('every entity carries a score in [0, 1]', () => {
    const e = tag(
      'Ông Nguyễn Văn Hùng, Giám đốc Sở Y tế tỉnh Phú Yên, làm việc với Bệnh viện Bạch Mai tại Hà Nội.',
    );
    const all = [...e.person, ...e.organization, ...e.place];
    expect(all.length).toBeGreaterThan(0);
    for (const x of all) {
      expect(x.score).toBeGreaterThanOrEqual(0);
      expect(x.score).toBeLessThanOrEqual(1);
    }
  });

  it('still reports a place inside an organisation name', () => {
    const e = tag('Ông Nguyễn Văn Hùng đang điều trị tại Bệnh viện Đa khoa tỉnh Thái Bình.');
    expect(names(e.place)).toContain('Thái Bình');
  });
});
