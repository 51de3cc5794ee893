/**
 * The whole service on one machine: emulated S3 and DynamoDB, S3 notifications delivered through an
 * SQS-like queue into the same ingest handler the Lambda runs, the same query application the API
 * serves, and an inbox folder kept in step with the bucket. `npm start` (local/start.ts) runs this; the
 * end-to-end tests start it in-process.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { IngestHandler } from '../functions/lib/ingest-handler';
import type { IngestLogger } from '../functions/lib/observability';
import { decodeS3Key, parseSqsBody } from '../shared/ingest/s3-event';
import type { ArticleRecord } from '../shared/model/article';
import { articleId, INCOMING_PREFIX } from '../shared/process';
import type { DynamoArticleStore } from '../shared/store/index';
import { startCounterTimer } from './counter-timer';
import { startEmulators } from './emulators';
import { createLocalApps } from './handlers';
import { type InboxSyncSummary, InboxWatcher } from './inbox';
import { ENDPOINTS_FILE, type LocalEndpoints } from './link';
import { notificationBody, SequencerClock, toS3Notification } from './notifications';
import { type DeadLetter, LocalQueue } from './queue';
import { createLocalApp, listen } from './server';

export interface LocalStackOptions {
  /** HTTP port for the page and the API; 0 picks a free one. @default 3000 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** Folder watched for articles. @default './inbox' */
  inboxDir?: string;
  /** Folder for the emulators' data, the cursor secret and endpoints.json. @default '.newsdrop' */
  dataDir?: string;
  /** Keep nothing: emulators in a temporary folder removed on close. */
  memory?: boolean;
  /** Called once the HTTP server listens, before the inbox catch-up (to print where things are). */
  onServing?: (info: { url: string; endpoints: LocalEndpoints; inboxDir: string; dataDir: string }) => void;
  /** Called once per processed file event. */
  onFile?: (result: FileResult) => void;
  /** Called when a notification is parked in the dead-letter list. */
  onDeadLetter?: (message: DeadLetter) => void;
  /** Called when an inbox upload or delete fails. */
  onInboxError?: (err: unknown, relativePath: string) => void;
  /** Logger for the ingest handler (silent by default). */
  logger?: IngestLogger;
  /** Story window (hours), as the ingest Lambda's `STORY_WINDOW_HOURS`. @default 72 */
  storyWindowHours?: number;
  /** Receives before a notification is dead-lettered. @default 5 */
  maxReceiveCount?: number;
  /** Delay before a failed notification is received again. @default 250 ms doubling */
  retryDelayMs?: (receiveCount: number) => number;
  /** Wraps the ingest handler (fault injection in tests). */
  wrapIngest?: (handler: IngestHandler) => IngestHandler;
}

export type FileResult =
  | {
      kind: 'stored';
      key: string;
      id: string;
      title: string | null;
      entities: number;
      topics: number;
    }
  | { kind: 'rejected'; key: string; id: string; code: string; message: string }
  | { kind: 'deleted'; key: string; id: string };

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The one line `npm start` prints for a processed file. */
export function formatFileResult(r: FileResult): string {
  switch (r.kind) {
    case 'stored': {
      // One line per file even for long titles: cut at a word near 80 characters.
      const short =
        r.title && r.title.length > 80 ? `${r.title.slice(0, 80).replace(/\s+\S*$/, '')}…` : r.title;
      const title = short ? JSON.stringify(short) : '(no title)';
      return `stored    ${r.key}  ${title}  ${count(r.entities, 'entity', 'entities')}, ${count(r.topics, 'topic', 'topics')}`;
    }
    case 'rejected':
      return `rejected  ${r.key}  ${r.code}: ${r.message}`;
    case 'deleted':
      return `deleted   ${r.key}`;
  }
}

