/**
 * Aliases: an entity has one canonical `name` and lists the other ways the article writes it, as written.
 * Two sources: the forms merged into one entity (a person's short forms, `Trump` of `Donald Trump`), and
 * the names of one 2025 province (`TP.HCM`, `TPHCM`, `TP Hồ Chí Minh`, `Sài Gòn` are one place with its
 * province code). Forms differing only in case or tone placement are the same name, not aliases.
 */
import type { Entities, Entity, PlaceEntity } from '../../../model/article';
import { wordList } from '../lexicon';
import { cachedNameKey } from '../name-key';
import { lookupPlaceKey } from '../places/index';

/** Every form an entity is written in: its name, then its aliases. */
export const formsOf = (e: Pick<Entity, 'name' | 'aliases'>): string[] => [e.name, ...(e.aliases ?? [])];

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

/**
 * One entity from two forms of it: `into` keeps its name, `from`'s name and aliases become aliases,
 * mentions add up, the score is the best.
 */
export function joinedEntity<E extends Entity>(into: E, from: Entity): E {
  const one: E = {
    ...into,
    mentions: into.mentions + from.mentions,
    aliases: aliasesOf(into.name, [...(into.aliases ?? []), from.name, ...(from.aliases ?? [])]),
  };
  if (into.score !== undefined || from.score !== undefined)
    one.score = Math.max(into.score ?? 0, from.score ?? 0);
  return one;
}

/** The entities of one kind with those `merged` names replaced by what they became, most mentioned first. */
export function withMerged<K extends 'person' | 'organization'>(
  entities: Entities,
  kind: K,
  merged: ReadonlyMap<Entity, Entity>,
): Entities {
  if (merged.size === 0) return entities;
  const list = [...new Set(entities[kind].map((e) => merged.get(e) ?? e))];
  list.sort((a, b) => b.mentions - a.mentions);
  return { ...entities, [kind]: list };
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
    const merged = joinedEntity(into, p);
    first.set(code as string, merged);
    place[place.indexOf(into)] = merged;
  }
  place.sort((a, b) => b.mentions - a.mentions);
  return { ...entities, place };
}

/** Keys of data/entity-rules `[club_heads]` with a space after them (`clb `, `câu lạc bộ `). */
const CLUB_HEAD_PREFIXES = wordList('club_heads').map((h) => `${cachedNameKey(h)} `);

/**
 * A club written with its head and without (`CLB Hải Âu Khánh Hòa`, `Hải Âu Khánh Hòa`) is one
 * organisation: the most mentioned form keeps the name (the first listed on a tie), the other becomes its
 * alias, mentions add up, the score is the best.
 */
export function mergeClubHeadForms(entities: Entities): Entities {
  const byKey = new Map(entities.organization.map((e) => [cachedNameKey(e.name), e]));
  const merged = new Map<Entity, Entity>();
  for (const e of entities.organization) {
    const key = cachedNameKey(e.name);
    const head = CLUB_HEAD_PREFIXES.find((h) => key.startsWith(h));
    const bare = head && byKey.get(key.slice(head.length));
    if (!bare || merged.has(bare) || merged.has(e)) continue;
    const [into, from] = bare.mentions >= e.mentions ? [bare, e] : [e, bare];
    const one = joinedEntity(into, from);
    merged.set(into, one);
    merged.set(from, one);
  }
  return withMerged(entities, 'organization', merged);
}
