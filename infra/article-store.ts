import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { ARRIVAL_EXPIRY_ATTR } from '../shared/store/story-digest';
import { ARTICLE_TABLE, type KeyAttribute, type TableDefinition } from '../shared/store/table';

export interface ArticleStoreProps {
  /**
   * Key schema and indexes. The code and the local stack use the same definition.
   * @default ARTICLE_TABLE from shared/store/table.ts
   */
  readonly definition?: TableDefinition;
  /**
   * What happens to the table when the stack is deleted.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Whether the table refuses DeleteTable calls (including from CloudFormation).
   * @default true
   */
  readonly deletionProtection?: boolean;
}

function attribute(key: KeyAttribute): dynamodb.Attribute {
  return {
    name: key.name,
    type: key.type === 'N' ? dynamodb.AttributeType.NUMBER : dynamodb.AttributeType.STRING,
  };
}

/** Maps the shared table definition onto TableV2 props, whatever keys and indexes it lists. */
export function tableKeySchema(
  definition: TableDefinition,
): Pick<dynamodb.TablePropsV2, 'partitionKey' | 'sortKey' | 'globalSecondaryIndexes'> {
  return {
    partitionKey: attribute(definition.partitionKey),
    sortKey: attribute(definition.sortKey),
    globalSecondaryIndexes: definition.globalSecondaryIndexes.map((index) => ({
      indexName: index.indexName,
      partitionKey: attribute(index.partitionKey),
      sortKey: attribute(index.sortKey),
    })),
  };
}

/**
 * The article table: on-demand, point-in-time recovery, encrypted with the AWS managed key, a keys-only
 * stream (the counter aggregator's trigger), and protected from deletion unless the stage says
 * otherwise. CloudFormation names it; functions get the name by env.
 */
export class ArticleStore extends Construct {
  public readonly table: dynamodb.TableV2;

  constructor(scope: Construct, id: string, props: ArticleStoreProps = {}) {
    super(scope, id);
    this.table = new dynamodb.TableV2(this, 'Table', {
      ...tableKeySchema(props.definition ?? ARTICLE_TABLE),
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
      deletionProtection: props.deletionProtection ?? true,
      // Keys only: the counter aggregator is woken by new counter-delta items (counter-aggregator.ts).
      dynamoStream: dynamodb.StreamViewType.KEYS_ONLY,
      // Arrival items of the story index expire (story-digest.ts); its REMOVE records wake nothing.
      timeToLiveAttribute: ARRIVAL_EXPIRY_ATTR,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
  }
}
