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
      // Sparse: only counter items (one per person, organisation, place, topic) carry gsi2pk, and
      // gsi2sk is their article count, so the most frequent come first (topEntities, topTopics).
      indexName: 'byCount',
      partitionKey: { name: 'gsi2pk', type: 'S' },
      sortKey: { name: 'gsi2sk', type: 'N' },
    },
    {
      // Sparse: only live story heads carry lsp, and ls is their newest article's event time, so the
      // story list without filters is one Query, newest first (story-list.ts).
      indexName: 'byLastSeen',
      partitionKey: { name: 'lsp', type: 'S' },
      sortKey: { name: 'ls', type: 'N' },
    },
  ],
};
