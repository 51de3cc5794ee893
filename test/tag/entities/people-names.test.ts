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

  it('keeps a name also written without the word, one after a word ending in it, and every place', () => {
    expect(writtenOnlyAsPeople('Hà Nhì', ['người Hà Nhì và chị Hà Nhì'])).toBe(false);
    expect(writtenOnlyAsPeople('Lan Hương', ['Nghệ sĩ Nhân dân Lan Hương', 'ngư dân Lan Hương'])).toBe(false);
    const texts = ['tiền đạo người Colombia Jhon Freddy Arboleda'];
    expect(dropPeopleNames(persons(), texts).place.map((p) => p.name)).toEqual(['Colombia']);
  });
});
