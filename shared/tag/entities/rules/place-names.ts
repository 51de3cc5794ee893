/**
 * Place names among the tokens: gazetteer look-ups at a position, regions in a row, dashed names
 * (`Bà Rịa - Vũng Tàu`), administrative abbreviations (`Q.`, `P.`) and place contexts.
 */
import { lookupPlaceKey, MAX_PLACE_SYLLABLES, mayStartPlace, type PlaceInfo } from '../places/index';
import type { Token } from '../tokens';
import { capRunEnd, capRunEndAny, capWord, isVietnameseWord, isWord, keyOf } from './text';
import {
  ABBREVIATED_CUES,
  ADMIN_CUE,
  NAME_PARTICLES,
  PLACE_LIST_INTRODUCERS,
  PLACE_LIST_OPENERS,
  PLACE_PREPOSITION,
  SCOPE,
  STRONG_ADMIN,
} from './words';

/** Longest known place starting at i among capitalised words: its length, or 0. */
export function placeAt(tokens: readonly Token[], i: number, maxLen: number, communes = true): number {
  const first = tokens[i];
  // Most words start no place: remembered on the key, so no joined keys are built and looked up for them.
  if (first === undefined || !startsPlace(first)) return 0;
  const end = Math.min(capRunEndAny(tokens, i, MAX_PLACE_SYLLABLES), i + maxLen);
  for (let j = end; j > i; j--) {
    const info = lookupPlaceKey(keyOf(tokens, i, j));
    if (info && (communes || info.kind !== 'former-commune')) return j - i;
  }
  return 0;
}

export function startsPlace(t: Token): boolean {
  let starts = t.seen.placeFirst;
  if (starts === undefined) {
    starts = mayStartPlace(t.key);
    t.seen.placeFirst = starts;
  }
  return starts;
}

/** A province, former province or world place: names that are never a person's. */
export function isRegion(info: PlaceInfo | undefined): boolean {
  return info !== undefined && !isCommune(info);
}

/** A commune or ward, of today or before the 2025 merger. */
export function isCommune(info: PlaceInfo | undefined): boolean {
  return info?.kind === 'commune' || info?.kind === 'former-commune';
}

/** Is there a house number right before `from`, after `số`, `tại`, `ở` or an opening bracket? */
export function houseNumberBefore(tokens: readonly Token[], from: number): boolean {
  let k = from - 1;
  if (tokens[k]?.text === '-' && !tokens[k]?.spaced) k--;
  const number = tokens[k];
  if (number?.kind !== 'number') return false;
  const before = tokens[k - 1];
  return (
    before !== undefined &&
    (before.key === 'số' || before.key === 'tại' || before.key === 'ở' || before.text === '(')
  );
}

/** End of the regions (countries, provinces) that follow each other from i with no break, when two or more. */
export function regionsEnd(tokens: readonly Token[], i: number, to: number): number {
  // Most runs hold fewer than two words that can start a place: no lookups for them.
  let starts = 0;
  for (let k = i; k < to && starts < 2; k++) if (startsPlace(tokens[k] as Token)) starts++;
  if (starts < 2) return i;
  let k = i;
  let count = 0;
  let longest = 0;
  while (k < to) {
    const len = placeAt(tokens, k, to - k, false);
    if (len === 0 || !isRegion(lookupPlaceKey(keyOf(tokens, k, k + len)))) break;
    k += len;
    count++;
    longest = Math.max(longest, len);
  }
  // Two one-syllable names may be a person's (`Anh Đức`): then it takes a third.
  return count >= 3 || (count === 2 && longest >= 2) ? k : i;
}

/** Is the run [from, to) in a place context: after `tại`, `ở`…, or followed by `, <province>`? */
export function placeContext(tokens: readonly Token[], from: number, to: number): boolean {
  const before = tokens[from - 1];
  if (before && PLACE_PREPOSITION.has(before.key)) return true;
  if (tokens[to]?.text !== ',' || !capWord(tokens[to + 1])) return false;
  const kind = lookupPlaceKey(keyOf(tokens, to + 1, capRunEndAny(tokens, to + 1, 4)))?.kind;
  return kind === 'province' || kind === 'former-province';
}

/** A one-letter administrative abbreviation with its dot: `Q.` (quận), `P.` (phường), `H.` (huyện). */
export function adminLetter(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  const dot = tokens[i + 1];
  return (
    t !== undefined &&
    t.text.length === 1 &&
    ABBREVIATED_CUES.has(t.key) &&
    dot?.text === '.' &&
    !dot.spaced &&
    (capWord(tokens[i + 2]) || tokens[i + 2]?.kind === 'number')
  );
}

/** Is tokens[k] right after a strong administrative cue (`phường`, `quận`, `Q.`)? */
export function afterStrongAdmin(tokens: readonly Token[], k: number): boolean {
  for (let len = 1; len <= 2; len++) {
    let start = k - len;
    if (tokens[k - 1]?.text === '.') start--;
    if (start < 0) return false;
    const cue = ADMIN_CUE.matchAt(tokens, start);
    const cueEnd = start + cue + (tokens[start + cue]?.text === '.' ? 1 : 0);
    // `Hợp tác xã Cơ khí`: the `xã` of a cooperative is no commune.
    if (cue === 1 && tokens[start]?.key === 'xã' && tokens[start - 1]?.key === 'tác') return false;
    if (cue > 0 && cueEnd === k && STRONG_ADMIN.has(keyOf(tokens, start, start + cue))) return true;
  }
  return false;
}

