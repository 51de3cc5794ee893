/**
 * Classifies a plain capitalised run that no cue introduced (`Nguyễn Văn A`, `Real Madrid`, `Hà Nội`): at
 * each position the first rule of RUN_RULES that applies decides, and says where to go on. The order is
 * the behaviour: words that are no name first, then known names, then names by their shape, then guesses.
 */

import type { Token } from '../tokens';
import type { Scan } from './mentions';
import type { RunRule } from './rule';
import { foreignName } from './run/foreign';
import {
  acronym,
  acronymWithName,
  ageGroupTeam,
  knownOrg,
  orgSuffix,
  standaloneOrgInRun,
  teamInResult,
  theName,
} from './run/orgs';
import {
  actorCharacter,
  eastAsianName,
  givenName,
  initials,
  knownPerson,
  oneLetter,
  personShape,
  sentenceStartPair,
} from './run/persons';
import {
  countryBeforeOfficial,
  gazetteerPlace,
  houseNumberStreet,
  multiWordPlace,
  placeAfterPreposition,
  placeInCuedList,
  regionList,
} from './run/places';
import {
  codeBeforeName,
  countryCompound,
  nationality,
  nonEntityName,
  sentenceOpener,
  weatherName,
} from './run/skips';

export const RUN_RULES: readonly RunRule[] = [
  // words that are no name, or make the run something else
  sentenceOpener,
  weatherName,
  nonEntityName,
  nationality,
  countryCompound,
  houseNumberStreet,
  regionList,
  actorCharacter,
  codeBeforeName,
  // known names and acronyms
  ageGroupTeam,
  acronymWithName,
  knownOrg,
  knownPerson,
  initials,
  acronym,
  teamInResult,
  gazetteerPlace,
  standaloneOrgInRun,
  theName,
  orgSuffix,
  placeInCuedList,
  // names by their shape
  eastAsianName,
  personShape,
  countryBeforeOfficial,
  multiWordPlace,
  foreignName,
  placeAfterPreposition,
  // what is left: guesses that need confirming
  oneLetter,
  sentenceStartPair,
  givenName,
];

/** Reads the run [from, to) with the rules not turned off (`scan.runRules`). */
export function classifyRun(scan: Scan, tokens: readonly Token[], from: number, to: number): void {
  let i = from;
  while (i < to && tokens[i]) {
    let next: number | undefined;
    for (const rule of scan.runRules) {
      scan.rule = rule.id;
      next = rule.apply(scan, tokens, from, to, i);
      if (next !== undefined) break;
    }
    if (next === undefined) return;
    i = next;
  }
}
