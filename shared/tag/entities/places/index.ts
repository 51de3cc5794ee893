/**
 * Place gazetteer: Vietnamese provinces on the 2025 34-province map (dvhcvn 20250701, MIT), former
 * provinces resolved to their successor, 2025 communes and wards, common aliases, and a hand-written
 * list of countries, regions and world cities (data/places/). Built by ./build-places and ./table at build
 * time, loaded once per container when first imported.
 */
import { PLACE_INDEX_ASSET, readAssetBytes } from '../../../assets';
import type { Province } from '../../../model/article';
import { nameKey } from '../../../text/vietnamese';
import { decodePlaceTable } from './table';
import { AMBIGUOUS_CODES, type PlaceInfo } from './types';

export type { PlaceInfo, PlaceKind } from './types';

/**
 * The gazetteer as built from its sources by ./build-places, with every key worked out, and turned into
 * string tables by the data build (./table.ts, shipped beside the bundle): loading views the file.
 */
const table = decodePlaceTable(readAssetBytes(PLACE_INDEX_ASSET));

/** 2025 province by code, named as officially (`Tỉnh Khánh Hòa`, `Thành phố Hồ Chí Minh`). */
const PROVINCES = new Map<string, Province>(table.provinces.map(([code, name]) => [code, { code, name }]));

/** What each group of keys names; keys of one group share it. */
const GROUPS: readonly PlaceInfo[] = table.groups.map(([kind, code]) => {
  if (code?.includes(AMBIGUOUS_CODES))
    return { kind, mayBeIn: code.split(AMBIGUOUS_CODES).flatMap((c) => PROVINCES.get(c) ?? []) };
  const province = code === null ? undefined : PROVINCES.get(code);
  return province ? { kind, province } : { kind };
});

/** Longest place name in syllables, so callers can bound their look-ups. */
export const MAX_PLACE_SYLLABLES = table.longest;

/** Could a place name start with this syllable key? Lets callers skip look-ups that cannot hit. */
export function mayStartPlace(firstKey: string): boolean {
  return table.firsts.has(firstKey);
}

/** Looks a place up by its `nameKey` (lower case, NFC, one tone placement). */
export function lookupPlaceKey(key: string): PlaceInfo | undefined {
  const e = table.places.indexOf(key);
  return e < 0 ? undefined : GROUPS[table.groupOf[e]!];
}

/** `lookupPlaceKey` of `parts[0..count)` joined by spaces, given the joined key's `featureHash` and length. */
export function lookupPlaceParts(
  hash: number,
  length: number,
  parts: readonly string[],
  count: number,
): PlaceInfo | undefined {
  const e = table.places.indexOfJoined(hash, length, parts, count);
  return e < 0 ? undefined : GROUPS[table.groupOf[e]!];
}

/** Looks a place name up as written (`Khánh Hoà`, `TP.HCM`, `Hà Tây`…). */
export function lookupPlace(name: string): PlaceInfo | undefined {
  return lookupPlaceKey(nameKey(name.normalize('NFC')));
}

/** The 2025 province with this code (`'56'` → Tỉnh Khánh Hòa). */
export function provinceByCode(code: string): Province | undefined {
  return PROVINCES.get(code);
}
