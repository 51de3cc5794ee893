/**
 * An organisation's acronym or short name written in parentheses right after its full name
 * (`Công ty cổ phần Sữa và Thực phẩm dinh dưỡng Đồng Xanh (DXM)`, `… Minh Bạch Việt (MBV Audit)`) names the
 * same organisation: the article then writes it alone (`doanh thu của DXM`), and it is an alias of the full
 * name, not a second organisation (data/records/README.md).
 */
import type { Entities, Entity } from '../../../model/article';
import { aliasesOf } from './aliases';

/**
 * Each organisation whose name some text writes in parentheses right after another organisation's name
 * or alias becomes an alias of that one, which keeps its name; mentions add up, the score is the best. A short
 * name parenthesised after two different organisations is left alone.
 * `Công ty … Đồng Xanh (DXM) báo lãi …; doanh thu của DXM …` → one organisation `Công ty … Đồng Xanh`, alias `DXM`.
 */
export function mergeParenthesisedShortNames(entities: Entities, texts: readonly string[]): Entities {
  const orgs = entities.organization;
  if (orgs.length < 2) return entities;
  const into = new Map<Entity, Entity | null>();
  for (const full of orgs) {
    for (const form of [full.name, ...(full.aliases ?? [])]) {
      for (const short of orgs) {
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
    const one: Entity = {
      ...base,
      mentions: base.mentions + short.mentions,
      aliases: aliasesOf(base.name, [...(base.aliases ?? []), short.name, ...(short.aliases ?? [])]),
    };
    if (base.score !== undefined || short.score !== undefined)
      one.score = Math.max(base.score ?? 0, short.score ?? 0);
    merged.set(full, one);
    merged.set(short, one);
  }
  if (merged.size === 0) return entities;
  const organization = [...new Set(orgs.map((e) => merged.get(e) ?? e))];
  organization.sort((a, b) => b.mentions - a.mentions);
  return { ...entities, organization };
}
