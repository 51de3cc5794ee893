/**
 * A business named in full once (`Tập đoàn Vi mạch Kairos`, `Công ty TNHH Điện tử Bắc Việt`) is then written
 * by its brand alone (`Kairos`, `Bắc Việt`): the same organisation (data/records/README.md), listed under the
 * full name, whether the brand alone was read as an organisation or, shaped like a person's name, as a person.
 */
import type { Entities, Entity } from '../../../model/article';
import { wordList } from '../lexicon';
import { cachedNameKey } from '../name-key';
import { lookupPlaceKey } from '../places/index';
import { joinedEntity } from './aliases';

/** `công ty tnhh ` …: the heads of a business's name (data/entity-rules `[brand_heads]`), as name keys open with them. */
const BRAND_HEAD_PREFIXES = wordList('brand_heads')
  .map((h) => `${cachedNameKey(h)} `)
  .sort((a, b) => b.length - a.length);

/** A country's or province's name at the end of a business's name is its scope (`… Việt Nam`), not its brand. */
const SCOPE_KINDS = new Set(['province', 'former-province', 'world']);

/**
 * The name keys of a business's brand: each run of capitalised words closing its name, at most the words after
 * its head. `Công ty TNHH Điện tử Bắc Việt` → `việt`, `bắc việt`; `Tập đoàn Hòa Phát` → `phát`, `hòa phát`.
 */
function brandKeys(name: string): string[] {
  const key = cachedNameKey(name);
  const head = BRAND_HEAD_PREFIXES.find((h) => key.startsWith(h));
  if (!head) return [];
  const words = name.split(/\s+/);
  const afterHead = key.slice(head.length).split(' ').length;
  const out: string[] = [];
  for (let n = 1; n <= afterHead && /^\p{Lu}/u.test(words[words.length - n] ?? ''); n++) {
    const brand = cachedNameKey(words.slice(-n).join(' '));
    const place = lookupPlaceKey(brand);
    if (!place || !SCOPE_KINDS.has(place.kind)) out.push(brand);
  }
  return out;
}

/**
 * Each organisation or person whose key is the brand of exactly one business the article names in full is
 * merged into that business: its name stays, mentions add up.
 * `Tập đoàn Vi mạch Kairos` + `Kairos` → `Tập đoàn Vi mạch Kairos` (alias `Kairos`).
 */
export function mergeBusinessShortNames(entities: Entities): Entities {
  const businessOf = new Map<string, Entity | null>();
  for (const e of entities.organization)
    for (const brand of brandKeys(e.name)) {
      const had = businessOf.get(brand);
      businessOf.set(brand, had === undefined || had === e ? e : null);
    }
  if (businessOf.size === 0) return entities;
  const joined = new Map<Entity, Entity>(); // business → the business with its short forms
  const gone = new Set<Entity>();
  for (const short of [...entities.organization, ...entities.person]) {
    const business = businessOf.get(cachedNameKey(short.name));
    if (!business || business === short || gone.has(business)) continue;
    joined.set(business, joinedEntity(joined.get(business) ?? business, short));
    gone.add(short);
  }
  if (gone.size === 0) return entities;
  const kept = (list: Entity[]) => list.filter((e) => !gone.has(e)).map((e) => joined.get(e) ?? e);
  const organization = kept(entities.organization).sort((a, b) => b.mentions - a.mentions);
  return { ...entities, organization, person: kept(entities.person) };
}
