/**
 * Place gazetteer: Vietnamese provinces on the 2025 34-province map (dvhcvn 20250701, MIT), former
 * provinces resolved to their successor, 2025 communes and wards, common aliases, and a hand-written
 * list of countries, regions and world cities. Built once per container, when first imported.
 */
import type { Province } from '../../model/article';
import { unpackJson } from '../../text/packed';
import { nameKey } from '../../text/vietnamese';
import adminUnits from '../data/admin-units.packed.generated.json';
import { LOCAL_PLACES, PROVINCE_ALIASES, WORLD_PLACES } from './world';

export type PlaceKind = 'province' | 'former-province' | 'commune' | 'former-commune' | 'world';

export interface PlaceInfo {
  kind: PlaceKind;
  /** The 2025 province the place lies in, when it is in Vietnam and unambiguous. */
  province?: Province;
}

interface AdminUnits {
  provinces: [string, string, string][];
  former: Record<string, string>;
  communes: Record<string, string>;
  formerCommunes: Record<string, string>;
}

/** admin-units.generated.json, bundled packed. */
const data = unpackJson<AdminUnits>(adminUnits);

/** 2025 province by code, named as officially (`Tỉnh Khánh Hòa`, `Thành phố Hồ Chí Minh`). */
const PROVINCES = new Map<string, Province>(
  data.provinces.map(([code, , official]) => [code, { code, name: official }]),
);

function buildPlaces(): Map<string, PlaceInfo> {
  const places = new Map<string, PlaceInfo>();
  // Lowest priority first; later sets overwrite.
  for (const line of WORLD_PLACES.split('\n')) {
    for (const alias of line.split('|')) if (alias.trim()) places.set(nameKey(alias), { kind: 'world' });
  }
  const communeProvince = new Map<string, string | null>();
  for (const [code, names] of Object.entries(data.communes)) {
    for (const name of names.split('|')) {
      const key = nameKey(name);
      const seen = communeProvince.get(key);
      communeProvince.set(key, seen === undefined || seen === code ? code : null);
    }
  }
  const formerCommunes = new Map<string, string | null>();
  for (const [code, names] of Object.entries(data.formerCommunes)) {
    for (const name of names.split('|')) {
      const key = nameKey(name);
      if (!communeProvince.has(key)) formerCommunes.set(key, code === '?' ? null : code);
    }
  }
  for (const [kind, map] of [
    ['commune', communeProvince],
    ['former-commune', formerCommunes],
  ] as const) {
    for (const [key, code] of map) {
      if (places.has(key)) continue; // a country or world city of the same name is the likelier reading
      const province = code === null ? undefined : PROVINCES.get(code);
      places.set(key, province ? { kind, province } : { kind });
    }
  }
  for (const [name, code] of Object.entries(LOCAL_PLACES)) {
    const province = PROVINCES.get(code);
    if (province) places.set(nameKey(name), { kind: 'commune', province });
  }
  for (const [name, code] of Object.entries(data.former)) {
    const province = PROVINCES.get(code);
    if (province) places.set(nameKey(name), { kind: 'former-province', province });
  }
  for (const [name, code] of Object.entries(PROVINCE_ALIASES)) {
    const province = PROVINCES.get(code);
    if (province) places.set(nameKey(name), { kind: 'province', province });
  }
  for (const [code, bare, official] of data.provinces) {
    const province = PROVINCES.get(code);
    if (!province) continue;
    places.set(nameKey(bare), { kind: 'province', province });
    places.set(nameKey(official), { kind: 'province', province });
  }
  return places;
}

const PLACES = buildPlaces();

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
