/**
 * The scan over one text's tokens. At each word the first rule that applies decides: cue rules (any word)
 * first, then, at a capitalised word, the rules for heads and known names; a capitalised run none of them
 * reads is classified by ./classify-run. The order of the tables is the behaviour.
 */
import type { Token } from '../tokens';
import { classifyRun } from './classify-run';
import type { Scan } from './mentions';
import type { ScanRule } from './rule';
import { credit, lowerOrgHead, personCue, placeCue } from './scan/cues';
import {
  bodyWithCountry,
  clubFc,
  dashedPlace,
  gluedCode,
  highlandName,
  knownOrgSpan,
  orgHead,
  plainRunEnd,
  sentenceOpenerBeforeName,
  shortPlacePair,
  sourceTag,
  sponsorClubInResult,
  standaloneOrg,
  worldPlaceSpan,
} from './scan/names';
import { opensLowerCue } from './text';

/** Rules at any word that may open a cue (lower case or capitalised). */
export const CUE_RULES: readonly ScanRule[] = [
  credit,
  personCue,
  sponsorClubInResult,
  placeCue,
  lowerOrgHead,
];

/** Rules at a capitalised word no cue rule read. */
export const NAME_RULES: readonly ScanRule[] = [
  sourceTag,
  gluedCode,
  sentenceOpenerBeforeName,
  knownOrgSpan,
  worldPlaceSpan,
  clubFc,
  bodyWithCountry,
  orgHead,
  standaloneOrg,
  highlandName,
  shortPlacePair,
  dashedPlace,
];

/** Reads one text's tokens with the rules not turned off (`scan.cueRules`, `scan.nameRules`, `scan.runRules`). */
export function scanText(scan: Scan, tokens: readonly Token[]): void {
  let i = 0;
  next: while (i < tokens.length) {
    const t = tokens[i];
    // Most words open nothing: a lower-case word that starts no cue is skipped without asking the rules.
    if (t?.kind !== 'word' || (!t.cap && !opensLowerCue(t))) {
      i++;
      continue;
    }
    for (const rule of scan.cueRules) {
      scan.rule = rule.id;
      const end = rule.apply(scan, tokens, i);
      if (end !== undefined) {
        i = end;
        continue next;
      }
    }
    if (!t.cap) {
      i++;
      continue;
    }
    for (const rule of scan.nameRules) {
      scan.rule = rule.id;
      const end = rule.apply(scan, tokens, i);
      if (end !== undefined) {
        i = end;
        continue next;
      }
    }
    const end = plainRunEnd(tokens, i);
    scan.skipTo = undefined;
    classifyRun(scan, tokens, i, end);
    i = Math.max(end, scan.skipTo ?? 0);
  }
}
