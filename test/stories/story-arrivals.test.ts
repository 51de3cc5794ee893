/**
 * Arrival reads shared by a store's writers (shared/store/story-arrivals.ts): a reader takes only a read
 * sent after the moment it names, starting no later than its own start, so sharing never hides an entry
 * written before that moment.
 */
import { describe, expect, it } from 'vitest';
import { SharedArrivalReads } from '../../shared/store/story-arrivals';

/** A fake arrival log: entries stamped with a time; a read holds those written before it was sent, and answers when `answer` is called. */
function harness() {
  let clock = 1_000_000;
  const log: { at: number; name: string }[] = [];
  const reads: { from: number; to: number; answer: () => void }[] = [];
  const shared = new SharedArrivalReads<string>(
    (from, to) =>
      new Promise((resolve) => {
        // What the log holds when the read is sent; the answer comes when the test says.
        const found = log.filter((e) => e.at >= from && e.at <= to).map((e) => e.name);
        reads.push({ from, to, answer: () => resolve(found) });
      }),
    () => clock,
    60_000,
    60_000,
  );
  const write = (name: string) => log.push({ at: clock, name });
  const turn = () => new Promise((r) => setImmediate(r));
  return { shared, reads, write, turn, tick: (ms: number) => (clock += ms) };
}

describe('shared arrival reads', () => {
  it('sends the reads asked for in one turn as one, from the earliest start', async () => {
    const h = harness();
    const a = h.shared.entriesSince(999_000, h.shared.tick);
    const b = h.shared.entriesSince(900_000, h.shared.tick);
    await h.turn();
    expect(h.reads).toHaveLength(1);
    expect(h.reads[0]!.from).toBe(900_000);
    expect(h.reads[0]!.to).toBe(1_000_000 + 60_000);
    h.reads[0]!.answer();
    expect(await a).toEqual(await b);
  });

  it('gives a reader whose entry was written after a read was sent the next read, not that one', async () => {
    const h = harness();
    const first = h.shared.entriesSince(900_000, h.shared.tick);
    await h.turn();
    expect(h.reads).toHaveLength(1);
    h.tick(10);
    h.write('late');
    const written = h.shared.tick;
    const mine = h.shared.entriesSince(900_000, written);
    // Another writer asking meanwhile shares the read not yet sent.
    const other = h.shared.entriesSince(950_000, written);
    await h.turn();
    expect(h.reads).toHaveLength(1); // one in flight at a time
    h.reads[0]!.answer();
    expect(await first).toEqual([]);
    await h.turn();
    expect(h.reads).toHaveLength(2);
    h.reads[1]!.answer();
    expect(await mine).toEqual(['late']);
    expect(await other).toEqual(['late']);
    // A read sent after the write, starting early enough, is shared once done.
    expect(await h.shared.entriesSince(960_000, written)).toEqual(['late']);
    // Not by a reader whose range starts earlier.
    void h.shared.entriesSince(800_000, written);
    await h.turn();
    expect(h.reads).toHaveLength(3);
  });
});
