import { describe, expect, it } from 'vitest';
import { parsedArticle } from '../../../shared/parse/types';
import {
  dropPersonsWrittenInLowerCase,
  openedByALowerCasePhrase,
} from '../../../shared/tag/entities/resolve/lower-case-names';
import { tagArticle } from '../../../shared/tag/index';

describe('a person whose name opens with a phrase the article writes in lower case', () => {
  const texts = ['Lễ hội Hoa Ban Điện Biên khai mạc tối qua, khi hoa ban nở trắng các sườn đồi.'];

  it('is a common phrase capitalised in a name, not a person', () => {
    expect(openedByALowerCasePhrase('Hoa Ban', texts)).toBe(true);
    expect(openedByALowerCasePhrase('Hoa Ban Điện Biên', texts)).toBe(true);
  });

  it('stays a person when only one word, or no whole words, are written in lower case', () => {
    expect(openedByALowerCasePhrase('Hoa', ['Hoa đến, hoa nở.'])).toBe(false);
    expect(openedByALowerCasePhrase('Lò Thị Mai', texts)).toBe(false);
    expect(openedByALowerCasePhrase('Ban Mai', ['Ban Mai kể, ban mai ấy rất lạnh.'])).toBe(true);
    expect(openedByALowerCasePhrase('Hoa Ban', ['Hoa Ban cười, hoa bang nở.'])).toBe(false);
  });

  it('leaves the entities as they were when no person is dropped', () => {
    const e = { person: [{ name: 'Lò Thị Mai', mentions: 1 }], organization: [], place: [] };
    expect(dropPersonsWrittenInLowerCase(e, texts)).toBe(e);
  });

  it('is no person of the record', () => {
    const body =
      'Lễ hội Hoa Ban năm nay khai mạc tại Điện Biên Phủ. Chị Lò Thị Mai cho biết hoa ban nở trắng các sườn đồi.';
    expect(tagArticle(parsedArticle({ body })).entities.person.map((p) => p.name)).toEqual(['Lò Thị Mai']);
  });
});
