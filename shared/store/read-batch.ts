/**
 * Consistent reads of single items by concurrent writers (the article item's state, which every write
 * reads back), sent together: one BatchGetItem of up to 100 keys for the reads that were asked for
 * while the previous call was in flight. A read joins only a call not yet sent, so it always sees every
 * write that finished before it was asked for, as its own GetItem would.
 */
import { onNextTurn } from './write-batch';

type Item = Record<string, unknown>;

/** Reads the items of up to 100 distinct keys (consistently, retrying unprocessed keys). */
export type SendReadBatch = (keys: Item[]) => Promise<Item[]>;

/** Keys one BatchGetItem may hold. */
export const BATCH_GET_KEYS = 100;

interface Waiting {
  key: Item;
  waiters: { resolve: (item: Item | undefined) => void; reject: (err: unknown) => void }[];
}

const keyId = (key: Item) => `${String(key.pk)}\u0000${String(key.sk)}`;

export class ReadBatch {
  /** Reads not yet sent, by key: a second read of a key waiting to be sent shares the first's answer. */
  private waiting = new Map<string, Waiting>();
  private inFlight = 0;
  private readonly schedule = onNextTurn(() => this.pump());

  constructor(
    private readonly send: SendReadBatch,
    /** BatchGetItem calls in flight at once. */
    private readonly parallel: number,
  ) {}

  /** The item under `key` (pk, sk), or undefined; read no earlier than this call. */
  get(key: Item): Promise<Item | undefined> {
    return new Promise((resolve, reject) => {
      const id = keyId(key);
      const known = this.waiting.get(id);
      if (known) known.waiters.push({ resolve, reject });
      else this.waiting.set(id, { key, waiters: [{ resolve, reject }] });
      this.schedule();
    });
  }

  private pump(): void {
    while (this.inFlight < this.parallel && this.waiting.size > 0) {
      const group: Waiting[] = [];
      for (const [id, w] of this.waiting) {
        if (group.length >= BATCH_GET_KEYS) break;
        group.push(w);
        this.waiting.delete(id);
      }
      this.inFlight++;
      void this.sendGroup(group).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async sendGroup(group: Waiting[]): Promise<void> {
    try {
      const found = new Map((await this.send(group.map((w) => w.key))).map((it) => [keyId(it), it]));
      for (const w of group) {
        const item = found.get(keyId(w.key));
        // Readers sharing an answer get their own copies: callers may change what they read.
        const shared = w.waiters.length > 1;
        for (const { resolve } of w.waiters) resolve(item && shared ? structuredClone(item) : item);
      }
    } catch (err) {
      for (const w of group) for (const { reject } of w.waiters) reject(err);
    }
  }
}
