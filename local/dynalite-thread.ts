/**
 * dynalite in a worker thread: the same emulator on its own event loop, so the local stack's second core
 * runs DynamoDB (request parsing, validation, LevelDB) while the first parses, tags and sends requests.
 * In-process, dynalite and the handlers share one loop and every request's server half waits behind the
 * parser. The worker is plain JavaScript (dynalite is CommonJS), so it needs no TypeScript loader.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface DynaliteThreadOptions {
  /** LevelDB folder; omitted keeps the data in the worker's memory. */
  path?: string;
  port?: number;
}

export interface DynaliteThread {
  port: number;
  /** Closes the server (and its database, flushing it to disk) and ends the thread. */
  close(): Promise<void>;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const dynalite = require(workerData.module);
const server = dynalite(workerData.options);
server.once('error', (err) => parentPort.postMessage({ error: String(err && err.stack || err) }));
server.listen(workerData.port, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (message) => {
  if (message !== 'close') return;
  server.close(() => parentPort.postMessage({ closed: true }));
  server.closeAllConnections(); // keep-alive sockets of clients would hold the close up
});
`;

export async function startDynaliteThread(options: DynaliteThreadOptions = {}): Promise<DynaliteThread> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      module: createRequire(import.meta.url).resolve('dynalite'),
      port: options.port ?? 0,
      options: {
        createTableMs: 0,
        deleteTableMs: 0,
        updateTableMs: 0,
        ...(options.path && { path: options.path }),
      },
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m: { port?: number; error?: string }) =>
      m.port !== undefined ? resolve(m.port) : reject(new Error(`dynalite thread: ${m.error}`)),
    );
  }).catch(async (err) => {
    await worker.terminate();
    throw err;
  });
  let closing: Promise<void> | undefined;
  return {
    port,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          worker.once('message', () => resolve());
          worker.once('error', () => resolve());
          worker.postMessage('close');
        });
        await worker.terminate();
      })();
      return closing;
    },
  };
}
