/**
 * A name the article writes only as a people's, right after `người`, `dân tộc` or `đồng bào` (data/entity-rules
 * `[people_cues]`), names an ethnic group, not a person (`người dân tộc Chơ Ro`, `người Hà Nhì`;
 * data/records/README.md). A name also written without such a word (`chị Hà Nhì nói`) is kept. So is a
 * country or other world place of the gazetteer written only so (`người Brazil`: a nationality); a
 * province (`người Phú Yên`, `đồng bào Hà Tĩnh`) or a region of Vietnam (`các dân tộc Tây Bắc`) stays a place.
 */
import type { Entities, Entity } from '../../../model/article';
import { wordList } from '../lexicon';
import { cachedNameKey } from '../name-key';
import { lookupPlaceKey } from '../places/index';
import { formsOf } from './aliases';

/** Cue words as they end the text before a name, lower case with the space after them. */
const CUES = wordList('people_cues').map((c) => `${c.toLowerCase()} `);
// At module scope: the bundler makes a `\p{…}` literal a `new RegExp` at each use.
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** How often `texts` write `name` as a whole word right after a cue word, and how often otherwise. */
function cuedCounts(name: string, texts: readonly string[]): { cued: number; other: number } {
  const counts = { cued: 0, other: 0 };
  for (const text of texts)
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      if (WORD_CHAR.test(text[at - 1] ?? ' ') || WORD_CHAR.test(text[at + name.length] ?? ' ')) continue;
      const before = text.slice(Math.max(0, at - 12), at).toLowerCase();
      const cued = CUES.some(
        (c) => before.endsWith(c) && !WORD_CHAR.test(before[before.length - c.length - 1] ?? ' '),
      );
      if (cued) counts.cued++;
      else counts.other++;
    }
  return counts;
}

/** Whether `texts` write `name` as a whole word at least once, and every time right after a cue word. */
export function writtenOnlyAsPeople(name: string, texts: readonly string[]): boolean {
  const { cued, other } = cuedCounts(name, texts);
  return cued > 0 && other === 0;
}

const isPeople = (texts: readonly string[]) => (e: Entity) =>
  formsOf(e).every((form) => writtenOnlyAsPeople(form, texts));

/** Vietnam's ethnic groups (data/entity-rules `[ethnic_groups]`), as name keys. */
const ETHNIC_GROUPS = new Set(wordList('ethnic_groups').map((w) => cachedNameKey(w)));

/**
 * A person named as one of Vietnam's ethnic groups that the article also writes after a cue word is the
 * people (`Cô giáo Ê Đê` beside `người Ê Đê`); a given name that is a group's (`chị Hoa`) is kept where the
 * article never writes the people.
 */
const isEthnicGroup = (texts: readonly string[]) => (e: Entity) =>
  ETHNIC_GROUPS.has(cachedNameKey(e.name)) && cuedCounts(e.name, texts).cued > 0;

/** Regions of Vietnam among the world places (data/entity-rules `[home_regions]`), as name keys. */
const HOME_REGIONS = new Set(wordList('home_regions').map((w) => cachedNameKey(w)));

/**
 * True when `name` read after a people cue is a nationality: a world place of the gazetteer
 * (`Brazil`, `Việt Nam`) but a region of Vietnam (`Tây Bắc`). The labels' conventions read it too.
 */
export function namesANationality(name: string): boolean {
  const key = cachedNameKey(name);
  return lookupPlaceKey(key)?.kind === 'world' && !HOME_REGIONS.has(key);
}

export function dropPeopleNames(entities: Entities, texts: readonly string[]): Entities {
  const person = entities.person.filter((e) => !isPeople(texts)(e) && !isEthnicGroup(texts)(e));
  const place = entities.place.filter((e) => !(namesANationality(e.name) && isPeople(texts)(e)));
  return person.length === entities.person.length && place.length === entities.place.length
    ? entities
    : { ...entities, person, place };
}
