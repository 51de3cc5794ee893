import { join } from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DELTA_PREFIX } from '../shared/store/items';
import { DEFAULT_WINDOW_HOURS } from '../shared/stories/config';
import { acknowledgeArnWildcard, INDEX_WILDCARD_REASON } from './nag';
import { NewsdropFunction } from './newsdrop-function';

/** POWERTOOLS_SERVICE_NAME of the counter aggregator. */
export const COUNTER_SERVICE_NAME = 'newsdrop-counters';

export interface CounterAggregatorProps {
  /** The article table; it must have a stream (ArticleStore turns on KEYS_ONLY). */
  readonly table: dynamodb.ITableV2;
  /**
   * Function timeout; an open fold is taken over only after twice this (the fold lease), so it must stay
   * under 60 s (shared/store/counter-fold.ts, `leaseMs` 120 s).
   * @default Duration.seconds(60)
   */
  readonly timeout?: Duration;
  /**
   * How long the event source gathers stream records before invoking: a burst's deltas wake it once.
   * @default Duration.seconds(1)
   */
  readonly maxBatchingWindow?: Duration;
  /** @default logs.RetentionDays.ONE_MONTH */
  readonly logRetentionDays?: logs.RetentionDays;
  /**
   * Removal policy of the function's log group.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Age of the oldest stream record not yet handled that raises the lag alarm: `/entities` and `/topics`
   * counts are that far behind ingest.
   * @default Duration.minutes(5)
   */
  readonly iteratorAgeThreshold?: Duration;
  /**
   * The story window (`STORY_WINDOW_HOURS`), the same as the ingest pipeline's: the fold reviews the
   * stories of the articles ingest stored in it.
   * @default 72
   */
  readonly storyWindowHours?: number;
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * Counters off the ingest path: each stored article writes one counter-delta item, and this function,
 * woken by the table's stream (filtered to new delta items, so posting and article writes never invoke
 * it), folds all pending deltas into the counter items and story heads, and reviews the stories of the
 * articles they mark (functions/counters.ts; shared/store/stories.ts `review`).
 *
 * Stream-triggered rather than scheduled: counts lag ingest by about the batching window instead of up
 * to a schedule's minute, nothing runs while nobody uploads, and Lambda's stream reads cost nothing.
 * The stream is only the wake-up: the fold reads pending deltas from the table, one fold at a time
 * (a write-ahead fold record), so concurrent invocations for different stream shards are safe; a batch
 * that fails (another fold stayed open) is retried, and anything a discarded batch stood for is folded
 * by the next invocation.
 */
export class CounterAggregator extends Construct {
  public readonly function: NewsdropFunction;
  public readonly eventSource: sources.DynamoEventSource;
  /** Where a stream batch goes (its shard and sequence numbers, not the deltas) after its retries failed. */
  public readonly deadLetterQueue: sqs.Queue;
  /** Oldest stream record not yet handled (ms), the counts' lag behind ingest. */
  public readonly iteratorAge: cloudwatch.Metric;
  /** Counts lag ingest by more than `iteratorAgeThreshold`. */
  public readonly iteratorAgeAlarm: cloudwatch.Alarm;
  /** The function failed in three five-minute periods running: folds are not getting through. */
  public readonly errorsAlarm: cloudwatch.Alarm;
  /** A stream batch failed every retry. */
  public readonly deadLetterQueueAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: CounterAggregatorProps) {
    super(scope, id);
    const timeout = props.timeout ?? Duration.seconds(60);
    if (timeout.toSeconds() > 60) {
      throw new Error('the counter aggregator timeout must stay under the 120 s fold lease: at most 60 s');
    }
    this.function = new NewsdropFunction(this, 'Function', {
      entry: join(import.meta.dirname, '..', 'functions', 'counters.ts'),
      description: 'Folds counter-delta items into the counters and story heads; reviews new stories',
      timeout,
      memorySize: 512,
      logRetentionDays: props.logRetentionDays,
      logGroupRemovalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      environment: {
        TABLE_NAME: props.table.tableName,
        POWERTOOLS_SERVICE_NAME: COUNTER_SERVICE_NAME,
        STORY_WINDOW_HOURS: String(props.storyWindowHours ?? DEFAULT_WINDOW_HOURS),
      },
    });
    props.table.grantReadWriteData(this.function);
    acknowledgeArnWildcard(this.function.executionRole, props.table, '/index/*', INDEX_WILDCARD_REASON);

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: "This queue is itself a dead-letter queue: the stream event source's on-failure destination.",
    });
    this.eventSource = new sources.DynamoEventSource(props.table, {
      startingPosition: lambda.StartingPosition.LATEST,
      batchSize: 1000,
      maxBatchingWindow: props.maxBatchingWindow ?? Duration.seconds(1),
      retryAttempts: 10,
      // The batch's deltas stay in the table and the next fold takes them; the record says a fold failed.
      onFailure: new sources.SqsDlq(this.deadLetterQueue),
      filters: [
        lambda.FilterCriteria.filter({
          eventName: lambda.FilterRule.isEqual('INSERT'),
          dynamodb: { Keys: { pk: { S: lambda.FilterRule.beginsWith(DELTA_PREFIX) } } },
        }),
      ],
    });
    this.function.addEventSource(this.eventSource);

    const breaching = {
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    };
    this.iteratorAge = this.function.metric('IteratorAge', {
      statistic: cloudwatch.Stats.MAXIMUM,
      period: Duration.minutes(1),
    });
    this.iteratorAgeAlarm = this.iteratorAge.createAlarm(this, 'IteratorAge', {
      alarmDescription:
        'The counter aggregator lags the article stream: /entities and /topics counts are behind ingest. Look at its errors and duration.',
      threshold: (props.iteratorAgeThreshold ?? FIVE_MINUTES).toMilliseconds(),
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
      ...breaching,
    });
    // One failed invocation is normal (another fold was open; the batch is retried): only failures in
    // three periods running mean folds are stuck.
    this.errorsAlarm = this.function
      .metricErrors({ statistic: cloudwatch.Stats.SUM, period: FIVE_MINUTES })
      .createAlarm(this, 'Errors', {
        alarmDescription:
          'The counter aggregator failed in 15 minutes running: deltas pile up and counts stop following ingest. Read its log.',
        threshold: 1,
        evaluationPeriods: 3,
        ...breaching,
      });
    this.deadLetterQueueAlarm = this.deadLetterQueue
      .metricApproximateNumberOfMessagesVisible({
        statistic: cloudwatch.Stats.MAXIMUM,
        period: Duration.minutes(1),
      })
      .createAlarm(this, 'DeadLetterQueueNotEmpty', {
        alarmDescription:
          'A stream batch failed every counter-aggregator retry. Its deltas stay in the table: fix the cause, and the next fold takes them; then purge the queue.',
        threshold: 1,
        evaluationPeriods: 1,
        ...breaching,
      });
  }

  /** The aggregator's alarms, for the alarm topic and the dashboard. */
  get alarms(): cloudwatch.Alarm[] {
    return [this.iteratorAgeAlarm, this.errorsAlarm, this.deadLetterQueueAlarm];
  }
}
