/**
 * Run rules that read places: a known place, a street after a house number, regions in a row.
 */
import { lookupPlaceKey } from '../../places/index';
import { seenInLowerCase, type Token } from '../../tokens';
import { push, pushPlace, pushRegions } from '../mentions';
import {
  houseNumberBefore,
  inPlaceListAfterCue,
  isCommune,
  isRegion,
  placeAt,
  placeContext,
  regionsEnd,
} from '../place-names';
import type { RunRule } from '../rule';
import { eastAsianNameLength, personShapedLength } from '../shapes';
import { hasEnglishWord, isVietnameseWord, keyOf } from '../text';
import { ORG_HEAD, PLACE_PREPOSITION } from '../words';

/** `số 4 Thuỵ Khuê`, `tại 18 Hoàng Diệu`: a person's name after a house number is a street's. */
export const houseNumberStreet: RunRule = {
  id: 'run/house-number-street',
  apply(scan, tokens, from, to, i) {
    if (i !== from || !houseNumberBefore(tokens, from) || personShapedLength(tokens, from) !== to - i)
      return undefined;
    pushPlace(scan, tokens, from, to);
    return to;
  },
};

/** `Anh Pháp Bồ Đào Nha Tây Ban Nha`: a caption or map legend listing regions with no commas. */
export const regionList: RunRule = {
  id: 'run/region-list',
  apply(scan, tokens, from, to, i) {
    if (to - i < 2 || (i !== from && i !== from + 1) || regionsEnd(tokens, from, to) !== to) return undefined;
    pushRegions(scan, tokens, from, to);
    return to;
  },
};

/** `đến Quảng Ninh`, `Nha Trang`: the whole run is a known place (a one-word commune only in a place context). */
export const gazetteerPlace: RunRule = {
  id: 'run/gazetteer-place',
  apply(scan, tokens, _from, to, i) {
    const t = tokens[i] as Token;
    const runLen = to - i;
    const whole = lookupPlaceKey(keyOf(tokens, i, to));
    // Commune names are often also person or common names: without a cue they need a place context.
    if (
      whole &&
      // A one-word commune (`Vinh`, `Kép`) is a person's name or a word as often.
      ((whole.kind !== 'former-commune' && (runLen > 1 || whole.kind !== 'commune')) ||
        placeContext(tokens, i, to)) &&
      (runLen > 1 || !t.sentenceStart || !seenInLowerCase(t))
    ) {
      pushPlace(scan, tokens, i, to, runLen === 1);
      return to;
    }
    return undefined;
  },
};

/** The known place a run starts with, in a place context with its communes: its length. */
function placeOpening(tokens: readonly Token[], to: number, i: number): number {
  return to - i > 1 ? placeAt(tokens, i, to - i, placeContext(tokens, i, to)) : 0;
}

/** `Mỹ Jeff Sessions`, `Pháp Bruno Le Maire`: a country written before the name of its official. */
export const countryBeforeOfficial: RunRule = {
  id: 'run/country-before-official',
  apply(scan, tokens, _from, to, i) {
    const place = placeOpening(tokens, to, i);
    if (place === 0 || place >= to - i || !isRegion(lookupPlaceKey(keyOf(tokens, i, i + place))))
      return undefined;
    const rest = to - (i + place);
    const named =
      personShapedLength(tokens, i + place) === rest ||
      eastAsianNameLength(tokens, i + place, to) === rest ||
      (rest >= 2 &&
        rest <= 3 &&
        !isVietnameseWord(tokens[i + place]?.key ?? '') &&
        !hasEnglishWord(tokens, i + place, to));
    if (!named) return undefined;
    pushPlace(scan, tokens, i, i + place);
    push(scan, 'person', tokens, i + place, to);
    return to;
  },
};

/** `Hải Phòng Đình Vũ …`: a known place of two or more words at the start of a run. */
export const multiWordPlace: RunRule = {
  id: 'run/multi-word-place',
  apply(scan, tokens, _from, to, i) {
    const place = placeOpening(tokens, to, i);
    if (place < 2) return undefined;
    // `ứng dụng Kim Long Gold`: a commune's name before a foreign word is a brand's, not the commune.
    const next = tokens[i + place];
    if (
      isCommune(lookupPlaceKey(keyOf(tokens, i, i + place))) &&
      i + place < to &&
      next &&
      !isVietnameseWord(next.key)
    )
      return undefined;
    pushPlace(scan, tokens, i, i + place);
    return i + place;
  },
};

/** `ở Khe Sanh`, `tại Bến Nghé`: an unknown Vietnamese run of two or more words after a place preposition. */
export const placeAfterPreposition: RunRule = {
  id: 'run/place-after-preposition',
  apply(scan, tokens, from, to, i) {
    const before = tokens[from - 1];
    if (!before || !PLACE_PREPOSITION.has(before.key) || i !== from || to - i < 2) return undefined;
    pushPlace(scan, tokens, i, to);
    return to;
  },
};

/** `các sông Vu Gia, Trà Khúc`: a run listed after places that a plural word and a place cue opened is a place. */
export const placeInCuedList: RunRule = {
  id: 'run/place-in-cued-list',
  apply(scan, tokens, from, to, i) {
    if (i !== from || to - i > 4 || ORG_HEAD.matchAt(tokens, i) > 0 || !inPlaceListAfterCue(tokens, from))
      return undefined;
    pushPlace(scan, tokens, i, to);
    return to;
  },
};
