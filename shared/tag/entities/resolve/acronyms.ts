/**
 * An organisation's acronym or short name written in parentheses right after its full name
 * (`Công ty cổ phần Sữa và Thực phẩm dinh dưỡng Đồng Xanh (DXM)`, `… Minh Bạch Việt (MBV Audit)`) names the
 * same organisation: the article then writes it alone (`doanh thu của DXM`), and it is an alias of the full
 * name, not a second organisation (data/records/README.md).
 */
import type { Entities, Entity } from '../../../model/article';
import { wordList } from '../lexicon';
import { cachedNameKey } from '../name-key';
import { aliasesOf, formsOf, joinedEntity, withMerged } from './aliases';

/** data/entity-rules `[acronym_tail_stops]`, as name keys. */
const TAIL_STOPS = new Set(wordList('acronym_tail_stops').map((w) => cachedNameKey(w)));
/**
 * One to eight lower-case words, then an acronym in parentheses (`… công nghệ sinh học biển (MBRI)`,
 * `(MBV Audit)`); at module scope: the bundler makes a `\p{…}` literal a `new RegExp` at each use.
 */
const LOWER_TAIL_TO_ACRONYM = /^((?: \p{Ll}+){1,8}) \((\p{Lu}[\p{Lu}\d&-]+(?: \p{Lu}\p{Ll}+)?)\)/u;

/**
 * An organisation's name cut before the lower-case words that end it is given them back when an acronym in
 * parentheses follows them that the article names as an organisation too, and no word of them is the sentence's
 * (`[acronym_tail_stops]`): the acronym marks the end of the name. The cut form stays an alias.
 * `Viện Nghiên cứu và Phát triển` in `Viện Nghiên cứu và Phát triển công nghệ sinh học biển (MBRI)` → the whole name.
 */
export function extendToParenthesisedAcronyms(entities: Entities, texts: readonly string[]): Entities {
  const orgKeys = new Set(entities.organization.flatMap((e) => formsOf(e).map((n) => cachedNameKey(n))));
  let changed = false;
  const organization = entities.organization.map((e) => {
    for (const text of texts)
      for (let at = text.indexOf(e.name); at >= 0; at = text.indexOf(e.name, at + 1)) {
        const found = LOWER_TAIL_TO_ACRONYM.exec(text.slice(at + e.name.length, at + e.name.length + 120));
        const tail = found?.[1];
        if (!tail || !orgKeys.has(cachedNameKey(found?.[2] ?? ''))) continue;
        if (
          tail
            .trim()
            .split(' ')
            .some((w) => TAIL_STOPS.has(cachedNameKey(w)))
        )
          continue;
        changed = true;
        const name = e.name + tail;
        return { ...e, name, aliases: aliasesOf(name, formsOf(e)) };
      }
    return e;
  });
  return changed ? { ...entities, organization } : entities;
}

/**
 * Each organisation whose name some text writes in parentheses right after another organisation's name
 * or alias becomes an alias of that one, which keeps its name; mentions add up, the score is the best. A short
 * name parenthesised after two different organisations is left alone.
 * `Công ty … Đồng Xanh (DXM) báo lãi …; doanh thu của DXM …` → one organisation `Công ty … Đồng Xanh`, alias `DXM`.
 */
export function mergeParenthesisedShortNames(written: Entities, texts: readonly string[]): Entities {
  const entities = extendToParenthesisedAcronyms(written, texts);
  const orgs = entities.organization;
  if (orgs.length < 2) return entities;
  // A cheap first test: a short name the texts never write in brackets follows no full name (most do not).
  const bracketed = orgs.filter((short) => texts.some((t) => t.includes(`(${short.name})`)));
  if (bracketed.length === 0) return entities;
  const into = new Map<Entity, Entity | null>();
  for (const full of orgs) {
    for (const form of formsOf(full)) {
      for (const short of bracketed) {
        if (short === full || !texts.some((t) => t.includes(`${form} (${short.name})`))) continue;
        const had = into.get(short);
        into.set(short, had === undefined || had === full ? full : null);
      }
    }
  }
  const merged = new Map<Entity, Entity>();
  for (const [short, full] of into) {
    if (!full || into.get(full)) continue; // a chain (`A (B)`, `B (C)`) is left as it is
    const base = merged.get(full) ?? full;
    const one = joinedEntity(base, short);
    merged.set(full, one);
    merged.set(short, one);
  }
  return withMerged(entities, 'organization', merged);
}
