/**
 * Embedded AWS emulators for the local stack and the integration tests: s3rver (S3) and dynalite
 * (DynamoDB), in-process, with the bucket and the table created from the same definitions as in AWS.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import S3rver from 's3rver';
import { ARTICLE_TABLE, type TableDefinition } from '../shared/store/table';
import { startDynaliteThread } from './dynalite-thread';
import { documentClient, dynamoClientFor, LOCAL_BUCKET_NAME, LOCAL_TABLE_NAME, s3ClientFor } from './link';

export interface EmulatorOptions {
  /** Folder for persistent data; omitted or `memory` gives a throwaway run. */
  dataDir?: string;
  memory?: boolean;
  s3Port?: number;
  dynamoPort?: number;
  bucket?: string;
  tableName?: string;
  /**
   * Run dynalite in a worker thread (local/dynalite-thread.ts), so DynamoDB gets its own core instead of
   * sharing the caller's event loop. The local stack and the benches use it. @default false
   */
  dynamoThread?: boolean;
}

export interface Emulators {
  s3: S3Client;
  dynamo: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  s3Endpoint: string;
  dynamoEndpoint: string;
  bucket: string;
  tableName: string;
  /** s3rver itself, to subscribe to its object events. */
  s3rver: S3rver;
  close(): Promise<void>;
}

/** The CreateTable input for a table definition; the CDK construct maps the same definition. */
export function createTableInput(
  tableName: string,
  def: TableDefinition = ARTICLE_TABLE,
): CreateTableCommandInput {
  const attrs = new Map<string, 'S' | 'N'>();
  for (const k of [
    def.partitionKey,
    def.sortKey,
    ...def.globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ]) {
    attrs.set(k.name, k.type);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attrs].map(([AttributeName, AttributeType]) => ({
      AttributeName,
      AttributeType,
    })),
    KeySchema: [
      { AttributeName: def.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: def.sortKey.name, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: def.globalSecondaryIndexes.map((i) => ({
      IndexName: i.indexName,
      KeySchema: [
        { AttributeName: i.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: i.sortKey.name, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}

export async function ensureTable(dynamo: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await dynamo.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
    await dynamo.send(new CreateTableCommand(createTableInput(tableName)));
  }
  // dynalite answers CreateTable while the table is still CREATING and turns it ACTIVE on a timer; until
  // then every read of it fails with ResourceNotFound (seen under load), so wait for ACTIVE.
  for (let tries = 0; ; tries++) {
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return;
    if (tries >= 500) throw new Error(`table ${tableName} is still ${Table?.TableStatus} after 5 s`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** dynalite on a port, in this thread or its own; `close` also closes its database. */
async function startDynamo(
  thread: boolean,
  port: number,
  path: string | undefined,
): Promise<{ port: number; close(): Promise<void> }> {
  if (thread) return startDynaliteThread({ port, ...(path && { path }) });
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(path && { path }) });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function startEmulators(options: EmulatorOptions = {}): Promise<Emulators> {
  const memory = options.memory ?? options.dataDir === undefined;
  const bucket = options.bucket ?? LOCAL_BUCKET_NAME;
  const tableName = options.tableName ?? LOCAL_TABLE_NAME;
  // s3rver always keeps objects on disk; a memory run gets a temporary folder removed on close.
  const s3Dir = memory ? await mkdtemp(join(tmpdir(), 'newsdrop-s3-')) : join(options.dataDir!, 's3');
  const dynamoDir = memory ? undefined : join(options.dataDir!, 'dynamodb');
  if (!memory) {
    await mkdir(s3Dir, { recursive: true });
    await mkdir(dynamoDir!, { recursive: true });
  }

  const dynamoServer = await startDynamo(options.dynamoThread ?? false, options.dynamoPort ?? 0, dynamoDir);
  const dynamoEndpoint = `http://127.0.0.1:${dynamoServer.port}`;

  const s3rver = new S3rver({
    address: '127.0.0.1',
    port: options.s3Port ?? 0,
    silent: true,
    directory: s3Dir,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const s3Address = await s3rver.run();
  const s3Endpoint = `http://127.0.0.1:${s3Address.port}`;

  const s3 = s3ClientFor(s3Endpoint);
  const dynamo = dynamoClientFor(dynamoEndpoint);
  await s3.send(new CreateBucketCommand({ Bucket: bucket })).catch(() => undefined); // exists already
  await ensureTable(dynamo, tableName);

  return {
    s3,
    dynamo,
    doc: documentClient(dynamo),
    s3Endpoint,
    dynamoEndpoint,
    bucket,
    tableName,
    s3rver,
    async close() {
      s3.destroy();
      dynamo.destroy();
      await s3rver.close();
      await dynamoServer.close();
      if (memory) await rm(s3Dir, { recursive: true, force: true });
    },
  };
}