export interface LocalStack {
  /** Base URL of the page and the API, e.g. http://localhost:3000 */
  url: string;
  port: number;
  endpoints: LocalEndpoints;
  inboxDir: string;
  dataDir: string;
  memory: boolean;
  /** What the inbox catch-up did on start. */
  inboxSync: InboxSyncSummary;
  store: DynamoArticleStore;
  queue: LocalQueue;
  /** Resolves when every inbox change so far has been uploaded, processed and counted. */
  settled(): Promise<void>;
  /** Stops watching, drains the queue, closes the servers and keeps what is left for the next run. */
  close(): Promise<void>;
}

const QUEUE_FILE = 'queue.json';
const DEAD_LETTER_FILE = 'dead-letters.json';
const SECRET_FILE = 'cursor-secret';
const DRAIN_TIMEOUT_MS = 15_000;

async function readJson<T>(path: string, fallback: T): Promise<T> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw err;
  }
}

/** The secret that seals API cursors: made once per data folder, so cursors survive a restart. */
async function cursorSecret(dataDir: string, memory: boolean): Promise<string> {
  if (memory) return randomBytes(32).toString('hex');
  const path = join(dataDir, SECRET_FILE);
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    const secret = randomBytes(32).toString('hex');
    await writeFile(path, `${secret}\n`, { mode: 0o600 });
    return secret;
  }
}

