/**
 * Counter aggregator Lambda entry: on the article table's stream (filtered to counter-delta items), folds
 * the pending deltas into the counters and reviews the stories they mark (functions/lib/counter-handler.ts;
 * the local stack runs the same handler on a timer). Config and clients are set up once per container at module load.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoArticleStore } from '../shared/store/index';
import { withoutRequestLogging } from '../shared/store/sdk-client';
import { storyConfig } from '../shared/stories/config';
import { readCounterConfig } from './lib/config';
import { createCounterHandler } from './lib/counter-handler';
import { createLogger } from './lib/observability';

const config = readCounterConfig();
const doc = DynamoDBDocumentClient.from(withoutRequestLogging(new DynamoDBClient({})), {
  marshallOptions: { removeUndefinedValues: true },
});

export const handler = createCounterHandler({
  // The stories config as ingest's: the fold reviews the stories of the articles ingest linked.
  store: new DynamoArticleStore({
    doc,
    tableName: config.tableName,
    stories: storyConfig(config.storyWindowHours),
  }),
  logger: createLogger(config.serviceName, config.logLevel),
});
