/**
 * The counter aggregator's handler: whatever woke it (a batch of the table's stream records, filtered to
 * counter-delta items, or the local stack's timer), it folds every pending delta into the counters
 * (shared/store/counter-fold.ts). The stream records are only the signal: the fold reads the pending
 * deltas from the table, so a delta is folded even if its own stream record went to another invocation.
 * With stories on (the store given the stories config), the fold also reviews the stories of the articles
 * its deltas mark, within the invocation's time.
 */
import type { FoldOptions, FoldResult } from '../../shared/store/counter-fold';
import type { IngestLogger } from './observability';
import { silentLogger } from './observability';

export interface CounterFolder {
  foldCounters(options?: FoldOptions): Promise<FoldResult>;
}

export type CounterHandler = (
  event: unknown,
  context?: { getRemainingTimeInMillis(): number },
) => Promise<FoldResult>;

/** Time kept back from the invocation's remaining time when waiting for another live fold. */
const MARGIN_MS = 10_000;

export function createCounterHandler(deps: { store: CounterFolder; logger?: IngestLogger }): CounterHandler {
  const logger = deps.logger ?? silentLogger;
  return async (_event, context) => {
    // Another fold is open: wait for it (it may have missed deltas this event stands for), then fold.
    const remaining = context?.getRemainingTimeInMillis() ?? 0;
    const waitMs = Math.max(0, remaining - MARGIN_MS);
    // Story reviews stop starting by then too: those left go on in the next fold (counter-fold.ts).
    const result = await deps.store.foldCounters({
      waitMs,
      ...(remaining > 0 && { deadline: Date.now() + waitMs }),
    });
    if (result.folds > 0) logger.info('counters folded', { ...result });
    // Failing makes Lambda retry the batch, so its deltas are not left waiting for the next write.
    if (result.busy) throw new Error('another counter fold stayed open; retrying');
    return result;
  };
}