/** Another live stack already uses the data folder (its emulators would fight over the files). */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly running: LocalEndpoints,
  ) {
    super(`another newsdrop local stack (pid ${running.pid}, ${running.api}) is using ${dataDir}`);
    this.name = 'DataDirInUseError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const memory = options.memory ?? false;
  const dataDir = resolve(options.dataDir ?? '.newsdrop');
  const inboxDir = resolve(options.inboxDir ?? 'inbox');
  const host = options.host ?? '127.0.0.1';
  await mkdir(dataDir, { recursive: true });
  // endpoints.json doubles as the lock: it names the live stack's pid and is removed on close.
  const running = await readJson<LocalEndpoints | null>(join(dataDir, ENDPOINTS_FILE), null);
  if (running && isAlive(running.pid)) throw new DataDirInUseError(dataDir, running);

  const emulators = await startEmulators({
    ...(memory ? { memory: true } : { dataDir }),
    dynamoThread: true,
  });
  const cleanups: (() => Promise<void>)[] = [() => emulators.close()];
  const closeAll = async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  };
  try {
    // What the handler stored, by key, until its line is printed: the lines need no read of the table.
    const stored = new Map<string, ArticleRecord>();
    const apps = createLocalApps({
      s3: emulators.s3,
      doc: emulators.doc,
      tableName: emulators.tableName,
      cursorSecret: await cursorSecret(dataDir, memory),
      ...(options.logger && { logger: options.logger }),
      onStored: (record) => stored.set(record.source.key, record),
      ...(options.storyWindowHours !== undefined && { storyWindowHours: options.storyWindowHours }),
    });
    const ingest = options.wrapIngest ? options.wrapIngest(apps.ingest) : apps.ingest;

    const counts = { stored: 0, rejected: 0 };
    const report = (body: string) => {
      const parsed = parseSqsBody(body);
      if (parsed.kind !== 'records') return;
      for (const r of parsed.records) {
        const key = decodeS3Key(r.s3?.object?.key ?? '');
        if (!key.startsWith(INCOMING_PREFIX) || key.endsWith('/')) continue;
        const id = articleId(key);
        if (r.eventName?.startsWith('ObjectRemoved:')) {
          options.onFile?.({ kind: 'deleted', key, id });
          continue;
        }
        const record = stored.get(key);
        if (!record) continue; // stale: a newer event for the key decides
        stored.delete(key);
        counts[record.status === 'rejected' ? 'rejected' : 'stored']++;
        if (record.status === 'rejected') {
          options.onFile?.({
            kind: 'rejected',
            key,
            id,
            code: record.rejection?.code ?? 'unknown',
            message: record.rejection?.message ?? '',
          });
        } else {
          const { person, organization, place } = record.entities;
          options.onFile?.({
            kind: 'stored',
            key,
            id,
            title: record.title,
            entities: person.length + organization.length + place.length,
            topics: record.topics.length,
          });
        }
      }
    };

    // Counters: this process alone uses the data folder, so a fold left open by a run that died is
    // finished at once (no lease to wait out); then the aggregator's handler runs every second.
    await apps.store.foldCounters({ leaseMs: 0 });
    const counterTimer = startCounterTimer(apps.counters, {
      onError: (err) => process.stderr.write(`counter aggregator: ${(err as Error).message}\n`),
    });
    cleanups.push(() => counterTimer.stop());

    const deadLettersPath = join(dataDir, DEAD_LETTER_FILE);
    const queue = new LocalQueue({
      consumer: ingest,
      onDone: (m) => report(m.body),
      onDeadLetter: (m) => options.onDeadLetter?.(m),
      ...(options.maxReceiveCount !== undefined && { maxReceiveCount: options.maxReceiveCount }),
      ...(options.retryDelayMs && { retryDelayMs: options.retryDelayMs }),
    });
    if (!memory) {
      queue.deadLetters.push(...(await readJson<DeadLetter[]>(deadLettersPath, [])));
      // Notifications not yet handled when the last run stopped: handle them now.
      for (const m of await readJson<{ body: string }[]>(join(dataDir, QUEUE_FILE), [])) queue.send(m.body);
      await rm(join(dataDir, QUEUE_FILE), { force: true });
    }

    // S3 → SQS: every object event becomes a real-S3-shaped message (encoded key, growing sequencer).
    const clock = new SequencerClock();
    emulators.s3rver.on('event', (event) => {
      for (const record of event.Records) {
        queue.send(notificationBody(toS3Notification(record, clock.next())));
      }
    });

    const status = () => ({ waiting: queue.size, ...counts, deadLetters: queue.deadLetters.length });
    const server = await listen(await createLocalApp(apps.query, status), options.port ?? 3000, host);
    cleanups.push(() => server.close());
    const url = `http://${host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host}:${server.port}`;

    const endpoints: LocalEndpoints = {
      api: url,
      s3: emulators.s3Endpoint,
      bucket: emulators.bucket,
      dynamo: emulators.dynamoEndpoint,
      table: emulators.tableName,
      inbox: inboxDir,
      pid: process.pid,
    };
    options.onServing?.({ url, endpoints, inboxDir, dataDir });

    const inbox = new InboxWatcher({
      dir: inboxDir,
      s3: emulators.s3,
      bucket: emulators.bucket,
      prefix: INCOMING_PREFIX,
      ...(!memory && { manifestPath: join(dataDir, 'inbox.json') }),
      ...(options.onInboxError && { onError: options.onInboxError }),
    });
    const inboxSync = await inbox.start();

    const endpointsPath = join(dataDir, ENDPOINTS_FILE);
    await writeFile(endpointsPath, `${JSON.stringify(endpoints, null, 2)}\n`);

    let closing: Promise<void> | undefined;
    return {
      url,
      port: server.port,
      endpoints,
      inboxDir,
      dataDir,
      memory,
      inboxSync,
      store: apps.store,
      queue,
      async settled() {
        await inbox.idle();
        await queue.drain();
        await counterTimer.runNow();
      },
      close() {
        closing ??= (async () => {
          await inbox.close();
          await queue.drain(DRAIN_TIMEOUT_MS);
          const left = queue.stop();
          await counterTimer.stop();
          await apps.store.foldCounters();
          if (!memory) {
            if (left.length > 0) await writeFile(join(dataDir, QUEUE_FILE), JSON.stringify(left));
            await writeFile(deadLettersPath, `${JSON.stringify(queue.deadLetters, null, 2)}\n`);
          }
          await rm(endpointsPath, { force: true });
          await closeAll();
        })();
        return closing;
      },
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}
