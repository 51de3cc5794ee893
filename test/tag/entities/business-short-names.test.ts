import { describe, expect, it } from 'vitest';
import type { Entities } from '../../../shared/model/article';
import { mergeBusinessShortNames } from '../../../shared/tag/entities/resolve/business-short-names';

const entities = (organization: [string, number][], person: [string, number][] = []): Entities => ({
  person: person.map(([name, mentions]) => ({ name, mentions })),
  organization: organization.map(([name, mentions]) => ({ name, mentions })),
  place: [],
});

describe("a business's brand written alone is that business", () => {
  it('merges the brand, read as an organisation or as a person, under the full name', () => {
    const e = mergeBusinessShortNames(
      entities(
        [
          ['Tập đoàn Vi mạch Kairos', 1],
          ['Kairos', 2],
          ['Công ty TNHH Điện tử Bắc Việt', 1],
        ],
        [
          ['Bắc Việt', 1],
          ['Kim Do-hyun', 1],
        ],
      ),
    );
    expect(e.organization).toEqual([
      { name: 'Tập đoàn Vi mạch Kairos', mentions: 3, aliases: ['Kairos'] },
      { name: 'Công ty TNHH Điện tử Bắc Việt', mentions: 2, aliases: ['Bắc Việt'] },
    ]);
    expect(e.person).toEqual([{ name: 'Kim Do-hyun', mentions: 1 }]);
  });

  it("takes the whole name after the head as the brand (`Hòa Phát`), never a country's or province's name", () => {
    const e = mergeBusinessShortNames(
      entities([
        ['Tập đoàn Hòa Phát', 1],
        ['Hòa Phát', 1],
        ['Công ty cổ phần Sữa Việt Nam', 1],
        ['Việt Nam', 1],
      ]),
    );
    expect(e.organization.map((o) => o.name)).toEqual([
      'Tập đoàn Hòa Phát',
      'Công ty cổ phần Sữa Việt Nam',
      'Việt Nam',
    ]);
  });

  it('leaves a brand two businesses end in, and the names of other bodies, as they are', () => {
    const two = entities([
      ['Công ty TNHH Xây dựng Minh Long', 1],
      ['Công ty cổ phần Gốm Minh Long', 1],
      ['Minh Long', 1],
    ]);
    expect(mergeBusinessShortNames(two)).toEqual(two);
    const ministry = entities([
      ['Bộ Ngoại giao', 1],
      ['Ngoại giao', 1],
    ]);
    expect(mergeBusinessShortNames(ministry)).toEqual(ministry);
  });
});
