/**
 * Stage after the scan: bare lists of names (line-ups, casts) read as persons.
 */
import { lookupPlaceKey } from '../places/index';
import type { Token } from '../tokens';
import { push, type Scan } from './mentions';
import { isRegion } from './place-names';
import { personShapedLength } from './shapes';
import { capRunEnd, capWord, foreignRun, hasEnglishWord, isVietnameseWord, keyOf } from './text';
import { ADMIN_CUE, KNOWN_ORG, NON_ENTITY, NON_ENTITY_NAME, ORG_HEAD, STANDALONE_ORG } from './words';

export function isListSeparator(t: Token | undefined): boolean {
  return t !== undefined && (t.text === ',' || t.text === ';' || t.key === 'và');
}

/** Fewest names in a bare list (a line-up, a cast) for its items to be read as persons. */
export const MIN_LISTED_NAMES = 4;

/**
 * Items of a bare list of names, `A, B, C và D` or `A; B; C`, each one to three capitalised words: the
 * line-ups and casts of sports and entertainment news (`Smalling, Luke Shaw, Darmian, Young`). A list with a
 * known country, province, organisation or product in it is a list of those instead, and names nobody.
 */
export function pushListedPersons(scan: Scan, tokens: readonly Token[]): void {
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i];
    // Most tokens open no list: skip them without allocating.
    if (!capWord(first) || first.upper || !isListSeparator(tokens[capRunEnd(tokens, i, 4)])) {
      i++;
      continue;
    }
    const items: [number, number][] = [];
    let k = i;
    let clean = true;
    let fullNames = 0; // items shaped like a person's full name: a list of words would have none
    let places = 0; // items that are known communes or wards: a list of places if they are many
    let semicolons = 0; // a formation's lines (`Coleman; Hadergjonaj, Hefele; Hogg, Mooy; Mounie`)
    let foreignWords = 0; // items that are one foreign word (`Toure, Fernando, Delph, Gundogan`)
    while (k < tokens.length) {
      const t = tokens[k];
      if (!capWord(t) || t.upper) break;
      const end = capRunEnd(tokens, k, 4);
      if (end - k > 3) {
        clean = false;
        break;
      }
      items.push([k, end]);
      if (
        isRegion(lookupPlaceKey(keyOf(tokens, k, end))) ||
        KNOWN_ORG.matchAt(tokens, k) > 0 ||
        ORG_HEAD.matchAt(tokens, k) > 0 ||
        STANDALONE_ORG.matchAt(tokens, k) > 0 ||
        NON_ENTITY_NAME.matchAt(tokens, k) > 0 ||
        NON_ENTITY.has(t.key) ||
        hasEnglishWord(tokens, k, end) ||
        // one Vietnamese syllable alone is a people (`Tày`), a rank (`Nhì`) or a short name: too unsure
        (end - k === 1 && isVietnameseWord(t.key)) ||
        // a lone letter is a vitamin's or a grade's (`Vitamin D`), not a name's
        tokens[end - 1]?.text.length === 1
      )
        clean = false;
      if (personShapedLength(tokens, k) === end - k || (end - k === 2 && foreignRun(tokens, k, end)))
        fullNames++;
      if (lookupPlaceKey(keyOf(tokens, k, end))) places++;
      if (end - k === 1 && !isVietnameseWord(t.key)) foreignWords++;
      if (isListSeparator(tokens[end])) {
        if (tokens[end]?.text === ';') semicolons++;
        k = end + 1;
      } else break;
    }
    // A formation, or a bare list of foreign surnames: squads, casts and line-ups with no full name in them.
    const lineUp = semicolons >= 2 || foreignWords === items.length;
    // After a place cue the names are streets or places (`phố Hai Bà Trưng, Lý Thường Kiệt, …`).
    const cued = i > 0 && ADMIN_CUE.matchAt(tokens, i - 1) > 0;
    if (
      clean &&
      !cued &&
      (fullNames > 0 || lineUp) &&
      places * 2 < items.length &&
      items.length >= MIN_LISTED_NAMES
    ) {
      for (const [from, to] of items) push(scan, 'person', tokens, from, to, to - from === 1, true);
    }
    i = items.length > 0 ? (items[items.length - 1]?.[1] ?? i + 1) : i + 1;
  }
}
