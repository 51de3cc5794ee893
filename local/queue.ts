/**
 * An in-process stand-in for the SQS queue between the bucket and the ingest Lambda, with the behaviour
 * the handler is written for: batches of up to `batchSize` messages, partial batch failures
 * (`batchItemFailures`) sent back after a visibility-timeout-like delay with a growing
 * `ApproximateReceiveCount`, and after `maxReceiveCount` receives the message parked in a dead-letter
 * list instead of being retried forever (or dropped).
 */
import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

export type QueueConsumer = (event: SQSEvent) => Promise<SQSBatchResponse | undefined>;

export interface QueuedMessage {
  messageId: string;
  body: string;
  receiveCount: number;
  sentAt: number;
}

export interface DeadLetter extends QueuedMessage {
  /** Why the last receive failed: the handler's error, or that it reported the message as failed. */
  lastError: string;
}

export interface LocalQueueOptions {
  consumer: QueueConsumer;
  /** Messages per handler call. @default 10 (as the ingest event source mapping) */
  batchSize?: number;
  /** Batches handled at once, like concurrent Lambda invocations. @default 4 */
  concurrency?: number;
  /** Receives before a message goes to the dead-letter list. @default 5 (as the CDK stack) */
  maxReceiveCount?: number;
  /** Delay before a failed message is received again, by receive count (1-based). @default 250 ms doubling */
  retryDelayMs?: (receiveCount: number) => number;
  /** Called once a message was handled without being reported as failed. */
  onDone?: (message: QueuedMessage) => void | Promise<void>;
  /** Called when a message is parked in the dead-letter list. */
  onDeadLetter?: (message: DeadLetter) => void;
  queueArn?: string;
}

const DEFAULT_ARN = 'arn:aws:sqs:us-east-1:000000000000:newsdrop-ingest';

export class LocalQueue {
  readonly deadLetters: DeadLetter[] = [];
  private readonly ready: QueuedMessage[] = [];
  private readonly delayed = new Map<QueuedMessage, NodeJS.Timeout>();
  private inFlight = 0;
  private scheduled = false;
  private pumping = false;
  private idleWaiters: (() => void)[] = [];
  private readonly batchSize: number;
  /** Batches handled at once. */
  readonly concurrency: number;
  private readonly maxReceiveCount: number;
  private readonly retryDelayMs: (receiveCount: number) => number;

  constructor(private readonly options: LocalQueueOptions) {
    this.batchSize = options.batchSize ?? 10;
    this.concurrency = options.concurrency ?? 4;
    this.maxReceiveCount = options.maxReceiveCount ?? 5;
    this.retryDelayMs = options.retryDelayMs ?? ((n) => 250 * 2 ** (n - 1));
  }

  /** Enqueues a message body; it is delivered on the next turn of the event loop with its batch-mates. */
  send(body: string, receiveCount = 0): string {
    const message: QueuedMessage = { messageId: randomUUID(), body, receiveCount, sentAt: Date.now() };
    this.ready.push(message);
    this.schedule();
    return message.messageId;
  }

  /** Messages not yet handled: waiting, delayed for a retry, or being handled. */
  get size(): number {
    return this.ready.length + this.delayed.size + this.inFlight;
  }

  /**
   * Resolves when every message has been handled or dead-lettered, including those waiting for a
   * retry. With `timeoutMs`, gives up waiting then and resolves false.
   */
  async drain(timeoutMs?: number): Promise<boolean> {
    if (this.size === 0) return true;
    return new Promise<boolean>((resolve) => {
      const timer =
        timeoutMs === undefined ? undefined : setTimeout(() => resolve(this.size === 0), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /** Stops retry timers and returns the bodies of messages never handled, to be kept for the next run. */
  stop(): QueuedMessage[] {
    const left = [...this.ready, ...this.delayed.keys()];
    for (const timer of this.delayed.values()) clearTimeout(timer);
    this.delayed.clear();
    this.ready.length = 0;
    return left;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (!this.pumping) void this.pump();
    });
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    // Up to `concurrency` batches in flight, as Lambda runs several invocations of one function at once.
    const running = new Set<Promise<void>>();
    while (this.ready.length > 0 || running.size > 0) {
      while (this.ready.length > 0 && running.size < this.concurrency) {
        const batch = this.ready.splice(0, this.batchSize);
        this.inFlight += batch.length;
        const delivery: Promise<void> = this.deliver(batch).finally(() => {
          this.inFlight -= batch.length;
          running.delete(delivery);
        });
        running.add(delivery);
      }
      await Promise.race(running);
    }
    this.pumping = false;
    if (this.size === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  private async deliver(batch: QueuedMessage[]): Promise<void> {
    for (const m of batch) m.receiveCount++;
    const event: SQSEvent = { Records: batch.map((m) => this.toRecord(m)) };
    let failed: Set<string>;
    let error = 'reported as failed in batchItemFailures';
    try {
      const response = await this.options.consumer(event);
      failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch (err) {
      // A handler that throws fails the whole batch, as in Lambda.
      failed = new Set(batch.map((m) => m.messageId));
      error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    }
    for (const m of batch) {
      if (!failed.has(m.messageId)) {
        try {
          await this.options.onDone?.(m);
        } catch {
          // Reporting is best effort; the message itself was handled.
        }
      } else if (m.receiveCount >= this.maxReceiveCount) {
        const dead = { ...m, lastError: error };
        this.deadLetters.push(dead);
        this.options.onDeadLetter?.(dead);
      } else {
        const timer = setTimeout(() => {
          this.delayed.delete(m);
          this.ready.push(m);
          this.schedule();
        }, this.retryDelayMs(m.receiveCount));
        this.delayed.set(m, timer);
      }
    }
  }

  private toRecord(m: QueuedMessage): SQSRecord {
    return {
      messageId: m.messageId,
      receiptHandle: `${m.messageId}#${m.receiveCount}`,
      body: m.body,
      attributes: {
        ApproximateReceiveCount: String(m.receiveCount),
        SentTimestamp: String(m.sentAt),
        SenderId: 'AROANEWSDROPLOCAL:s3',
        ApproximateFirstReceiveTimestamp: String(m.sentAt),
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: this.options.queueArn ?? DEFAULT_ARN,
      awsRegion: 'us-east-1',
    };
  }
}
