import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ArticleStore } from '../../infra/article-store';
import { CounterAggregator } from '../../infra/counter-aggregator';
import { DELTA_PREFIX } from '../../shared/store/items';
import { logicalId, testStack } from './synth';

const stack = testStack();
const store = new ArticleStore(stack, 'Store');
const aggregator = new CounterAggregator(stack, 'Counters', { table: store.table });
const template = Template.fromStack(stack);
const resources = template.toJSON().Resources;

describe('CounterAggregator', () => {
  it('gives the article table a keys-only stream', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      StreamSpecification: { StreamViewType: 'KEYS_ONLY' },
    });
  });

  it('is woken only by new counter-delta items on the stream, in batches gathered for a second', () => {
    const mappings = Object.values(resources).filter(
      (r) => (r as { Type: string }).Type === 'AWS::Lambda::EventSourceMapping',
    ) as { Properties: Record<string, unknown> }[];
    expect(mappings).toHaveLength(1);
    const props = mappings[0]!.Properties;
    expect(props.FunctionName).toEqual({ Ref: logicalId(aggregator.function) });
    expect(props.MaximumBatchingWindowInSeconds).toBe(1);
    const filters = (props.FilterCriteria as { Filters: { Pattern: string }[] }).Filters;
    expect(filters.map((f) => JSON.parse(f.Pattern))).toEqual([
      { eventName: ['INSERT'], dynamodb: { Keys: { pk: { S: [{ prefix: DELTA_PREFIX }] } } } },
    ]);
  });

  it('names the table and the story window (its reviews) to the function', () => {
    const fn = resources[logicalId(aggregator.function)].Properties;
    expect(fn.Environment.Variables.TABLE_NAME).toEqual({ Ref: logicalId(store.table) });
    expect(fn.Environment.Variables.STORY_WINDOW_HOURS).toBe('72');
  });

  it('sends a stream batch that failed every retry to an encrypted dead-letter queue', () => {
    const mapping = Object.values(resources).find(
      (r) => (r as { Type: string }).Type === 'AWS::Lambda::EventSourceMapping',
    ) as { Properties: Record<string, unknown> };
    expect(mapping.Properties.DestinationConfig).toEqual({
      OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(aggregator.deadLetterQueue), 'Arn'] } },
    });
    expect(resources[logicalId(aggregator.deadLetterQueue)].Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
  });

  it('alarms when counts lag ingest by 5 minutes, when folds fail 15 minutes running, and on a dead-lettered batch', () => {
    const alarm = (a: { node: unknown }) => resources[logicalId(a as never)].Properties;
    const fnName = { Name: 'FunctionName', Value: { Ref: logicalId(aggregator.function) } };
    expect(alarm(aggregator.iteratorAgeAlarm)).toMatchObject({
      Namespace: 'AWS/Lambda',
      MetricName: 'IteratorAge',
      Dimensions: [fnName],
      Statistic: 'Maximum',
      Threshold: 300_000,
      DatapointsToAlarm: 3,
    });
    expect(alarm(aggregator.errorsAlarm)).toMatchObject({
      MetricName: 'Errors',
      Dimensions: [fnName],
      Threshold: 1,
      EvaluationPeriods: 3,
    });
    expect(alarm(aggregator.deadLetterQueueAlarm)).toMatchObject({
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [
        { Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(aggregator.deadLetterQueue), 'QueueName'] } },
      ],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(aggregator.alarms).toHaveLength(3);
  });

  it('refuses a timeout that could outlive the fold lease', () => {
    expect(
      () => new CounterAggregator(testStack(), 'Slow', { table: store.table, timeout: Duration.seconds(90) }),
    ).toThrow(/at most 60 s/);
  });
});
