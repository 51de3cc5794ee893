/**
 * Builds the place gazetteer from its sources: the dvhcvn admin units (admin-units.generated.json) and the
 * hand-written lists in data/places/. Run at build time only (`npm run build:data` writes the result
 * as place-index.generated.json, which ./table turns into what ./index loads): keying ~10,000 names here took ~10 ms of cold start.
 */
import type { Province } from '../../../model/article';
import { nameKey } from '../../../text/vietnamese';
import { AMBIGUOUS_CODES, type PlaceIndex, type PlaceInfo, type PlaceKind } from './types';

export interface AdminUnits {
  provinces: [string, string, string][];
  former: Record<string, string>;
  communes: Record<string, string>;
  formerCommunes: Record<string, string>;
}

/** The hand-written lists (data/places/): world places (aliases joined by `|`), and name → 2025 province code. */
export interface PlaceLists {
  world: readonly string[];
  /** Other names of a 2025 province itself (`TP.HCM`, `Sài Gòn`). */
  provinceAliases: Record<string, string>;
  /** Spellings of former provinces, now part of a 2025 province (`Vũng Tàu`, `Kontum`). */
  formerProvinceAliases: Record<string, string>;
  localPlaces: Record<string, string>;
}

/** Every place name's `nameKey` and what it names, later sets overwriting earlier ones. */
export function buildPlaces(data: AdminUnits, lists: PlaceLists): Map<string, PlaceInfo> {
  /** 2025 province by code, named as officially (`Tỉnh Khánh Hòa`, `Thành phố Hồ Chí Minh`). */
  const PROVINCES = new Map<string, Province>(
    data.provinces.map(([code, , official]) => [code, { code, name: official }]),
  );
  const places = new Map<string, PlaceInfo>();
  // Lowest priority first; later sets overwrite.
  for (const line of lists.world) {
    for (const alias of line.split('|')) if (alias.trim()) places.set(nameKey(alias), { kind: 'world' });
  }
  /** Commune key → the provinces having a commune of that name (`Hòa Khánh`: Đà Nẵng and Tây Ninh). */
  const communeCodes = new Map<string, Set<string>>();
  for (const [code, names] of Object.entries(data.communes)) {
    for (const name of names.split('|')) {
      const key = nameKey(name);
      const codes = communeCodes.get(key) ?? new Set<string>();
      codes.add(code);
      communeCodes.set(key, codes);
    }
  }
  const formerCommunes = new Map<string, string | null>();
  for (const [code, names] of Object.entries(data.formerCommunes)) {
    for (const name of names.split('|')) {
      const key = nameKey(name);
      if (!communeCodes.has(key)) formerCommunes.set(key, code === '?' ? null : code);
    }
  }
  for (const [key, codes] of communeCodes) {
    if (places.has(key)) continue; // a country or world city of the same name is the likelier reading
    const [code] = codes;
    const province = codes.size === 1 && code !== undefined ? PROVINCES.get(code) : undefined;
    // A name several provinces have is in none of them until the article says which (mayBeIn).
    const mayBeIn = [...codes].sort().flatMap((c) => PROVINCES.get(c) ?? []);
    places.set(key, province ? { kind: 'commune', province } : { kind: 'commune', mayBeIn });
  }
  for (const [key, code] of formerCommunes) {
    if (places.has(key)) continue;
    const province = code === null ? undefined : PROVINCES.get(code);
    places.set(key, province ? { kind: 'former-commune', province } : { kind: 'former-commune' });
  }
  for (const [name, code] of Object.entries(lists.localPlaces)) {
    const province = PROVINCES.get(code);
    if (province) places.set(nameKey(name), { kind: 'commune', province });
  }
  for (const [name, code] of Object.entries(data.former)) {
    const province = PROVINCES.get(code);
    if (province) places.set(nameKey(name), { kind: 'former-province', province });
  }
  for (const [name, code] of Object.entries(lists.formerProvinceAliases)) {
    const province = PROVINCES.get(code);
    if (province) places.set(nameKey(name), { kind: 'former-province', province });
  }
  for (const [name, code] of Object.entries(lists.provinceAliases)) {
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

export function encodePlaceIndex(data: AdminUnits, places: ReadonlyMap<string, PlaceInfo>): PlaceIndex {
  const groups = new Map<string, [PlaceKind, string | null, string[]]>();
  for (const [key, { kind, province, mayBeIn }] of places) {
    // Keys are joined by `|`: a key holding one (or empty) could not be read back.
    if (key === '' || key.includes('|')) throw new Error(`place key ${JSON.stringify(key)} cannot be stored`);
    const code = province?.code ?? (mayBeIn ? mayBeIn.map((p) => p.code).join(AMBIGUOUS_CODES) : null);
    const group = `${kind}|${code}`;
    const keys = groups.get(group)?.[2];
    if (keys) keys.push(key);
    else groups.set(group, [kind, code, [key]]);
  }
  return {
    source:
      'Built by npm run build:data from admin-units.generated.json (dvhcvn 20250701, MIT) and data/places/',
    provinces: data.provinces.map(([code, , official]) => [code, official]),
    places: [...groups.values()].map(([kind, code, keys]) => [kind, code, keys.join('|')]),
  };
}
