import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { CounterAggregator } from './counter-aggregator';
import { INGEST_SERVICE_NAME, METRICS_NAMESPACE } from './ingest-pipeline';

/**
 * The EMF metrics the ingest handler publishes (functions/lib/observability.ts): namespace `newsdrop`,
 * dimension `service`; ArticlesRejected also has a `reason` dimension (the rejection code).
 */
export const INGEST_METRICS = {
  stored: 'ArticlesStored',
  rejected: 'ArticlesRejected',
  failed: 'ArticlesFailed',
  retried: 'ArticlesRetried',
  processingTime: 'ProcessingTime',
  missing: 'ObjectsMissing',
  malformed: 'MalformedEvents',
} as const;

export interface MonitoringProps {
  readonly ingestFunction: lambda.IFunction;
  readonly queryFunction: lambda.IFunction;
  /** The queue S3 notifications land in. */
  readonly ingestQueue: sqs.IQueue;
  /** Messages that failed `maxReceiveCount` times; anything here needs a human. */
  readonly deadLetterQueue: sqs.IQueue;
  readonly httpApi: apigw.IHttpApi;
  /**
   * The counter aggregator: its alarms (made by its construct) notify the alarm topic, and the dashboard
   * shows its lag, errors and dead-letter queue.
   * @default - not watched
   */
  readonly counterAggregator?: CounterAggregator;
  /**
   * Subscribes this address to the alarm topic (the recipient must confirm the subscription).
   * @default - no subscription; subscribe to the topic yourself
   */
  readonly alarmEmail?: string;
  /**
   * API 5xx responses within five minutes that raise the alarm.
   * @default 5
   */
  readonly api5xxThreshold?: number;
  /**
   * API p99 latency that raises the alarm when exceeded in 2 of 3 five-minute periods.
   * @default Duration.seconds(2)
   */
  readonly apiLatencyP99Threshold?: Duration;
  /**
   * Age of the oldest ingest message that raises the alarm (uploads wait that long to be stored).
   * @default Duration.minutes(15)
   */
  readonly queueAgeThreshold?: Duration;
  /**
   * What happens to the topic's KMS key when the stack is deleted.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

const FIVE_MINUTES = Duration.minutes(5);

/** A dashboard of the ingest and query paths, and alarms that notify an encrypted SNS topic. */
export class Monitoring extends Construct {
  public readonly dashboard: cloudwatch.Dashboard;
  public readonly alarmTopic: sns.Topic;
  public readonly alarmTopicKey: kms.Key;
  public readonly deadLetterQueueAlarm: cloudwatch.Alarm;
  public readonly ingestErrorsAlarm: cloudwatch.Alarm;
  public readonly api5xxAlarm: cloudwatch.Alarm;
  public readonly apiLatencyAlarm: cloudwatch.Alarm;
  /** Created objects gone when fetched: a few follow quick deletes; a run of them means keys are read wrongly. */
  public readonly objectsMissingAlarm: cloudwatch.Alarm;
  /** Messages or records that are no S3 event the handler can act on (logged with the reason, not retried). */
  public readonly malformedEventsAlarm: cloudwatch.Alarm;
  public readonly queueAgeAlarm: cloudwatch.Alarm;
  public readonly ingestThrottlesAlarm: cloudwatch.Alarm;
  /** Console URL of the dashboard. */
  public readonly dashboardUrl: string;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);

