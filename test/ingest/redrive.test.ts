/** SQS has no embedded emulator here: the redrive loop runs against a mocked client holding two queues. */
import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
  StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { redrive } from '../../cli/commands/redrive';

const DLQ = 'https://sqs.local/000/newsdrop-ingest-dlq';
const QUEUE = 'https://sqs.local/000/newsdrop-ingest';

function fakeQueues(dlqBodies: string[], failSendOf?: string) {
  const sqs = new SQSClient({ region: 'us-east-1' });
  const stub = mockClient(sqs);
  const queues = new Map<string, { id: string; body: string }[]>([
    [DLQ, dlqBodies.map((body, i) => ({ id: `r${i}`, body }))],
    [QUEUE, []],
  ]);
  const inFlight = new Set<string>();
  stub.on(ReceiveMessageCommand).callsFake((input) => {
    const q = queues.get(input.QueueUrl)!.filter((m) => !inFlight.has(m.id));
    const batch = q.slice(0, input.MaxNumberOfMessages ?? 1);
    for (const m of batch) inFlight.add(m.id);
    return { Messages: batch.map((m) => ({ Body: m.body, ReceiptHandle: m.id })) };
  });
  stub.on(SendMessageBatchCommand).callsFake((input) => {
    const ok = input.Entries.filter((e: { MessageBody: string }) => e.MessageBody !== failSendOf);
    queues
      .get(input.QueueUrl)!
      .push(...ok.map((e: { Id: string; MessageBody: string }) => ({ id: `s${e.Id}`, body: e.MessageBody })));
    return {
      Successful: ok.map((e: { Id: string }) => ({ Id: e.Id })),
      Failed: input.Entries.filter((e: { MessageBody: string }) => e.MessageBody === failSendOf).map(
        (e: { Id: string }) => ({
          Id: e.Id,
          Code: 'X',
          SenderFault: false,
          Message: 'boom',
        }),
      ),
    };
  });
  stub.on(DeleteMessageBatchCommand).callsFake((input) => {
    const handles = new Set(input.Entries.map((e: { ReceiptHandle: string }) => e.ReceiptHandle));
    queues.set(
      input.QueueUrl,
      queues.get(input.QueueUrl)!.filter((m) => !handles.has(m.id)),
    );
    return { Successful: [] };
  });
  stub.on(GetQueueAttributesCommand).callsFake((input) => ({
    Attributes: { QueueArn: `arn:aws:sqs:us-east-1:000:${input.QueueUrl.split('/').pop()}` },
  }));
  stub.on(StartMessageMoveTaskCommand).resolves({ TaskHandle: 'task-1' });
  return { sqs, stub, queues };
}

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe('newsdrop redrive', () => {
  it('copies every dead-lettered message back and empties the DLQ', async () => {
    const bodies = Array.from({ length: 23 }, (_, i) => `{"Records":[${i}]}`);
    const { sqs, stub, queues } = fakeQueues(bodies);
    restore = () => stub.restore();
    const progress: number[] = [];
    const result = await redrive({
      sqs,
      dlqUrl: DLQ,
      queueUrl: QUEUE,
      mode: 'copy',
      onProgress: (n) => progress.push(n),
    });
    expect(result).toEqual({ mode: 'copy', moved: 23 });
    expect(queues.get(DLQ)).toEqual([]);
    expect(
      queues
        .get(QUEUE)!
        .map((m) => m.body)
        .sort(),
    ).toEqual([...bodies].sort());
    expect(progress).toEqual([10, 20, 23]);
  });

  it('leaves a message in the DLQ when sending it back fails', async () => {
    const { sqs, stub, queues } = fakeQueues(['a', 'b', 'c'], 'b');
    restore = () => stub.restore();
    await expect(redrive({ sqs, dlqUrl: DLQ, queueUrl: QUEUE, mode: 'copy' })).rejects.toThrow(
      /could not send 1/,
    );
    expect(queues.get(DLQ)!.map((m) => m.body)).toEqual(['b']);
    expect(queues.get(QUEUE)!.map((m) => m.body)).toEqual(['a', 'c']);
  });

  it('starts an SQS move task from the DLQ to the source queue', async () => {
    const { sqs, stub } = fakeQueues([]);
    restore = () => stub.restore();
    expect(await redrive({ sqs, dlqUrl: DLQ, queueUrl: QUEUE, mode: 'move-task' })).toEqual({
      mode: 'move-task',
      taskHandle: 'task-1',
    });
    expect(stub.commandCalls(StartMessageMoveTaskCommand)[0]!.args[0].input).toEqual({
      SourceArn: 'arn:aws:sqs:us-east-1:000:newsdrop-ingest-dlq',
      DestinationArn: 'arn:aws:sqs:us-east-1:000:newsdrop-ingest',
    });
  });
});
