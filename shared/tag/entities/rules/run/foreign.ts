/**
 * The run rule for foreign names (no Vietnamese syllable in the run).
 */
import { lookupPlaceKey } from '../../places/index';
import { seenInLowerCase, type Token } from '../../tokens';
import { push, pushPlace } from '../mentions';
import { isRegion, placeAt, placeContext } from '../place-names';
import type { RunRule } from '../rule';
import { capWord, foreignRun, hasEnglishWord, keyOf, productBefore } from '../text';
import { FOREIGN_PLACE_WORDS, NON_ENTITY, ORG_SUFFIX, PLACE_GIVEN_NAMES } from '../words';

/**
 * `Golden State Warriors` (an organisation's last word), `Menlo Park` (a place's), `Kazakhstan Dinar` (a
 * country first), `Jeff Sessions` (two foreign words: a person), `Vingroup` (a lone foreign word: a brand,
 * club or a person's short name, after `tại` a place, a product after `tên lửa`).
 */
export const foreignName: RunRule = {
  id: 'run/foreign-name',
  apply(scan, tokens, from, to, i) {
    if (!foreignRun(tokens, i, to)) return undefined;
    const t = tokens[i] as Token;
    const runLen = to - i;
    const last = tokens[to - 1];
    if (runLen >= 2) {
      const place = placeAt(tokens, i, runLen, placeContext(tokens, i, to));
      if (last && ORG_SUFFIX.has(last.key)) push(scan, 'organization', tokens, i, to);
      else if ((last && FOREIGN_PLACE_WORDS.has(last.key)) || FOREIGN_PLACE_WORDS.has(t.key))
        pushPlace(scan, tokens, i, to);
      // `của Kazakhstan Dinar`: a country or city first is no part of a person's name.
      else if (
        runLen === 2 &&
        place === 1 &&
        isRegion(lookupPlaceKey(t.key)) &&
        !PLACE_GIVEN_NAMES.has(t.key)
      )
        pushPlace(scan, tokens, i, i + 1);
      // `Z Fold`, `X Ultra`: a bare letter first names a model, not a person.
      else if (runLen === 2 && t.text.length > 1 && !hasEnglishWord(tokens, i, to))
        push(scan, 'person', tokens, i, to);
    } else if (!NON_ENTITY.has(t.key) && t.text.length > 1 && !t.sentenceStart && !seenInLowerCase(t)) {
      // `-bank` names a bank (`ABBank`, `Oceanbank`) even when mentioned once.
      const before = tokens[from - 1];
      if (productBefore(tokens, from)) return to;
      if (t.key.length > 5 && t.key.endsWith('bank')) push(scan, 'organization', tokens, i, to);
      else if (i === from && (before?.key === 'tại' || before?.key === 'ở')) pushPlace(scan, tokens, i, to);
      // `ở Tacloban và Borongan`: joined by `và` to a place read just before, a lone foreign word is a place too.
      else if (i === from && before?.key === 'và' && placeJustBefore(scan, tokens, from - 1))
        pushPlace(scan, tokens, i, to);
      else push(scan, 'organization', tokens, i, to, true);
    }
    return to;
  },
};

/** Whether the capitalised run ending right before token `k` is the place the scan read last. */
function placeJustBefore(
  scan: Parameters<RunRule['apply']>[0],
  tokens: readonly Token[],
  k: number,
): boolean {
  let start = k;
  while (start > 0 && capWord(tokens[start - 1])) start--;
  const last = scan.mentions.at(-1);
  return start < k && last?.type === 'place' && last.key === keyOf(tokens, start, k);
}
