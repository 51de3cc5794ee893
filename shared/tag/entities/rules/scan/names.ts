/**
 * Scan rules at a capitalised word: organisations by their head word or known name, places whose name has
 * a dash, and the sentence opener before a name. What none of them reads is a plain run (../classify-run).
 */

import { lookupPlaceKey, MAX_PLACE_SYLLABLES } from '../../places/index';
import { seenInLowerCase, type Token } from '../../tokens';
import { push, pushInnerPlaces, pushPlace } from '../mentions';
import { orgAt } from '../org-name';
import { dashedPlaceEnd, placeAt } from '../place-names';
import type { ScanRule } from '../rule';
import { sponsorClubEnd } from '../run/orgs';
import { highlandNameLength, particleRunEnd, personShapedLength } from '../shapes';
import { capRunEnd, capWord, foreignRun, keyOf } from '../text';
import {
  BODY_WITH_COUNTRY,
  CLUB_HEADS,
  COMMON,
  FOREIGN_TEAM_HEADS_LEFT_OUT,
  KNOWN_ORG_WITH_LOWER,
  SHORT_PLACES,
  STANDALONE_ORG,
  SURNAME,
  WORLD_PLACE_WITH_LOWER,
} from '../words';

/** The run of capitalised words a plain name may take from i: one acronym, or up to eight words. */
export function plainRunEnd(tokens: readonly Token[], i: number): number {
  const t = tokens[i] as Token;
  return t.upper ? i + 1 : particleRunEnd(tokens, i, capRunEnd(tokens, i, 8));
}

/**
 * `Y Bhin Êban`, `H' Hen Niê`, `Ksor Nguyên`: a Central Highlands person's name (../shapes
 * `highlandNameLength`), read before its opener is taken for a lone letter or its words for a place. An
 * opener the article also writes in lower case (`Nay`) opens no name at a sentence's start.
 */
export const highlandName: ScanRule = {
  id: 'scan/highland-name',
  apply(scan, tokens, i) {
    const t = tokens[i] as Token;
    if (t.sentenceStart && seenInLowerCase(t)) return undefined;
    const len = highlandNameLength(tokens, i);
    if (len === 0) return undefined;
    push(scan, 'person', tokens, i, i + len);
    return i + len;
  },
};

/** A dash after the closing parenthesis of a source tag. */
const SOURCE_TAG_DASHES = new Set(['-', '–', '—']);

/**
 * `(Tổ Quốc) - Hạ tầng hoàn thiện…`, `(Dân trí) – …`: a name in parentheses opening a text and followed by
 * a dash is the outlet the text comes from, an organisation (the news dateline's source tag).
 */
export const sourceTag: ScanRule = {
  id: 'scan/source-tag',
  apply(scan, tokens, i) {
    if (i !== 1 || tokens[0]?.text !== '(') return undefined;
    let end = i;
    while (end < i + 4 && tokens[end]?.kind === 'word') end++;
    if (tokens[end]?.text !== ')' || !SOURCE_TAG_DASHES.has(tokens[end + 1]?.text ?? '')) return undefined;
    push(scan, 'organization', tokens, i, end);
    return end;
  },
};

/** `Theo Bộ Thương mại Hoa Kỳ`: a sentence's capitalised first word before a name is no part of it. */
export const sentenceOpenerBeforeName: ScanRule = {
  id: 'scan/sentence-opener',
  apply(_scan, tokens, i) {
    const t = tokens[i] as Token;
    if (!t.sentenceStart || t.upper) return undefined;
    const common = COMMON.matchAt(tokens, i);
    return common > 0 && capWord(tokens[i + common]) ? i + common : undefined;
  },
};

/**
 * `Thể thao Việt Nam`, `Hồi giáo`: a known organisation whose name runs over lower-case words, when the list
 * writes it so: `Người lao động` opening a sentence is the common noun "workers", not the paper `Người Lao Động`.
 */
