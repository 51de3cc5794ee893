/**
 * Last stage: mentions → the article's entities, one per (type, key), short forms joined to full names,
 * guesses kept only when they recur.
 */
import type { Entities, Entity, PlaceEntity, Province } from '../../../model/article';
import { aliasesOf, formsByCount } from '../resolve/aliases';
import type { EntityType, Mention } from './mentions';

export interface Group {
  type: EntityType;
  key: string;
  forms: Map<string, number>;
  mentions: number;
  province?: Province;
  order: number;
  /** Some mention had real support (a cue, a lexicon, a full name); guesses alone need repeating. */
  sure: boolean;
}

export function bestForm(forms: Map<string, number>): string {
  let best = '';
  let count = -1;
  for (const [form, n] of forms)
    if (n > count || (n === count && form.length > best.length)) [best, count] = [form, n];
  return best;
}

export function merge(mentions: readonly Mention[], exclude: ReadonlySet<string>): Entities {
  // One map per type: no joined id string per mention.
  const byType: Record<EntityType, Map<string, Group>> = {
    person: new Map(),
    organization: new Map(),
    place: new Map(),
  };
  let order = 0;
  const add = (m: Mention, type: EntityType, key: string, guess = false) => {
    const groups = byType[type];
    let g = groups.get(key);
    if (!g) {
      g = { type, key, forms: new Map(), mentions: 0, order: order++, sure: false };
      groups.set(key, g);
    }
    g.mentions++;
    if (!guess) g.sure = true;
    g.forms.set(m.text, (g.forms.get(m.text) ?? 0) + 1);
    if (m.province && !g.province) g.province = m.province;
  };
  // Full person names first, so short forms (`ông Minh`, `Trump`) can join them.
  const fullByTail = new Map<string, string>();
  const placeKeys = new Set<string>();
  for (const m of mentions) {
    if (m.type === 'place' && !m.weak) placeKeys.add(m.key);
    if (m.type !== 'person' || m.short) continue;
    const parts = m.key.split(' ');
    // A longer name keeps its tails: `Phúc` stays with `Nguyễn Hoàng Phúc` when `Hoàng Phúc` is read too.
    for (let k = 1; k <= parts.length; k++) {
      const tail = parts.slice(parts.length - k).join(' ');
      const had = fullByTail.get(tail);
      if (had === undefined || wordCount(had) <= parts.length) fullByTail.set(tail, m.key);
    }
  }
  for (const m of mentions) {
    if (exclude.has(m.key)) continue;
    const longer = m.type === 'person' && !m.short && !m.weak ? fullByTail.get(m.key) : undefined;
    if (longer !== undefined && longer !== m.key) {
      // `Hoàng Phúc` after `Nguyễn Hoàng Phúc`: a full-looking name ending a longer one is its short form.
      add(m, 'person', longer);
      continue;
    }
    if (m.weak) {
      const full = fullByTail.get(m.key);
      if (full) add(m, 'person', full);
      else if (m.type === 'person' && placeKeys.has(m.key)) add(m, 'place', m.key);
      else add(m, m.type, m.key);
      continue;
    }
    if (m.short) {
      const full = fullByTail.get(m.key);
      if (full) {
        add(m, 'person', full);
        continue;
      }
      if (placeKeys.has(m.key)) {
        add(m, 'place', m.key);
        continue;
      }
      // A lone foreign name with no full form is a brand or club; a lone Vietnamese syllable with no cue is dropped.
      if (m.cued) add(m, m.type, m.key);
      else if (m.type === 'organization') add(m, m.type, m.key, true);
      continue;
    }
    add(m, m.type, m.key);
  }
  const out: Entities = { person: [], organization: [], place: [] };
  const sorted = [...byType.person.values(), ...byType.organization.values(), ...byType.place.values()].sort(
    (a, b) => b.mentions - a.mentions || a.order - b.order,
  );
  const personKeys = byType.person;
  for (const g of sorted) {
    if (!g.sure && g.mentions < (g.type === 'organization' ? MIN_GUESSED_ORG_MENTIONS : MIN_GUESSED_MENTIONS))
      continue;
    // A lone foreign word guessed a brand or club yields to the same word read as a person (a line-up's).
    if (!g.sure && g.type === 'organization' && personKeys.has(g.key)) continue;
    const name = g.type === 'person' ? longestForm(g.forms) : bestForm(g.forms);
    const aliases = aliasesOf(name, formsByCount(g.forms));
    if (g.type === 'place') {
      const p: PlaceEntity = { name, mentions: g.mentions };
      if (aliases.length > 0) p.aliases = aliases;
      if (g.province) p.province = g.province;
      out.place.push(p);
    } else {
      const e: Entity = { name, mentions: g.mentions };
      if (aliases.length > 0) e.aliases = aliases;
      out[g.type].push(e);
    }
  }
  return out;
}

/** A name guessed from its shape alone must recur to be reported. */
export const MIN_GUESSED_MENTIONS = 2;

/**
 * A lone foreign word guessed to be a brand or club must recur more: on VLSP's dev half, those seen only
 * twice were players and other persons' surnames more often than organisations.
 */
export const MIN_GUESSED_ORG_MENTIONS = 3;

export function longestForm(forms: Map<string, number>): string {
  let best = '';
  let bestWords = 1; // one-word forms leave the choice to the most frequent (bestForm)
  for (const form of forms.keys()) {
    const words = wordCount(form);
    if (words > bestWords) [best, bestWords] = [form, words];
  }
  return best || bestForm(forms);
}

export function wordCount(text: string): number {
  let n = 1;
  for (let k = text.indexOf(' '); k >= 0; k = text.indexOf(' ', k + 1)) n++;
  return n;
}
