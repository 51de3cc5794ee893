/**
 * `npx tsx eval/entity-combine-dev.ts`: chooses the `combined` recogniser's settings
 * (shared/tag/data/entity-combiner.json) on the dev sets only: VLSP's dev half (even-numbered articles)
 * and the team's own `dev` split. Each document is tagged once (rules, decoded mentions); the policies are
 * then applied in memory, so a grid of thresholds costs little. Test halves are never read here.
 */
import type { Entities } from '../shared/model/article';
import { parsedArticle } from '../shared/parse/types';
import { readDataset } from '../shared/tag/entities/build/train';
import { articleTexts, extractRuleEntities } from '../shared/tag/entities/index';
import { COMBINER_SETTINGS, modelMentions, RULE_PRECISION } from '../shared/tag/entities/recognise';
import {
  type CombinerSettings,
  combineEntities,
  dropsRule,
  NAME_SHAPES,
  RELATIONS,
  relations,
} from '../shared/tag/entities/resolve/combine';
import { resolveEntities } from '../shared/tag/entities/resolve/index';
import { leavePlaceCuesOut } from '../shared/tag/entities/resolve/place-cues';
import { resolveRuleEntities } from '../shared/tag/entities/resolve/rule-entities';
import { nameKey } from '../shared/text/vietnamese';
import {
  addToScore,
  asParsedArticle,
  contractView,
  ENTITY_TYPES,
  type EntityType,
  entitySets,
  loadVlsp,
  type NameSets,
  prf,
  type Score,
  type VlspArticle,
  vlspHalf,
} from './entity-eval';

interface Doc {
  gold: NameSets;
  rules: Entities;
  model: Entities;
  /** Each entity's relation to the other side (fixed whatever the settings). */
  rel: ReturnType<typeof relations>;
  /** Score counts by which entities the settings keep (the greedy choice meets the same ones often). */
  memo: Map<string, Score>;
}

const LABEL_TYPE = { PER: 'person', ORG: 'organization', LOC: 'place' } as const;

function tagged(article: ReturnType<typeof parsedArticle>, gold: NameSets): Doc {
  const raw = extractRuleEntities(article, { language: 'vi' });
  const rules = resolveRuleEntities(raw, articleTexts(article), RULE_PRECISION);
  const { mentions, context } = modelMentions(article, raw);
  const model = resolveEntities(mentions, context);
  return { gold: contractView(gold), rules, model, rel: relations(rules, model), memo: new Map() };
}

/** VLSP's dev half, gold under the nested reading (as the eval's halves). */
export function vlspDevDocs(): Doc[] {
  const articles = loadVlsp();
  return vlspHalf(articles, 'dev').map((i) => {
    const a = articles[i] as VlspArticle;
    return tagged(asParsedArticle(a), a.nested);
  });
}

/** The team's own `dev` split, one text per document. */
export function ownDevDocs(): Doc[] {
  return readDataset()
    .filter((r) => r.split === 'dev')
    .map((r) => {
      const gold: NameSets = { person: new Set(), organization: new Set(), place: new Set() };
      for (const s of r.spans) gold[LABEL_TYPE[s.label]].add(r.text.slice(s.start, s.end).normalize('NFC'));
      return tagged(parsedArticle({ title: null, body: r.text }), gold);
    });
}

export function emptyScore(): Score {
  return {
    person: { tp: 0, fp: 0, fn: 0 },
    organization: { tp: 0, fp: 0, fn: 0 },
    place: { tp: 0, fp: 0, fn: 0 },
    overall: { tp: 0, fp: 0, fn: 0 },
  };
}

function score(docs: readonly Doc[], recognise: (d: Doc) => Entities): Score {
  const s = emptyScore();
  for (const d of docs) addToScore(s, d.gold, contractView(entitySets(recognise(d))));
  return s;
}

const f3 = (x: number) => x.toFixed(3);

function row(name: string, s: Score): string {
  const cells = [...ENTITY_TYPES, 'overall'].map((t) => {
    const { p, r, f1 } = prf(s[t as keyof Score]);
    return `${f3(f1)} (${f3(p)}/${f3(r)})`;
  });
  return `${name.padEnd(34)}${cells.map((c) => c.padEnd(22)).join('')}\n`;
}

/** As the shipped recogniser: the combination, then place names without their cue word. */
const combined = (settings: CombinerSettings) => (d: Doc) =>
  leavePlaceCuesOut(combineEntities(d.rules, d.model, settings, d.rel));

/** Combined F1 overall, each document's counts memoised by which entities the settings keep. */
function combinedScore(docs: readonly Doc[], settings: CombinerSettings): Score {
  const total = emptyScore();
  for (const d of docs) {
    const modelScore = (t: EntityType, name: string) =>
      d.model[t].find((e) => nameKey(e.name) === nameKey(name))?.score ?? 0;
    const kept = ENTITY_TYPES.map(
      (t) =>
        d.rel.rule[t]
          .map((r, i) => (dropsRule(settings, t, d.rules[t][i]?.name ?? '', r, modelScore) ? 0 : 1))
          .join('') +
        d.rel.model[t]
          .map((r, i) => {
            const least = settings.addModel[t]?.[r];
            return least !== undefined && (d.model[t][i]?.score ?? 0) >= least ? 1 : 0;
          })
          .join(''),
    ).join('|');
    let s = d.memo.get(kept);
    if (!s) {
      s = emptyScore();
      addToScore(s, d.gold, contractView(entitySets(combined(settings)(d))));
      d.memo.set(kept, s);
    }
    for (const k of [...ENTITY_TYPES, 'overall'] as const) {
      total[k].tp += s[k].tp;
      total[k].fp += s[k].fp;
      total[k].fn += s[k].fn;
    }
  }
  return total;
}

