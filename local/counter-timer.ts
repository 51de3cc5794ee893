/**
 * The local stand-in for the counter aggregator's stream trigger: runs the aggregator's handler (the one
 * the Lambda runs) about once a second, one run at a time, so counts follow a burst within a second or
 * two as they do in AWS.
 */
import type { CounterHandler } from '../functions/lib/counter-handler';

export interface CounterTimer {
  /** Runs the handler now (after a run under way) and resolves when it is done. */
  runNow(): Promise<void>;
  /** Stops the timer after the run under way. */
  stop(): Promise<void>;
}

export function startCounterTimer(
  handler: CounterHandler,
  options: { intervalMs?: number; onError?: (err: unknown) => void } = {},
): CounterTimer {
  const intervalMs = options.intervalMs ?? 1000;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = () => {
    running = running.then(async () => {
      try {
        // No time to wait for another folder: a busy fold is simply tried again on the next tick.
        await handler({ Records: [] }, { getRemainingTimeInMillis: () => 0 });
      } catch (err) {
        options.onError?.(err);
      }
    });
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) void run();
  }, intervalMs);
  timer.unref();
  return {
    runNow: run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
