import { describe, expect, it } from 'vitest';
import { ReadBatch } from '../../shared/store/read-batch';
import type { WriteRequest } from '../../shared/store/table-io';
import { requestKey, WriteBatch } from '../../shared/store/write-batch';

const put = (pk: string, sk = 'x'): WriteRequest => ({ PutRequest: { Item: { pk, sk } } });
const del = (pk: string, sk = 'x'): WriteRequest => ({ DeleteRequest: { Key: { pk, sk } } });
const keys = (requests: WriteRequest[]) => requests.map((r) => requestKey(r).replace('\u0000', '/'));
const tick = () => new Promise((r) => setImmediate(r));

/** A BatchWriteItem stand-in that records each call and finishes it only when told to. */
function heldSend() {
  const calls: {
    requests: WriteRequest[];
    finish: (unprocessed?: WriteRequest[]) => void;
    fail: (err: Error) => void;
  }[] = [];
  const send = (requests: WriteRequest[]) =>
    new Promise<WriteRequest[]>((resolve, reject) => {
      calls.push({ requests, finish: (u = []) => resolve(u), fail: reject });
    });
  return { calls, send };
}

const noSleep = async () => {};

describe('write batch', () => {
  it('sends the writes of writers of one turn together, 25 to a call, and resolves each when its own are written', async () => {
    const { calls, send } = heldSend();
    const batch = new WriteBatch(send, { parallel: 4, maxAttempts: 3, sleep: noSleep });
    let aDone = false;
    const a = batch.write(Array.from({ length: 20 }, (_, i) => put(`a${i}`))).then(() => {
      aDone = true;
    });
    const b = batch.write(Array.from({ length: 10 }, (_, i) => put(`b${i}`)));
    await tick();
    expect(calls.map((c) => c.requests.length)).toEqual([25, 5]);
    expect(keys(calls[0]!.requests).filter((k) => k.startsWith('b'))).toHaveLength(5);
    calls[1]!.finish(); // five of b's
    await tick();
    expect(aDone).toBe(false);
    calls[0]!.finish();
    await Promise.all([a, b]);
  });

  it('keeps two requests for one key apart, in the order they were asked for', async () => {
    const { calls, send } = heldSend();
    const batch = new WriteBatch(send, { parallel: 4, maxAttempts: 3, sleep: noSleep });
    const first = batch.write([put('p'), put('q')]);
    const second = batch.write([del('p'), put('r')]);
    await tick();
    // The delete of p waits for the put of p, even with calls to spare.
    expect(calls.map((c) => keys(c.requests))).toEqual([['p/x', 'q/x', 'r/x']]);
    calls[0]!.finish();
    await first;
    await tick();
    expect(calls.map((c) => keys(c.requests))).toEqual([['p/x', 'q/x', 'r/x'], ['p/x']]);
    expect(calls[1]!.requests[0]!.DeleteRequest).toBeDefined();
    calls[1]!.finish();
    await second;
  });

  it('sends the unprocessed items again until they are written', async () => {
    const { calls, send } = heldSend();
    const waits: number[] = [];
    const batch = new WriteBatch(send, {
      parallel: 1,
      maxAttempts: 5,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const done = batch.write([put('a'), put('b'), put('c')]);
    await tick();
    calls[0]!.finish([put('b'), put('c')]);
    await tick();
    expect(keys(calls[1]!.requests)).toEqual(['b/x', 'c/x']);
    calls[1]!.finish([put('c')]);
    await tick();
    calls[2]!.finish();
    await done;
    expect(waits).toHaveLength(2);
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
  });

  it('fails a writer whose items stay unprocessed after the last attempt', async () => {
    const batch = new WriteBatch(async (requests) => requests, {
      parallel: 1,
      maxAttempts: 3,
      sleep: noSleep,
    });
    await expect(batch.write([put('a')])).rejects.toThrow('unprocessed items after retries');
  });

  it('when a call shared by several writers fails, sends each writer its own call and fails only the one whose items fail', async () => {
    const sent: string[][] = [];
    const batch = new WriteBatch(
      async (requests) => {
        sent.push(keys(requests));
        if (keys(requests).includes('bad/x')) throw new Error('ValidationException: item too large');
        return [];
      },
      { parallel: 1, maxAttempts: 3, sleep: noSleep },
    );
    const good = batch.write([put('good1'), put('good2')]);
    const bad = batch.write([put('other'), put('bad')]);
    await expect(bad).rejects.toThrow('item too large');
    await good;
    expect(sent).toEqual([
      ['good1/x', 'good2/x', 'other/x', 'bad/x'],
      ['good1/x', 'good2/x'],
      ['other/x', 'bad/x'],
    ]);
    // Later writers are sent afresh.
    await batch.write([put('later')]);
    expect(sent.at(-1)).toEqual(['later/x']);
  });
});

describe('read batch', () => {
  it('answers the reads of one turn with one call, and a repeated key from the same answer', async () => {
    const calls: string[][] = [];
    const reads = new ReadBatch(async (ks) => {
      calls.push(ks.map((k) => String(k.pk)));
      return ks.filter((k) => k.pk !== 'none').map((k) => ({ ...k, v: `value of ${k.pk}` }));
    }, 2);
    const [a, b, again, none] = await Promise.all([
      reads.get({ pk: 'a', sk: '#' }),
      reads.get({ pk: 'b', sk: '#' }),
      reads.get({ pk: 'a', sk: '#' }),
      reads.get({ pk: 'none', sk: '#' }),
    ]);
    expect(calls).toEqual([['a', 'b', 'none']]);
    expect(a?.v).toBe('value of a');
    expect(again).toEqual(a);
    expect(again).not.toBe(a); // each reader its own copy
    expect(b?.v).toBe('value of b');
    expect(none).toBeUndefined();
  });

  it('never answers a read from a call sent before it was asked for', async () => {
    let release!: () => void;
    const calls: string[][] = [];
    const reads = new ReadBatch(async (ks) => {
      const call = calls.push(ks.map((k) => String(k.pk)));
      if (call === 1) await new Promise<void>((r) => (release = r));
      return ks.map((k) => ({ ...k, call }));
    }, 2);
    const early = reads.get({ pk: 'a', sk: '#' });
    await tick();
    const late = reads.get({ pk: 'a', sk: '#' }); // the first call is in flight: it gets its own
    await tick();
    release();
    expect((await early)?.call).toBe(1);
    expect((await late)?.call).toBe(2);
    expect(calls).toEqual([['a'], ['a']]);
  });
});
