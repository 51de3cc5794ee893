/**
 * Place gazetteer: Vietnamese provinces on the 2025 34-province map (dvhcvn 20250701, MIT), former
 * provinces resolved to their successor, 2025 communes and wards, common aliases, and a hand-written
 * list of countries, regions and world cities (data/places/). Built by ./build-places at build time, loaded once per
 * container when first imported.
 */
import { PLACE_INDEX_ASSET, readPackedAsset } from '../../../assets';
import type { Province } from '../../../model/article';
import { nameKey } from '../../../text/vietnamese';
import type { PlaceIndex, PlaceInfo } from './types';

export type { PlaceInfo, PlaceKind } from './types';

/**
 * The gazetteer as built from its sources by ./build-places at build time (place-index.generated.json,
 * shipped packed beside the bundle): keys already worked out, so loading it is one pass of `Map.set`.
 */
const index = readPackedAsset<PlaceIndex>(PLACE_INDEX_ASSET);

/** 2025 province by code, named as officially (`Tỉnh Khánh Hòa`, `Thành phố Hồ Chí Minh`). */
const PROVINCES = new Map<string, Province>(index.provinces.map(([code, name]) => [code, { code, name }]));

function loadPlaces(): Map<string, PlaceInfo> {
  const places = new Map<string, PlaceInfo>();
  for (const [kind, code, keys] of index.places) {
    const province = code === null ? undefined : PROVINCES.get(code);
    for (const key of keys.split('|')) places.set(key, province ? { kind, province } : { kind });
  }
  return places;
}

const PLACES = loadPlaces();

/** First syllables of every place name (a word outside this set starts none), and the most syllables one has. */
function firstSyllables(keys: Iterable<string>): { firsts: Set<string>; longest: number } {
  const firsts = new Set<string>();
  let longest = 0;
  // Keys are single-spaced: syllables are spaces + 1, counted in the pass that finds the first one.
  for (const key of keys) {
    const space = key.indexOf(' ');
    firsts.add(space < 0 ? key : key.slice(0, space));
    let syllables = 1;
    for (let at = space; at >= 0; at = key.indexOf(' ', at + 1)) syllables++;
    if (syllables > longest) longest = syllables;
  }
  return { firsts, longest };
}

const { firsts: PLACE_FIRSTS, longest } = firstSyllables(PLACES.keys());

/** Longest place name in syllables, so callers can bound their look-ups. */
export const MAX_PLACE_SYLLABLES = longest;

/** Could a place name start with this syllable key? Lets callers skip look-ups that cannot hit. */
export function mayStartPlace(firstKey: string): boolean {
  return PLACE_FIRSTS.has(firstKey);
}

/** Looks a place up by its `nameKey` (lower case, NFC, one tone placement). */
export function lookupPlaceKey(key: string): PlaceInfo | undefined {
  return PLACES.get(key);
}

/** Looks a place name up as written (`Khánh Hoà`, `TP.HCM`, `Hà Tây`…). */
export function lookupPlace(name: string): PlaceInfo | undefined {
  return PLACES.get(nameKey(name.normalize('NFC')));
}

/** The 2025 province with this code (`'56'` → Tỉnh Khánh Hòa). */
export function provinceByCode(code: string): Province | undefined {
  return PROVINCES.get(code);
}
