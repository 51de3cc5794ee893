/**
 * The `combined` recogniser's policy: the rule tagger's entities are the base (they follow the
 * conventions of VLSP, where the rules beat the model), and the model's own entities (resolved as in
 * ./index) correct them where both dev sets say the model is right. Each entity of one side is read
 * against the other side's entities of the same article (`Relation`); the settings say which rule
 * entities go and which model entities join, by type and relation (and, for additions, least score).
 * Settings: ../../data/entity-combiner.json, chosen on the VLSP dev half and the team's own dev split
 * (`npx tsx eval/entity-combine-dev.ts`).
 */
import type { Entities, Entity } from '../../../model/article';
import { nameKey } from '../../../text/vietnamese';
import type { MentionType } from './mention';

/**
 * How one side's entity stands to the other side's entities of the article:
 * - `same`: the other side has the same name with the same type;
 * - `inside`: its name lies inside a longer name of the same type on the other side (`Bộ Y tế` in
 *   `Bộ Y tế Việt Nam`);
 * - `contains`: its name holds a shorter name of the same type of the other side;
 * - `as-person`, `as-organization`, `as-place`: the other side reads the same name, or one inside it or
 *   holding it, as that other type;
 * - `alone`: the other side reads nothing of it.
 */
export type Relation =
  | 'same'
  | 'inside'
  | 'contains'
  | 'as-person'
  | 'as-organization'
  | 'as-place'
  | 'alone';

export const RELATIONS: readonly Relation[] = [
  'same',
  'inside',
  'contains',
  'as-person',
  'as-organization',
  'as-place',
  'alone',
];

export interface CombinerSettings {
  /** Rule entities that go, per type: the relations to the model's entities that drop them. */
  dropRule: Readonly<Partial<Record<MentionType, readonly Relation[]>>>;
  /** Model entities that join, per type and relation to the rules' entities: the least score. */
  addModel: Readonly<Partial<Record<MentionType, Readonly<Partial<Record<Relation, number>>>>>>;
}

const TYPES = ['person', 'organization', 'place'] as const satisfies readonly MentionType[];

/**
 * The settings file's value, checked (a malformed file fails the cold start). Checked by hand: a schema
 * library here would put ~380 KB into the ingest bundle for two small maps.
 */
export function combinerSettings(value: unknown): CombinerSettings {
  const fail = (why: string): never => {
    throw new Error(`entity combiner settings: ${why}`);
  };
  const isMap = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isMap(value)) return fail('not an object');
  const extra = Object.keys(value).filter((k) => k !== 'dropRule' && k !== 'addModel');
  if (extra.length > 0) fail(`unknown keys ${extra.join(', ')}`);
  const { dropRule = {}, addModel = {} } = value;
  if (!isMap(dropRule) || !isMap(addModel)) return fail('dropRule and addModel must be objects');
  const isType = (k: string): k is MentionType => (TYPES as readonly string[]).includes(k);
  const isRelation = (k: unknown): k is Relation => (RELATIONS as readonly unknown[]).includes(k);
  for (const [type, list] of Object.entries(dropRule)) {
    if (!isType(type)) fail(`dropRule: unknown type ${type}`);
    if (!Array.isArray(list) || !list.every(isRelation)) fail(`dropRule.${type}: not a list of relations`);
  }
  for (const [type, scores] of Object.entries(addModel)) {
    if (!isType(type)) fail(`addModel: unknown type ${type}`);
    if (!isMap(scores)) return fail(`addModel.${type}: not an object`);
    for (const [relation, score] of Object.entries(scores)) {
      if (!isRelation(relation)) fail(`addModel.${type}: unknown relation ${relation}`);
      if (typeof score !== 'number' || !(score >= 0 && score <= 1))
        fail(`addModel.${type}.${relation}: score must be a number in [0, 1]`);
    }
  }
  return { dropRule, addModel } as CombinerSettings;
}

interface Named {
  type: MentionType;
  /** ` key ` (name key padded with spaces), for whole-word containment. */
  padded: string;
}

function namedOf(entities: Entities): Named[] {
  return TYPES.flatMap((type) => entities[type].map((e) => ({ type, padded: ` ${nameKey(e.name)} ` })));
}

/** How an entity (type, padded key) stands to the other side's names (see `Relation`). */
export function relationTo(type: MentionType, padded: string, other: readonly Named[]): Relation {
  let relation: Relation = 'alone';
  for (const o of other) {
    const overlap = o.padded === padded || o.padded.includes(padded) || padded.includes(o.padded);
    if (!overlap) continue;
    if (o.type !== type) {
      if (relation === 'alone') relation = `as-${o.type}`;
      continue;
    }
    if (o.padded === padded) return 'same';
    relation = o.padded.includes(padded) ? 'inside' : 'contains';
  }
  return relation;
}

/** Each entity's relation to the other side, for both sides (the eval's per-relation figures read it). */
export function relations(
  rules: Entities,
  model: Entities,
): { rule: Record<MentionType, Relation[]>; model: Record<MentionType, Relation[]> } {
  const r = namedOf(rules);
  const m = namedOf(model);
  const of = (side: Entities, other: Named[]) =>
    Object.fromEntries(
      TYPES.map((t) => [t, side[t].map((e) => relationTo(t, ` ${nameKey(e.name)} `, other))]),
    ) as Record<MentionType, Relation[]>;
  return { rule: of(rules, m), model: of(model, r) };
}

/**
 * The rules' entities less those the settings drop, plus the model's entities the settings add; each
 * name once per article (an addition whose key the kept entities already have, under any type, is left
 * out), most mentioned first.
 */
export function combineEntities(
  rules: Entities,
  model: Entities,
  settings: CombinerSettings,
  rel: ReturnType<typeof relations> = relations(rules, model),
): Entities {
  const out: Entities = { person: [], organization: [], place: [] };
  const known = new Set<string>();
  for (const type of TYPES) {
    const drop = settings.dropRule[type] ?? [];
    rules[type].forEach((e, i) => {
      if (drop.includes(rel.rule[type][i] as Relation)) return;
      (out[type] as Entity[]).push(e);
      for (const n of [e.name, ...(e.aliases ?? [])]) known.add(nameKey(n));
    });
  }
  for (const type of TYPES) {
    const add = settings.addModel[type] ?? {};
    model[type].forEach((e, i) => {
      const least = add[rel.model[type][i] as Relation];
      if (least === undefined || (e.score ?? 0) < least || known.has(nameKey(e.name))) return;
      (out[type] as Entity[]).push(e);
      for (const n of [e.name, ...(e.aliases ?? [])]) known.add(nameKey(n));
    });
    (out[type] as Entity[]).sort((a, b) => b.mentions - a.mentions);
  }
  return out;
}
