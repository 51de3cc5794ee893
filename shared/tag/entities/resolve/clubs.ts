/**
 * Names of clubs and teams: a place written only inside one (`Madrid` in `Real Madrid`, `Đà Nẵng` in
 * `SHB Đà Nẵng`, `Việt Nam` in `U23 Việt Nam`) is the club's, not a place of the article
 * (docs/annotation.md, Nested). Other organisations keep the places in their names (`TP.HCM` in a
 * newspaper's name, `Hà Nội` in a police department's), as the rules read them, unless the article writes
 * the name as a side of a match result (`playsInResult`: the police's club). Otherwise a club is known by its
 * name alone, from the word lists of data/entity-rules: a head (`[team_heads]`) or an age group first, a
 * club stem first (`[club_stems]`), a club's last word (`[team_suffixes]`), or a known club (`[known_clubs]`).
 */
import { FOREIGN_ORG_SUFFIXES, KNOWN_CLUBS, TEAM_HEADS, TEAM_SUFFIXES, wordList } from '../lexicon';
import { cachedNameKey } from '../name-key';
import { lookupPlaceKey } from '../places/index';
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

/** Match verbs (data/entity-rules `[match_verbs]`: `thắng`, `cầm hòa`), as name keys. */
const MATCH_VERB_KEYS = new Set(wordList('match_verbs').map((v) => cachedNameKey(v)));
/** A match score as written (`3-0`, `2 - 1`), not part of a longer number or date. */
export const SCORE = /(?:^|[^\p{L}\p{N}/.,])\d{1,2} ?[-–] ?\d{1,2}(?![\p{L}\p{N}/])/u;
/** `SCORE`'s digits and dash alone: a text without them has no sentence with a score. */
const SCORE_CORE = /\d{1,2} ?[-–] ?\d{1,2}/;
/** `mayHoldScore` of the texts last asked about (an article's few texts, asked about name after name). */
const scoreCores = new Map<string, boolean>();

/** False when no sentence of `text` can hold a `SCORE` (a cheap first test: most articles write no score). */
export function mayHoldScore(text: string): boolean {
  let held = scoreCores.get(text);
  if (held === undefined) {
    if (scoreCores.size >= 16) scoreCores.clear();
    held = SCORE_CORE.test(text);
    scoreCores.set(text, held);
  }
  return held;
}

/** Whether the code unit at `i` ends a sentence (`.`, `!`, `?`, a line break): compared as a number, no one-character string. */
const endsSentenceAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x0a;
};
const WORDS = /[\p{L}\p{N}]+/gu;

/** The sentence of `text` around [from, to). */
export function sentenceAround(text: string, from: number, to: number): string {
  let start = from;
  while (start > 0 && !endsSentenceAt(text, start - 1)) start--;
  let end = to;
  while (end < text.length && !endsSentenceAt(text, end)) end++;
  return text.slice(start, end);
}

/** True when the first word of `words`, or its first two, make a match verb. */
function opensWithVerb(words: readonly string[]): boolean {
  return MATCH_VERB_KEYS.has(words.slice(0, 1).join(' ')) || MATCH_VERB_KEYS.has(words.slice(0, 2).join(' '));
}

/**
 * True when `name`, of several words and no place's, is written in `texts` as one side of a match result: a
 * match verb in the two words before it or right after it, and a score in the same sentence (`… thắng Công
 * an Hà Nội 3-0`). A body's name so written is its club's (`Công an Hà Nội`, the police's club), and the town
 * in it is the club's, as in any club's name.
 */
export function playsInResult(name: string, texts: readonly string[]): boolean {
  // A town or country standing for its team (`Việt Nam thắng 2-0`) names the place elsewhere in the article.
  if (!name.includes(' ') || lookupPlaceKey(cachedNameKey(name))) return false;
  for (const text of texts) {
    if (!mayHoldScore(text)) continue;
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const end = at + name.length;
      const before = (text.slice(Math.max(0, at - 24), at).match(WORDS) ?? []).slice(-2).map(cachedNameKey);
      const after = (text.slice(end, end + 24).match(WORDS) ?? []).slice(0, 2).map(cachedNameKey);
      const verb = opensWithVerb(before.slice(-1)) || opensWithVerb(before) || opensWithVerb(after);
      if (verb && SCORE.test(sentenceAround(text, at, end))) return true;
    }
  }
  return false;
}
