/**
 * The local HTTP app: the editor page at `/` (plain files from local/web) in front of the query
 * application, which serves every API route exactly as the query Lambda does.
 */
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

export const WEB_DIR = join(import.meta.dirname, 'web');

const PAGE_FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/editor/common.js': { file: 'common.js', type: 'text/javascript; charset=utf-8' },
  '/editor/stories.js': { file: 'stories.js', type: 'text/javascript; charset=utf-8' },
  '/editor/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/editor/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
  '/editor/messages.json': { file: 'messages.json', type: 'application/json; charset=utf-8' },
};

/** What the local stack is doing, for the editor page's live progress during a burst. */
export interface LocalStatus {
  /** Notifications waiting, retrying or being handled. */
  waiting: number;
  /** Files stored and rejected since the stack started. */
  stored: number;
  rejected: number;
  deadLetters: number;
}

export async function createLocalApp(
  query: Hono,
  status?: () => LocalStatus,
  webDir = WEB_DIR,
): Promise<Hono> {
  const app = new Hono();
  for (const [path, { file, type }] of Object.entries(PAGE_FILES)) {
    const content = await readFile(join(webDir, file), 'utf8');
    app.get(path, (c) => c.body(content, 200, { 'content-type': type, 'cache-control': 'no-cache' }));
  }
  app.get('/favicon.ico', (c) => c.body(null, 204));
  if (status) app.get('/local/status', (c) => c.json(status(), 200, { 'cache-control': 'no-store' }));
  // Everything else is the query application's, handled whole (its CORS, 404 and error handling), as
  // API Gateway hands every request to the query Lambda.
  app.all('*', (c) => query.fetch(c.req.raw));
  return app;
}

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

export async function listen(app: Hono, port: number, hostname: string): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }) as Server;
    server.once('error', reject);
    server.once('listening', () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
          }),
      });
    });
  });
}
