/**
 * Run rules that read organisations: teams, acronyms, known names.
 */
import { lookupPlaceKey } from '../../places/index';
import type { Token } from '../../tokens';
import { push, pushInnerPlaces, pushPlace } from '../mentions';
import { ACRONYM_HEAD, orgAt } from '../org-name';
import { placeAt } from '../place-names';
import type { RunRule } from '../rule';
import {
  capRunEnd,
  capWord,
  foreignRun,
  hasEnglishWord,
  isVietnameseWord,
  isWord,
  keyOf,
  nonEntityCompound,
} from '../text';
import {
  ADMIN_CUE,
  AGE_GROUP,
  CLUB_STEMS,
  KNOWN_ORG,
  MARKED_VOWEL,
  MATCH_VERBS,
  NON_ENTITY,
  ORG_SUFFIX,
  POLICE_UNIT,
  ROMAN,
  SCOPE,
  STANDALONE_ORG,
  STRONG_ADMIN,
  VOWEL,
  WEBSITE,
} from '../words';

/** `U23 Việt Nam`: an age group before a name is a team (`U70 Dương Lệ Bình` is a woman in her seventies). */
export const ageGroupTeam: RunRule = {
  id: 'run/age-group-team',
  apply(scan, tokens, _from, to, i) {
    if (!AGE_GROUP.test((tokens[i] as Token).text) || to - i <= 1) return undefined;
    push(scan, 'organization', tokens, i, to);
    pushInnerPlaces(scan, tokens, i, to);
    return to;
  },
};

/** `VTC News`, `SHB Đà Nẵng`: an acronym with a foreign word or a place after it names one organisation. */
export const acronymWithName: RunRule = {
  id: 'run/acronym-with-name',
  apply(scan, tokens, from, to, i) {
    const t = tokens[i] as Token;
    if (!t.upper || i !== from || to !== i + 1 || NON_ENTITY.has(t.key) || lookupPlaceKey(t.key))
      return undefined;
    const next = tokens[to];
    if (!capWord(next) || next.upper || next.sentenceStart || !next.spaced) return undefined;
    const end = capRunEnd(tokens, to, 3);
    const namesOne =
      foreignRun(tokens, to, end) &&
      (end - to === 1 || hasEnglishWord(tokens, to, end) || ORG_SUFFIX.has(tokens[end - 1]?.key ?? ''));
    if (!namesOne && placeAt(tokens, to, end - to) !== end - to) return undefined;
    push(scan, 'organization', tokens, i, end);
    pushInnerPlaces(scan, tokens, i, end);
    scan.skipTo = end;
    return to;
  },
};

/** `Samsung`, `Real Madrid`, `Amazon Web Services`: a known organisation, with the foreign words after it. */
export const knownOrg: RunRule = {
  id: 'run/known-org',
  apply(scan, tokens, _from, to, i) {
    const known = KNOWN_ORG.matchAt(tokens, i);
    if (known === 0 || known > to - i) return undefined;
    // A known name runs on over foreign words (`Amazon Web Services`), but not over a person's name after
    // it (`Amazon Jeff Bezos`: two or three foreign words that are no English ones).
    const rest = to - (i + known);
    const personAfter =
      rest >= 2 && rest <= 3 && foreignRun(tokens, i + known, to) && !hasEnglishWord(tokens, i + known, to);
    // `Apple Watch`, `HTC U11`, `Google Pixel`: a brand before a product's name is the brand alone.
    // Clubs go on (`Real Betis`, `Ajax Amsterdam`, `Huddersfield Town`).
    const product =
      rest > 0 &&
      !ORG_SUFFIX.has(tokens[to - 1]?.key ?? '') &&
      !CLUB_STEMS.has((tokens[i] as Token).key) &&
      !lookupPlaceKey(keyOf(tokens, i + known, to));
    const end = foreignRun(tokens, i, to) && !personAfter && !product ? to : i + known;
    push(scan, 'organization', tokens, i, end);
    // `Real Madrid`, `Inter Milan`: the city in a foreign club's name is no place of the article.
    if (!foreignRun(tokens, i, end)) pushInnerPlaces(scan, tokens, i, end, true);
    return end;
  },
};

/**
 * `FIFA`, `UBND`: an acronym stands alone as an organisation, or a place when it is a
 * province's or country's (`TP.HCM`, `UAE`); a word in capitals (`MINH`), a code (`S8`), a Roman numeral
 * or a website (`VOV.VN`) is none. `LĐLĐ thị xã Kỳ Anh`: the acronym's unit or scope goes with it.
 */