export const knownOrgSpan: ScanRule = {
  id: 'scan/known-org-span',
  apply(scan, tokens, i) {
    const t = tokens[i] as Token;
    const known = KNOWN_ORG_WITH_LOWER.matchAt(tokens, i);
    const runEnd = t.upper ? i + 1 : capRunEnd(tokens, i, 8);
    if (known <= runEnd - i) return undefined;
    push(scan, 'organization', tokens, i, i + known);
    // `Hà Nội FC`: the town in a club's name is no place of the article.
    if (tokens[i + known - 1]?.key !== 'fc') pushInnerPlaces(scan, tokens, i, i + known, true);
    return i + known;
  },
};

/**
 * `Các Tiểu vương quốc Ả Rập Thống nhất`, `Liên bang Nga`: a world place whose listed name runs over lower-case
 * words (data/places/world.txt), read whole before a cue inside it (`vương quốc`) cuts it.
 */
export const worldPlaceSpan: ScanRule = {
  id: 'scan/world-place-span',
  apply(scan, tokens, i) {
    const t = tokens[i] as Token;
    if (!t.cap || t.upper) return undefined;
    const known = WORLD_PLACE_WITH_LOWER.matchAt(tokens, i);
    if (known <= capRunEnd(tokens, i, 8) - i) return undefined;
    pushPlace(scan, tokens, i, i + known);
    return i + known;
  },
};

/**
 * `thắng 3-2 trước Sông Hồng Phú Thọ`: a club named after its sponsor and town in a match result (../run/orgs
 * `sponsorClubEnd`), read before a cue in it (`Sông`) or its town is read as a place.
 */
export const sponsorClubInResult: ScanRule = {
  id: 'scan/sponsor-club-in-result',
  apply(scan, tokens, i) {
    if (!capWord(tokens[i])) return undefined;
    const end = sponsorClubEnd(tokens, i);
    if (end === i) return undefined;
    push(scan, 'organization', tokens, i, end);
    return end;
  },
};

/** `Hà Nội FC`, `Sài Gòn FC`: a club with `FC` after its name (the town in it is no place of the article). */
export const clubFc: ScanRule = {
  id: 'scan/club-fc',
  apply(scan, tokens, i) {
    const t = tokens[i] as Token;
    if (t.upper) return undefined;
    const runEnd = capRunEnd(tokens, i, 8);
    if (tokens[runEnd]?.key !== 'fc' || !tokens[runEnd]?.spaced) return undefined;
    // The town in a club's name is the club's, no place of the article.
    push(scan, 'organization', tokens, i, runEnd + 1);
    return runEnd + 1;
  },
};

/**
 * `Bộ Ngoại giao`, `UBND tỉnh Khánh Hòa`, `Bộ Chính trị`: an organisation from its head word (../org-name) or
 * a known name, with the places named in it; `Hội An`, `Trường Sa`: a known place that starts like one stays
 * a place; `Đoàn Văn Hậu`: a surname that is also a head opens a person when three names follow.
 */
export const orgHead: ScanRule = {
  id: 'scan/org-head',
  apply(scan, tokens, i) {
    const t = tokens[i] as Token;
    if (SURNAME.has(t.key) && personShapedLength(tokens, i) >= 3) return undefined;
    const org = Math.max(orgAt(tokens, i), i + STANDALONE_ORG.matchAt(tokens, i));
    if (org <= i) return undefined;
    const head = FOREIGN_TEAM_HEADS_LEFT_OUT.matchAt(tokens, i);
    if (placeAt(tokens, i, org - i) === org - i) pushPlace(scan, tokens, i, org);
    // `Đội Almaty Kairat`: a foreign team's own name, without the head
    // (a country's team stays as it was: `Đội Timor Leste`)
    else if (
      head > 0 &&
      org - i - head >= 2 &&
      foreignRun(tokens, i + head, org) &&
      placeAt(tokens, i + head, org - i - head) !== org - i - head
    )
      push(scan, 'organization', tokens, i + head, org);
    else {
      push(scan, 'organization', tokens, i, org);
      // `CLB Thanh Hóa`: the town in a club's name is no place of the article.
      if (CLUB_HEADS.matchAt(tokens, i) === 0) pushInnerPlaces(scan, tokens, i, org);
    }
    return org;
  },
};

