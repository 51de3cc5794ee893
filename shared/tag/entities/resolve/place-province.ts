/**
 * A place the resolution left without a province takes one only where the article names it: a commune or ward
 * name several 2025 provinces have (`phường Hòa Khánh` beside `Đà Nẵng` → Đà Nẵng, not Tây Ninh's `xã Hòa
 * Khánh`), and a name read after a cue word that is left out (`cảng Liên Chiểu` beside `Đà Nẵng`), which is
 * as often a market, a street or a temple named after a commune elsewhere (`chợ Đồng Xuân` in Hà Nội, not the
 * commune of Đắk Lắk; `phố Huế`). With none of its provinces named it stays without one rather than take a guess.
 */
import type { Entities } from '../../../model/article';
import { lookupPlace } from '../places/index';

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
