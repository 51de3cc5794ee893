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
import { cachedNameKey } from '../name-key';
import { formsOf } from './aliases';
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

/**
 * A name's shape, as far as the combiner tells names apart: one all-capitals token (`APEC`, `VHM`), one
 * other word (`Facebook`), or several words.
 */
export type NameShape = 'acronym' | 'word' | 'words';
export const NAME_SHAPES: readonly NameShape[] = ['acronym', 'word', 'words'];

export function nameShape(name: string): NameShape {
  if (!name.includes(' ')) return /^[\p{Lu}\d&.-]+$/u.test(name) ? 'acronym' : 'word';
  return 'words';
}

export interface CombinerSettings {
  /** Rule entities that go, per type: the relations to the model's entities that drop them. */
  dropRule: Readonly<Partial<Record<MentionType, readonly Relation[]>>>;
  /**
   * Rule entities the model reads the `same` that go all the same, per type and name shape: the least
   * score of the model's entity for the rule entity to stay (the model is unsure of `APEC` as an
   * organisation more often than of `Bộ Y tế`).
   */
  keepSame?: Readonly<Partial<Record<MentionType, Readonly<Partial<Record<NameShape, number>>>>>>;
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
  const extra = Object.keys(value).filter((k) => !['dropRule', 'keepSame', 'addModel'].includes(k));
  if (extra.length > 0) fail(`unknown keys ${extra.join(', ')}`);
  const { dropRule = {}, keepSame = {}, addModel = {} } = value;
  if (!isMap(dropRule) || !isMap(keepSame) || !isMap(addModel))
    return fail('dropRule, keepSame and addModel must be objects');
  const isType = (k: string): k is MentionType => (TYPES as readonly string[]).includes(k);
  const isRelation = (k: unknown): k is Relation => (RELATIONS as readonly unknown[]).includes(k);
  for (const [type, list] of Object.entries(dropRule)) {
    if (!isType(type)) fail(`dropRule: unknown type ${type}`);
    if (!Array.isArray(list) || !list.every(isRelation)) fail(`dropRule.${type}: not a list of relations`);
  }
  const isScore = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 1;
  for (const [type, scores] of Object.entries(keepSame)) {
    if (!isType(type)) fail(`keepSame: unknown type ${type}`);
    if (!isMap(scores)) return fail(`keepSame.${type}: not an object`);
    for (const [shape, score] of Object.entries(scores)) {
      if (!(NAME_SHAPES as readonly string[]).includes(shape))
        fail(`keepSame.${type}: unknown shape ${shape}`);
      if (!isScore(score)) fail(`keepSame.${type}.${shape}: score must be a number in [0, 1]`);
    }
  }
  for (const [type, scores] of Object.entries(addModel)) {
    if (!isType(type)) fail(`addModel: unknown type ${type}`);
    if (!isMap(scores)) return fail(`addModel.${type}: not an object`);
    for (const [relation, score] of Object.entries(scores)) {
      if (!isRelation(relation)) fail(`addModel.${type}: unknown relation ${relation}`);
      if (!isScore(score)) fail(`addModel.${type}.${relation}: score must be a number in [0, 1]`);
    }
  }
  return { dropRule, keepSame, addModel } as CombinerSettings;
}

interface Named {
  type: MentionType;
  /** ` key ` (name key padded with spaces), for whole-word containment. */
  padded: string;
}

function namedOf(entities: Entities): Named[] {
  return TYPES.flatMap((type) => entities[type].map((e) => ({ type, padded: ` ${cachedNameKey(e.name)} ` })));
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
      TYPES.map((t) => [t, side[t].map((e) => relationTo(t, ` ${cachedNameKey(e.name)} `, other))]),
    ) as Record<MentionType, Relation[]>;
  return { rule: of(rules, m), model: of(model, r) };
}

/** The model's score of each of its names, per type (the `keepSame` settings read it). */
function modelScores(model: Entities): Record<MentionType, Map<string, number>> {
  const of = (type: MentionType) => new Map(model[type].map((e) => [cachedNameKey(e.name), e.score ?? 0]));
  return { person: of('person'), organization: of('organization'), place: of('place') };
}

/** Whether the settings drop a rule entity (its type, name and relation to the model's entities). */
export function dropsRule(
  settings: CombinerSettings,
  type: MentionType,
  name: string,
  relation: Relation,
  modelScore: (type: MentionType, name: string) => number,
): boolean {
  if ((settings.dropRule[type] ?? []).includes(relation)) return true;
  if (relation !== 'same') return false;
  const least = settings.keepSame?.[type]?.[nameShape(name)];
  return least !== undefined && modelScore(type, name) < least;
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
  let scores: ReturnType<typeof modelScores> | undefined;
  const modelScore = (type: MentionType, name: string) => {
    scores ??= modelScores(model);
    return scores[type].get(cachedNameKey(name)) ?? 0;
  };
  for (const type of TYPES) {
    rules[type].forEach((e, i) => {
      if (dropsRule(settings, type, e.name, rel.rule[type][i] as Relation, modelScore)) return;
      (out[type] as Entity[]).push(e);
      for (const n of formsOf(e)) known.add(cachedNameKey(n));
    });
  }
  for (const type of TYPES) {
    const add = settings.addModel[type] ?? {};
    model[type].forEach((e, i) => {
      const least = add[rel.model[type][i] as Relation];
      if (least === undefined || (e.score ?? 0) < least || known.has(cachedNameKey(e.name))) return;
      (out[type] as Entity[]).push(e);
      for (const n of formsOf(e)) known.add(cachedNameKey(n));
    });
    (out[type] as Entity[]).sort((a, b) => b.mentions - a.mentions);
  }
  return out;
}
