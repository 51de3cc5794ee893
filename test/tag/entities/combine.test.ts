import { describe, expect, it } from 'vitest';
import type { Entities } from '../../../shared/model/article';
import { combineEntities, combinerSettings, relations } from '../../../shared/tag/entities/resolve/combine';

const entities = (e: Partial<Record<keyof Entities, string[]>>): Entities => ({
  person: (e.person ?? []).map((name) => ({ name, mentions: 1, score: 0.8 })),
  organization: (e.organization ?? []).map((name) => ({ name, mentions: 1, score: 0.8 })),
  place: (e.place ?? []).map((name) => ({ name, mentions: 1, score: 0.8 })),
});
const names = (e: Entities) => ({
  person: e.person.map((x) => x.name),
  organization: e.organization.map((x) => x.name),
  place: e.place.map((x) => x.name),
});

describe('the combined recogniser', () => {
  it('reads each entity against the other side: same, inside, contains, another type, alone', () => {
    const rules = entities({
      organization: ['Bộ Y tế', 'Sở Y tế tỉnh Phú Yên'],
      person: ['Nam Định'],
      place: ['Huế'],
    });
    const model = entities({
      organization: ['Bộ Y tế Việt Nam', 'Sở Y tế', 'Nam Định'],
      place: ['Huế'],
      person: ['Lan'],
    });
    const r = relations(rules, model);
    expect(r.rule).toEqual({
      person: ['as-organization'],
      organization: ['inside', 'contains'],
      place: ['same'],
    });
    expect(r.model).toEqual({
      person: ['alone'],
      organization: ['contains', 'inside', 'as-person'],
      place: ['same'],
    });
  });

  it('keeps the rules, drops and adds only what the settings say, each name once', () => {
    const rules = entities({ organization: ['Bộ Y tế'], person: ['Nam Định'], place: ['Huế'] });
    const model = entities({
      organization: ['Bộ Y tế Việt Nam', 'Nam Định'],
      person: ['Lan'],
      place: ['Huế'],
    });
    expect(names(combineEntities(rules, model, { dropRule: {}, addModel: {} }))).toEqual(names(rules));
    const settings = combinerSettings({
      dropRule: { organization: ['inside'] },
      addModel: { organization: { contains: 0.5, 'as-person': 0.9 }, person: { alone: 0.5 } },
    });
    expect(names(combineEntities(rules, model, settings))).toEqual({
      person: ['Nam Định', 'Lan'],
      organization: ['Bộ Y tế Việt Nam'],
      place: ['Huế'],
    });
  });

  it('drops a rule entity the model reads the same only when the model is unsure of a name of that shape', () => {
    const rules = entities({ organization: ['APEC', 'Bộ Y tế'] });
    const model: Entities = {
      person: [],
      organization: [
        { name: 'APEC', mentions: 1, score: 0.75 },
        { name: 'Bộ Y tế', mentions: 1, score: 0.75 },
      ],
      place: [],
    };
    const settings = combinerSettings({
      dropRule: {},
      keepSame: { organization: { acronym: 0.9 } },
      addModel: {},
    });
    expect(names(combineEntities(rules, model, settings)).organization).toEqual(['Bộ Y tế']);
    const sure = { ...model, organization: model.organization.map((e) => ({ ...e, score: 0.95 })) };
    expect(names(combineEntities(rules, sure, settings)).organization).toEqual(['APEC', 'Bộ Y tế']);
  });

  it('refuses settings naming an unknown relation or type, or a score outside [0, 1]', () => {
    expect(() => combinerSettings({ dropRule: { organization: ['near'] }, addModel: {} })).toThrow();
    expect(() => combinerSettings({ dropRule: { brand: ['alone'] }, addModel: {} })).toThrow();
    expect(() => combinerSettings({ dropRule: {}, addModel: { place: { alone: 2 } } })).toThrow();
    expect(() =>
      combinerSettings({ dropRule: {}, keepSame: { place: { long: 0.5 } }, addModel: {} }),
    ).toThrow();
  });
});
