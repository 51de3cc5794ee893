import { describe, expect, it } from 'vitest';
import { mergeRows, type RunRow } from '../../bench/report';

const row = (name: string, value: number, date: string): RunRow => ({
  name,
  inputs: '',
  date,
  figures: [{ metric: 'm', value, unit: 'u' }],
});

describe('mergeRows (a partial bench run keeps the other rows)', () => {
  const previous = [
    row('1. throughput', 10, '2026-01-01'),
    row('2. cold start', 20, '2026-01-01'),
    row('4. query', 40, '2026-01-01'),
  ];

  it('replaces only the rows that ran, keeping the others and their dates, in bench order', () => {
    const merged = mergeRows(previous, new Map([['cold-start', row('2. cold start', 21, '2026-02-02')]]));
    expect(merged.map((r) => [r.name, r.figures[0]!.value, r.date])).toEqual([
      ['1. throughput', 10, '2026-01-01'],
      ['2. cold start', 21, '2026-02-02'],
      ['4. query', 40, '2026-01-01'],
    ]);
  });

  it('a renamed row replaces the row of the same number, and a new row takes its place in order', () => {
    const merged = mergeRows(
      previous,
      new Map([
        ['a', row('2. cold start (with weights)', 22, '2026-02-02')],
        ['b', row('3. e2e', 30, '2026-02-02')],
      ]),
    );
    expect(merged.map((r) => r.name)).toEqual([
      '1. throughput',
      '2. cold start (with weights)',
      '3. e2e',
      '4. query',
    ]);
  });

  it('with no earlier figures, the rows that ran are all there is', () => {
    expect(mergeRows([], new Map([['x', row('7. cost', 7, 'd')]])).map((r) => r.name)).toEqual(['7. cost']);
  });
});
