/**
 * A person's name whose first two words or more the article also writes in lower case is a common phrase
 * capitalised in a name, not a person's: `Lễ hội Hoa Ban` beside `hoa ban nở trắng các sườn đồi` (and
 * `Hoa Ban Điện Biên`). Whole words, as written; a one-word name is left alone (`Hoa`, `hoa`).
 */
import type { Entities } from '../../../model/article';

// At module scope: the bundler makes a `\p{…}` literal a `new RegExp` at each use.
const WORD_CHAR = /[\p{L}\p{N}]/u;

function writtenInLowerCase(phrase: string, texts: readonly string[]): boolean {
  const lower = phrase.toLowerCase();
  if (lower === phrase) return false;
  for (const text of texts)
    for (let at = text.indexOf(lower); at >= 0; at = text.indexOf(lower, at + 1))
      if (!WORD_CHAR.test(text[at - 1] ?? ' ') && !WORD_CHAR.test(text[at + lower.length] ?? ' '))
        return true;
  return false;
}

/** Whether a leading run of two or more of the name's words is written in lower case in `texts`. */
export function openedByALowerCasePhrase(name: string, texts: readonly string[]): boolean {
  const words = name.split(' ');
  for (let k = 2; k <= words.length; k++)
    if (writtenInLowerCase(words.slice(0, k).join(' '), texts)) return true;
  return false;
}

export function dropPersonsWrittenInLowerCase(entities: Entities, texts: readonly string[]): Entities {
  const person = entities.person.filter((p) => !openedByALowerCasePhrase(p.name, texts));
  return person.length === entities.person.length ? entities : { ...entities, person };
}
