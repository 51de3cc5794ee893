/**
 * Fault injection: the handler runs against the emulators through clients wrapped by
 * aws-sdk-client-mock, which passes every call through except the faults a test injects.
 */
import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { type AwsStub, mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIngestHandler } from '../../functions/lib/ingest-handler';
import { RecordingMetrics } from '../../functions/lib/observability';
import { type Emulators, ensureTable, startEmulators } from '../../local/emulators';
import { documentClient, dynamoClientFor, s3ClientFor } from '../../local/link';
import { articleId } from '../../shared/process';
import { DynamoArticleStore } from '../../shared/store/index';
import { sqsEvent } from './sqs-events';

let emu: Emulators;
let faultyDoc: DynamoDBDocumentClient;
let faultyS3: S3Client;
// biome-ignore lint/suspicious/noExplicitAny: the stubs' generic parameters are not worth spelling out here
let docStub: AwsStub<any, any, any>;
// biome-ignore lint/suspicious/noExplicitAny: as above
let s3Stub: AwsStub<any, any, any>;
let tables = 0;

const throttling = () =>
  new ProvisionedThroughputExceededException({
    message: 'Rate exceeded',
    $metadata: { httpStatusCode: 400 },
  });
const timeout = () => Object.assign(new Error('socket hang up: timed out'), { name: 'TimeoutError' });
const serverError = () =>
  Object.assign(new Error('We encountered an internal error.'), {
    name: 'InternalServerError',
    $metadata: { httpStatusCode: 500 },
  });
const conditionFailed = () =>
  Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });

const FAULTS = { throttling, timeout, '500': serverError } as const;

const GOOD_A = 'incoming/tot-a.txt';
const BAD = 'incoming/loi.txt';
const GOOD_B = 'incoming/tot-b.txt';

beforeAll(async () => {
  emu = await startEmulators({ memory: true });
  faultyDoc = documentClient(dynamoClientFor(emu.dynamoEndpoint));
  faultyS3 = s3ClientFor(emu.s3Endpoint);
  for (const key of [GOOD_A, BAD, GOOD_B]) {
    await emu.s3.send(
      new PutObjectCommand({ Bucket: emu.bucket, Key: key, Body: `Tiêu đề ${key}\n\nNội dung bài viết.` }),
    );
  }
});
afterAll(async () => {
  docStub?.restore();
  s3Stub?.restore();
  await emu?.close();
});

/** Every command the store and handler use goes through to the emulators unless a fault matches. */
function passThrough(faults: {
  s3?: (key: string) => Error | undefined;
  doc?: (cmd: string, input: unknown) => Error | undefined | Promise<Error | undefined>;
}) {
  docStub?.restore();
  s3Stub?.restore();
  docStub = mockClient(faultyDoc);
  s3Stub = mockClient(faultyS3);
  const real = emu.doc;
  const commands = {
    PutCommand,
    GetCommand,
    QueryCommand,
    BatchWriteCommand,
    BatchGetCommand,
    DeleteCommand,
    UpdateCommand,
    ScanCommand,
  };
  for (const [name, Command] of Object.entries(commands)) {
    const Ctor = Command as unknown as new (input: unknown) => PutCommand;
    docStub.on(Command as typeof PutCommand).callsFake(async (input: unknown) => {
      const err = await faults.doc?.(name, input);
      if (err) throw err;
      return real.send(new Ctor(input));
    });
  }
  s3Stub.on(GetObjectCommand).callsFake(async (input: { Bucket: string; Key: string }) => {
    const err = faults.s3?.(input.Key);
    if (err) throw err;
    return emu.s3.send(new GetObjectCommand(input));
  });
}

const badPk = `A#${articleId(BAD)}`;

async function setup() {
  const tableName = `faults-${++tables}`;
  await ensureTable(emu.dynamo, tableName);
  const store = new DynamoArticleStore({ doc: faultyDoc, tableName });
  const readStore = new DynamoArticleStore({ doc: emu.doc, tableName });
  const metrics = new RecordingMetrics();
  const ingest = createIngestHandler({
    s3: faultyS3,
    store,
    config: { incomingPrefix: 'incoming/', maxObjectBytes: 1024 * 1024 },
    metrics,
  });
  return { ingest, store, readStore, metrics };
}

/** Sort keys of the items under an article's partition (article item `#`, body items `B#…`). */
async function partitionKeys(readStore: DynamoArticleStore, pk: string): Promise<string[]> {
  const res = await emu.doc.send(
    new QueryCommand({
      TableName: readStore.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
    }),
  );
  return (res.Items ?? []).map((it) => String(it.sk));
}

