import { describe, expect, it } from 'vitest';
import type { Entities } from '../../../shared/model/article';
import { leavePlaceCuesOut, withoutPlaceCue } from '../../../shared/tag/entities/resolve/place-cues';

const places = (...list: [string, number, string[]?][]): Entities => ({
  person: [],
  organization: [],
  place: list.map(([name, mentions, aliases]) =>
    aliases ? { name, mentions, aliases } : { name, mentions },
  ),
});

describe('place names leave out the cue word written before them', () => {
  it('drops a listed lower-case cue before a capitalised name', () => {
    expect(withoutPlaceCue('phố Huế')).toBe('Huế');
    expect(withoutPlaceCue('ga Hà Nội')).toBe('Hà Nội');
    expect(withoutPlaceCue('ngã ba Cầu Tàu')).toBe('Cầu Tàu');
    expect(withoutPlaceCue('cửa khẩu Hữu Nghị')).toBe('Hữu Nghị');
    expect(withoutPlaceCue('đảo Quan Lạn')).toBe('Quan Lạn');
    expect(withoutPlaceCue('đèo Mã Pì Lèng')).toBe('Mã Pì Lèng');
    expect(withoutPlaceCue('núi lửa Ubinas')).toBe('Ubinas');
    expect(withoutPlaceCue('núi Bà Đen')).toBe('Bà Đen');
    expect(withoutPlaceCue('thôn Ngải Thầu')).toBe('Ngải Thầu');
    expect(withoutPlaceCue('buôn Ko Đung')).toBe('Ko Đung');
    expect(withoutPlaceCue('bản Lướt')).toBe('Lướt');
    expect(withoutPlaceCue('ấp Phú Hòa')).toBe('Phú Hòa');
    expect(withoutPlaceCue('quần đảo Trường Sa')).toBe('Trường Sa');
    expect(withoutPlaceCue('đường Lê Lợi')).toBe('Lê Lợi');
    expect(withoutPlaceCue('sân bay Cát Bi')).toBe('Cát Bi');
    expect(withoutPlaceCue('hồ Trị An')).toBe('Trị An');
    expect(withoutPlaceCue('đỉnh Phu Si Lung')).toBe('Phu Si Lung');
    expect(withoutPlaceCue('vùng Atacama')).toBe('Atacama');
    expect(withoutPlaceCue('bãi Đá Trắng')).toBe('Đá Trắng');
    expect(withoutPlaceCue('hòn Tre Nhỏ')).toBe('Tre Nhỏ');
    expect(withoutPlaceCue('cù lao Giêng')).toBe('Giêng');
  });

  it("leaves a river's cue out before a Vietnamese name only", () => {
    expect(withoutPlaceCue('sông Hồng')).toBe('Hồng');
    expect(withoutPlaceCue('sông Kỳ Lộ')).toBe('Kỳ Lộ');
    expect(withoutPlaceCue('sông Danube')).toBe('sông Danube');
    expect(withoutPlaceCue('sông Mê Kông')).toBe('Mê Kông');
  });

  it("leaves a venue's cue out before a Vietnamese name only", () => {
    expect(withoutPlaceCue('sân Thống Nhất')).toBe('Thống Nhất');
    expect(withoutPlaceCue('sân vận động Hòa Xuân')).toBe('Hòa Xuân');
    expect(withoutPlaceCue('sân Old Trafford')).toBe('sân Old Trafford');
    expect(withoutPlaceCue('sân khấu Lớn')).toBe('sân khấu Lớn');
  });

  it('keeps the cue of a formal name that opens with a capitalised scope', () => {
    expect(withoutPlaceCue('sân bay Quốc tế Cát Bi')).toBe('sân bay Quốc tế Cát Bi');
    expect(withoutPlaceCue('sân bay Quốc gia Cát Bi')).toBe('sân bay Quốc gia Cát Bi');
  });

  it('keeps cues VLSP writes inside the name, a capitalised cue and a cue with no name after it', () => {
    expect(withoutPlaceCue('châu Âu')).toBe('châu Âu');
    expect(withoutPlaceCue('Phố Hiến')).toBe('Phố Hiến');
    expect(withoutPlaceCue('phố cổ')).toBe('phố cổ');
    expect(withoutPlaceCue('đường sắt')).toBe('đường sắt');
  });

  it('makes one entity of two places that become the same name', () => {
    const e = leavePlaceCuesOut(places(['Huế', 2], ['phố Huế', 3, ['P. Huế']], ['Hà Nội', 1]));
    expect(e.place).toEqual([
      { name: 'Huế', mentions: 5, aliases: ['P. Huế'] },
      { name: 'Hà Nội', mentions: 1 },
    ]);
  });

  it('returns the entities as they were when no place has a cue', () => {
    const e = places(['Hà Nội', 1]);
    expect(leavePlaceCuesOut(e)).toBe(e);
  });
});
