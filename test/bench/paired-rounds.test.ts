import { describe, expect, it } from 'vitest';
import { dealParts, median, planRounds, quartiles } from '../../bench/paired-rounds';

describe('planRounds (paired rounds with against without)', () => {
  it('runs each part twice in a row, once in each order, the parts in turn, warm-ups first', () => {
    const plan = planRounds(8, 2, 2);
    expect(plan.map((r) => [r.part, r.plainFirst ? 'AB' : 'BA', r.counted])).toEqual([
      [0, 'AB', false],
      [0, 'BA', false],
      [1, 'AB', true],
      [1, 'BA', true],
      [0, 'AB', true],
      [0, 'BA', true],
      [1, 'AB', true],
      [1, 'BA', true],
      [0, 'AB', true],
      [0, 'BA', true],
    ]);
  });

  it('counts every part in each order equally often when the rounds are a multiple of twice the parts', () => {
    const counted = planRounds(24, 4, 4).filter((r) => r.counted);
    expect(counted).toHaveLength(24);
    for (let part = 0; part < 4; part++)
      for (const first of [true, false])
        expect(counted.filter((r) => r.part === part && r.plainFirst === first)).toHaveLength(3);
  });

  it('with one part is the plain alternation', () => {
    expect(planRounds(4, 2, 1).map((r) => [r.part, r.plainFirst])).toEqual([
      [0, true],
      [0, false],
      [0, true],
      [0, false],
      [0, true],
      [0, false],
    ]);
  });
});

describe('dealParts', () => {
  it('deals the items like cards into parts of at most the size, every item once, order kept', () => {
    const parts = dealParts(10, 3);
    expect(parts).toEqual([
      [0, 4, 8],
      [1, 5, 9],
      [2, 6],
      [3, 7],
    ]);
    expect(dealParts(200, 50).map((p) => p.length)).toEqual([50, 50, 50, 50]);
    expect(
      dealParts(194, 50)
        .flat()
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 194 }, (_, i) => i));
    expect(dealParts(5, 50)).toEqual([[0, 1, 2, 3, 4]]);
  });
});

describe('median and quartiles', () => {
  it('takes the mean of the middle two of an even number', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([3, 1, 2])).toBe(2);
  });

  it('takes the quartiles as the medians of the lower and upper halves', () => {
    expect(quartiles([8, 1, 7, 2, 6, 3, 5, 4])).toEqual([2.5, 6.5]);
    expect(quartiles([1, 2, 3, 4, 5])).toEqual([1.5, 4.5]);
    expect(quartiles([0.8])).toEqual([0.8, 0.8]);
  });
});
