/**
 * A commune or ward name several 2025 provinces have is in the one the article names (`phường Hòa Khánh`
 * beside `Đà Nẵng` → Đà Nẵng, not Tây Ninh's `xã Hòa Khánh`); with none or several of its provinces
 * named, it stays without a province rather than take a guess.
 */
import type { Entities } from '../../../model/article';
import { lookupPlace } from '../places/index';

export function communeProvincesFromArticle(entities: Entities): Entities {
  const named = new Set(entities.place.flatMap((p) => (p.province ? [p.province.code] : [])));
  if (named.size === 0) return entities;
  let changed = false;
  const place = entities.place.map((p) => {
    if (p.province) return p;
    const candidates = lookupPlace(p.name)?.mayBeIn?.filter((c) => named.has(c.code));
    if (candidates?.length !== 1) return p;
    changed = true;
    return { ...p, province: candidates[0]! };
  });
  return changed ? { ...entities, place } : entities;
}
