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

  it('names the table to the function', () => {
    const fn = resources[logicalId(aggregator.function)].Properties;
    expect(fn.Environment.Variables.TABLE_NAME).toEqual({ Ref: logicalId(store.table) });
  });

  it('refuses a timeout that could outlive the fold lease', () => {
    expect(
      () => new CounterAggregator(testStack(), 'Slow', { table: store.table, timeout: Duration.seconds(90) }),
    ).toThrow(/at most 60 s/);
  });
});
