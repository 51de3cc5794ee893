import { describe, expect, it } from 'vitest';
import { CounterBatch, type CounterDelta } from '../../shared/store/counter-batch';
import type { CountedFacet } from '../../shared/store/facets';
import type { TableIO } from '../../shared/store/table-io';

const person = (key: string): CountedFacet => ({
  facet: `p#${key}`,
  kind: 'person',
  counterKey: key,
  name: key,
});
const plus = (key: string, delta = 1): CounterDelta => ({ counted: person(key), delta });

/** A send that records each call and finishes only when told to. */
function heldSend() {
  const calls: { key: string; delta: number; finish: (err?: Error) => void }[] = [];
  const send = (_io: TableIO, c: CountedFacet, delta: number) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ key: c.counterKey, delta, finish: (err) => (err ? reject(err) : resolve()) });
    });
  return { calls, send };
}

const io = {} as TableIO;
const tick = () => new Promise((r) => setImmediate(r));

describe('counter batch', () => {
  it('sends a lone writer its own deltas at once', async () => {
    const { calls, send } = heldSend();
    const batch = new CounterBatch(io, send);
    const done = batch.add([plus('a'), plus('b')]);
    expect(calls.map((c) => [c.key, c.delta])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    for (const c of calls) c.finish();
    await done;
  });

  it('sends one update per counter for the deltas that arrive while a send is in flight', async () => {
    const { calls, send } = heldSend();
    const batch = new CounterBatch(io, send);
    const first = batch.add([plus('a')]);
    let secondDone = false;
    const second = batch.add([plus('a'), plus('b')]).then(() => {
      secondDone = true;
    });
    const third = batch.add([plus('a'), plus('c', -1), plus('b', -1)]);
    expect(calls).toHaveLength(1); // only the first send so far
    calls[0]!.finish();
    await first;
    await tick();
    // a: +2 together; b: +1 -1 cancel, nothing sent; c: -1.
    expect(calls.slice(1).map((c) => [c.key, c.delta])).toEqual([
      ['a', 2],
      ['c', -1],
    ]);
    expect(secondDone).toBe(false); // not before its deltas are written
    for (const c of calls.slice(1)) c.finish();
    await Promise.all([second, third]);
    expect(secondDone).toBe(true);
  });

  it('fails every writer whose deltas were in a failed send, and sends later ones afresh', async () => {
    const { calls, send } = heldSend();
    const batch = new CounterBatch(io, send);
    const first = batch.add([plus('a')]);
    const second = batch.add([plus('b')]);
    const third = batch.add([plus('c')]);
    calls[0]!.finish();
    await first;
    await tick();
    expect(calls.slice(1).map((c) => c.key)).toEqual(['b', 'c']);
    calls[1]!.finish(new Error('throttled'));
    calls[2]!.finish();
    await expect(second).rejects.toThrow('throttled');
    await expect(third).rejects.toThrow('throttled');
    const fourth = batch.add([plus('d')]);
    expect(calls.at(-1)?.key).toBe('d');
    calls.at(-1)!.finish();
    await fourth;
  });

  it('resolves at once with nothing to move', async () => {
    const { calls, send } = heldSend();
    await new CounterBatch(io, send).add([]);
    expect(calls).toHaveLength(0);
  });
});
