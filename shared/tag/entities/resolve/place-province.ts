/**
 * A place the resolution left without a province takes one only where the article names it: a commune or ward
 * name several 2025 provinces have (`phường Hòa Khánh` beside `Đà Nẵng` → Đà Nẵng, not Tây Ninh's `xã Hòa
 * Khánh`), and a name read after a cue word that is left out (`cảng Liên Chiểu` beside `Đà Nẵng`), which is
 * as often a market, a street or a temple named after a commune elsewhere (`chợ Đồng Xuân` in Hà Nội, not the
 * commune of Đắk Lắk; `phố Huế`). With none of its provinces named it stays without one rather than take a guess.
 */
import type { Entities, Province } from '../../../model/article';
import { lookupPlace } from '../places/index';
import { isVietnameseWord } from '../rules/text';
import { isRiverAcrossProvinces } from './place-cues';

export function placeProvincesFromArticle(entities: Entities): Entities {
  const named = new Set(entities.place.flatMap((p) => (p.province ? [p.province.code] : [])));
  if (named.size === 0) return entities;
  let changed = false;
  const place = entities.place.map((p) => {
    if (p.province) return p;
    const info = lookupPlace(p.name);
    const candidates = (info?.mayBeIn ?? (info?.province ? [info.province] : [])).filter((c) =>
      named.has(c.code),
    );
    if (candidates.length !== 1) return p;
    changed = true;
    return { ...p, province: candidates[0]! };
  });
  return changed ? { ...entities, place } : entities;
}

/**
 * A Vietnamese-named place the gazetteer does not know (a street, a temple, a lagoon, a mountain pass:
 * `chùa Bái Đính`, `đèo Mã Pì Lèng`), or knows only as communes of other provinces (`đường Lê Lợi`, `phá Tam
 * Giang`), takes the article's own province, the one whose places are mentioned more often than all other
 * provinces' together; with no such province it stays without one. A foreign-looking name (`Borongan`) and
 * a country, region or province of the gazetteer are left alone.
 */
export function unknownPlacesTakeArticleProvince(entities: Entities): Entities {
  const main = mainProvince(entities);
  if (!main) return entities;
  let changed = false;
  const place = entities.place.map((p) => {
    if (p.province || !localName(p.name)) return p;
    changed = true;
    return { ...p, province: main };
  });
  return changed ? { ...entities, place } : entities;
}

/**
 * A Vietnamese name the gazetteer knows as no country, region or province: none, or communes elsewhere; not
 * a river that crosses provinces (`Hậu`, `Đà`: no one province is the article's).
 */
function localName(name: string): boolean {
  const info = lookupPlace(name);
  if (info && info.kind !== 'commune' && info.kind !== 'former-commune') return false;
  if (isRiverAcrossProvinces(name)) return false;
  return name.split(/\s+/).every((w) => isVietnameseWord(w.toLowerCase()));
}

/** The province whose places have more mentions than all other provinces' places together. */
function mainProvince(entities: Entities): Province | undefined {
  const mentions = new Map<string, { province: Province; n: number }>();
  let total = 0;
  for (const p of entities.place) {
    if (!p.province) continue;
    const entry = mentions.get(p.province.code) ?? { province: p.province, n: 0 };
    entry.n += p.mentions;
    total += p.mentions;
    mentions.set(p.province.code, entry);
  }
  for (const { province, n } of mentions.values()) if (n * 2 > total) return province;
  return undefined;
}
