/**
 * SQS partial batch responses: messages are handled a few at a time, and exactly the messages whose
 * handling asked for a retry are reported, so their batch-mates are not processed again.
 */
import type { SQSBatchResponse, SQSRecord } from 'aws-lambda';

/** Handles each message (`true` = retry it) with at most `concurrency` in flight. */
export async function partialBatch(
  messages: SQSRecord[],
  handle: (message: SQSRecord) => Promise<boolean>,
  concurrency: number,
): Promise<SQSBatchResponse> {
  const retry = new Set<string>();
  const queue = [...messages];
  const worker = async () => {
    for (let m = queue.shift(); m; m = queue.shift()) {
      if (await handle(m)) retry.add(m.messageId);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  // Reported in batch order: easier to read in logs and tests.
  return {
    batchItemFailures: messages
      .filter((m) => retry.has(m.messageId))
      .map((m) => ({ itemIdentifier: m.messageId })),
  };
}
