import { join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { INGEST_ASSETS, INGEST_CHUNKS } from '../shared/assets';
import { DEFAULT_WINDOW_HOURS } from '../shared/stories/config';
import { acknowledgeArnWildcard, INDEX_WILDCARD_REASON } from './nag';
import { NewsdropFunction } from './newsdrop-function';

/** Namespace of the EMF metrics the ingest handler publishes (ArticlesStored, ArticlesRejected, ...). */
export const METRICS_NAMESPACE = 'newsdrop';
/** POWERTOOLS_SERVICE_NAME of the ingest function; Powertools adds it as the `service` metric dimension. */
export const INGEST_SERVICE_NAME = 'newsdrop-ingest';
/** Largest object the ingest handler fetches; bigger uploads are rejected from the event's size. */
export const MAX_OBJECT_BYTES = 5 * 1024 * 1024;
/** AWS recommends a queue visibility timeout of at least six times the function timeout. */
export const VISIBILITY_TIMEOUT_FACTOR = 6;

export interface IngestPipelineProps {
  /** The bucket articles are uploaded to; the function may read only keys under `incomingPrefix`. */
  readonly bucket: s3.IBucket;
  /** Key prefix editors upload to. */
  readonly incomingPrefix: string;
  /** The article table; the function reads and writes items. */
  readonly table: dynamodb.ITableV2;
  /**
   * Handler module of the ingest function.
   * @default functions/ingest.ts
   */
  readonly entry?: string;
  /**
   * Ingest function timeout; the queue's visibility timeout is six times this.
   * @default Duration.seconds(60)
   */
  readonly timeout?: Duration;
  /**
   * Ingest function memory (also buys CPU for parsing and tagging).
   * @default 1024
   */
  readonly memorySize?: number;
  /**
   * Messages per invocation.
   * @default 10
   */
  readonly batchSize?: number;
  /**
   * How long the event source waits to fill a batch.
   * @default Duration.seconds(1)
   */
  readonly maxBatchingWindow?: Duration;
  /**
   * Most concurrent invocations the queue drives (2-1000), which bounds DynamoDB write load.
   * @default 5
   */
  readonly maxConcurrency?: number;
  /**
   * Concurrency reserved for the ingest function: it always has this much, and never takes more from the
   * account. At least `maxConcurrency`, so the queue's pollers are never throttled. (An account whose
   * concurrency quota is the new-account 10 cannot reserve any: raise the quota first.)
   * @default the maxConcurrency (5)
   */
  readonly reservedConcurrency?: number;
  /**
   * Hours either side of an article's time within which it joins a story (`STORY_WINDOW_HOURS`).
   * @default 72
   */
  readonly storyWindowHours?: number;
  /**
   * Deliveries of one message before it moves to the dead-letter queue.
   * @default 5
   */
  readonly maxReceiveCount?: number;
  /**
   * Powertools log level.
   * @default 'INFO'
   */
  readonly logLevel?: string;
  /** @default logs.RetentionDays.ONE_MONTH */
  readonly logRetentionDays?: logs.RetentionDays;
  /**
   * Removal policy of the function's log group.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * S3 notifications -> SQS queue (with a dead-letter queue) -> ingest function -> article table.
 * The function reports partial batch failures, so one bad message is retried alone and, after
 * `maxReceiveCount` deliveries, parked in the DLQ instead of blocking the batch.
 */
export class IngestPipeline extends Construct {
  public readonly queue: sqs.Queue;
  public readonly deadLetterQueue: sqs.Queue;
  public readonly function: NewsdropFunction;
  public readonly eventSource: sources.SqsEventSource;

  constructor(scope: Construct, id: string, props: IngestPipelineProps) {
    super(scope, id);
    const timeout = props.timeout ?? Duration.seconds(60);
    const maxConcurrency = props.maxConcurrency ?? 5;
    const reservedConcurrency = props.reservedConcurrency ?? maxConcurrency;
    if (reservedConcurrency < maxConcurrency) {
      throw new Error(
        `reservedConcurrency (${reservedConcurrency}) must be at least maxConcurrency (${maxConcurrency}), or SQS pollers are throttled`,
      );
    }

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      // SSE-SQS rather than a KMS key: S3 can publish to it without a key policy.
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(timeout.toSeconds() * VISIBILITY_TIMEOUT_FACTOR),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount ?? 5 },
    });

    this.function = new NewsdropFunction(this, 'Function', {
      entry: props.entry ?? join(import.meta.dirname, '..', 'functions', 'ingest.ts'),
      description: 'Parses, tags and stores articles uploaded to the incoming/ prefix',
      // The entity model's weights, loaded once per container beside the code (shared/tag/entities/model/load).
      dataFiles: INGEST_ASSETS,
      // Readability.js over linkedom, imported only for web pages (shared/parse/second-opinion).
      codeChunks: INGEST_CHUNKS,
      timeout,
      memorySize: props.memorySize ?? 1024,
      reservedConcurrentExecutions: reservedConcurrency,
      logRetentionDays: props.logRetentionDays,
      logGroupRemovalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      environment: {
        TABLE_NAME: props.table.tableName,
        INCOMING_PREFIX: props.incomingPrefix,
        MAX_OBJECT_BYTES: String(MAX_OBJECT_BYTES),
        STORY_WINDOW_HOURS: String(props.storyWindowHours ?? DEFAULT_WINDOW_HOURS),
        POWERTOOLS_SERVICE_NAME: INGEST_SERVICE_NAME,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
      },
    });

    // Only what the handler does: read uploaded objects, write article items.
    s3.BucketGrants.fromBucket(props.bucket).actionsOnObjectKeys(
      this.function,
      `${props.incomingPrefix}*`,
      's3:GetObject',
    );
    // Without s3:ListBucket, S3 answers GetObject on a key deleted since its event with 403, not 404
    // (NoSuchKey); the handler needs the 404 to tell "gone, its delete event follows" from a real error.
    iam.Grant.addToPrincipalOrResource({
      grantee: this.function,
      actions: ['s3:ListBucket'],
      resourceArns: [props.bucket.bucketArn],
      resource: props.bucket,
    });
    props.table.grantReadWriteData(this.function);
    acknowledgeArnWildcard(
      this.function.executionRole,
      props.bucket,
      `/${props.incomingPrefix}*`,
      'Objects are uploaded under arbitrary names below the incoming/ prefix; s3:GetObject is limited to that prefix.',
    );
    acknowledgeArnWildcard(this.function.executionRole, props.table, '/index/*', INDEX_WILDCARD_REASON);

    this.eventSource = new sources.SqsEventSource(this.queue, {
      batchSize: props.batchSize ?? 10,
      maxBatchingWindow: props.maxBatchingWindow ?? Duration.seconds(1),
      maxConcurrency,
      reportBatchItemFailures: true,
    });
    this.function.addEventSource(this.eventSource);
  }
}
