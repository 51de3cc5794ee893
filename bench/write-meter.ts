/**
 * Meters what a DynamoDB writer costs on demand, as AWS bills it: a document client stand-in that passes
 * every request to the real (emulated) table and, for each item written, reads the item before and after
 * and counts write request units: one per started KB of the larger of the two (a failed conditional
 * write is billed too), plus, per global secondary index the item is or was in (projection ALL), one
 * per KB for the new entry and one per KB for removing the old one when the index key changed.
 * Rules: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
 * and .../GSI.html#GSI.ThroughputConsiderations.Writes. Bench only: it doubles the requests it measures.
 */
import {
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { TableDefinition } from '../shared/store/table';

type Item = Record<string, unknown>;

/** DynamoDB's item size: attribute names plus values (strings and binary by bytes, numbers ~ digits/2). */
export function itemBytes(item: Item): number {
  let n = 0;
  for (const [name, value] of Object.entries(item)) n += Buffer.byteLength(name) + valueBytes(value);
  return n;
}

function valueBytes(v: unknown): number {
  if (typeof v === 'string') return Buffer.byteLength(v);
  if (typeof v === 'number') return Math.ceil(String(Math.abs(v)).replace('.', '').length / 2) + 1;
  if (typeof v === 'boolean' || v === null || v === undefined) return 1;
  if (v instanceof Uint8Array) return v.byteLength;
  if (Array.isArray(v)) return 3 + v.reduce((n: number, x) => n + 1 + valueBytes(x), 0);
  if (v instanceof Set) return [...v].reduce((n: number, x) => n + valueBytes(x), 0);
  if (typeof v === 'object') return 3 + itemBytes(v as Item) + Object.keys(v as Item).length;
  return 0;
}

const units = (item: Item | undefined) => (item ? Math.max(1, Math.ceil(itemBytes(item) / 1024)) : 0);

export class WriteMeter {
  writeUnits = 0;
  /** Items written (each item of a BatchWriteItem too), failed conditional writes included. */
  itemWrites = 0;
  /** Write units by what was written: article item, chunk, counter, index entry or posting, story item. */
  byKind = new Map<string, number>();
  requests = new Map<string, number>();

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly def: TableDefinition,
  ) {}

  asDocumentClient(): DynamoDBDocumentClient {
    return { send: (command: unknown) => this.send(command) } as unknown as DynamoDBDocumentClient;
  }

  private async get(key: Item): Promise<Item | undefined> {
    const res = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true }),
    );
    return res.Item;
  }

  private bill(before: Item | undefined, after: Item | undefined) {
    this.itemWrites++;
    const start = this.writeUnits;
    this.writeUnits += Math.max(units(before), units(after));
    for (const index of this.def.globalSecondaryIndexes) {
      const keyOf = (it: Item | undefined) =>
        it && it[index.partitionKey.name] !== undefined && it[index.sortKey.name] !== undefined
          ? `${String(it[index.partitionKey.name])}\u0000${String(it[index.sortKey.name])}`
          : undefined;
      const was = keyOf(before);
      const is = keyOf(after);
      if (was !== undefined && was !== is) this.writeUnits += units(before);
      if (is !== undefined) this.writeUnits += units(after);
    }
    const it = (after ?? before) as Item | undefined;
    const kind = !it
      ? 'nothing'
      : /^[SKDRW]#/.test(String(it.pk)) || it.sk === 'S'
        ? 'story'
        : it.sk === '#'
          ? 'article'
          : String(it.pk).startsWith('C#')
            ? 'counter'
            : String(it.pk).startsWith('CD#')
              ? 'counter delta'
              : String(it.sk).startsWith('B#')
                ? 'chunk'
                : 'index';
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + this.writeUnits - start);
  }

  private async send(command: unknown): Promise<unknown> {
    const name = (command as object).constructor.name.replace(/Command$/, '');
    this.requests.set(name, (this.requests.get(name) ?? 0) + 1);
    const keyOf = (it: Item) => ({ pk: it.pk, sk: it.sk });
    const one = async (key: Item, attempted: Item | undefined) => {
      const before = await this.get(key);
      try {
        return { before, res: await this.doc.send(command as never) };
      } catch (err) {
        if ((err as Error).name === 'ConditionalCheckFailedException') {
          this.writeUnits += Math.max(units(before), units(attempted));
          this.itemWrites++;
        }
        throw err;
      }
    };
    if (command instanceof PutCommand) {
      const item = command.input.Item as Item;
      const { before, res } = await one(keyOf(item), item);
      this.bill(before, item);
      return res;
    }
    if (command instanceof DeleteCommand || command instanceof UpdateCommand) {
      const key = command.input.Key as Item;
      const { before, res } = await one(key, undefined);
      this.bill(before, await this.get(key));
      return res;
    }
    if (command instanceof BatchWriteCommand) {
      const requests = Object.values(command.input.RequestItems ?? {})[0] ?? [];
      const keys = requests.map((r) =>
        r.PutRequest ? keyOf(r.PutRequest.Item as Item) : (r.DeleteRequest!.Key as Item),
      );
      const before = await Promise.all(keys.map((k) => this.get(k)));
      const res = (await this.doc.send(command)) as { UnprocessedItems?: Record<string, unknown[]> };
      const left = new Set(
        (Object.values(res.UnprocessedItems ?? {})[0] ?? []).map((r) => JSON.stringify(r)),
      );
      requests.forEach((r, i) => {
        if (left.has(JSON.stringify(r))) return;
        this.bill(before[i], r.PutRequest ? (r.PutRequest.Item as Item) : undefined);
      });
      return res;
    }
    return this.doc.send(command as never);
  }
}
