import { describe, expect, it } from 'vitest';
import { createCounterHandler } from '../../functions/lib/counter-handler';
import type { FoldOptions, FoldResult } from '../../shared/store/counter-fold';

const result = (over: Partial<FoldResult> = {}): FoldResult => ({
  folds: 1,
  deltas: 3,
  counters: 2,
  heads: 0,
  reviews: 0,
  carried: 0,
  busy: false,
  ...over,
});

describe('counter aggregator handler', () => {
  it('folds once per event, waiting for another fold for the invocation time it can spare', async () => {
    const asked: (FoldOptions | undefined)[] = [];
    const handler = createCounterHandler({
      store: {
        foldCounters: async (o) => {
          asked.push(o);
          return result();
        },
      },
    });
    expect(await handler({ Records: [{}, {}] }, { getRemainingTimeInMillis: () => 60_000 })).toEqual(
      result(),
    );
    expect(asked).toEqual([{ waitMs: 50_000, deadline: expect.any(Number) }]);
    await handler({ Records: [] });
    expect(asked[1]).toEqual({ waitMs: 0 });
  });

  it('fails the invocation while another fold stays open, so the stream batch is retried', async () => {
    const handler = createCounterHandler({
      store: { foldCounters: async () => result({ folds: 0, busy: true }) },
    });
    await expect(handler({ Records: [{}] })).rejects.toThrow(/another counter fold/);
  });
});
