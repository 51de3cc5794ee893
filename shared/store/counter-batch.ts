/**
 * Counter moves of concurrent writers, sent together: one UpdateItem per counter for all the deltas that
 * arrived while the previous send was in flight (group commit). A writer's `add` resolves once its deltas
 * are written, as if it had sent them itself, so nothing about when a count is visible changes; a writer
 * alone sends at once. Deltas that cancel out (+1 and -1 on one counter) send nothing.
 *
 * DynamoDB has no batched UpdateItem, and a counter update is most of an article's requests (about 13 of
 * 20 on corpus records), so this is the one way to send fewer of them. How many fewer depends on how many
 * writers overlap and how many entities they share: in a burst on the local stack (4 batches of 10 at
 * once) about one in five.
 */
import type { CountedFacet } from './facets';
import type { TableIO } from './table-io';

export interface CounterDelta {
  counted: CountedFacet;
  delta: number;
}

interface Group {
  deltas: Map<string, CounterDelta>;
  done: Promise<void>;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export type SendCounter = (io: TableIO, counted: CountedFacet, delta: number) => Promise<void>;

const counterId = (c: CountedFacet) => `${c.kind}\u0000${c.counterKey}`;

function newGroup(): Group {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const done = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { deltas: new Map(), done, resolve, reject };
}

export class CounterBatch {
  private waiting: Group | undefined;
  private sending = false;

  constructor(
    private readonly io: TableIO,
    private readonly send: SendCounter,
  ) {}

  /** Adds the deltas to the next send and resolves when it is written (rejects if it fails). */
  add(deltas: readonly CounterDelta[]): Promise<void> {
    if (deltas.length === 0) return Promise.resolve();
    this.waiting ??= newGroup();
    const group = this.waiting;
    for (const d of deltas) {
      const id = counterId(d.counted);
      const known = group.deltas.get(id);
      if (known) known.delta += d.delta;
      else group.deltas.set(id, { counted: d.counted, delta: d.delta });
    }
    if (!this.sending) void this.sendAll();
    return group.done;
  }

  private async sendAll(): Promise<void> {
    this.sending = true;
    try {
      while (this.waiting) {
        const group = this.waiting;
        this.waiting = undefined;
        try {
          await Promise.all(
            [...group.deltas.values()]
              .filter((d) => d.delta !== 0)
              .map((d) => this.send(this.io, d.counted, d.delta)),
          );
          group.resolve();
        } catch (err) {
          group.reject(err);
        }
      }
    } finally {
      this.sending = false;
    }
  }
}
