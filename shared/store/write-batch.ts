/**
 * Unconditional item writes (postings, body chunks, story members: puts and deletes) of one store's
 * concurrent writers, sent together: BatchWriteItem calls of up to 25 items, taken in arrival order
 * from every writer's requests (write-behind with group commit). A writer's `write` resolves once each
 * of its items is written, as if it had sent them itself, and rejects if a call holding one of them
 * fails; unprocessed items are retried with exponential backoff (BatchWriteItem is not atomic).
 *
 * A BatchWriteItem costs about as much CPU as any one-item request whatever it carries (see
 * docs/ingest-and-store.md), so full calls shared by several articles are the saving: an article's ~70
 * postings alone end in a part-full call, and with several writers in flight the calls fill up.
 *
 * Two requests for one key never share a call (DynamoDB refuses that), and a request waits while one
 * for its key is in flight, so requests for a key are written in the order they were asked for.
 */
import type { BatchWriteCommandInput } from '@aws-sdk/lib-dynamodb';

/** One put or delete of a BatchWriteItem call. */
export type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

/** Sends one BatchWriteItem of up to 25 requests; returns the requests DynamoDB left unprocessed. */
export type SendWriteBatch = (requests: WriteRequest[]) => Promise<WriteRequest[]>;

export interface WriteBatchOptions {
  /** BatchWriteItem calls in flight at once. */
  parallel: number;
  /** Attempts for a call's unprocessed items before it fails. */
  maxAttempts: number;
  /** @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
}

/** Items one BatchWriteItem may hold. */
export const BATCH_WRITE_ITEMS = 25;

interface Ticket {
  left: number;
  settled: boolean;
  resolve: () => void;
  reject: (err: unknown) => void;
}

interface Queued {
  request: WriteRequest;
  key: string;
  ticket: Ticket;
}

const backoff = (attempt: number) => Math.min(1000, 25 * 2 ** attempt);

export function requestKey(r: WriteRequest): string {
  const key = (r.PutRequest?.Item ?? r.DeleteRequest?.Key) as Record<string, unknown>;
  return `${String(key.pk)}\u0000${String(key.sk)}`;
}

/** `run` on the next turn of the event loop, once however often the returned function is called in this turn. */
export function onNextTurn(run: () => void): () => void {
  let scheduled = false;
  return () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      run();
    });
  };
}

export class WriteBatch {
  private queue: Queued[] = [];
  /** Keys in a call in flight. */
  private readonly busy = new Set<string>();
  private inFlight = 0;
  // Starts sending on the next turn of the event loop, so writers of the same turn share calls.
  private readonly schedule = onNextTurn(() => this.pump());
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly send: SendWriteBatch,
    private readonly options: WriteBatchOptions,
  ) {
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** Queues the requests and resolves once every one is written (rejects if a call holding one fails). */
  write(requests: readonly WriteRequest[]): Promise<void> {
    if (requests.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const ticket: Ticket = { left: requests.length, settled: false, resolve, reject };
      for (const request of requests) this.queue.push({ request, key: requestKey(request), ticket });
      this.schedule();
    });
  }

  /** Requests queued or in flight (for tests and the bench). */
  get pending(): number {
    return this.queue.length + this.busy.size;
  }

  private pump(): void {
    while (this.inFlight < this.options.parallel) {
      const group = this.take();
      if (group.length === 0) return;
      this.inFlight++;
      void this.sendGroup(group).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  /** The next call's requests: oldest first, one per key, none whose key is in flight. */
  private take(): Queued[] {
    const group: Queued[] = [];
    const keys = new Set<string>();
    const skipped: Queued[] = [];
    let i = 0;
    for (; i < this.queue.length && group.length < BATCH_WRITE_ITEMS; i++) {
      const q = this.queue[i]!;
      if (q.ticket.settled) continue; // its writer failed already: it will be retried as a whole
      if (keys.has(q.key) || this.busy.has(q.key)) skipped.push(q);
      else {
        keys.add(q.key);
        group.push(q);
      }
    }
    this.queue = skipped.length > 0 ? [...skipped, ...this.queue.slice(i)] : this.queue.slice(i);
    return group;
  }

  private async sendGroup(group: Queued[]): Promise<void> {
    for (const q of group) this.busy.add(q.key);
    try {
      await this.sendAll(group);
      this.done(group);
    } catch (err) {
      const tickets = new Set(group.map((q) => q.ticket));
      if (tickets.size === 1) this.fail(group, err);
      else {
        // A call shared by several writers failed: send each one's part alone, so that an error one
        // writer's items cause (an invalid item, say) fails that writer only.
        await Promise.all(
          [...tickets].map(async (ticket) => {
            const own = group.filter((q) => q.ticket === ticket);
            try {
              await this.sendAll(own);
              this.done(own);
            } catch (ownErr) {
              this.fail(own, ownErr);
            }
          }),
        );
      }
    } finally {
      for (const q of group) this.busy.delete(q.key);
    }
  }

  /** One call, then its unprocessed items again with exponential backoff. */
  private async sendAll(group: Queued[]): Promise<void> {
    let pending = group.map((q) => q.request);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= this.options.maxAttempts) {
        throw new Error('BatchWriteItem: unprocessed items after retries');
      }
      if (attempt > 0) await this.sleep(backoff(attempt));
      pending = await this.send(pending);
    }
  }

  private done(group: Queued[]): void {
    for (const q of group) {
      if (--q.ticket.left === 0 && !q.ticket.settled) {
        q.ticket.settled = true;
        q.ticket.resolve();
      }
    }
  }

  private fail(group: Queued[], err: unknown): void {
    for (const q of group) {
      if (q.ticket.settled) continue;
      q.ticket.settled = true;
      q.ticket.reject(err);
    }
  }
}
