import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { type DeadLetter, LocalQueue, type QueueConsumer } from '../../local/queue';

const fast = () => 1;

function recording(consumer: QueueConsumer) {
  const calls: SQSEvent[] = [];
  const wrapped: QueueConsumer = async (event) => {
    calls.push(event);
    return consumer(event);
  };
  return { calls, consumer: wrapped };
}

describe('local SQS queue', () => {
  it('delivers messages in batches of at most batchSize, each once when the handler succeeds', async () => {
    const { calls, consumer } = recording(async () => ({ batchItemFailures: [] }));
    const done: string[] = [];
    const queue = new LocalQueue({ consumer, batchSize: 3, onDone: (m) => void done.push(m.body) });
    for (let i = 0; i < 7; i++) queue.send(`m${i}`);
    expect(await queue.drain()).toBe(true);
    expect(calls.map((c) => c.Records.length)).toEqual([3, 3, 1]);
    // Batches run side by side (as concurrent Lambda invocations), so they finish in any order.
    expect([...done].sort()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6']);
    expect(calls[0]!.Records[0]).toMatchObject({
      eventSource: 'aws:sqs',
      body: 'm0',
      attributes: { ApproximateReceiveCount: '1' },
    });
  });

  it('redelivers only the messages reported in batchItemFailures, with a growing receive count', async () => {
    let failOnce = true;
    const { calls, consumer } = recording(async (event) => {
      const failures = event.Records.filter((r) => r.body === 'bad' && failOnce).map((r) => ({
        itemIdentifier: r.messageId,
      }));
      if (failures.length) failOnce = false;
      return { batchItemFailures: failures };
    });
    const queue = new LocalQueue({ consumer, retryDelayMs: fast });
    queue.send('good');
    queue.send('bad');
    await queue.drain();
    expect(calls.map((c) => c.Records.map((r) => [r.body, r.attributes.ApproximateReceiveCount]))).toEqual([
      [
        ['good', '1'],
        ['bad', '1'],
      ],
      [['bad', '2']],
    ]);
    expect(queue.deadLetters).toEqual([]);
  });

  it('retries a message the handler keeps failing maxReceiveCount times, then parks it in the dead-letter list', async () => {
    const { calls, consumer } = recording(async (event) => ({
      batchItemFailures: event.Records.map((r) => ({ itemIdentifier: r.messageId })),
    }));
    const parked: DeadLetter[] = [];
    const queue = new LocalQueue({
      consumer,
      maxReceiveCount: 3,
      retryDelayMs: fast,
      onDeadLetter: (m) => parked.push(m),
    });
    queue.send('poison');
    expect(await queue.drain()).toBe(true);
    expect(calls.map((c) => c.Records[0]!.attributes.ApproximateReceiveCount)).toEqual(['1', '2', '3']);
    expect(queue.deadLetters).toHaveLength(1);
    expect(queue.deadLetters[0]).toMatchObject({ body: 'poison', receiveCount: 3 });
    expect(parked).toEqual(queue.deadLetters);
    expect(queue.size).toBe(0);
  });

  it('fails the whole batch when the handler throws, and records the error on the dead letter', async () => {
    const { calls, consumer } = recording(async () => {
      throw new Error('table is gone');
    });
    const queue = new LocalQueue({ consumer, maxReceiveCount: 2, retryDelayMs: fast });
    queue.send('a');
    queue.send('b');
    await queue.drain();
    // The first batch holds both and fails whole; the retries may come back together or apart.
    expect(calls[0]!.Records.map((r) => r.body)).toEqual(['a', 'b']);
    expect(calls.flatMap((c) => c.Records.map((r) => r.body)).sort()).toEqual(['a', 'a', 'b', 'b']);
    expect(queue.deadLetters.map((d) => [d.body, d.lastError])).toEqual([
      ['a', 'Error: table is gone'],
      ['b', 'Error: table is gone'],
    ]);
  });

  it('hands back messages still waiting for a retry when stopped, so they can be kept', async () => {
    const { consumer } = recording(async (event) => ({
      batchItemFailures: event.Records.map((r) => ({ itemIdentifier: r.messageId })),
    }));
    const queue = new LocalQueue({ consumer, retryDelayMs: () => 60_000 });
    queue.send('later');
    expect(await queue.drain(50)).toBe(false);
    const left = queue.stop();
    expect(left.map((m) => m.body)).toEqual(['later']);
    expect(queue.size).toBe(0);
  });

  it('hands at most `concurrency` batches to the handler at once', async () => {
    let running = 0;
    let most = 0;
    const queue = new LocalQueue({
      batchSize: 1,
      concurrency: 3,
      consumer: async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return { batchItemFailures: [] };
      },
    });
    for (let i = 0; i < 10; i++) queue.send(`m${i}`);
    expect(await queue.drain()).toBe(true);
    expect(most).toBe(3);
  });
});
