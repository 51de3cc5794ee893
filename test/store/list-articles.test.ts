import { describe, expect, it } from 'vitest';
import { planFilter } from '../../shared/store/facets';
import { encodeFacets, type MainItem } from '../../shared/store/items';
import { hasFacet, planCheck } from '../../shared/store/list-articles';

const item = (facets: string[], layout: 'text' | 'list' = 'text'): MainItem => ({
  pk: 'A#a1',
  sk: '#',
  seq: '1',
  wid: 'w1',
  st: 'stored',
  ts: '2024-05-01T08:00:00',
  fac: layout === 'text' ? encodeFacets(facets) : facets,
});

describe('listing check', () => {
  const facets = ['s#stored', 'w#ha noi', 'w#noi', 'p#phambinhminh', 'w#kinh te'];

  it('finds a facet only as a whole line of the article item, first, inside or last', () => {
    for (const f of ['s#stored', 'w#noi', 'w#kinh te']) expect(hasFacet(item(facets), f)).toBe(true);
    // Parts of other facets are not facets: a prefix, a suffix, a run across a line break.
    for (const f of ['w#ha', 'w#kinh', 'noi', 's#store', 'w#noi\np#phambinhminh', 'w#']) {
      expect(hasFacet(item(facets), f)).toBe(false);
    }
    expect(hasFacet(item(['w#ha noi']), 'w#noi')).toBe(false);
    expect(hasFacet(item([]), 'w#noi')).toBe(false);
    expect(hasFacet({ fac: undefined }, 'w#noi')).toBe(false);
  });

  it('reads the facets of items written as a list too', () => {
    expect(hasFacet(item(facets, 'list'), 'w#kinh te')).toBe(true);
    expect(hasFacet(item(facets, 'list'), 'w#kinh')).toBe(false);
  });

  it("drops an article that no longer has the partition's facet, whatever the posting says", () => {
    const check = planCheck(planFilter({ status: 'stored', q: 'Hà Nội' }));
    expect(check.projection).toContain('fac');
    expect(check.matches(item(facets))).toBe(true);
    expect(check.matches(item(facets.filter((f) => f !== 'w#ha noi')))).toBe(false);
    expect(check.matches(item(['s#stored', 'w#ha noi x']))).toBe(false);
    expect(check.matches({ ...item(facets), st: 'rejected' })).toBe(false);
  });
});
