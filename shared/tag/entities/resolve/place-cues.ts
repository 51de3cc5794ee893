/**
 * A place's name leaves out the lower-case cue word written before it (docs/annotation.md: unit words stay
 * outside the name): `phố Huế` → `Huế`, `đường Lê Lợi` → `Lê Lợi`, and a river's before a Vietnamese name
 * (`sông Vu Gia` → `Vu Gia`) and a venue's (`sân Mỹ Đình` → `Mỹ Đình`). Only the cues of data/entity-rules
 * `[place_cues_left_out]`, `[river_cues_left_out]` and `[venue_cues_left_out]`: VLSP keeps others in the name
 * (`châu Âu`, `sông Danube`, `sân Anfield`), and
 * leaving those out lowered VLSP's dev half (docs/entity-model.md). A river of `[rivers_across_provinces]`
 * so named loses the province its name found (`sông Đà`, a former commune's name). Two places that become one
 * name are one entity: mentions add up, aliases join, the score is the best.
 */
import type { Entities, PlaceEntity, Province } from '../../../model/article';
import { wordList } from '../lexicon';
import { cachedNameKey } from '../name-key';
import { lookupPlace, provinceByCode } from '../places/index';
import { isVietnameseWord } from '../rules/text';
import { aliasesOf } from './aliases';

const CUES = wordList('place_cues_left_out').sort((a, b) => b.length - a.length);
const RIVER_CUES = wordList('river_cues_left_out');
const VENUE_CUES = wordList('venue_cues_left_out').sort((a, b) => b.length - a.length);
/** data/places/landmarks.tsv: `cue name key` → the 2025 province code of a place its kind word names. */
const LANDMARK_PROVINCES = new Map<string, string>();
/** The same names without their kind word, when every listed place of that name is in one province. */
const LANDMARK_NAME_PROVINCES = new Map<string, string | null>();
for (const line of wordList('landmark_provinces')) {
  const [cue, name, code] = line.split('\t') as [string, string, string];
  const key = cachedNameKey(name);
  LANDMARK_PROVINCES.set(`${cue} ${key}`, code);
  const before = LANDMARK_NAME_PROVINCES.get(key);
  LANDMARK_NAME_PROVINCES.set(key, before === undefined || before === code ? code : null);
}
const RIVERS_ACROSS_PROVINCES = new Set(wordList('rivers_across_provinces').map(cachedNameKey));

/** A river named without its cue that crosses provinces, which gives it none (data/records/README.md: `sông Đà`). */
export function isRiverAcrossProvinces(name: string): boolean {
  return RIVERS_ACROSS_PROVINCES.has(cachedNameKey(name));
}
/** A capital after the cue: the name starts there (at module scope: the bundler makes a `\p{…}` literal a `new RegExp` per use). */
const CAPITAL = /^\p{Lu}/u;

/** Scope words (`Quốc tế`, `Quốc gia`): capitalised after the cue, they make the whole the place's formal name. */
const SCOPES = wordList('scopes');

/**
 * `name` without a leading cue of `[place_cues_left_out]`, when a capitalised name follows it; a name that
 * opens with a capitalised scope keeps its cue (`sân bay Quốc tế Nội Bài` is the airport's formal name,
 * `Quốc tế Nội Bài` none).
 */
export function withoutPlaceCue(name: string): string {
  for (const cue of CUES) {
    if (!name.startsWith(`${cue} `)) continue;
    const rest = name.slice(cue.length + 1);
    if (!CAPITAL.test(rest)) continue;
    const lower = rest.toLowerCase();
    if (SCOPES.some((scope) => lower.startsWith(`${scope} `))) return name;
    return rest;
  }
  return withoutVenueCue(withoutRiverCue(name));
}

/**
 * `name` without a leading river cue when every word after it is Vietnamese (`sông Vu Gia` → `Vu Gia`); a
 * foreign river keeps it (`sông Danube`: VLSP labels it whole, and leaving those out too cost its dev half
 * 0.0024 where the Vietnamese ones alone cost 0.0011).
 */
function withoutRiverCue(name: string): string {
  return withoutCueBefore(name, RIVER_CUES, isVietnameseName);
}

/**
 * `name` without a leading venue cue when every word after it is Vietnamese (`sân vận động Thống Nhất` →
 * `Thống Nhất`; a town of Vietnam's gazetteer counts as Vietnamese, `sân Pleiku` → `Pleiku`: docs/annotation.md,
 * one rule for a venue); a foreign venue keeps it
 * (`sân Anfield`: VLSP labels venues whole, and leaving those out too cost its dev half 0.0023 where the
 * Vietnamese ones alone cost 0.0018).
 */