export const acronym: RunRule = {
  id: 'run/acronym',
  apply(scan, tokens, _from, to, i) {
    const t = tokens[i] as Token;
    if (!t.upper) return undefined;
    // A vowel with a tone or hat (`LỖ`, `DỰ`) marks a word in capitals at any length: acronyms have none.
    const capsWord =
      (t.text.length >= 3 && VOWEL.test(t.key) && isVietnameseWord(t.key)) ||
      MARKED_VOWEL.test(t.key) ||
      (/\d/.test(t.text) && !POLICE_UNIT.test(t.text));
    const website = WEBSITE.test(t.text);
    if (nonEntityCompound(t.key) || t.text.length > 12 || capsWord || ROMAN.test(t.text) || website)
      return i + 1;
    const place = lookupPlaceKey(t.key);
    if (place && (place.kind === 'province' || place.kind === 'world')) {
      pushPlace(scan, tokens, i, i + 1);
      return i + 1;
    }
    if (INITIAL.test(t.text)) return i + 1;
    const next = tokens[i + 1];
    const scoped =
      i + 1 === to &&
      isWord(next) &&
      ((!next.cap && STRONG_ADMIN.has(keyOf(tokens, i + 1, i + 1 + ADMIN_CUE.matchAt(tokens, i + 1)))) ||
        SCOPE.matchAt(tokens, i + 1) > 1);
    const end = scoped ? orgAt(tokens, i, ACRONYM_HEAD) : i;
    if (end > i + 1) {
      push(scan, 'organization', tokens, i, end);
      pushInnerPlaces(scan, tokens, i, end);
      scan.skipTo = end;
      return to;
    }
    push(scan, 'organization', tokens, i, i + 1);
    return i + 1;
  },
};

/** `Quốc hội`, `Liên Hợp Quốc`: an organisation whose name is common words, inside a run. */
export const standaloneOrgInRun: RunRule = {
  id: 'run/standalone-org',
  apply(scan, tokens, _from, to, i) {
    const org = STANDALONE_ORG.matchAt(tokens, i);
    if (org === 0 || org > to - i) return undefined;
    push(scan, 'organization', tokens, i, i + org);
    return i + org;
  },
};

/** `The Verge`, `The Blues`: a name with an article is a paper, band, club or title, not a person. */
export const theName: RunRule = {
  id: 'run/the-name',
  apply(scan, tokens, _from, to, i) {
    if ((tokens[i] as Token).text !== 'The' || to - i < 2 || !foreignRun(tokens, i + 1, to)) return undefined;
    push(scan, 'organization', tokens, i, to);
    return to;
  },
};

/** Are all the words [from, to) Vietnamese syllables? */
function vietnameseRun(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isVietnameseWord(tokens[k]?.key ?? '')) return false;
  return true;
}

/** Do two or more words [i, to) end in a foreign word that marks an organisation (`Bank`, `Group`, `FC`)? */
export function endsInOrgSuffix(tokens: readonly Token[], i: number, to: number): boolean {
  const last = tokens[to - 1];
  return (
    to - i >= 2 &&
    last !== undefined &&
    ORG_SUFFIX.has(last.key) &&
    !isVietnameseWord(last.key) &&
    !lookupPlaceKey(last.key)
  );
}

/**
 * `Lao Airlines`, `Bảo Việt Holdings`: a run ending in a foreign word that marks an organisation (`Airlines`,
 * `Group`) names one, Vietnamese words before it included.
 */
export const orgSuffix: RunRule = {
  id: 'run/org-suffix',
  apply(scan, tokens, _from, to, i) {
    if (!endsInOrgSuffix(tokens, i, to)) return undefined;
    push(scan, 'organization', tokens, i, to);
    return to;
  },
};

/** A match score written as one word (`2-1`). */
const SCORE = /^\d{1,2}[-–]\d{1,2}$/;
/** One capital, maybe with a dot (`A`, `N.`); at module scope, as the bundler makes a `\p{…}` literal a `new RegExp` per use. */
const INITIAL = /^\p{Lu}\.?$/u;

/** Is there a match score (`2-1`, `0 - 0`) in the sentence of [from, to), a dozen words either side? */
function scoreNear(tokens: readonly Token[], from: number, to: number): boolean {
  const isScore = (k: number) =>
    SCORE.test(tokens[k]?.text ?? '') ||
    (tokens[k]?.kind === 'number' && tokens[k + 1]?.text === '-' && tokens[k + 2]?.kind === 'number');
  for (let k = to; k < to + 12 && k < tokens.length; k++) {
    if (isScore(k)) return true;
    if (tokens[k]?.sentenceStart) break;
  }
  for (let k = from - 1; k >= Math.max(0, from - 12); k--) {
    if (isScore(k)) return true;
    if (tokens[k]?.sentenceStart) break;
  }
  return false;
}

/** Words after a score that bring the other side (`thắng 3-2 trước Sông Hồng Phú Thọ`). */
const AFTER_SCORE = new Set(['trước', 'với']);

/** Does a match verb end right before `from` (with a capitalised name, the other side, before it)? */
function matchVerbBefore(tokens: readonly Token[], from: number, otherSide: boolean): boolean {
  for (let start = from - 1; start >= Math.max(0, from - 2); start--)
    if (start + MATCH_VERBS.matchAt(tokens, start) === from && (!otherSide || capWord(tokens[start - 1])))
      return true;
  return false;
}

/** Does a match verb follow at `to` (with a capitalised name, the other side, after it)? */
function matchVerbAfter(tokens: readonly Token[], to: number, otherSide: boolean): boolean {
  const verb = MATCH_VERBS.matchAt(tokens, to);
  return verb > 0 && (!otherSide || capWord(tokens[to + verb]));
}

