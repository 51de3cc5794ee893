/**
 * How other programs reach the local stack (`newsdrop upload`, `newsdrop reindex`, tests, benches): its
 * default names, SDK clients configured for the emulators, and the endpoints.json a running stack
 * writes. AWS SDK only, no emulator code, so it loads without the dev dependencies. The CLI gets it
 * injected (bin/newsdrop.js) through the LocalStackLink interface of cli/local-stack.ts.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { withoutRequestLogging } from '../shared/store/sdk-client';

/** Default table name for the local stack and tests; the CDK stack lets CloudFormation name it. */
export const LOCAL_TABLE_NAME = 'newsdrop-articles';
/** Default bucket name for the local stack and tests. */
export const LOCAL_BUCKET_NAME = 'newsdrop-articles';
/** The file in the data folder that names a running stack's endpoints (and doubles as its lock). */
export const ENDPOINTS_FILE = 'endpoints.json';

/** What a running local stack writes to `<data folder>/endpoints.json`. */
export interface LocalEndpoints {
  api: string;
  s3: string;
  bucket: string;
  dynamo: string;
  table: string;
  inbox: string;
  pid: number;
}

const region = 'us-east-1';

export function s3ClientFor(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/**
 * dynalite checks that a request carries an AWS4 Authorization header and a date, never the signature,
 * so the emulator's clients send a fixed one instead of computing SigV4 (hashing the body and a chain of
 * HMACs) for every request: a few tenths of a millisecond of CPU per request, on the thread that also
 * parses and tags.
 */
const unsignedForDynalite: NonNullable<DynamoDBClientConfig['signer']> = {
  sign: async (request) => {
    const date = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
    request.headers.authorization = `AWS4-HMAC-SHA256 Credential=local/${date.slice(0, 8)}/${region}/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=unsigned`;
    request.headers['x-amz-date'] = date;
    return request;
  },
};

export function dynamoClientFor(endpoint: string): DynamoDBClient {
  const client = new DynamoDBClient({
    endpoint,
    region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    signer: unsignedForDynalite,
  });
  return withoutRequestLogging(client);
}

export function documentClient(dynamo: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } });
}

/** The endpoints of the stack running on a data folder, or null when none is (or the file is unreadable). */
export async function readEndpoints(dataDir: string): Promise<Partial<LocalEndpoints> | null> {
  try {
    return JSON.parse(await readFile(endpointsPath(dataDir), 'utf8')) as Partial<LocalEndpoints>;
  } catch {
    return null;
  }
}

export const endpointsPath = (dataDir: string) => join(resolve(dataDir), ENDPOINTS_FILE);
