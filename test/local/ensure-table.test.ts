import type { AddressInfo } from 'node:net';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { afterEach, expect, it } from 'vitest';
import { ensureTable } from '../../local/emulators';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

it('returns only once the table is ACTIVE, so the first read of a new table does not fail', async () => {
  // dynalite keeps a new table CREATING for createTableMs; reads of it fail with ResourceNotFound until then.
  const server = dynalite({ createTableMs: 300 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  const dynamo = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  await ensureTable(dynamo, 'articles');
  const read = await dynamo.send(
    new GetItemCommand({ TableName: 'articles', Key: { pk: { S: 'A#x' }, sk: { S: 'A' } } }),
  );
  expect(read.Item).toBeUndefined();
  dynamo.destroy();
});