/** Does a match score end right before `at` (`3-2 trước`, `3 - 2 trước`)? */
function scoreBefore(tokens: readonly Token[], at: number): boolean {
  return (
    SCORE.test(tokens[at - 1]?.text ?? '') ||
    (tokens[at - 1]?.kind === 'number' && tokens[at - 2]?.text === '-' && tokens[at - 3]?.kind === 'number')
  );
}

/** Does a match score follow right after `to` (`đánh bại Hải Phòng 2-1`)? */
function scoreAfter(tokens: readonly Token[], to: number): boolean {
  const t = tokens[to];
  return (
    SCORE.test(t?.text ?? '') ||
    (t?.kind === 'number' && tokens[to + 1]?.text === '-' && tokens[to + 2]?.kind === 'number')
  );
}

/**
 * `Hải Âu Khánh Hòa thắng 3-2 trước Sông Hồng Phú Thọ`: one or two capitalised words before a province's name
 * (or foreign words before a world city's: `Suan Sunandha Bangkok`; one word before a town written as one
 * abbreviated token: `Becamex TP.HCM`),
 * beside a match verb or after a score, with a score in the sentence, are a club named after its sponsor and
 * town: the end of that name from `from`, or `from` when there is none. The town in it is the club's, no place
 * of the article (docs/annotation.md, Nested).
 */
export function sponsorClubEnd(tokens: readonly Token[], from: number): number {
  let to = capRunEnd(tokens, from, 5);
  // `Becamex TP.HCM`: one word before a town written as one abbreviated token
  const next = tokens[to];
  const abbreviatedTown =
    to - from === 1 && capWord(next) && next.upper && !next.sentenceStart && !capWord(tokens[to + 1]);
  if (abbreviatedTown) to++;
  if (to - from < 3 && !abbreviatedTown) return from;
  let town = 0;
  for (let k = from + 1; k <= from + 2 && k < to && !town; k++) {
    const place = lookupPlaceKey(keyOf(tokens, k, to));
    if (place?.kind === 'province' || place?.kind === 'former-province') town = k;
    // `Suan Sunandha Bangkok`: a sponsor with a foreign word before a world city
    else if (place?.kind === 'world' && !vietnameseRun(tokens, from, k)) town = k;
  }
  if (!town) return from;
  for (let k = from; k < to; k++)
    if (tokens[k]?.kind !== 'word' || (tokens[k]?.upper && !(abbreviatedTown && k === town))) return from;
  // The words before the town are the sponsor's (a river's, a region's or a commune's name may be one: `Sông
  // Hồng`, `Đông Á`), but no province (two towns), head of a body or admin cue (`Công an Hà Nội`, `Sở Y tế
  // Nghệ An` stay what they are).
  const sponsor = lookupPlaceKey(keyOf(tokens, from, town));
  if (sponsor?.kind === 'province' || sponsor?.kind === 'former-province') return from;
  if (lookupPlaceKey(keyOf(tokens, from, to))) return from;
  const cue = ADMIN_CUE.matchAt(tokens, from);
  if (orgAt(tokens, from) > from || (cue > 0 && STRONG_ADMIN.has(keyOf(tokens, from, from + cue))))
    return from;
  const afterScore = AFTER_SCORE.has(tokens[from - 1]?.key ?? '') && scoreBefore(tokens, from - 1);
  const verb = matchVerbBefore(tokens, from, false) || matchVerbAfter(tokens, to, false);
  return (afterScore || verb) && scoreNear(tokens, from, to) ? to : from;
}

/**
 * `Hải Phòng thắng Nam Định 2-1`: a province or city on either side of a match verb between two names, with
 * a score in the sentence, is the club of that town; so is one beside a match verb with the score right
 * after it (`để đánh bại Hải Phòng 2-1`, `bị Sài Gòn cầm hòa 0-0`), or after a score (`thắng 2-0 trước Hà Tĩnh`).
 */
export const teamInResult: RunRule = {
  id: 'run/team-in-result',
  apply(scan, tokens, from, to, i) {
    if (i !== from) return undefined;
    const place = lookupPlaceKey(keyOf(tokens, from, to));
    if (!place || (place.kind !== 'province' && place.kind !== 'former-province')) return undefined;
    // Between two names (`Hải Phòng thắng Nam Định`), or beside a verb with the score right after the
    // town or the verb (`để đánh bại Hải Phòng 2-1`, `bị Sài Gòn cầm hòa 0-0`).
    const between = matchVerbAfter(tokens, to, true) || matchVerbBefore(tokens, from, true);
    const verbScore =
      (matchVerbBefore(tokens, from, false) && scoreAfter(tokens, to)) ||
      (matchVerbAfter(tokens, to, false) && scoreAfter(tokens, to + MATCH_VERBS.matchAt(tokens, to)));
    const afterScore = AFTER_SCORE.has(tokens[from - 1]?.key ?? '') && scoreBefore(tokens, from - 1);
    if (!between && !verbScore && !afterScore) return undefined;
    if (!scoreNear(tokens, from, to)) return undefined;
    push(scan, 'organization', tokens, from, to);
    return to;
  },
};
