import { parseArgs } from 'node:util';
import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
  StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import { type Command, UsageError } from '../command';

export interface RedriveOptions {
  sqs: SQSClient;
  dlqUrl: string;
  /** Where messages go back to; for `move-task` it defaults to the queue they came from. */
  queueUrl?: string;
  mode: 'move-task' | 'copy';
  /** Stop after this many messages (copy mode). */
  max?: number;
  onProgress?: (moved: number) => void;
}

export type RedriveResult = { mode: 'move-task'; taskHandle: string } | { mode: 'copy'; moved: number };

async function queueArn(sqs: SQSClient, url: string): Promise<string> {
  const res = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
  const arn = res.Attributes?.QueueArn;
  if (!arn) throw new Error(`no QueueArn for ${url}`);
  return arn;
}

/**
 * Moves dead-lettered messages back to be processed again. `move-task` asks SQS to do it
 * (StartMessageMoveTask, same as the console's "Start DLQ redrive"); `copy` receives, re-sends and then
 * deletes each message itself, for SQS-compatible emulators without move tasks. A message is deleted
 * from the DLQ only after it was sent: a crash may duplicate one, never lose one (ingest is idempotent).
 */
export async function redrive(options: RedriveOptions): Promise<RedriveResult> {
  const { sqs, dlqUrl } = options;
  if (options.mode === 'move-task') {
    const res = await sqs.send(
      new StartMessageMoveTaskCommand({
        SourceArn: await queueArn(sqs, dlqUrl),
        ...(options.queueUrl && { DestinationArn: await queueArn(sqs, options.queueUrl) }),
      }),
    );
    return { mode: 'move-task', taskHandle: res.TaskHandle ?? '' };
  }
  if (!options.queueUrl) throw new UsageError('copy mode needs --queue-url or --queue-name');
  let moved = 0;
  const max = options.max ?? Number.POSITIVE_INFINITY;
  while (moved < max) {
    const received = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: dlqUrl,
        MaxNumberOfMessages: Math.min(10, max - moved),
        WaitTimeSeconds: 1,
        MessageAttributeNames: ['All'],
      }),
    );
    const messages = received.Messages ?? [];
    if (messages.length === 0) break;
    const sent = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: options.queueUrl,
        Entries: messages.map((m, i) => ({
          Id: String(i),
          MessageBody: m.Body ?? '',
          ...(m.MessageAttributes && { MessageAttributes: m.MessageAttributes }),
        })),
      }),
    );
    // Only what was sent leaves the DLQ; the rest becomes visible there again.
    const ok = new Set((sent.Successful ?? []).map((s) => s.Id));
    const done = messages.filter((_, i) => ok.has(String(i)));
    if (done.length > 0) {
      await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: dlqUrl,
          Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle ?? '' })),
        }),
      );
    }
    moved += done.length;
    options.onProgress?.(moved);
    if ((sent.Failed ?? []).length > 0) {
      throw new Error(
        `could not send ${(sent.Failed ?? []).length} message(s): ${sent.Failed?.[0]?.Message ?? ''}`,
      );
    }
  }
  return { mode: 'copy', moved };
}

export const redriveCommand: Command = {
  name: 'redrive',
  summary: 'Move messages from the ingest dead-letter queue back to the ingest queue',
  help: `Usage: newsdrop redrive (--dlq-url URL | --dlq-name NAME) [--queue-url URL | --queue-name NAME]
                        [--mode move-task|copy] [--max N] [--region R] [--endpoint URL]

Ingest messages that kept failing (after the queue's maxReceiveCount) wait in the dead-letter
queue. Once the cause is fixed, this puts them back; ingest is idempotent, so a message that
is processed twice does no harm. The stack outputs the URLs: DeadLetterQueueUrl and
IngestQueueUrl (aws cloudformation describe-stacks), or give the queue names.

  newsdrop redrive --dlq-url <DeadLetterQueueUrl>

Modes:
  move-task  (default) SQS StartMessageMoveTask, as the console's "Start DLQ redrive": SQS
             moves every message back to the queue it came from (or to --queue-url) and
             prints a task handle; watch it in the console or with ListMessageMoveTasks.
  copy       receive from the DLQ, send to --queue-url, then delete from the DLQ, 10 at a
             time, with progress; for SQS-compatible emulators without move tasks.

Options:
  --dlq-url URL / --dlq-name NAME      the dead-letter queue
  --queue-url URL / --queue-name NAME  the ingest queue (required for copy mode)
  --mode move-task|copy                see above (default move-task)
  --max N                              copy mode: stop after N messages
  --region R                           AWS region (default from the environment)
  --endpoint URL                       SQS endpoint (e.g. a local ElasticMQ)

Exit code: 0 done, 1 error, 2 usage error.`,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        'dlq-url': { type: 'string' },
        'dlq-name': { type: 'string' },
        'queue-url': { type: 'string' },
        'queue-name': { type: 'string' },
        mode: { type: 'string', default: 'move-task' },
        max: { type: 'string' },
        region: { type: 'string' },
        endpoint: { type: 'string' },
      },
    });
    if (positionals.length > 0) throw new UsageError('redrive takes no arguments');
    const mode = values.mode;
    if (mode !== 'move-task' && mode !== 'copy') throw new UsageError('--mode is move-task or copy');
    const max = values.max === undefined ? undefined : Number(values.max);
    if (max !== undefined && !(Number.isInteger(max) && max > 0))
      throw new UsageError('--max takes a positive whole number');
    if (!values['dlq-url'] && !values['dlq-name']) throw new UsageError('give --dlq-url or --dlq-name');
    const sqs = new SQSClient({
      ...(values.region && { region: values.region }),
      ...(values.endpoint && { endpoint: values.endpoint }),
    });
    try {
      const resolve = async (url?: string, name?: string) =>
        url ?? (name ? (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl : undefined);
      const dlqUrl = (await resolve(values['dlq-url'], values['dlq-name']))!;
      const queueUrl = await resolve(values['queue-url'], values['queue-name']);
      const result = await redrive({
        sqs,
        dlqUrl,
        mode,
        ...(queueUrl && { queueUrl }),
        ...(max !== undefined && { max }),
        onProgress: (moved) => process.stderr.write(`redrive: ${moved} message(s) moved\n`),
      });
      process.stdout.write(
        result.mode === 'move-task'
          ? `redrive: move task started (${result.taskHandle}); SQS moves the messages in the background\n`
          : `redrive: moved ${result.moved} message(s) from ${dlqUrl} to ${queueUrl}\n`,
      );
      return 0;
    } finally {
      sqs.destroy();
    }
  },
};
