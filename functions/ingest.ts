/**
 * Ingest Lambda entry: config, clients, logger and metrics are set up once per container at module
 * load, so bad config fails the cold start. The handler itself is functions/lib/ingest-handler.ts (the
 * local stack runs the same one); the use case it calls is shared/ingest/ingest.ts.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { loadData } from '../shared/load-data';
import { DynamoArticleStore } from '../shared/store/index';
import { withoutRequestLogging } from '../shared/store/sdk-client';
import { storyConfig } from '../shared/stories/config';
import { readIngestConfig } from './lib/config';
import { createIngestHandler } from './lib/ingest-handler';
import { createLogger, powertoolsMetrics } from './lib/observability';

const config = readIngestConfig();
loadData();
const doc = DynamoDBDocumentClient.from(withoutRequestLogging(new DynamoDBClient({})), {
  marshallOptions: { removeUndefinedValues: true },
});

export const handler = createIngestHandler({
  s3: new S3Client({}),
  store: new DynamoArticleStore({
    doc,
    tableName: config.tableName,
    stories: storyConfig(config.storyWindowHours),
  }),
  config,
  logger: createLogger(config.serviceName, config.logLevel),
  metrics: powertoolsMetrics(config.metricsNamespace, config.serviceName),
});
