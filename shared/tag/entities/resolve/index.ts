/**
 * Resolution: the decoded mentions of an article → the record's `entities`. One policy, in order:
 * 0. the hard constraints of ./constraints drop what must never be a name;
 * 1. one sense per article: a name read as several types keeps the type with the most confidence;
 * 2. nested places: a place the rules found inside a decoded organisation's name is a place of the
 *    article too (`Phú Yên` in `Sở Y tế tỉnh Phú Yên`); inside a club's name the rules find none;
 * 3. a person's short form (`Minh`, `Trump`) joins the one full name it ends in the same article;
 * 4. one entity per (type, key): canonical name (persons: the longest form; others: the most frequent,
 *    longer on a tie), the other forms merged into it as aliases (./aliases), mention count, province for
 *    places, score = its best mention's confidence;
 * 5. bylines' names are dropped; order is most mentioned first, then first seen.
 */
import type { Entities, Entity, PlaceEntity, Province } from '../../../model/article';
import { cachedNameKey } from '../name-key';
import { lookupPlaceKey } from '../places/index';
import { aliasesOf, formsByCount } from './aliases';
import { isForeignFormName } from './clubs';
import { applyConstraints, ORG_HEAD_FIRSTS } from './constraints';
import type { Mention, MentionType } from './mention';

export type { Mention, MentionType } from './mention';

export interface ResolveContext {
  /** Places the rules found, by key, with their province when known. */
  rulePlaces: ReadonlyMap<string, { name: string; province?: Province }>;
  /** Keys of the article's bylines. */
  authors: ReadonlySet<string>;
}

interface Group {
  type: MentionType;
  key: string;
  forms: Map<string, number>;
  mentions: number;
  score: number;
  order: number;
}

function bestForm(forms: Map<string, number>, longest: boolean): string {
  let best = '';
  let count = -1;
  for (const [form, n] of forms) {
    if (longest ? form.length > best.length : n > count || (n === count && form.length > best.length)) {
      best = form;
      count = n;
    }
  }
  return best;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Keeps, for each key, only the type its mentions give the most confidence. */
export function oneSensePerArticle(mentions: readonly Mention[]): Mention[] {
  const weight = new Map<string, Map<MentionType, number>>();
  for (const m of mentions) {
    const byType = weight.get(m.key) ?? new Map<MentionType, number>();
    byType.set(m.type, (byType.get(m.type) ?? 0) + m.confidence);
    weight.set(m.key, byType);
  }
  const sense = new Map<string, MentionType>();
  for (const [key, byType] of weight) {
    let best: MentionType = 'person';
    let w = -1;
    for (const [type, v] of byType) if (v > w) [best, w] = [type, v];
    sense.set(key, best);
  }
  return mentions.filter((m) => sense.get(m.key) === m.type);
}

/**
 * Places of the rules found as whole words inside organisation mentions whose name opens with an
 * organisation head (`Sở Y tế tỉnh Phú Yên`, `Ngân hàng … Việt Nam`); never inside a club or team name
 * (`Real Madrid`, `U23 Việt Nam`).
 */
export function nestedPlaces(mentions: readonly Mention[], context: ResolveContext): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) {
    if (m.type !== 'organization' || !ORG_HEAD_FIRSTS.has(m.key.split(' ')[0] ?? '')) continue;
    if (isForeignFormName(m.text)) continue;
    const padded = ` ${m.key} `;
    for (const [key, place] of context.rulePlaces) {
      if (key !== m.key && padded.includes(` ${key} `))
        out.push({ type: 'place', text: place.name, key, confidence: m.confidence, before: '', after: '' });
    }
  }
  return out;
}

export function resolveEntities(decoded: readonly Mention[], context: ResolveContext): Entities {
  const mentions = oneSensePerArticle(applyConstraints(decoded, true));
  mentions.push(...nestedPlaces(mentions, context));
  // Short person forms join the one longer person name they end.
  const tails = new Map<string, string | null>();
  for (const m of mentions) {
    if (m.type !== 'person') continue;
    const parts = m.key.split(' ');
    for (let k = 1; k < parts.length; k++) {
      const tail = parts.slice(parts.length - k).join(' ');
      const had = tails.get(tail);
      tails.set(tail, had === undefined || had === m.key ? m.key : null);
    }
  }
  const groups = new Map<string, Group>();
  let order = 0;
  for (const m of mentions) {
    if (context.authors.has(m.key)) continue;
    const key = m.type === 'person' ? (tails.get(m.key) ?? m.key) : m.key;
    const id = `${m.type}\t${key}`;
    let g = groups.get(id);
    if (!g) {
      g = { type: m.type, key, forms: new Map(), mentions: 0, score: 0, order: order++ };
      groups.set(id, g);
    }
    g.mentions++;
    g.forms.set(m.text, (g.forms.get(m.text) ?? 0) + 1);
    if (m.confidence > g.score) g.score = m.confidence;
  }
  const out: Entities = { person: [], organization: [], place: [] };
  const sorted = [...groups.values()].sort((a, b) => b.mentions - a.mentions || a.order - b.order);
  for (const g of sorted) {
    const name = bestForm(g.forms, g.type === 'person');
    const score = round(g.score);
    const aliases = aliasesOf(name, formsByCount(g.forms));
    if (g.type === 'place') {
      const province = context.rulePlaces.get(g.key)?.province ?? lookupPlaceKey(g.key)?.province;
      const p: PlaceEntity = { name, mentions: g.mentions, score };
      if (aliases.length > 0) p.aliases = aliases;
      if (province) p.province = province;
      out.place.push(p);
    } else {
      const e: Entity = { name, mentions: g.mentions, score };
      if (aliases.length > 0) e.aliases = aliases;
      out[g.type].push(e);
    }
  }
  return out;
}

export function mentionKey(text: string): string {
  return cachedNameKey(text);
}