/** Whether a BatchWriteItem input deletes a body item. */
const deletesBodyItem = (input: unknown) =>
  Object.values(
    (input as { RequestItems: Record<string, { DeleteRequest?: { Key: { sk: string } } }[]> }).RequestItems,
  )
    .flat()
    .some((r) => r.DeleteRequest?.Key.sk.startsWith('B#') ?? false);

function batch() {
  return sqsEvent(
    { kind: 'create', key: GOOD_A, size: 40, sequencer: '01' },
    { kind: 'create', key: BAD, size: 40, sequencer: '01' },
    { kind: 'create', key: GOOD_B, size: 40, sequencer: '01' },
  );
}

describe('ingest handler under faults', () => {
  beforeEach(() => {
    passThrough({});
  });

  for (const [faultName, fault] of Object.entries(FAULTS)) {
    it(`returns only the affected message when GetObject fails with ${faultName}`, async () => {
      passThrough({ s3: (key) => (key === BAD ? fault() : undefined) });
      const { ingest, readStore, metrics } = await setup();
      const event = batch();
      const res = await ingest(event);
      expect(res.batchItemFailures).toEqual([{ itemIdentifier: event.Records[1]!.messageId }]);
      expect(await readStore.getArticle(articleId(GOOD_A))).not.toBeNull();
      expect(await readStore.getArticle(articleId(GOOD_B))).not.toBeNull();
      expect(await readStore.getArticle(articleId(BAD))).toBeNull();
      expect(metrics.counts.retried).toBe(1);
      // The retry, with the fault gone, stores it.
      passThrough({});
      expect((await ingest({ Records: [event.Records[1]!] })).batchItemFailures).toEqual([]);
      expect((await readStore.getArticle(articleId(BAD)))?.status).toBe('stored');
    });

    it(`returns only the affected message when PutItem fails with ${faultName}`, async () => {
      passThrough({
        doc: (cmd, input) =>
          cmd === 'PutCommand' && (input as { Item: { pk: string } }).Item.pk === badPk ? fault() : undefined,
      });
      const { ingest, readStore } = await setup();
      const event = batch();
      expect((await ingest(event)).batchItemFailures).toEqual([
        { itemIdentifier: event.Records[1]!.messageId },
      ]);
      expect(await readStore.getArticle(articleId(GOOD_A))).not.toBeNull();
      expect(await readStore.getArticle(articleId(BAD))).toBeNull();
    });

    it(`returns only the affected message when writing its postings fails with ${faultName}, and the retry repairs the index`, async () => {
      const badId = articleId(BAD);
      passThrough({
        doc: (cmd, input) =>
          cmd === 'BatchWriteCommand' &&
          Object.values(
            (input as { RequestItems: Record<string, { PutRequest?: { Item: { sk: string } } }[]> })
              .RequestItems,
          )
            .flat()
            .some((r) => r.PutRequest?.Item.sk.endsWith(`#${badId}`))
            ? fault()
            : undefined,
      });
      const { ingest, readStore } = await setup();
      const event = batch();
      expect((await ingest(event)).batchItemFailures).toEqual([
        { itemIdentifier: event.Records[1]!.messageId },
      ]);
      // The article item was written before its postings failed: not listed yet.
      const listed = await readStore.listArticles({ status: 'stored' }, { limit: 10 });
      expect(listed.items.map((a) => a.id).sort()).toEqual([articleId(GOOD_A), articleId(GOOD_B)].sort());
      passThrough({});
      expect((await ingest({ Records: [event.Records[1]!] })).batchItemFailures).toEqual([]);
      const after = await readStore.listArticles({ status: 'stored' }, { limit: 10 });
      expect(after.items.map((a) => a.id)).toContain(articleId(BAD));
    });
  }

  it('leaves one body item after a write that died between its body item and its article item is retried', async () => {
    passThrough({
      doc: (cmd, input) =>
        cmd === 'PutCommand' && (input as { Item: { pk: string } }).Item.pk === badPk
          ? serverError()
          : undefined,
    });
    const { ingest, readStore } = await setup();
    const event = batch();
    expect((await ingest(event)).batchItemFailures).toHaveLength(1);
    // The body item went first; nothing points at it yet, so no read sees it.
    expect(await partitionKeys(readStore, badPk)).toEqual([`B#${'0'.repeat(38)}01#0000`]);
    expect(await readStore.getArticle(articleId(BAD))).toBeNull();
    passThrough({});
    expect((await ingest({ Records: [event.Records[1]!] })).batchItemFailures).toEqual([]);
    // The retry wrote the same body item again (keyed by the event's sequencer), then the article item.
    expect(await partitionKeys(readStore, badPk)).toEqual(['#', `B#${'0'.repeat(38)}01#0000`]);
    expect((await readStore.getArticle(articleId(BAD)))?.body).toContain('Nội dung bài viết.');
  });

  it('removes the body items of a deleted article when a delete that failed half-way is retried', async () => {
    passThrough({});
    const { ingest, store, readStore } = await setup();
    expect((await ingest(batch())).batchItemFailures).toEqual([]);
    const id = articleId(BAD);
    passThrough({
      doc: (cmd, input) =>
        cmd === 'BatchWriteCommand' && deletesBodyItem(input) ? serverError() : undefined,
    });
    await expect(store.deleteArticle(id, '02')).rejects.toThrow();
    // The tombstone went first: the article is gone for readers, and the tombstone names its body item.
    expect(await readStore.getArticle(id)).toBeNull();
    expect(await partitionKeys(readStore, badPk)).toEqual(['#', `B#${'0'.repeat(38)}01#0000`]);
    passThrough({});
    expect(await store.deleteArticle(id, '02')).toBe('applied');
    expect(await partitionKeys(readStore, badPk)).toEqual(['#']);
  });

  it('retries the items BatchWriteItem leaves unprocessed', async () => {
    passThrough({});
    let dropped = 0;
    docStub.on(BatchWriteCommand).callsFake(async (input: { RequestItems: Record<string, unknown[]> }) => {
      const [table, requests] = Object.entries(input.RequestItems)[0]!;
      // Throttled half-way: the first call of each group writes half and hands back the rest.
      if (requests.length > 1 && dropped < 3) {
        dropped++;
        const half = Math.ceil(requests.length / 2);
        await emu.doc.send(
          new BatchWriteCommand({ RequestItems: { [table]: requests.slice(0, half) as never } }),
        );
        return { UnprocessedItems: { [table]: requests.slice(half) } };
      }
      return emu.doc.send(new BatchWriteCommand(input as never));
    });
    const { ingest, readStore } = await setup();
    expect((await ingest(batch())).batchItemFailures).toEqual([]);
    expect(dropped).toBeGreaterThan(0);
    for (const key of [GOOD_A, BAD, GOOD_B]) {
      const page = await readStore.listArticles({ status: 'stored', q: key }, { limit: 5 });
      expect(page.items.map((a) => a.id)).toEqual([articleId(key)]);
    }
  });

  it('treats a conditional-check failure for an older event as success, not a retry', async () => {
    // A newer event for the same key (a delete) lands between the handler's read and its conditional put.
    let readStore: DynamoArticleStore | undefined;
    let raced = false;
    passThrough({
      doc: async (cmd, input) => {
        if (raced || cmd !== 'PutCommand' || (input as { Item: { pk: string } }).Item.pk !== badPk)
          return undefined;
        raced = true;
        await readStore!.deleteArticle(articleId(BAD), 'FF');
        return conditionFailed();
      },
    });
    const setUp = await setup();
    readStore = setUp.readStore;
    const res = await setUp.ingest(batch());
    expect(raced).toBe(true);
    expect(res.batchItemFailures).toEqual([]);
    expect(setUp.metrics.counts.retried + setUp.metrics.counts.failed).toBe(0);
    expect(setUp.metrics.counts.stored).toBe(2);
    expect(await readStore.getArticle(articleId(BAD))).toBeNull();
  });

  it('looks again after losing a conditional put to another writer, and stores a newer event', async () => {
    let raced = 0;
    passThrough({
      doc: (cmd, input) => {
        if (raced > 0 || cmd !== 'PutCommand' || (input as { Item: { pk: string } }).Item.pk !== badPk)
          return undefined;
        raced++;
        return conditionFailed();
      },
    });
    const { ingest, metrics } = await setup();
    const res = await ingest(batch());
    expect(raced).toBe(1);
    expect(res.batchItemFailures).toEqual([]);
    expect(metrics.counts.stored).toBe(3);
  });

  it('counts a message that is not an S3 event as malformed and does not retry it (no retry could fix it)', async () => {
    const { ingest, metrics } = await setup();
    const event = batch();
    event.Records[0]!.body = 'not json';
    expect((await ingest(event)).batchItemFailures).toEqual([]);
    expect(metrics.counts.malformed).toBe(1);
  });
});
