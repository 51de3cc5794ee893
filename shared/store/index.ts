export {
  DynamoArticleStore,
  type DynamoArticleStoreOptions,
  InvalidCursorError,
  type StoredArticleRef,
  type WriteResult,
} from './article-store';
export { InvalidFilterError } from './facets';
export type * from './reader';
