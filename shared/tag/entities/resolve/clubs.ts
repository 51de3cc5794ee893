/**
 * Names of clubs and teams: a place written only inside one (`Madrid` in `Real Madrid`, `Đà Nẵng` in
 * `SHB Đà Nẵng`, `Việt Nam` in `U23 Việt Nam`) is the club's, not a place of the article
 * (docs/annotation.md, Nested). Other organisations keep the places in their names (`TP.HCM` in a
 * newspaper's name, `Hà Nội` in a police department's), as the rules read them. A club is known by its
 * name alone, from the word lists of data/entity-rules: a head (`[team_heads]`) or an age group first, a
 * club stem first (`[club_stems]`), a club's last word (`[team_suffixes]`), or a known club (`[known_clubs]`).
 */
import { FOREIGN_ORG_SUFFIXES, KNOWN_CLUBS, TEAM_HEADS, TEAM_SUFFIXES } from '../lexicon';
import { cachedNameKey } from '../name-key';
import { AGE_GROUP, CLUB_STEMS } from '../rules/words';

const HEADS = TEAM_HEADS.map((h) => `${cachedNameKey(h)} `);
const SUFFIXES = new Set(TEAM_SUFFIXES.map((s) => cachedNameKey(s)));
const CLUBS = new Set(KNOWN_CLUBS.map((c) => cachedNameKey(c)));
const FOREIGN_SUFFIXES = new Set(FOREIGN_ORG_SUFFIXES.map((s) => cachedNameKey(s)));

/**
 * True when `name` (several words) is a foreign-form name, its last word a foreign organisation's
 * (`Jeju Air`, `Singapore Airlines`, data/entity-rules `[foreign_org_suffixes]`): the place in it is part of
 * a brand, not a place of the article, as the team's labels have it (`Vietnam Airlines`).
 */
export function isForeignFormName(name: string): boolean {
  const words = cachedNameKey(name).split(' ');
  return words.length >= 2 && FOREIGN_SUFFIXES.has(words.at(-1) as string);
}

/** True when `name` (several words) names a club or a team. */
export function isClubName(name: string): boolean {
  const key = cachedNameKey(name);
  const words = key.split(' ');
  if (words.length < 2) return false;
  return (
    CLUBS.has(key) ||
    AGE_GROUP.test(name.slice(0, name.indexOf(' '))) ||
    HEADS.some((h) => key.startsWith(h)) ||
    CLUB_STEMS.has(words[0] as string) ||
    SUFFIXES.has(words.at(-1) as string)
  );
}
