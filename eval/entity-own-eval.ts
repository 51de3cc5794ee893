/**
 * Entities on the team's own test split (data/entities/entities.jsonl, split `test`, never trained on):
 * each labelled text tagged as a one-paragraph article, scored like the VLSP eval (distinct names per
 * type, contract view), rules vs rules + model, plus the model's precision at the default score threshold.
 */
import { parsedArticle } from '../shared/parse/types';
import { readDataset } from '../shared/tag/entities/build/train';
import { extractRuleEntities } from '../shared/tag/entities/index';
import { ENTITY_RECOGNISER, RECOGNISERS, recogniseEntities } from '../shared/tag/entities/recognise';
import {
  addToScore,
  contractView,
  ENTITY_TYPES,
  entitySets,
  type NameSets,
  prf,
  printRecognisers,
  type Score,
} from './entity-eval';

/** Entities scoring below this are left out where a caller wants only confident ones. */
export const DEFAULT_SCORE_THRESHOLD = 0.5;

const TYPE = { PER: 'person', ORG: 'organization', LOC: 'place' } as const;

function empty(): Score {
  return {
    person: { tp: 0, fp: 0, fn: 0 },
    organization: { tp: 0, fp: 0, fn: 0 },
    place: { tp: 0, fp: 0, fn: 0 },
    overall: { tp: 0, fp: 0, fn: 0 },
  };
}

export function runOwnTestEval(): void {
  const records = readDataset().filter((r) => r.split === 'test');
  const rules = empty();
  const model = empty();
  const confident = empty();
  const shipped = empty();
  const shippedConfident = empty();
  for (const r of records) {
    const gold: NameSets = { person: new Set(), organization: new Set(), place: new Set() };
    for (const s of r.spans) gold[TYPE[s.label]].add(r.text.slice(s.start, s.end).normalize('NFC'));
    const article = parsedArticle({ title: null, body: r.text });
    const sets = (e: ReturnType<typeof recogniseEntities>, min = 0): NameSets =>
      entitySets({
        person: e.person.filter((x) => (x.score ?? 1) >= min),
        organization: e.organization.filter((x) => (x.score ?? 1) >= min),
        place: e.place.filter((x) => (x.score ?? 1) >= min),
      });
    const g = contractView(gold);
    const m = recogniseEntities(article, { language: 'vi', recogniser: 'model' });
    addToScore(rules, g, contractView(sets(extractRuleEntities(article, { language: 'vi' }))));
    addToScore(model, g, contractView(sets(m)));
    addToScore(confident, g, contractView(sets(m, DEFAULT_SCORE_THRESHOLD)));
    const d = recogniseEntities(article, { language: 'vi' });
    addToScore(shipped, g, contractView(sets(d)));
    addToScore(shippedConfident, g, contractView(sets(d, DEFAULT_SCORE_THRESHOLD)));
  }
  const f3 = (x: number) => x.toFixed(3);
  process.stdout.write(
    `\nentities: the team's own test split (${records.length} texts of data/entities, never trained on; distinct names per text, contract view)\n` +
      `${'type'.padEnd(14)}rules F1  model F1  model P   model R   P@${DEFAULT_SCORE_THRESHOLD}   R@${DEFAULT_SCORE_THRESHOLD}\n`,
  );
  for (const t of [...ENTITY_TYPES, 'overall'] as const) {
    const a = prf(rules[t]);
    const b = prf(model[t]);
    const c = prf(confident[t]);
    process.stdout.write(
      `${t.padEnd(14)}${f3(a.f1).padEnd(10)}${f3(b.f1).padEnd(10)}${f3(b.p).padEnd(10)}${f3(b.r).padEnd(10)}${f3(c.p).padEnd(8)}${f3(c.r)}\n`,
    );
  }
  process.stdout.write(
    `shipped default (${ENTITY_RECOGNISER}) on the same split\n${'type'.padEnd(14)}F1        P         R         P@${DEFAULT_SCORE_THRESHOLD}\n`,
  );
  for (const t of [...ENTITY_TYPES, 'overall'] as const) {
    const a = prf(shipped[t]);
    const c = prf(shippedConfident[t]);
    process.stdout.write(
      `${t.padEnd(14)}${f3(a.f1).padEnd(10)}${f3(a.p).padEnd(10)}${f3(a.r).padEnd(10)}${f3(c.p)}\n`,
    );
  }
}

/** Each recogniser on the own dev split (where settings are chosen) and test split (scored once). */
export function runOwnRecognisers(): void {
  const records = readDataset();
  const block = (split: 'dev' | 'test') => {
    const texts = records.filter((r) => r.split === split);
    const scores = RECOGNISERS.map((recogniser) => {
      const score = empty();
      for (const r of texts) {
        const gold: NameSets = { person: new Set(), organization: new Set(), place: new Set() };
        for (const s of r.spans) gold[TYPE[s.label]].add(r.text.slice(s.start, s.end).normalize('NFC'));
        const article = parsedArticle({ title: null, body: r.text });
        const e = recogniseEntities(article, { language: 'vi', recogniser });
        addToScore(score, contractView(gold), contractView(entitySets(e)));
      }
      return [recogniser, score] as [string, Score];
    });
    return [`own ${split} (${texts.length})`, scores] as const;
  };
  printRecognisers(
    "the team's own splits (data/entities; dev: settings chosen here, test: never trained or chosen on), " +
      'distinct names per text, contract view, F1 (P/R) of each recogniser',
    [block('dev'), block('test')],
  );
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  runOwnTestEval();
  runOwnRecognisers();
}
