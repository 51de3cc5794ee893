/**
 * Aliases: an entity has one canonical `name` and lists the other ways the article writes it, as written.
 * Two sources: the forms merged into one entity (a person's short forms, `Trump` of `Donald Trump`), and
 * the names of one 2025 province (`TP.HCM`, `TPHCM`, `TP Hồ Chí Minh`, `Sài Gòn` are one place with its
 * province code). Forms differing only in case or tone placement are the same name, not aliases.
 */
import type { Entities, PlaceEntity } from '../../../model/article';
import { cachedNameKey } from '../name-key';
import { lookupPlaceKey } from '../places/index';

/** The forms (most written first) whose key differs from the name's and from each other's. */
export function aliasesOf(name: string, forms: Iterable<string>): string[] {
  const seen = new Set([cachedNameKey(name)]);
  const out: string[] = [];
  for (const form of forms) {
    const key = cachedNameKey(form);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(form);
  }
  return out;
}

/** Forms of a mention-count map, most written first (first seen on a tie). */
export function formsByCount(forms: ReadonlyMap<string, number>): string[] {
  return [...forms].sort((a, b) => b[1] - a[1]).map(([form]) => form);
}

const UNIT_PREFIX = /^(?:thành phố|tp\.?|tỉnh)\s*/u;

/** The code of the 2025 province a place name is a name of (not a part of): `Sài Gòn` → 79. */
export function provinceNamed(name: string): string | undefined {
  const key = cachedNameKey(name);
  const info = lookupPlaceKey(key) ?? lookupPlaceKey(key.replace(UNIT_PREFIX, ''));
  return info?.kind === 'province' ? info.province?.code : undefined;
}

/**
 * Places naming the same 2025 province become one: the most mentioned keeps its name (the first listed
 * on a tie), the others' names and aliases become its aliases, mentions add up, the score is the best.
 */
export function mergeProvinceNames(entities: Entities): Entities {
  const first = new Map<string, PlaceEntity>();
  const place: PlaceEntity[] = [];
  for (const p of entities.place) {
    const code = p.province ? provinceNamed(p.name) : undefined;
    const into = code === p.province?.code && code !== undefined ? first.get(code) : undefined;
    if (!into) {
      if (code !== undefined && code === p.province?.code) first.set(code, p);
      place.push(p);
      continue;
    }
    const merged: PlaceEntity = {
      ...into,
      mentions: into.mentions + p.mentions,
      aliases: aliasesOf(into.name, [...(into.aliases ?? []), p.name, ...(p.aliases ?? [])]),
    };
    if (into.score !== undefined || p.score !== undefined)
      merged.score = Math.max(into.score ?? 0, p.score ?? 0);
    first.set(code as string, merged);
    place[place.indexOf(into)] = merged;
  }
  place.sort((a, b) => b.mentions - a.mentions);
  return { ...entities, place };
}
