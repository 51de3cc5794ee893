/**
 * A Central Highlands name written `Y`, `H'` or `K'` first (Ê-đê, M'nông, K'Ho: `H'Linh Niê`, `Y Sơn Mlô`) puts the
 * family name last, so its short form keeps the opening words (`cô H'Linh`, `ông Y Sơn`), not the last ones as a
 * Kinh name's does (`Hoàng Phúc` of `Nguyễn Hoàng Phúc`, joined in ./index). Such a short form is the same person
 * (data/records/README.md), listed under the full name.
 */
import type { Entities, Entity } from '../../../model/article';
import { cachedNameKey } from '../name-key';
import { joinedEntity, withMerged } from './aliases';

/** `Y …`, `H'…`, `H' …`, `K'…` (any apostrophe) as name keys open with them. */
const OPENER = /^(?:y |[hk]['’ʼ])/u;

/**
 * Each person whose key is the opening words (one or more, not all) of exactly one longer person's key, both
 * opening with a Central Highlands opener, is merged into that person: its name stays, mentions add up.
 * `H'Linh Niê` + `H'Linh` → `H'Linh Niê` (alias `H'Linh`).
 */
export function mergeHighlandShortForms(entities: Entities): Entities {
  const people = entities.person.map((e) => ({ e, key: cachedNameKey(e.name) }));
  const into = new Map<Entity, Entity | null>();
  for (const short of people) {
    if (!OPENER.test(short.key)) continue;
    for (const full of people) {
      if (full === short || !full.key.startsWith(`${short.key} `)) continue;
      const had = into.get(short.e);
      into.set(short.e, had === undefined || had === full.e ? full.e : null);
    }
  }
  const merged = new Map<Entity, Entity>();
  for (const [short, full] of into) {
    if (!full || into.has(full)) continue;
    const base = merged.get(full) ?? full;
    const one = joinedEntity(base, short);
    merged.set(full, one);
    merged.set(short, one);
  }
  return withMerged(entities, 'person', merged);
}