    // SNS encryption needs a customer managed key: the AWS managed aws/sns key cannot grant CloudWatch.
    this.alarmTopicKey = new kms.Key(this, 'AlarmTopicKey', {
      description: 'Encrypts the newsdrop alarm topic',
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    const cloudwatchService = new iam.ServicePrincipal('cloudwatch.amazonaws.com');
    this.alarmTopicKey.grant(cloudwatchService, 'kms:Decrypt', 'kms:GenerateDataKey');
    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', {
      displayName: 'newsdrop alarms',
      masterKey: this.alarmTopicKey,
      enforceSSL: true,
    });
    // The topic policy that enforceSSL creates replaces SNS's default one, so CloudWatch must be allowed
    // to publish explicitly: only this account's alarms.
    this.alarmTopic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowThisAccountsAlarms',
        principals: [cloudwatchService],
        actions: ['sns:Publish'],
        resources: [this.alarmTopic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
          ArnLike: {
            'aws:SourceArn': `arn:${Aws.PARTITION}:cloudwatch:${Aws.REGION}:${Aws.ACCOUNT_ID}:alarm:*`,
          },
        },
      }),
    );
    if (props.alarmEmail) {
      this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    }

    const ingestMetric = (metricName: string, statistic = cloudwatch.Stats.SUM) =>
      new cloudwatch.Metric({
        namespace: METRICS_NAMESPACE,
        metricName,
        dimensionsMap: { service: INGEST_SERVICE_NAME },
        statistic,
        period: FIVE_MINUTES,
      });
    const stored = ingestMetric(INGEST_METRICS.stored);
    const failed = ingestMetric(INGEST_METRICS.failed);
    const retried = ingestMetric(INGEST_METRICS.retried);
    // ArticlesRejected carries a `reason` dimension as well, and CloudWatch does not roll dimensions up:
    // search every reason and add them.
    const rejectedByReason = `SEARCH('{${METRICS_NAMESPACE},reason,service} MetricName="${INGEST_METRICS.rejected}" service="${INGEST_SERVICE_NAME}"', 'Sum', ${FIVE_MINUTES.toSeconds()})`;
    const rejected = new cloudwatch.MathExpression({
      expression: `SUM(${rejectedByReason})`,
      label: 'rejected',
      period: FIVE_MINUTES,
    });

    const dlqDepth = props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
      statistic: cloudwatch.Stats.MAXIMUM,
      period: Duration.minutes(1),
    });
    this.deadLetterQueueAlarm = dlqDepth.createAlarm(this, 'DeadLetterQueueNotEmpty', {
      alarmDescription:
        'An S3 notification failed ingest 5 times and sits in the dead-letter queue. Inspect it, fix the cause, then redrive.',
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    // With partial batch responses a failing record is not a Lambda error, so count both.
    const ingestErrors = new cloudwatch.MathExpression({
      label: 'Ingest errors',
      expression: 'FILL(errors, 0) + FILL(failed, 0)',
      usingMetrics: {
        errors: props.ingestFunction.metricErrors({ statistic: cloudwatch.Stats.SUM, period: FIVE_MINUTES }),
        failed,
      },
      period: FIVE_MINUTES,
    });
    this.ingestErrorsAlarm = ingestErrors.createAlarm(this, 'IngestErrors', {
      alarmDescription: 'The ingest function threw, or failed to process articles (they will be retried).',
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    const countAlarm = (id: string, metric: cloudwatch.Metric, alarmDescription: string, threshold = 1) =>
      metric.createAlarm(this, id, {
        alarmDescription,
        threshold,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
    this.objectsMissingAlarm = countAlarm(
      'ObjectsMissing',
      ingestMetric(INGEST_METRICS.missing),
      'Uploaded objects were gone when the ingest function fetched them (ObjectsMissing). A quick delete explains one; several mean keys are read wrongly, and those files were not stored.',
      5,
    );
    this.malformedEventsAlarm = countAlarm(
      'MalformedEvents',
      ingestMetric(INGEST_METRICS.malformed),
      'The ingest queue received messages that are no S3 event it can act on; they are logged with the reason ("malformed") and not retried.',
    );
    this.ingestThrottlesAlarm = countAlarm(
      'IngestThrottles',
      props.ingestFunction.metricThrottles({ statistic: cloudwatch.Stats.SUM, period: FIVE_MINUTES }),
      'The ingest function was throttled: its reserved concurrency is below what the queue drives.',
    );
    const queueAge = props.ingestQueue.metricApproximateAgeOfOldestMessage({
      statistic: cloudwatch.Stats.MAXIMUM,
      period: FIVE_MINUTES,
    });
    this.queueAgeAlarm = queueAge.createAlarm(this, 'IngestQueueAge', {
      alarmDescription:
        'Uploads wait too long in the ingest queue: ingest is failing, throttled or too slow.',
      threshold: (props.queueAgeThreshold ?? Duration.minutes(15)).toSeconds(),
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    const api5xx = props.httpApi.metricServerError({ statistic: cloudwatch.Stats.SUM, period: FIVE_MINUTES });
    this.api5xxAlarm = api5xx.createAlarm(this, 'Api5xx', {
      alarmDescription: 'The query API returned server errors.',
      threshold: props.api5xxThreshold ?? 5,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    const apiLatencyP99 = props.httpApi.metricLatency({
      statistic: cloudwatch.Stats.p(99),
      period: FIVE_MINUTES,
    });
    this.apiLatencyAlarm = apiLatencyP99.createAlarm(this, 'ApiLatencyP99', {
      alarmDescription: 'Query API p99 latency is above its threshold.',
      threshold: (props.apiLatencyP99Threshold ?? Duration.seconds(2)).toMilliseconds(),
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    const alarms = [
      this.deadLetterQueueAlarm,
      this.ingestErrorsAlarm,
      this.objectsMissingAlarm,
      this.malformedEventsAlarm,
      this.queueAgeAlarm,
      this.ingestThrottlesAlarm,
      this.api5xxAlarm,
      this.apiLatencyAlarm,
      ...(props.counterAggregator?.alarms ?? []),
    ];
    const notify = new actions.SnsAction(this.alarmTopic);
    for (const alarm of alarms) {
      alarm.addAlarmAction(notify);
      alarm.addOkAction(notify);
    }

    const functions = [
      { label: 'ingest', fn: props.ingestFunction },
      { label: 'query', fn: props.queryFunction },
    ];
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.hours(3),
      widgets: [
        [
          new cloudwatch.GraphWidget({
            title: 'Articles',
            left: [
              stored.with({ label: 'stored' }),
              rejected,
              failed.with({ label: 'failed' }),
              retried.with({ label: 'retried (transient)' }),
            ],
            width: 6,
          }),
          new cloudwatch.GraphWidget({
            title: 'Rejections by reason',
            left: [
              new cloudwatch.MathExpression({
                expression: rejectedByReason,
                label: '',
                period: FIVE_MINUTES,
              }),
            ],
            stacked: true,
            width: 6,
          }),
          new cloudwatch.GraphWidget({
            title: 'Processing time per article (ms)',
            left: [
              ingestMetric(INGEST_METRICS.processingTime, cloudwatch.Stats.p(50)).with({ label: 'p50' }),
              ingestMetric(INGEST_METRICS.processingTime, cloudwatch.Stats.p(99)).with({ label: 'p99' }),
            ],
            width: 6,
          }),
          new cloudwatch.GraphWidget({
            title: 'Queues',
            left: [dlqDepth.with({ label: 'dead-letter queue depth' })],
            right: [
              props.ingestQueue
                .metricApproximateAgeOfOldestMessage({ statistic: cloudwatch.Stats.MAXIMUM })
                .with({ label: 'oldest ingest message (s)' }),
            ],
            width: 6,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Lambda errors',
            left: functions.map(({ label, fn }) =>
              fn.metricErrors({ statistic: cloudwatch.Stats.SUM, period: FIVE_MINUTES, label }),
            ),
            width: 8,
          }),
          new cloudwatch.GraphWidget({
            title: 'Lambda duration p99 (ms)',
            left: functions.map(({ label, fn }) =>
              fn.metricDuration({ statistic: cloudwatch.Stats.p(99), period: FIVE_MINUTES, label }),
            ),
            width: 8,
          }),
          new cloudwatch.GraphWidget({
            title: 'Lambda throttles',
            left: functions.map(({ label, fn }) =>
              fn.metricThrottles({ statistic: cloudwatch.Stats.SUM, period: FIVE_MINUTES, label }),
            ),
            width: 8,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'API requests and errors',
            left: [
              props.httpApi.metricCount({
                statistic: cloudwatch.Stats.SUM,
                period: FIVE_MINUTES,
                label: 'requests',
              }),
            ],
            right: [
              props.httpApi.metricClientError({
                statistic: cloudwatch.Stats.SUM,
                period: FIVE_MINUTES,
                label: '4xx',
              }),
              api5xx.with({ label: '5xx' }),
            ],
            width: 8,
          }),
          new cloudwatch.GraphWidget({
            title: 'API latency (ms)',
            left: [
              props.httpApi.metricLatency({
                statistic: cloudwatch.Stats.p(50),
                period: FIVE_MINUTES,
                label: 'p50',
              }),
              apiLatencyP99.with({ label: 'p99' }),
            ],
            width: 8,
          }),
          new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms, width: 8 }),
        ],
        ...(props.counterAggregator ? [counterWidgets(props.counterAggregator)] : []),
      ],
    });
    this.dashboardUrl = `https://${Aws.REGION}.console.aws.amazon.com/cloudwatch/home?region=${Aws.REGION}#dashboards:name=${this.dashboard.dashboardName}`;
  }
}

/** A dashboard row for the counter aggregator: how far counts lag ingest, its errors, its dead letters. */
function counterWidgets(counters: CounterAggregator): cloudwatch.IWidget[] {
  return [
    new cloudwatch.GraphWidget({
      title: 'Counter aggregator lag (ms)',
      left: [counters.iteratorAge.with({ label: 'oldest stream record' })],
      leftAnnotations: [counters.iteratorAgeAlarm.toAnnotation()],
      width: 8,
    }),
    new cloudwatch.GraphWidget({
      title: 'Counter aggregator errors',
      left: [
        counters.function.metricErrors({
          statistic: cloudwatch.Stats.SUM,
          period: FIVE_MINUTES,
          label: 'errors',
        }),
        counters.function.metricInvocations({
          statistic: cloudwatch.Stats.SUM,
          period: FIVE_MINUTES,
          label: 'invocations',
        }),
      ],
      width: 8,
    }),
    new cloudwatch.GraphWidget({
      title: 'Counter aggregator dead letters',
      left: [
        counters.deadLetterQueue
          .metricApproximateNumberOfMessagesVisible({ statistic: cloudwatch.Stats.MAXIMUM })
          .with({ label: 'failed stream batches' }),
      ],
      width: 8,
    }),
  ];
}
