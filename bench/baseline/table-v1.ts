/**
 * The article table's key schema, defined once: the CDK stack, the local stack and the tests all build
 * the table from this. Pure data, no AWS imports. The item layout that uses these keys lives in the store.
 */
export interface KeyAttribute {
  name: string;
  type: 'S' | 'N';
}

export interface IndexDefinition {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
}

export interface TableDefinition {
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  globalSecondaryIndexes: IndexDefinition[];
}

export const ARTICLE_TABLE: TableDefinition = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [
    {
      // One index serves every facet (person, topic, date, ...): gsi1pk names the facet value,
      // gsi1sk orders by publication time so pages come newest first.
      indexName: 'byFacet',
      partitionKey: { name: 'gsi1pk', type: 'S' },
      sortKey: { name: 'gsi1sk', type: 'S' },
    },
    {
      // Sparse: only counter items (one per person, organisation, place, topic) carry gsi2pk, and
      // gsi2sk is their article count, so the most frequent come first (topEntities, topTopics).
      indexName: 'byCount',
      partitionKey: { name: 'gsi2pk', type: 'S' },
      sortKey: { name: 'gsi2sk', type: 'N' },
    },
  ],
};

/** Default table name for the local stack and tests; the CDK stack lets CloudFormation name it. */
export const LOCAL_TABLE_NAME = 'newsdrop-articles';
/** Default bucket name for the local stack and tests. */
export const LOCAL_BUCKET_NAME = 'newsdrop-articles';
