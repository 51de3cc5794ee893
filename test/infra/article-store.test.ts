import { RemovalPolicy } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ArticleStore } from '../../infra/article-store';
import { ARTICLE_TABLE, type TableDefinition } from '../../shared/store/table';
import { logicalId, testStack } from './synth';

function build(props: ConstructorParameters<typeof ArticleStore>[2] = {}) {
  const stack = testStack();
  const store = new ArticleStore(stack, 'Store', props);
  return Template.fromStack(stack).toJSON().Resources[logicalId(store.table)];
}

const table = build();

describe('ArticleStore', () => {
  it('builds the key schema and every index from the shared table definition', () => {
    const { KeySchema, GlobalSecondaryIndexes, AttributeDefinitions } = table.Properties;
    expect(KeySchema).toEqual([
      { AttributeName: ARTICLE_TABLE.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: ARTICLE_TABLE.sortKey.name, KeyType: 'RANGE' },
    ]);
    expect(GlobalSecondaryIndexes).toEqual(
      ARTICLE_TABLE.globalSecondaryIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
    const keys = [ARTICLE_TABLE.partitionKey, ARTICLE_TABLE.sortKey].concat(
      ARTICLE_TABLE.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
    );
    expect(AttributeDefinitions).toEqual(
      expect.arrayContaining(keys.map((key) => ({ AttributeName: key.name, AttributeType: key.type }))),
    );
  });

  it('follows a definition with another index and a numeric key', () => {
    const definition: TableDefinition = {
      ...ARTICLE_TABLE,
      globalSecondaryIndexes: [
        ...ARTICLE_TABLE.globalSecondaryIndexes,
        { indexName: 'byTime', partitionKey: { name: 'day', type: 'S' }, sortKey: { name: 'ts', type: 'N' } },
      ],
    };
    const { GlobalSecondaryIndexes, AttributeDefinitions } = build({ definition }).Properties;
    expect(GlobalSecondaryIndexes.map((index: { IndexName: string }) => index.IndexName)).toEqual([
      ...ARTICLE_TABLE.globalSecondaryIndexes.map((index) => index.indexName),
      'byTime',
    ]);
    expect(AttributeDefinitions).toContainEqual({ AttributeName: 'ts', AttributeType: 'N' });
  });

  it('bills on demand, keeps point-in-time recovery on and encrypts with KMS', () => {
    expect(table.Type).toBe('AWS::DynamoDB::GlobalTable');
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS' });
    expect(table.Properties.Replicas).toEqual([
      expect.objectContaining({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      }),
    ]);
  });

  it('lets DynamoDB delete the story index arrival items when they expire', () => {
    expect(table.Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'xp', Enabled: true });
  });

  it('retains and protects the table by default, and can be made disposable', () => {
    expect(table.DeletionPolicy).toBe('Retain');
    const disposable = build({ removalPolicy: RemovalPolicy.DESTROY, deletionProtection: false });
    expect(disposable.DeletionPolicy).toBe('Delete');
    expect(disposable.Properties.Replicas[0].DeletionProtectionEnabled).toBe(false);
  });
});
