import { describe, expect, it } from 'vitest';
import { benchmarkMetrics, halfOf, shingleCounts, shingles } from '../../eval/extraction-eval';

describe('article-extraction scoring (as the benchmark evaluate.py)', () => {
  it('counts 4-token shingles of \\w+ runs as a multiset, a shorter text as one shingle', () => {
    expect([...shingles('One, two; three four five.').values()]).toEqual([1, 1]);
    expect(shingles('a b a b a b a').get(['a', 'b', 'a', 'b'].join('\u0000'))).toBe(2);
    expect(shingles('Hà Nội')).toEqual(new Map([['Hà\u0000Nội', 1]]));
    expect(shingles('— !').size).toBe(0);
  });

  it('normalises each page so tp, fp and fn sum to 1', () => {
    // Gold has 2 shingles, the prediction 1 of them and 1 of its own.
    expect(shingleCounts('a b c d e', 'a b c d x')).toEqual({ tp: 1 / 3, fp: 1 / 3, fn: 1 / 3 });
  });

  it('averages precision and recall over pages and takes F1 from the means; an empty prediction has no precision', () => {
    const pages = [shingleCounts('a b c d e', 'a b c d'), shingleCounts('a b c d e', '')];
    const m = benchmarkMetrics(pages);
    expect(m.precision).toBe(1);
    expect(m.recall).toBe(0.25);
    expect(m.f1).toBeCloseTo((2 * 1 * 0.25) / 1.25, 10);
  });

  it('splits pages into halves by a hash of the id, the same every run', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `page-${i}`);
    const dev = ids.filter((id) => halfOf(id) === 'dev').length;
    expect(dev).toBeGreaterThan(70);
    expect(dev).toBeLessThan(130);
    expect(ids.map(halfOf)).toEqual(ids.map(halfOf));
  });
});
