/**
 * Reads of the arrival items (story-digest.ts) by one store's concurrent looks, shared: a reader that
 * needs every entry written before some moment (its ask, to bring held days up to date) takes any read
 * SENT after that moment whose range starts no later than its own, under way or just done, or joins the
 * read not yet sent (lowering its start). One read is in flight at a time, so those asked for meanwhile
 * share the next one: with 8 reviews in flight most share one Query.
 *
 * A read's range ends where other writers' clocks may be when it is sent (its send time + the allowed
 * skew), so it holds every entry whose write finished before it was sent and was stamped from its start.
 */
import { onNextTurn } from './write-batch';

/** Runs the Queries of the arrival items stamped from `from` to `to` (ms). */
export type ReadArrivals<T> = (from: number, to: number) => Promise<T[]>;

interface ArrivalRead<T> {
  from: number;
  /** Its place among the reads sent (0 until sent). */
  tick: number;
  /** Wall clock (ms) when it was sent. */
  at: number;
  entries: Promise<T[]>;
}

/** Reads just done kept for others to share. */
const KEPT_READS = 4;

export class SharedArrivalReads<T> {
  private sent = 0;
  private pending: (ArrivalRead<T> & { start: () => void }) | null = null;
  private inFlight = false;
  private readonly done: ArrivalRead<T>[] = [];
  private current: ArrivalRead<T> | null = null;
  private readonly schedule = onNextTurn(() => this.pump());

  constructor(
    private readonly read: ReadArrivals<T>,
    private readonly now: () => number,
    /** How far ahead of this clock another writer's may be. */
    private readonly skewMs: number,
    /** How long a read just done may still be shared (ms). */
    private readonly keepMs: number,
  ) {}

  /** Reads sent so far: a read with a place above this one's value is sent after now. */
  get tick(): number {
    return this.sent;
  }

  /** The entries stamped from `from` on, in a read sent after the `after`-th. */
  entriesSince(from: number, after: number): Promise<T[]> {
    const now = this.now();
    for (const r of [this.current, ...this.done])
      if (r && r.tick > after && r.from <= from && r.at >= now - this.keepMs) return r.entries;
    if (this.pending) {
      this.pending.from = Math.min(this.pending.from, from);
      return this.pending.entries;
    }
    let start!: () => void;
    const read: ArrivalRead<T> & { start: () => void } = {
      from,
      tick: 0,
      at: 0,
      entries: new Promise<T[]>((resolve, reject) => {
        start = () => {
          read.tick = ++this.sent;
          read.at = this.now();
          this.read(read.from, read.at + this.skewMs).then(resolve, reject);
        };
      }),
      start: () => start(),
    };
    this.pending = read;
    this.schedule();
    return read.entries;
  }

  private pump(): void {
    if (this.inFlight || !this.pending) return;
    const read = this.pending;
    this.pending = null;
    this.inFlight = true;
    this.current = read;
    read.start();
    void read.entries
      .then(
        () => {
          this.done.unshift(read);
          this.done.length = Math.min(this.done.length, KEPT_READS);
        },
        () => {}, // a failed read is not kept for others to share
      )
      .finally(() => {
        if (this.current === read) this.current = null;
        this.inFlight = false;
        this.pump();
      });
  }
}
