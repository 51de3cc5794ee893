/**
 * An in-memory stand-in for the DynamoDB document client, implementing exactly the requests the
 * article store makes (it throws on any other expression, so the two cannot drift apart silently).
 *
 * It is also the scheduler of the writers that share it: requests run one at a time, each atomically,
 * and the next to run is drawn (seeded) from all the requests waiting once every writer has had its
 * turn to send its next one (after one macrotask, when all promise continuations have run). So an
 * interleaving depends on the seed and the code alone, not on timing or load, and any waiting request
 * may overtake any other: the property tests drive the real store through it at a volume dynalite is
 * too slow for, and a failing seed fails again.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ARTICLE_TABLE } from '../../shared/store/table';

type Item = Record<string, unknown>;
type Input = Record<string, unknown> & {
  Key?: Item;
  Item?: Item;
  ConditionExpression?: string;
  KeyConditionExpression?: string;
  FilterExpression?: string;
  UpdateExpression?: string;
  ExpressionAttributeValues?: Record<string, unknown>;
  ExpressionAttributeNames?: Record<string, string>;
  IndexName?: string;
  Limit?: number;
  ScanIndexForward?: boolean;
  ExclusiveStartKey?: Item;
  Select?: string;
  ReturnValues?: string;
};

class ConditionalCheckFailedException extends Error {
  override name = 'ConditionalCheckFailedException';
}

export class FakeDynamo {
  readonly items = new Map<string, Item>();
  requests = 0;
  private rng: () => number;
  /** Requests sent and not yet run. */
  private readonly waiting: (() => void)[] = [];
  private stepping = false;

  constructor(seed = 1) {
    // mulberry32: reproducible interleavings per seed.
    let a = seed >>> 0;
    this.rng = () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /** Looks enough like a DynamoDBDocumentClient for the store. */
  asDocumentClient(): DynamoDBDocumentClient {
    return {
      send: (command: { constructor: { name: string }; input: Input }) => this.send(command),
    } as never;
  }

  private key(pk: unknown, sk: unknown) {
    return `${String(pk)}\u0000${String(sk)}`;
  }

  private send(command: { constructor: { name: string }; input: Input }): Promise<unknown> {
    this.requests++;
    return new Promise((resolve, reject) => {
      this.waiting.push(() => {
        try {
          resolve(this.run(command));
        } catch (err) {
          reject(err);
        }
      });
      if (!this.stepping) {
        this.stepping = true;
        setImmediate(() => this.step());
      }
    });
  }

  /** Runs one waiting request, drawn at random, then waits for the writers to send their next ones. */
  private step() {
    const [next] = this.waiting.splice(Math.floor(this.rng() * this.waiting.length), 1);
    next!();
    if (this.waiting.length > 0) setImmediate(() => this.step());
    else this.stepping = false;
  }

  private run(command: { constructor: { name: string }; input: Input }): unknown {
    const input = structuredClone(command.input);
    switch (command.constructor.name) {
      case 'PutCommand':
        return this.put(input);
      case 'GetCommand':
        return { Item: structuredClone(this.items.get(this.key(input.Key!.pk, input.Key!.sk))) };
      case 'DeleteCommand':
        return this.delete(input);
      case 'UpdateCommand':
        return this.update(input);
      case 'QueryCommand':
        return this.query(input);
      case 'ScanCommand':
        return this.scan(input);
      case 'BatchWriteCommand':
        return this.batchWrite(input);
      case 'BatchGetCommand':
        return this.batchGet(input);
      default:
        throw new Error(`FakeDynamo: unsupported command ${command.constructor.name}`);
    }
  }

  private check(
    condition: string | undefined,
    existing: Item | undefined,
    values: Record<string, unknown> = {},
    names: Record<string, string> = {},
  ) {
    if (condition === undefined) return;
    let ok: boolean;
    if (condition === 'attribute_not_exists(#d.#e) OR #d.#e < :newest') {
      const entry = (existing?.[names['#d']!] as Item | undefined)?.[names['#e']!];
      ok = entry === undefined || String(entry) < String(values[':newest']);
    } else if (condition === 'attribute_not_exists(#d)') ok = existing?.[names['#d']!] === undefined;
    else if (condition === 'attribute_not_exists(mv) AND (attribute_not_exists(ls) OR ls < :t)') {
      ok =
        existing?.mv === undefined &&
        (existing?.ls === undefined || Number(existing.ls) < Number(values[':t']));
    } else if (condition === 'attribute_not_exists(seq) OR seq <= :seq') {
      ok = existing?.seq === undefined || String(existing.seq) <= String(values[':seq']);
    } else if (condition === 'wid = :wid') ok = existing !== undefined && existing.wid === values[':wid'];
    else if (condition === 'attribute_not_exists(pk)') ok = existing === undefined;
    else if (condition === 'attribute_exists(pk)') ok = existing !== undefined;
    else if (condition === 'n = :n') ok = existing !== undefined && existing.n === values[':n'];
    else if (condition === 'n = :n AND attribute_not_exists(dk)') {
      ok = existing !== undefined && existing.n === values[':n'] && existing.dk === undefined;
    } else if (condition === 'lid = :lid') ok = existing !== undefined && existing.lid === values[':lid'];
    else if (condition === 'attribute_not_exists(mv)') ok = existing?.mv === undefined;
    else if (condition === 'sz = :zero AND attribute_not_exists(mv)') {
      ok = existing !== undefined && existing.sz === values[':zero'] && existing.mv === undefined;
    } else throw new Error(`FakeDynamo: unsupported condition ${condition}`);
    if (!ok) throw new ConditionalCheckFailedException('The conditional request failed');
  }

  private put(input: Input) {
    const item = input.Item!;
    const k = this.key(item.pk, item.sk);
    this.check(input.ConditionExpression, this.items.get(k), input.ExpressionAttributeValues);
    this.items.set(k, item);
    return {};
  }

  private delete(input: Input) {
    const k = this.key(input.Key!.pk, input.Key!.sk);
    const existing = this.items.get(k);
    this.check(input.ConditionExpression, existing, input.ExpressionAttributeValues);
    this.items.delete(k);
    return input.ReturnValues === 'ALL_OLD' && existing ? { Attributes: structuredClone(existing) } : {};
  }

  private update(input: Input) {
    const k = this.key(input.Key!.pk, input.Key!.sk);
    const existing = this.items.get(k);
    this.check(
      input.ConditionExpression,
      existing,
      input.ExpressionAttributeValues,
      input.ExpressionAttributeNames,
    );
    const item: Item = structuredClone(existing) ?? { ...input.Key };
    const values = input.ExpressionAttributeValues ?? {};
    const names = input.ExpressionAttributeNames ?? {};
    const name = (n: string) => names[n] ?? n;
    const updated: Item = {};
    // Clauses: SET a = :x, b = if_not_exists(b, :y) | ADD n :d, s :set | DELETE s :set | REMOVE a, b
    const parts = (input.UpdateExpression ?? '')
      .split(/(?:^| )(?=(?:SET|ADD|DELETE|REMOVE) )/)
      .filter(Boolean);
    if (parts.length === 0) throw new Error(`FakeDynamo: unsupported update ${input.UpdateExpression}`);
    for (const part of parts) {
      const [, action, rest] = /^(SET|ADD|DELETE|REMOVE) (.+)$/.exec(part.trim()) ?? [];
      if (!action || !rest) throw new Error(`FakeDynamo: unsupported update ${input.UpdateExpression}`);
      for (const clause of rest.split(/, (?![^(]*\))/)) {
        if (action === 'REMOVE') {
          if (!/^[#\w]+$/.test(clause)) throw new Error(`FakeDynamo: unsupported REMOVE ${clause}`);
          delete item[name(clause)];
          continue;
        }
        if (action === 'SET') {
          const ine = /^([#\w]+) = if_not_exists\(([#\w]+), (:\w+)\)$/.exec(clause);
          const set = /^([#\w]+) = (:\w+)$/.exec(clause);
          const path = /^([#\w]+)\.([#\w]+) = (:\w+)$/.exec(clause);
          if (path) {
            const map = item[name(path[1]!)] as Item | undefined;
            if (map === undefined || typeof map !== 'object') {
              const err = new Error(
                'The document path provided in the update expression is invalid for update',
              );
              err.name = 'ValidationException';
              throw err;
            }
            map[name(path[2]!)] = values[path[3]!];
          } else if (ine) {
            if (item[name(ine[1]!)] === undefined) item[name(ine[1]!)] = values[ine[3]!];
          } else if (set) item[name(set[1]!)] = values[set[2]!];
          else throw new Error(`FakeDynamo: unsupported SET clause ${clause}`);
          continue;
        }
        const m = /^([#\w]+) (:\w+)$/.exec(clause);
        if (!m) throw new Error(`FakeDynamo: unsupported ${action} clause ${clause}`);
        const attr = name(m[1]!);
        const value = values[m[2]!];
        if (value instanceof Set) {
          const had = new Set((item[attr] as Set<unknown> | undefined) ?? []);
          for (const v of value) action === 'ADD' ? had.add(v) : had.delete(v);
          if (had.size > 0) item[attr] = had;
          else delete item[attr];
        } else if (action === 'ADD') {
          item[attr] = Number(item[attr] ?? 0) + Number(value);
          updated[attr] = item[attr];
        } else throw new Error(`FakeDynamo: unsupported DELETE of a non-set ${clause}`);
      }
    }
    this.items.set(k, item);
    if (input.ReturnValues === 'UPDATED_NEW') return { Attributes: updated };
    return {};
  }

  private query(input: Input) {
    const v = input.ExpressionAttributeValues ?? {};
    const kce = input.KeyConditionExpression ?? '';
    let hashName: string;
    let rangeName: string;
    if (input.IndexName) {
      const index = ARTICLE_TABLE.globalSecondaryIndexes.find((i) => i.indexName === input.IndexName);
      if (!index) throw new Error(`FakeDynamo: no index ${input.IndexName}`);
      hashName = index.partitionKey.name;
      rangeName = index.sortKey.name;
    } else {
      hashName = 'pk';
      rangeName = 'sk';
    }
    const hm = new RegExp(`^${hashName} = (:\\w+)(?: AND (.+))?$`).exec(kce);
    if (!hm) throw new Error(`FakeDynamo: unsupported key condition ${kce}`);
    const hash = v[hm[1]!];
    const r = hm[2];
    let rangeOk: (x: unknown) => boolean = () => true;
    if (r !== undefined) {
      const between = new RegExp(`^${rangeName} BETWEEN (:\\w+) AND (:\\w+)$`).exec(r);
      const compare = new RegExp(`^${rangeName} (>=|<=|>|<) (:\\w+)$`).exec(r);
      const begins = new RegExp(`^begins_with\\(${rangeName}, (:\\w+)\\)$`).exec(r);
      if (between) {
        const lo = v[between[1]!] as string;
        const hi = v[between[2]!] as string;
        rangeOk = (x) => (x as string) >= lo && (x as string) <= hi;
      } else if (compare) {
        const op = compare[1]!;
        const b = v[compare[2]!] as string;
        const x2 = (x: unknown) => x as string;
        rangeOk = (x) =>
          op === '>=' ? x2(x) >= b : op === '<=' ? x2(x) <= b : op === '>' ? x2(x) > b : x2(x) < b;
      } else if (begins) {
        const prefix = v[begins[1]!] as string;
        rangeOk = (x) => typeof x === 'string' && x.startsWith(prefix);
      } else throw new Error(`FakeDynamo: unsupported range condition ${r}`);
    }
    const cmp = (a: Item, b: Item) => {
      const x = a[rangeName] as string | number;
      const y = b[rangeName] as string | number;
      if (x !== y) return x < y ? -1 : 1;
      const ka = this.key(a.pk, a.sk);
      const kb = this.key(b.pk, b.sk);
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    };
    let rows = [...this.items.values()].filter(
      (it) => it[hashName] === hash && it[rangeName] !== undefined && rangeOk(it[rangeName]),
    );
    rows.sort(cmp);
    if (input.ScanIndexForward === false) rows.reverse();
    if (input.ExclusiveStartKey) {
      const start = input.ExclusiveStartKey;
      const dir = input.ScanIndexForward === false ? -1 : 1;
      rows = rows.filter((it) => cmp(it, start) * dir > 0);
    }
    return this.page(rows, input, input.IndexName ? [hashName, rangeName] : []);
  }

  private page(rows: Item[], input: Input, indexKeys: string[]) {
    const limit = input.Limit ?? Number.POSITIVE_INFINITY;
    const taken = rows.slice(0, limit);
    const last = taken[taken.length - 1];
    const more = rows.length > taken.length && last;
    const LastEvaluatedKey = more
      ? Object.fromEntries(['pk', 'sk', ...indexKeys].map((k) => [k, last[k]]))
      : undefined;
    if (input.Select === 'COUNT') return { Count: taken.length, LastEvaluatedKey };
    return { Items: structuredClone(taken), Count: taken.length, LastEvaluatedKey };
  }

  private scan(input: Input) {
    const v = input.ExpressionAttributeValues ?? {};
    let keep: (it: Item) => boolean;
    if (input.FilterExpression === 'sk = :main AND attribute_not_exists(del)') {
      keep = (it) => it.sk === v[':main'] && it.del === undefined;
    } else if (input.FilterExpression === 'attribute_exists(cpk)') keep = (it) => it.cpk !== undefined;
    else if (
      input.FilterExpression === '(begins_with(pk, :article) AND sk = :main) OR begins_with(pk, :story)'
    ) {
      const starts = (it: Item, prefix: unknown) => String(it.pk).startsWith(String(prefix));
      keep = (it) => (starts(it, v[':article']) && it.sk === v[':main']) || starts(it, v[':story']);
    } else throw new Error(`FakeDynamo: unsupported filter ${input.FilterExpression}`);
    // No Limit paging needed for the sizes tests use: one page with everything.
    return { Items: structuredClone([...this.items.values()].filter(keep)) };
  }

  private batchWrite(input: Input) {
    const requests = Object.values(input.RequestItems as Record<string, Item[]>)[0] ?? [];
    if (requests.length > 25) throw new Error('FakeDynamo: more than 25 writes in a batch');
    for (const r of requests as { PutRequest?: { Item: Item }; DeleteRequest?: { Key: Item } }[]) {
      if (r.PutRequest)
        this.items.set(this.key(r.PutRequest.Item.pk, r.PutRequest.Item.sk), r.PutRequest.Item);
      else if (r.DeleteRequest) this.items.delete(this.key(r.DeleteRequest.Key.pk, r.DeleteRequest.Key.sk));
    }
    return { UnprocessedItems: {} };
  }

  private batchGet(input: Input) {
    const [table, req] = Object.entries(input.RequestItems as Record<string, { Keys: Item[] }>)[0]!;
    if (req.Keys.length > 100) throw new Error('FakeDynamo: more than 100 keys in a batch');
    const found = req.Keys.map((k) => this.items.get(this.key(k.pk, k.sk))).filter((x): x is Item => !!x);
    return { Responses: { [table]: structuredClone(found) }, UnprocessedKeys: {} };
  }
}
