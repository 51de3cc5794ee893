/**
 * The rule tagger's entities as the record's (the `rules` recogniser, ../recognise): the same hard
 * constraints as decoded mentions (./constraints), read at each place the name is written, no organisation
 * that is a lone foreign word no list knows (`isUnknownForeignWord`), and the same
 * nested-place policy (./index `nestedPlaces`): a place written only inside a club's or team's name
 * (`Madrid` in `Real Madrid`) is the club's, not a place of the article. Each entity is scored with its
 * type's rule precision.
 */
import type { Entities } from '../../../model/article';
import { KNOWN_ORGS, wordList } from '../lexicon';
import { cachedNameKey } from '../name-key';
import { lookupPlaceKey } from '../places/index';
import { isVietnameseWord } from '../rules/text';
import { isClubName, isForeignFormName, playsInResult } from './clubs';
import { applyConstraints, inOneWord } from './constraints';
import { leadBefore, type Mention, type MentionType } from './mention';

// At module scope: the bundler makes a `\p{…}` literal a `new RegExp` at each use.
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

/** Where `name` is written in `text`, as whole words. */
function occurrences(text: string, name: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1))
    if (isWholeWord(text, name, at)) out.push(at);
  return out;
}

/** `name` at `at` in `text` stands as whole words: no letter or digit right before or after it. */
function isWholeWord(text: string, name: string, at: number): boolean {
  return !WORD_CHAR.test(text[at - 1] ?? ' ') && !WORD_CHAR.test(text[at + name.length] ?? ' ');
}

/**
 * The last word (letters and digits) of the 40 characters before `at`, white space after it skipped, or ''
 * when something else comes first; read backwards in place, no pattern run over the slice.
 */
export function wordBefore(text: string, at: number): string {
  const lo = Math.max(0, at - 40);
  let end = at;
  while (end > lo && SPACE.test(text[end - 1] as string)) end--;
  let start = end;
  while (start > lo) {
    const c = text.charCodeAt(start - 1);
    // A letter outside the BMP is a surrogate pair, read whole (a lone half is no letter).
    const pair = c >= 0xdc00 && c <= 0xdfff && start - 2 >= lo && isHighSurrogate(text.charCodeAt(start - 2));
    const width = pair ? 2 : 1;
    if (!WORD_CHAR.test(text.slice(start - width, start))) break;
    start -= width;
  }
  return text.slice(start, end);
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

function mentionAt(type: MentionType, text: string, name: string, at: number): Mention {
  const lead = wordBefore(text, at);
  return {
    type,
    text: name,
    key: cachedNameKey(name),
    confidence: 1,
    before: lead ? cachedNameKey(lead) : '',
    after: text.slice(at + name.length, at + name.length + 16),
    lead: leadBefore(text, at),
  };
}

/** False when every place `name` is written, a hard constraint drops it (true when it is not found). */
function survives(type: MentionType, name: string, texts: readonly string[]): boolean {
  let found = false;
  for (const text of texts) {
    // As `occurrences`, stopping at the first place the name survives (most names, at their first).
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      if (!isWholeWord(text, name, at)) continue;
      found = true;
      if (applyConstraints([mentionAt(type, text, name, at)]).length > 0) return true;
    }
  }
  return !found;
}

/** Where the article's clubs and teams are written in each text: [from, to) spans, one list per text. */
function clubSpans(clubs: readonly string[], texts: readonly string[]): (readonly [number, number])[][] {
  return texts.map((text) =>
    clubs.flatMap((c) => occurrences(text, c).map((at) => [at, at + c.length] as const)),
  );
}

/** True when every place `name` is written lies inside the name of a club or team of the article. */
function onlyInsideClubs(
  name: string,
  clubs: () => (readonly [number, number])[][],
  texts: readonly string[],
): boolean {
  let found = false;
  for (let t = 0; t < texts.length; t++) {
    const text = texts[t] as string;
    for (const at of occurrences(text, name)) {
      const spans = clubs()[t] ?? [];
      found = true;
      if (!spans.some(([from, to]) => from <= at && at + name.length <= to)) return false;
    }
  }
  return found;
}