/**
 * `đồng bằng sông Cửu Long`: a known region whose name opens with one or two words before a place cue
 * (`sông`) is one place under its whole name; the start of that name, or `cue` when the gazetteer has none.
 */
export function regionBeforeCue(tokens: readonly Token[], cue: number, end: number): number {
  for (let from = Math.max(0, cue - 2); from < cue; from++) {
    if (tokens.slice(from, cue).some((t) => t.kind !== 'word')) continue;
    if (lookupPlaceKey(keyOf(tokens, from, end))) return from;
  }
  return cue;
}

/** `Thừa Thiên - Huế`, `Bà Rịa - Vũng Tàu`: the end of a place whose name has a dash, else `to`. */
export function dashedPlaceEnd(tokens: readonly Token[], from: number, to: number): number {
  const dash = tokens[to]?.text;
  if ((dash !== '-' && dash !== '–') || !capWord(tokens[to + 1])) return to;
  const after = capRunEndAny(tokens, to + 1, 3);
  return lookupPlaceKey(keyOf(tokens, from, after)) ? after : to;
}

/** Length of a dashed place name starting at k and ending by `to`, or 0. */
export function dashedPlaceLength(tokens: readonly Token[], k: number, to: number): number {
  const capEnd = capRunEnd(tokens, k, 3);
  if (tokens[capEnd]?.text !== '-' && tokens[capEnd]?.text !== '–') return 0;
  const end = dashedPlaceEnd(tokens, k, capEnd);
  return end > capEnd && end <= to ? end - k : 0;
}

/** `sân bay Quốc tế Nội Bài`, `Công viên Quốc gia Cúc Phương`: a scope inside a run goes on with it. */
export function scopedRunEnd(tokens: readonly Token[], start: number, end: number): number {
  // Straight after the cue only `Quốc gia`, `Quốc tế` (`miền Trung ương` is no name).
  const last = tokens[end - 1];
  const scope = last?.cap && (end - 1 > start || last.key === 'quốc') ? SCOPE.matchAt(tokens, end - 1) : 0;
  if (scope < 2 || tokens[end]?.cap) return end;
  const after = end - 1 + scope;
  return capWord(tokens[after]) && !tokens[after]?.sentenceStart ? capRunEndAny(tokens, after, 4) : after;
}

const LIST_SEPARATORS = new Set([',', 'và', 'hoặc']);

/**
 * Is the run at `from` an item of a list of places that a plural word and a place cue open (`các sông Vu
 * Gia, Trà Khúc`, `hai xã Tân Lập và Hòa Bình`)? Walks back over the earlier items, each a capitalised run
 * after `,`, `và` or `hoặc`, to the cue (data/entity-rules `[admin_cues]`) and the word before it
 * (`[place_list_openers]`), or to `như` after them (`các tỉnh lân cận như Santa Fe và Entre Ríos`).
 */
export function inPlaceListAfterCue(tokens: readonly Token[], from: number): boolean {
  let k = from - 1;
  for (;;) {
    const separator = tokens[k];
    if (separator && PLACE_LIST_INTRODUCERS.has(separator.key)) return cuedPluralBefore(tokens, k);
    if (!separator || !LIST_SEPARATORS.has(separator.key)) return false;
    let j = k - 1;
    while (capWord(tokens[j])) j--;
    if (j === k - 1) return false;
    if (tokens[j]?.text === ',') {
      k = j;
      continue;
    }
    if (PLACE_LIST_INTRODUCERS.has(tokens[j]?.key ?? '')) return cuedPluralBefore(tokens, j);
    for (let length = 1; length <= 3; length++) {
      const start = j - length + 1;
      const cue = tokens[start];
      if (cue && !cue.cap && ADMIN_CUE.matchAt(tokens, start) === length)
        return PLACE_LIST_OPENERS.has(tokens[start - 1]?.key ?? '');
    }
    return false;
  }
}

/** Most lower-case words describing the places between their cue and `như` (`tỉnh nông nghiệp lân cận`). */
const MAX_LIST_DESCRIPTION = 4;

/**
 * `các tỉnh nông nghiệp lân cận như …`: does a plural word and a place cue open the lower-case words right
 * before the list introducer at `at` (data/entity-rules `[place_list_introducers]`), at most
 * MAX_LIST_DESCRIPTION words after the cue?
 */
function cuedPluralBefore(tokens: readonly Token[], at: number): boolean {
  for (let start = at - 1; start >= Math.max(0, at - 1 - MAX_LIST_DESCRIPTION - 1); start--) {
    const word = tokens[start];
    if (!isWord(word) || word.cap) return false;
    if (ADMIN_CUE.matchAt(tokens, start) > 0 && PLACE_LIST_OPENERS.has(tokens[start - 1]?.key ?? ''))
      return true;
  }
  return false;
}

/**
 * End of a foreign place's name after its cue, carried across a lower-case particle to the capitals after it
 * (`thị trấn San Pedro de Atacama`; particles of data/entity-rules `[name_particles]`); `end` when no particle
 * follows or every word before it is Vietnamese (`da` is also a Vietnamese word).
 */
export function foreignParticleEnd(tokens: readonly Token[], j: number, end: number): number {
  const particle = tokens[end];
  if (!isWord(particle) || particle.cap || !NAME_PARTICLES.has(particle.key) || !capWord(tokens[end + 1]))
    return end;
  for (let k = j; k < end; k++)
    if (!isVietnameseWord(tokens[k]?.key ?? '')) return capRunEnd(tokens, end + 1, 3);
  return end;
}