/**
 * `Chính phủ Peru`, `Quốc hội Hàn Quốc`: a kind of body that names no organisation alone (data/entity-rules
 * `[bodies_with_country]`) names one with a country or world place right after it; that place is a place too.
 */
export const bodyWithCountry: ScanRule = {
  id: 'scan/body-with-country',
  apply(scan, tokens, i) {
    const body = BODY_WITH_COUNTRY.matchAt(tokens, i);
    if (body === 0 || !tokens[i]?.cap || !capWord(tokens[i + body])) return undefined;
    const country = placeAt(tokens, i + body, MAX_PLACE_SYLLABLES);
    if (country === 0 || lookupPlaceKey(keyOf(tokens, i + body, i + body + country))?.kind !== 'world')
      return undefined;
    const end = i + body + country;
    push(scan, 'organization', tokens, i, end);
    pushPlace(scan, tokens, i + body, end);
    return end;
  },
};

/** `Quốc hội`, `Nhà Trắng`: an organisation whose name is common words. */
export const standaloneOrg: ScanRule = {
  id: 'scan/standalone-org',
  apply(scan, tokens, i) {
    const standalone = STANDALONE_ORG.matchAt(tokens, i);
    if (standalone === 0) return undefined;
    push(scan, 'organization', tokens, i, i + standalone);
    return i + standalone;
  },
};

/** `Việt - Trung`, `Bắc - Nam`: one-syllable short names of countries and regions paired by a dash. */
export const shortPlacePair: ScanRule = {
  id: 'scan/short-place-pair',
  apply(scan, tokens, i) {
    const t = tokens[i] as Token;
    const end = plainRunEnd(tokens, i);
    const dash = tokens[end];
    if (
      end !== i + 1 ||
      !dash ||
      (dash.text !== '-' && dash.text !== '–') ||
      !SHORT_PLACES.has(t.key) ||
      !SHORT_PLACES.has(tokens[end + 1]?.key ?? '') ||
      capWord(tokens[end + 2])
    )
      return undefined;
    pushPlace(scan, tokens, i, i + 1);
    pushPlace(scan, tokens, end + 1, end + 2);
    return end + 2;
  },
};

/** `Bà Rịa - Vũng Tàu`, `Thừa Thiên - Huế`: a place whose name has a dash in it. */
export const dashedPlace: ScanRule = {
  id: 'scan/dashed-place',
  apply(scan, tokens, i) {
    const end = plainRunEnd(tokens, i);
    const dashed = dashedPlaceEnd(tokens, i, end);
    if (dashed <= end) return undefined;
    pushPlace(scan, tokens, i, dashed);
    return dashed;
  },
};

/** At module scope: the bundler makes a `\p{…}` literal a `new RegExp` at each use. */
const DIGIT_OR_INNER_CAPITAL = /\d|.\p{Lu}/u;

/** Is this token part of a code rather than a name: a number, or a word with digits or an inner capital (`CoV`)? */
function codePart(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === 'number' || DIGIT_OR_INNER_CAPITAL.test(t.text));
}

/** `SARS-CoV-2`, `Su-30`, `MH-17`: a capitalised word glued by dashes to a code is a code, none of it a name. */
export const gluedCode: ScanRule = {
  id: 'scan/glued-code',
  apply(_scan, tokens, i) {
    let end = i + 1;
    let code = false;
    while (tokens[end]?.text === '-' && !tokens[end]?.spaced && tokens[end + 1] && !tokens[end + 1]?.spaced) {
      if (codePart(tokens[end + 1])) code = true;
      end += 2;
    }
    return code ? end : undefined;
  },
};
