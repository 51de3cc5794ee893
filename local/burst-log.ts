/**
 * What `npm start` prints per processed file: one line each, until more than `threshold` files arrive
 * within a second (a folder dropped at once); then one summary line a second (how many, how fast, how
 * many rejected, which were rejected), and a closing line when the burst is over.
 */
import type { FileResult } from './stack';

export interface BurstLogOptions {
  log: (line: string) => void;
  format: (r: FileResult) => string;
  /** Files within one second that start a burst. @default 20 */
  threshold?: number;
  /** @default 1000 */
  intervalMs?: number;
}

export function createBurstLog(options: BurstLogOptions): {
  onFile: (r: FileResult) => void;
  close: () => void;
} {
  const threshold = options.threshold ?? 20;
  const intervalMs = options.intervalMs ?? 1000;
  let inWindow = 0;
  let bursting = false;
  let pending = { stored: 0, rejected: 0, deleted: 0 };
  let burst = { files: 0, rejected: 0, started: 0 };
  let timer: NodeJS.Timeout | undefined;

  const tick = () => {
    const n = pending.stored + pending.rejected + pending.deleted;
    if (bursting && n > 0) {
      const seconds = (Date.now() - burst.started) / 1000;
      options.log(
        `burst     +${n} in the last second (${pending.stored} stored, ${pending.rejected} rejected` +
          `${pending.deleted ? `, ${pending.deleted} deleted` : ''}); ${burst.files} so far, ${(burst.files / seconds).toFixed(0)} files/s`,
      );
    } else if (bursting) {
      options.log(`burst     done: ${burst.files} files (${burst.rejected} rejected)`);
      bursting = false;
    }
    pending = { stored: 0, rejected: 0, deleted: 0 };
    if (!bursting && inWindow === 0) {
      clearInterval(timer);
      timer = undefined;
    }
    inWindow = 0;
  };

  return {
    onFile: (r) => {
      inWindow++;
      timer ??= setInterval(tick, intervalMs).unref();
      if (!bursting && inWindow > threshold) {
        bursting = true;
        burst = { files: 0, rejected: 0, started: Date.now() };
      }
      if (!bursting) {
        options.log(options.format(r));
        return;
      }
      burst.files++;
      pending[r.kind]++;
      if (r.kind === 'rejected') {
        burst.rejected++;
        options.log(options.format(r)); // a rejection is worth its own line even in a burst
      }
    },
    close: () => {
      if (timer) tick();
      clearInterval(timer);
      timer = undefined;
    },
  };
}
