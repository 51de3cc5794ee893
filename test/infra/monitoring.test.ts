import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { ArticleStore } from '../../infra/article-store';
import { CounterAggregator } from '../../infra/counter-aggregator';
import { INGEST_METRICS, Monitoring, type MonitoringProps } from '../../infra/monitoring';
import { logicalId, testStack } from './synth';

function build(props: Partial<MonitoringProps> = {}, withCounters = false) {
  const stack = testStack();
  const counterAggregator = withCounters
    ? new CounterAggregator(stack, 'Counters', { table: new ArticleStore(stack, 'Store').table })
    : undefined;
  const fn = (id: string) =>
    new lambda.Function(stack, id, {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('export const handler = async () => {};'),
    });
  const deadLetterQueue = new sqs.Queue(stack, 'Dlq');
  const monitoring = new Monitoring(stack, 'Monitoring', {
    ingestFunction: fn('Ingest'),
    queryFunction: fn('Query'),
    ingestQueue: new sqs.Queue(stack, 'Queue'),
    deadLetterQueue,
    httpApi: new apigw.HttpApi(stack, 'Api'),
    ...(counterAggregator && { counterAggregator }),
    ...props,
  });
  return { monitoring, deadLetterQueue, counterAggregator, template: Template.fromStack(stack) };
}

const { monitoring, deadLetterQueue, template } = build({ alarmEmail: 'ops@example.com' });
const alarms = template.findResources('AWS::CloudWatch::Alarm');
const topicId = logicalId(monitoring.alarmTopic);

interface Widget {
  properties: { title: string; metrics?: unknown[] };
}
/** The dashboard body is a Fn::Join of JSON text and tokens: stand the tokens in with a marker and parse. */
function dashboardWidgets(template: Template): Widget[] {
  const dashboard = Object.values(template.findResources('AWS::CloudWatch::Dashboard'))[0];
  const parts = dashboard?.Properties.DashboardBody['Fn::Join'][1] as unknown[];
  const text = parts.map((part) => (typeof part === 'string' ? part : 'TOKEN')).join('');
  return JSON.parse(text).widgets;
}
const widgets = dashboardWidgets(template);

