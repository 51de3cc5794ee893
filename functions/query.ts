/**
 * Query Lambda: API Gateway HTTP API (payload v2) → the query app (shared/query). Config, clients and the
 * cursor key are set up once per container at module load (the key is fetched from Secrets Manager during
 * init, so a missing secret fails the cold start, not a request).
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { createQueryApp } from '../shared/query/app';
import { DynamoArticleStore } from '../shared/store/index';
import { storyConfig } from '../shared/stories/config';
import { readQueryConfig } from './lib/config';
import { loadCursorSecret } from './lib/cursor-secret';
import { httpApiHandler } from './lib/http-api';

const config = readQueryConfig();
const logger = new Logger({ serviceName: config.serviceName, logLevel: config.logLevel as 'INFO' });
// Short timeouts: a stuck call should end as a logged 500 problem well before the 10 s function timeout
// (which API Gateway would answer with a bare 503).
const dynamo = new DynamoDBClient({
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_500 },
});
const doc = DynamoDBDocumentClient.from(dynamo, {
  marshallOptions: { removeUndefinedValues: true },
});
const cursorSecret = await loadCursorSecret(config, () => new SecretsManagerClient({}));

const app = createQueryApp({
  // Stories are read whether ingest writes them or not, with ingest's window (copies are looked up in it).
  reader: new DynamoArticleStore({
    doc,
    tableName: config.tableName,
    stories: storyConfig(config.storyWindowHours),
  }),
  cursorSecret,
  corsOrigins: config.corsOrigins,
  auth: config.auth,
  logger,
});
const serve = httpApiHandler(app);

export const handler = async (event: APIGatewayProxyEventV2, context: Context) => {
  logger.addContext(context);
  return serve(event);
};