type Option = { text: string; apply(s: CombinerSettings): CombinerSettings };

/** One change to the settings: drop rule entities of a type and relation, or add model ones above a score. */
function options(): Option[] {
  const out: Option[] = [];
  for (const type of ENTITY_TYPES) {
    for (const shape of NAME_SHAPES) {
      for (const least of [0.5, 0.7, 0.8, 0.9, 0.95]) {
        out.push({
          text: `keep rules ${type} ${shape} read the same at ≥ ${least}`,
          apply: (s) => ({
            ...s,
            keepSame: { ...s.keepSame, [type]: { ...s.keepSame?.[type], [shape]: least } },
          }),
        });
      }
    }
    for (const rel of RELATIONS) {
      if (rel === 'same') continue;
      out.push({
        text: `drop rules ${type} ${rel}`,
        apply: (s) => ({ ...s, dropRule: { ...s.dropRule, [type]: [...(s.dropRule[type] ?? []), rel] } }),
      });
      for (const least of [0, 0.5, 0.7, 0.9]) {
        out.push({
          text: `add model ${type} ${rel} ≥ ${least}`,
          apply: (s) => ({
            ...s,
            addModel: { ...s.addModel, [type]: { ...s.addModel[type], [rel]: least } },
          }),
        });
      }
    }
  }
  return out;
}

const overall = (docs: readonly Doc[], s: CombinerSettings) => prf(combinedScore(docs, s).overall).f1;

/**
 * Greedy choice on both dev sets: repeatedly take the change that most raises the smaller of the two
 * gains over the rules, among those that lower neither set's score and raise one. With `--own-floor F`
 * (the issue's own-split target, e.g. 0.85) it starts from the settings file and takes the change that
 * most raises VLSP's dev half among those that keep the own dev split at F or above.
 */
function choose(vlsp: readonly Doc[], own: readonly Doc[], floor?: number): CombinerSettings {
  let settings: CombinerSettings = floor === undefined ? { dropRule: {}, addModel: {} } : COMBINER_SETTINGS;
  let current = [overall(vlsp, settings), overall(own, settings)];
  const base = [overall(vlsp, { dropRule: {}, addModel: {} }), overall(own, { dropRule: {}, addModel: {} })];
  const worth = (f1: readonly number[]) =>
    floor === undefined ? Math.min(...f1.map((f, k) => f - (base[k] ?? 0))) : (f1[0] ?? 0);
  for (;;) {
    let best: { s: CombinerSettings; f1: number[]; text: string } | null = null;
    for (const o of options()) {
      const s = o.apply(settings);
      const f1 = [overall(vlsp, s), overall(own, s)];
      const steps = f1.map((f, k) => f - (current[k] ?? 0));
      if (floor === undefined) {
        if (Math.min(...steps) < 0 || Math.max(...steps) < 5e-4) continue;
      } else if ((steps[0] ?? 0) < 5e-4 || (f1[1] ?? 0) < floor) continue;
      if (!best || worth(f1) > worth(best.f1)) best = { s, f1, text: o.text };
    }
    if (!best) return settings;
    settings = best.s;
    current = best.f1;
    process.stdout.write(
      `  + ${best.text.padEnd(40)} over the rules: VLSP dev ${f3((current[0] ?? 0) - (base[0] ?? 0))}, ` +
        `own dev ${f3((current[1] ?? 0) - (base[1] ?? 0))}\n`,
    );
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const vlsp = vlspDevDocs();
  const own = ownDevDocs();
  const header = `${'recogniser'.padEnd(34)}${[...ENTITY_TYPES, 'overall'].map((t) => `${t} F1 (P/R)`.padEnd(22)).join('')}\n`;
  process.stdout.write('\ncombined recogniser: greedy choice of settings on the dev sets\n');
  const at = process.argv.indexOf('--own-floor');
  const chosen = choose(vlsp, own, at > 0 ? Number(process.argv[at + 1]) : undefined);
  process.stdout.write(`chosen settings: ${JSON.stringify(chosen)}\n`);
  for (const [name, docs] of [
    ['VLSP dev half', vlsp],
    ['own dev split', own],
  ] as const) {
    process.stdout.write(`\n${name} (${docs.length} documents), nested/contract, document-level\n${header}`);
    process.stdout.write(
      row(
        'rules',
        score(docs, (d) => leavePlaceCuesOut(d.rules)),
      ),
    );
    process.stdout.write(
      row(
        'model',
        score(docs, (d) => d.model),
      ),
    );
    process.stdout.write(row('combined (settings file)', score(docs, combined(COMBINER_SETTINGS))));
    process.stdout.write(row('combined (chosen now)', score(docs, combined(chosen))));
  }
}
