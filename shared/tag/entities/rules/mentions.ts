/**
 * The helpers the rules push mentions with: a place with its province, the places named inside an
 * organisation, places listed after one cue.
 */
import { lookupPlaceKey } from '../places/index';
import type { Token } from '../tokens';
import { afterStrongAdmin, dashedPlaceEnd, dashedPlaceLength, isRegion, placeAt } from './place-names';
import type { EntityType, Mention, Scan } from './rule';
import { personShapedLength } from './shapes';
import { capRunEnd, capRunEndAny, capWord, isVietnameseWord, keyOf, surface } from './text';
import { ADMIN_CUE, COUNTRY_COMPOUNDS, ORG_HEAD, PERSON_CUE, SCHOOL_HEAD } from './words';

export type { EntityType, Mention, Scan } from './rule';

export function pushPlace(
  scan: Scan,
  tokens: readonly Token[],
  from: number,
  to: number,
  weak = false,
): void {
  const key = keyOf(tokens, from, to);
  const info = lookupPlaceKey(key);
  const m: Mention = { type: 'place', text: surface(tokens, from, to), key, rule: scan.rule };
  if (info?.province) m.province = info.province;
  if (weak) m.weak = true;
  scan.mentions.push(m);
}

export function pushWeak(
  scan: Scan,
  type: EntityType,
  tokens: readonly Token[],
  from: number,
  to: number,
): void {
  scan.mentions.push({
    type,
    text: surface(tokens, from, to),
    key: keyOf(tokens, from, to),
    weak: true,
    rule: scan.rule,
  });
}

/** Pushes the regions [from, to) that `regionsEnd` found, one place each. */
export function pushRegions(scan: Scan, tokens: readonly Token[], from: number, to: number): void {
  for (let k = from; k < to; ) {
    const len = placeAt(tokens, k, to - k, false);
    pushPlace(scan, tokens, k, k + len);
    k += len;
  }
}

/**
 * Places named inside an organisation (`UBND tỉnh Khánh Hòa`, `Công an phường Trung Hòa`,
 * `Hà Nội FC`) are places of the article too. `firstToo` when the name has no head noun, so a place
 * may open it.
 */
export function pushInnerPlaces(
  scan: Scan,
  tokens: readonly Token[],
  from: number,
  to: number,
  firstToo = false,
): void {
  for (let k = firstToo ? from : from + 1; k < to; k++) {
    if (!capWord(tokens[k])) continue;
    // After an administrative cue any name is a place, a commune included (`phường Kỳ Trinh`).
    if (k > from && afterStrongAdmin(tokens, k)) {
      const known = dashedPlaceLength(tokens, k, to) || placeAt(tokens, k, to - k);
      const run = Math.min(capRunEnd(tokens, k, 4), to) - k;
      const len = known > 0 ? known : tokens[k]?.sentenceStart || personShapedLength(tokens, k) > 0 ? 0 : run;
      if (len > 0) {
        pushPlace(scan, tokens, k, k + len);
        k += len - 1;
        continue;
      }
    }
    const len = dashedPlaceLength(tokens, k, to) || placeAt(tokens, k, to - k);
    // A place that is the whole name (`Barcelona`, a club) is not named inside it; nor is `Pháp` in `Pháp Luật`.
    if (firstToo && len === to - from) continue;
    if (len === 1 && COUNTRY_COMPOUNDS.has(`${tokens[k]?.key} ${tokens[k + 1]?.key}`)) continue;
    const info = len > 0 ? lookupPlaceKey(keyOf(tokens, k, k + len)) : undefined;
    // Inside a name, a place starts a new word group (`Công ty AkzoNobel Việt Nam`, not `Minh Đức`).
    const startsGroup =
      k === from ||
      tokens[k]?.upper ||
      !capWord(tokens[k - 1]) ||
      tokens[k - 1]?.upper ||
      len > 1 ||
      !isVietnameseWord(tokens[k - 1]?.key ?? '');
    if (info && startsGroup && (len > 1 || !tokens[k]?.upper || info.kind === 'province')) {
      // A school is named after its commune (`Trường Tiểu học Hiệp Phú`), unless after a person (`Trường THPT
      // Chu Văn An`); other names only share a commune's words.
      if (
        isRegion(info) ||
        (SCHOOL_HEAD.matchAt(tokens, from) > 0 &&
          k + len === to &&
          personShapedLength(tokens, k) !== len &&
          // the whole last word group, not the end of a person's name (`Trường ĐH Tôn Đức Thắng`)
          (!tokens[k - 1]?.cap || tokens[k - 1]?.upper))
      )
        pushPlace(scan, tokens, k, k + len);
      k += len - 1;
    }
  }
}

export function push(
  scan: Scan,
  type: EntityType,
  tokens: readonly Token[],
  from: number,
  to: number,
  short = false,
  cued = false,
): void {
  let text = surface(tokens, from, to);
  // A Vietnamese name cut to its last initial keeps the dot (`Trần Thị Trúc L.`), as news writes it to
  // keep a suspect or victim anonymous.
  const last = tokens[to - 1];
  const next = tokens[to];
  if (
    type === 'person' &&
    to - from >= 2 &&
    last?.cap &&
    last.text.length === 1 &&
    next?.text === '.' &&
    !next.spaced &&
    isVietnameseWord(tokens[from]?.key ?? '')
  )
    text += '.';
  const m: Mention = { type, text, key: keyOf(tokens, from, to), rule: scan.rule };
  if (short) m.short = true;
  if (cued) m.cued = true;
  scan.mentions.push(m);
}

/** Streets named after persons or places, listed after one street cue: pushes them, returns the list's end. */
export function listedStreetsEnd(scan: Scan, tokens: readonly Token[], end: number): number {
  return listedEnd(scan, tokens, end, (from) => {
    const first = tokens[from];
    if (first?.upper || ORG_HEAD.matchAt(tokens, from) > 0 || PERSON_CUE.matchAt(tokens, from) > 0)
      return from;
    const to = capRunEndAny(tokens, from, 4);
    return personShapedLength(tokens, from) === to - from || lookupPlaceKey(keyOf(tokens, from, to))
      ? to
      : from;
  });
}

/**
 * Items listed after one cue (`A, B và C`), each read by `itemEnd` (its end, or `from` when it is none):
 * pushes them as places and returns the list's end.
 */
export function listedEnd(
  scan: Scan,
  tokens: readonly Token[],
  end: number,
  itemEnd: (from: number) => number,
): number {
  let k = end;
  while ((tokens[k]?.text === ',' || tokens[k]?.key === 'và') && capWord(tokens[k + 1])) {
    const from = k + 1;
    if (tokens[from]?.sentenceStart || ADMIN_CUE.matchAt(tokens, from) > 0) break;
    const to = itemEnd(from);
    if (to === from) break;
    pushPlace(scan, tokens, from, to);
    k = to;
  }
  return k;
}

/**
 * `các phường Mai Dịch, Dịch Vọng, Quan Hoa`: known units listed after one admin cue share it. Pushes them
 * and returns the end of the list.
 */
export function listedPlacesEnd(scan: Scan, tokens: readonly Token[], end: number): number {
  return listedEnd(scan, tokens, end, (from) => {
    const to = dashedPlaceEnd(tokens, from, capRunEndAny(tokens, from, 4));
    return lookupPlaceKey(keyOf(tokens, from, to)) ? to : from;
  });
}
