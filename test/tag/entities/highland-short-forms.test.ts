import { describe, expect, it } from 'vitest';
import type { Entities } from '../../../shared/model/article';
import { mergeHighlandShortForms } from '../../../shared/tag/entities/resolve/highland-short-forms';

const persons = (...list: [string, number][]): Entities => ({
  person: list.map(([name, mentions]) => ({ name, mentions })),
  organization: [],
  place: [],
});

describe("a Central Highlands name's opening words are its short form", () => {
  it("merges H'Linh into H'Linh Niê and Y Sơn into Y Sơn Mlô, under the full names", () => {
    const e = mergeHighlandShortForms(
      persons(["H'Linh Niê", 1], ["H'Linh", 2], ['Y Sơn Mlô', 1], ['Y Sơn', 1]),
    );
    expect(e.person).toEqual([
      { name: "H'Linh Niê", mentions: 3, aliases: ["H'Linh"] },
      { name: 'Y Sơn Mlô', mentions: 2, aliases: ['Y Sơn'] },
    ]);
  });

  it('leaves a Kinh name, and a short form opening two full names, as they are', () => {
    expect(mergeHighlandShortForms(persons(['Nguyễn Văn An', 1], ['Nguyễn Văn', 1])).person).toHaveLength(2);
    expect(
      mergeHighlandShortForms(persons(['Y Sơn Mlô', 1], ['Y Sơn Êban', 1], ['Y Sơn', 1])).person,
    ).toHaveLength(3);
  });
});
