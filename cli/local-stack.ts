/**
 * What the CLI needs of the local stack, as an interface: bin/newsdrop.js injects local/link.ts, loaded
 * only when a command targets the local stack. The CLI itself imports nothing from local/.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface LocalStackLink {
  LOCAL_TABLE_NAME: string;
  LOCAL_BUCKET_NAME: string;
  s3ClientFor(endpoint: string): S3Client;
  dynamoClientFor(endpoint: string): DynamoDBClient;
  documentClient(dynamo: DynamoDBClient): DynamoDBDocumentClient;
  endpointsPath(dataDir: string): string;
  readEndpoints(
    dataDir: string,
  ): Promise<Partial<{ api: string; s3: string; bucket: string; dynamo: string; table: string }> | null>;
}

/** What every command is given besides its arguments. */
export interface CliContext {
  localStack(): Promise<LocalStackLink>;
}
