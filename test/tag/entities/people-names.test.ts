import { describe, expect, it } from 'vitest';
import type { Entities } from '../../../shared/model/article';
import { dropPeopleNames, writtenOnlyAsPeople } from '../../../shared/tag/entities/resolve/people-names';

const persons = (...names: string[]): Entities => ({
  person: names.map((name) => ({ name, mentions: 1 })),
  organization: [],
  place: [{ name: 'Colombia', mentions: 1 }],
});

describe('a name written only after người, dân tộc or đồng bào is an ethnic group, not a person', () => {
  it('drops it when every mention follows such a word, in any case', () => {
    const texts = ['Người Hà Nhì ở Pa Ủ', 'Chị Điểu Thị Hạnh, người dân tộc Chơ Ro, và 186 hộ người Hà Nhì.'];
    expect(writtenOnlyAsPeople('Hà Nhì', texts)).toBe(true);
    expect(writtenOnlyAsPeople('Chơ Ro', texts)).toBe(true);
    expect(
      dropPeopleNames(persons('Hà Nhì', 'Chơ Ro', 'Điểu Thị Hạnh'), texts).person.map((p) => p.name),
    ).toEqual(['Điểu Thị Hạnh']);
  });

  it('keeps a name also written without the word, and one after a word ending in it', () => {
    expect(writtenOnlyAsPeople('Hà Nhì', ['người Hà Nhì và chị Hà Nhì'])).toBe(false);
    expect(writtenOnlyAsPeople('Lan Hương', ['Nghệ sĩ Nhân dân Lan Hương', 'ngư dân Lan Hương'])).toBe(false);
  });
});

describe("a person named as one of Vietnam's ethnic groups is the people where the article writes it so", () => {
  it('drops it beside a mention after người, dân tộc or đồng bào, and keeps a given name elsewhere', () => {
    const texts = ['Cô giáo Ê Đê mở lớp dạy chữ.', 'Học viên phần lớn là người Ê Đê; chị Hoa là người Tày.'];
    expect(dropPeopleNames(persons('Ê Đê', 'Hoa', 'Y Niê'), texts).person.map((p) => p.name)).toEqual([
      'Hoa',
      'Y Niê',
    ]);
    expect(dropPeopleNames(persons('Ê Đê'), ['Cô giáo Ê Đê mở lớp dạy chữ.']).person).toHaveLength(1);
  });
});

describe('a country written only after người or dân tộc is a nationality, not a place', () => {
  const places = (...names: string[]): Entities => ({
    person: [],
    organization: [],
    place: names.map((name) => ({ name, mentions: 1 })),
  });
  const kept = (texts: string[], ...names: string[]) =>
    dropPeopleNames(places(...names), texts).place.map((p) => p.name);

  it('drops the country, not a province or a region of Vietnam written so', () => {
    const texts = ['Tiền đạo người Colombia ghi bàn; người Phú Yên và các dân tộc Tây Bắc cổ vũ.'];
    expect(kept(texts, 'Colombia', 'Phú Yên', 'Tây Bắc')).toEqual(['Phú Yên', 'Tây Bắc']);
  });

  it('keeps a country the article also writes as a place', () => {
    expect(kept(['Hai người Hàn Quốc vừa đến Hàn Quốc sau chuyến đi.'], 'Hàn Quốc')).toEqual(['Hàn Quốc']);
  });
});