function withoutVenueCue(name: string): string {
  return withoutCueBefore(name, VENUE_CUES, (rest) => isInVietnam(rest) || isVietnameseName(rest));
}

/**
 * The province of a venue named after the one town of that name (`sân Pleiku` → Gia Lai: docs/annotation.md,
 * the venue is in the province where it lies); none for a name several provinces' communes share (`sân Thống
 * Nhất`), which the article's own places may still decide (resolve/place-province.ts).
 */
function venueTownProvince(written: string, name: string): Province | undefined {
  if (withoutVenueCue(written) !== name) return undefined;
  return lookupPlace(name)?.province;
}

/**
 * The province of a place its kind word names and data/places/landmarks.tsv lists (`cửa khẩu Hữu Nghị` → Lạng
 * Sơn, `sông Trà Khúc` → Quảng Ngãi): the kind word decides over a commune of the same name elsewhere.
 */
function landmarkProvince(written: string, name: string): Province | undefined {
  const cue = written.slice(0, written.length - name.length).trimEnd();
  const code = LANDMARK_PROVINCES.get(`${cue} ${cachedNameKey(name)}`);
  return code === undefined ? undefined : provinceByCode(code);
}

/**
 * A place written without a kind word (`các sông Vu Gia, Trà Khúc`: the second after the first's cue) whose
 * name of two words or more only places of one province in data/places/landmarks.tsv have, and which the
 * gazetteer does not know, is that landmark, in its province.
 */
function listedLandmarkProvince(p: PlaceEntity): Province | undefined {
  if (p.province || !p.name.includes(' ') || lookupPlace(p.name) !== undefined) return undefined;
  const code = LANDMARK_NAME_PROVINCES.get(cachedNameKey(p.name));
  return code ? provinceByCode(code) : undefined;
}

/** A place of Vietnam's gazetteer, whatever its spelling (`Pleiku` has no Vietnamese marks). */
function isInVietnam(name: string): boolean {
  const kind = lookupPlace(name)?.kind;
  return kind !== undefined && kind !== 'world';
}

const isVietnameseName = (rest: string) => rest.split(' ').every((w) => isVietnameseWord(w.toLowerCase()));

/** `name` without the first of `cues` it opens with, when the capitalised rest is a name `named` accepts. */
function withoutCueBefore(name: string, cues: readonly string[], named: (rest: string) => boolean): string {
  for (const cue of cues) {
    if (!name.startsWith(`${cue} `)) continue;
    const rest = name.slice(cue.length + 1);
    if (CAPITAL.test(rest) && named(rest)) return rest;
  }
  return name;
}

export function leavePlaceCuesOut(entities: Entities): Entities {
  if (!entities.place.some((p) => withoutPlaceCue(p.name) !== p.name || listedLandmarkProvince(p)))
    return entities;
  const byKey = new Map<string, PlaceEntity>();
  for (const p of entities.place) {
    const name = withoutPlaceCue(p.name);
    const forms = (p.aliases ?? []).map(withoutPlaceCue);
    const key = cachedNameKey(name);
    const into = byKey.get(key);
    const riverAcross = name !== p.name && withoutRiverCue(p.name) === name && isRiverAcrossProvinces(name);
    const venueProvince = !p.province && name !== p.name ? venueTownProvince(p.name, name) : undefined;
    const landmark = name !== p.name ? landmarkProvince(p.name, name) : listedLandmarkProvince(p);
    if (!into) {
      const e: PlaceEntity = { ...p, name };
      if (riverAcross) delete e.province;
      if (venueProvince) e.province = venueProvince;
      if (landmark) e.province = landmark;
      const aliases = aliasesOf(name, forms);
      if (aliases.length > 0) e.aliases = aliases;
      else delete e.aliases;
      byKey.set(key, e);
      continue;
    }
    const aliases = aliasesOf(into.name, [...(into.aliases ?? []), name, ...forms]);
    const merged: PlaceEntity = { ...into, mentions: into.mentions + p.mentions };
    if (aliases.length > 0) merged.aliases = aliases;
    if (into.score !== undefined || p.score !== undefined)
      merged.score = Math.max(into.score ?? 0, p.score ?? 0);
    if (!merged.province && p.province && !riverAcross) merged.province = p.province;
    if (!merged.province && venueProvince) merged.province = venueProvince;
    if (landmark) merged.province = landmark;
    byKey.set(key, merged);
  }
  const place = [...byKey.values()].sort((a, b) => b.mentions - a.mentions);
  return { ...entities, place };
}