const KNOWN_ORG_KEYS = new Set(KNOWN_ORGS.map((n) => cachedNameKey(n)));
const ONE_WORD = /^[\p{L}\p{N}'’&-]+$/u;
const ALL_CAPITALS = /^[\p{Lu}\d&.-]+$/u;
/** A capital inside the word (`AkzoNobel`, `SoundMax`): a brand's spelling. */
const INNER_CAPITAL = /\p{Ll}\p{Lu}/u;

/**
 * True for a lone foreign word no list knows (`Kalibr`, `Statesman`): the rules read it as an organisation
 * for want of another reading, while it is as often a product, a person's short name or no name
 * (docs/annotation.md: when unsure, leave it out). Acronyms, brand spellings (`AkzoNobel`, `ABBank`) and
 * known organisations (data/entity-rules `[known_orgs]`, `[known_clubs]`) stay.
 */
export function isUnknownForeignWord(name: string): boolean {
  if (!ONE_WORD.test(name) || ALL_CAPITALS.test(name) || INNER_CAPITAL.test(name)) return false;
  const key = cachedNameKey(name);
  return !KNOWN_ORG_KEYS.has(key) && !key.endsWith('bank') && !isVietnameseWord(key);
}

/** Words right before a country or town that make it the team (data/entity-rules `[team_words_before]`). */
const TEAM_WORDS_BEFORE = new Set(wordList('team_words_before').map((w) => cachedNameKey(w)));

const LOWER_WORD = /^\p{Ll}+$/u;
/** A capitalised word, not an acronym (`Hạm`, not `HLV`). */
const CAPITALISED = /^\p{Lu}\p{Ll}/u;
const FUNCTION_WORDS = new Set(wordList('function_words'));

/**
 * Is the name at `at` written after a team word, right after it or after at most three lower-case words
 * naming the sport or the side (`tuyển Việt Nam`, `Đội tuyển bóng chuyền nữ Việt Nam`, `đội tuyển cờ tướng
 * Việt Nam`)? Not when the team word makes one word with the next (`tuyển thủ`, `tuyển sinh`).
 */
export function afterTeamWords(text: string, at: number): boolean {
  let end = at;
  let next: string | undefined;
  for (let between = 0; between <= 3; between++) {
    const word = wordBefore(text, end);
    if (!word) return false;
    const key = cachedNameKey(word);
    const start = text.lastIndexOf(word, end - 1);
    if (TEAM_WORDS_BEFORE.has(key)) {
      // `quân đội Nga`, `Hạm đội Biển Đen`: a word or name the team word ends is no team's (`đội tuyển` is).
      const prev = wordBefore(text, start);
      const prevKey = prev ? cachedNameKey(prev) : undefined;
      const ends =
        prev !== undefined &&
        prevKey !== undefined &&
        !TEAM_WORDS_BEFORE.has(prevKey) &&
        (inOneWord(prevKey, key) || CAPITALISED.test(prev));
      return !ends && (next === undefined || !inOneWord(key, next));
    }
    // `Đội ghe của chùa …`: the team is the pagoda's, not named by the place after `của`.
    if (!LOWER_WORD.test(word) || FUNCTION_WORDS.has(key)) return false;
    next = key;
    end = start;
  }
  return false;
}

/**
 * Where `name` is written, how often after a team word (`đội tuyển Việt Nam`, `ĐT Thái Lan`: the team, an
 * organisation, docs/annotation.md, Teams, where VLSP reads a place) and how often not.
 */
export function teamWordUses(name: string, texts: readonly string[]): { team: number; other: number } {
  const uses = { team: 0, other: 0 };
  for (const text of texts) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      if (!isWholeWord(text, name, at)) continue;
      if (afterTeamWords(text, at)) uses.team++;
      else uses.other++;
    }
  }
  return uses;
}

/**
 * The place a team's name is made of after its team words (`Đội tuyển Thái Lan` → `Thái Lan`), or
 * undefined: the guideline labels the team by its place's name, team words outside. An acronym head is
 * part of the name as written (`ĐT Việt Nam`).
 */
export function teamPlaceName(name: string): string | undefined {
  const words = name.split(' ');
  for (let k = 1; k <= 2 && k < words.length; k++) {
    const word = words[k - 1] as string;
    if (!TEAM_WORDS_BEFORE.has(cachedNameKey(word)) || ALL_CAPITALS.test(word)) continue;
    const rest = words.slice(k).join(' ');
    // `Đội tuyển Yemen`: `Đội` is a team word too, and the place comes after the next.
    if (lookupPlaceKey(cachedNameKey(rest))) return rest;
  }
  return undefined;
}

/** Organisations named `<team words> <place>` renamed to the place; one entity per name, mentions added. */
function teamsByPlace(orgs: Entities['organization']): Entities['organization'] {
  const byName = new Map<string, Entities['organization'][number]>();
  for (const e of orgs) {
    const name = teamPlaceName(e.name) ?? e.name;
    const seen = byName.get(name);
    byName.set(name, seen ? { ...seen, mentions: seen.mentions + e.mentions } : { ...e, name });
  }
  return [...byName.values()];
}

export function resolveRuleEntities(
  rules: Entities,
  texts: readonly string[],
  scores: Readonly<Record<MentionType, number>>,
): Entities {
  const clubNames = rules.organization
    .map((o) => o.name)
    .filter((n) => isClubName(n) || isForeignFormName(n) || playsInResult(n, texts));
  // The clubs' spans are found once per article, when a place first needs them.
  let spans: (readonly [number, number])[][] | undefined;
  const clubs = () => {
    spans ??= clubSpans(clubNames, texts);
    return spans;
  };
  const places = rules.place.filter(
    (e) => survives('place', e.name, texts) && !onlyInsideClubs(e.name, clubs, texts),
  );
  const uses = new Map(places.map((e) => [e, teamWordUses(e.name, texts)]));
  const teams = places.filter((e) => (uses.get(e)?.team ?? 0) > 0);
  return {
    person: rules.person
      .filter((e) => survives('person', e.name, texts))
      .map((e) => ({ ...e, score: scores.person })),
    organization: teamsByPlace(
      rules.organization
        .filter((e) => !isUnknownForeignWord(e.name) && survives('organization', e.name, texts))
        .concat(teams.map(({ province: _, ...e }) => e)),
    ).map((e) => ({ ...e, score: scores.organization })),
    place: places.filter((e) => (uses.get(e)?.other ?? 1) > 0).map((e) => ({ ...e, score: scores.place })),
  };
}