describe('Monitoring', () => {
  it('raises an alarm as soon as one message is in the dead-letter queue', () => {
    expect(alarms[logicalId(monitoring.deadLetterQueueAlarm)]?.Properties).toMatchObject({
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(deadLetterQueue), 'QueueName'] } }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it('counts failed records as ingest errors, not only Lambda errors (partial batch responses hide them)', () => {
    const metrics = alarms[logicalId(monitoring.ingestErrorsAlarm)]?.Properties.Metrics;
    expect(metrics).toContainEqual(
      expect.objectContaining({ Expression: 'FILL(errors, 0) + FILL(failed, 0)' }),
    );
    expect(metrics).toContainEqual(
      expect.objectContaining({
        Id: 'failed',
        MetricStat: expect.objectContaining({
          Metric: {
            Namespace: 'newsdrop',
            MetricName: 'ArticlesFailed',
            Dimensions: [{ Name: 'service', Value: 'newsdrop-ingest' }],
          },
        }),
      }),
    );
  });

  it('adds up rejections over every reason dimension, since CloudWatch does not roll dimensions up', () => {
    const articles = widgets.find((widget) => widget.properties.title === 'Articles');
    expect(articles?.properties.metrics).toContainEqual([
      {
        label: 'rejected',
        expression:
          'SUM(SEARCH(\'{newsdrop,reason,service} MetricName="ArticlesRejected" service="newsdrop-ingest"\', \'Sum\', 300))',
      },
    ]);
  });

  it('alarms on API 5xx responses and on p99 latency', () => {
    expect(alarms[logicalId(monitoring.api5xxAlarm)]?.Properties).toMatchObject({
      MetricName: '5xx',
      Namespace: 'AWS/ApiGateway',
      Threshold: 5,
    });
    expect(alarms[logicalId(monitoring.apiLatencyAlarm)]?.Properties).toMatchObject({
      MetricName: 'Latency',
      ExtendedStatistic: 'p99',
      Threshold: 2000,
      DatapointsToAlarm: 2,
      EvaluationPeriods: 3,
    });
    const tight = build({ apiLatencyP99Threshold: Duration.millis(800), api5xxThreshold: 1 });
    tight.template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Latency', Threshold: 800 });
    tight.template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: '5xx', Threshold: 1 });
  });

  it('alarms on objects missing when fetched and on malformed events, the metrics the handler publishes', () => {
    for (const [alarm, metric, threshold] of [
      [monitoring.objectsMissingAlarm, 'ObjectsMissing', 5],
      [monitoring.malformedEventsAlarm, 'MalformedEvents', 1],
    ] as const) {
      expect(alarms[logicalId(alarm)]?.Properties).toMatchObject({
        MetricName: metric,
        Namespace: 'newsdrop',
        Dimensions: [{ Name: 'service', Value: 'newsdrop-ingest' }],
        Statistic: 'Sum',
        Threshold: threshold,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
    }
    expect(INGEST_METRICS).toMatchObject({ missing: 'ObjectsMissing', malformed: 'MalformedEvents' });
  });

  it('alarms when uploads wait in the queue too long and when the ingest function is throttled', () => {
    expect(alarms[logicalId(monitoring.queueAgeAlarm)]?.Properties).toMatchObject({
      MetricName: 'ApproximateAgeOfOldestMessage',
      Namespace: 'AWS/SQS',
      Threshold: 900,
      ComparisonOperator: 'GreaterThanThreshold',
    });
    expect(alarms[logicalId(monitoring.ingestThrottlesAlarm)]?.Properties).toMatchObject({
      MetricName: 'Throttles',
      Namespace: 'AWS/Lambda',
      Threshold: 1,
    });
  });

  it('notifies the alarm topic when each alarm fires and when it recovers', () => {
    expect(Object.keys(alarms)).toHaveLength(8);
    for (const alarm of Object.values(alarms)) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties.OKActions).toEqual([{ Ref: topicId }]);
    }
  });

  it("encrypts the topic with a rotating key, lets only this account's alarms publish, and only over TLS", () => {
    const keyId = logicalId(monitoring.alarmTopicKey);
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
          }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 'sns:Publish',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
            Resource: { Ref: topicId },
            Condition: Match.objectLike({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } }),
          }),
        ]),
      },
    });
  });

  it('subscribes the alarm e-mail only when one is given', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
      TopicArn: { Ref: topicId },
    });
    build().template.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('charts the ingest metrics, the dead-letter queue, Lambda errors and p99 duration, and the API', () => {
    const dashboard = Object.values(template.findResources('AWS::CloudWatch::Dashboard'))[0];
    const body = JSON.stringify(dashboard?.Properties.DashboardBody);
    for (const name of Object.values(INGEST_METRICS)) expect(body).toContain(name);
    for (const fragment of [
      'ApproximateNumberOfMessagesVisible',
      'Errors',
      'Duration',
      'p99',
      '4xx',
      '5xx',
      'Latency',
    ]) {
      expect(body).toContain(fragment);
    }
    expect(monitoring.dashboardUrl).toContain('#dashboards:name=');
  });

  it("notifies the alarm topic of the counter aggregator's alarms and charts its lag, errors and dead letters", () => {
    const built = build({}, true);
    const counters = built.counterAggregator!;
    const all = built.template.findResources('AWS::CloudWatch::Alarm');
    const topic = { Ref: logicalId(built.monitoring.alarmTopic) };
    for (const alarm of counters.alarms) {
      expect(all[logicalId(alarm)]?.Properties).toMatchObject({ AlarmActions: [topic], OKActions: [topic] });
    }
    const titles = dashboardWidgets(built.template).map((w) => w.properties.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Counter aggregator lag (ms)',
        'Counter aggregator errors',
        'Counter aggregator dead letters',
      ]),
    );
    const lag = dashboardWidgets(built.template).find(
      (w) => w.properties.title === 'Counter aggregator lag (ms)',
    );
    expect(JSON.stringify(lag?.properties.metrics)).toContain('IteratorAge');
    expect(widgets.map((w) => w.properties.title)).not.toContain('Counter aggregator lag (ms)');
  });
});
