/**
 * `npm start`: runs the local stack in the foreground and prints one line per processed file.
 * Flags and environment variables are documented in HELP below and in docs/local.md.
 */

import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger } from '../functions/lib/observability';
import { parseWindowHours } from '../shared/stories/config';
import { createBurstLog } from './burst-log';
import { DataDirInUseError, formatFileResult, startLocalStack } from './stack';

const HELP = `Usage: npm start -- [options]   (or: npx tsx local/start.ts [options])

Runs newsdrop on this machine: emulated S3 and DynamoDB, the ingest handler, the query API and the
editor page. Files dropped into the inbox are uploaded to incoming/, processed and queryable at once.

Options (each also an environment variable):
  --port N       HTTP port of the page and the API; 0 picks a free one   NEWSDROP_PORT   (default 3000)
  --inbox DIR    folder watched for article files                        NEWSDROP_INBOX  (default ./inbox)
  --data DIR     folder keeping the data between runs                    NEWSDROP_DATA   (default .newsdrop/)
  --memory       keep nothing: a throwaway run                           NEWSDROP_MEMORY=1
  (env only)     story window in hours, as the ingest Lambda's           STORY_WINDOW_HOURS (default 72)
  -h, --help     show this help

Prints a line containing "ready" and the API URL once it accepts files; Ctrl-C stops it cleanly.`;

function envFlag(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());
}

function display(path: string): string {
  const rel = relative(process.cwd(), path) || '.';
  return rel.startsWith('..') ? path : `./${rel}`;
}

async function main(argv: string[]): Promise<number> {
  let values: { port?: string; inbox?: string; data?: string; memory?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        inbox: { type: 'string' },
        data: { type: 'string' },
        memory: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    process.stderr.write(`newsdrop: ${(err as Error).message}\n\n${HELP}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const env = process.env;
  const rawPort = values.port ?? env.NEWSDROP_PORT ?? '3000';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65535) {
    process.stderr.write(
      `newsdrop: --port must be a port number (0-65535), got ${JSON.stringify(rawPort)}\n`,
    );
    return 2;
  }
  const memory = values.memory ?? envFlag(env.NEWSDROP_MEMORY);
  let storyWindowHours: number;
  try {
    storyWindowHours = parseWindowHours(env.STORY_WINDOW_HOURS);
  } catch (err) {
    process.stderr.write(`newsdrop: ${(err as Error).message}\n`);
    return 2;
  }
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const files = createBurstLog({ log, format: formatFileResult });

  const stack = await startLocalStack({
    port,
    memory,
    inboxDir: values.inbox ?? env.NEWSDROP_INBOX ?? 'inbox',
    dataDir: values.data ?? env.NEWSDROP_DATA ?? '.newsdrop',
    logger: createLogger('newsdrop-local', env.POWERTOOLS_LOG_LEVEL ?? 'ERROR'),
    storyWindowHours,
    onServing: (info) => {
      const inbox = display(info.inboxDir);
      log('newsdrop local stack');
      log(`  drop article files (.txt .html .md .json) into ${inbox}/`);
      log(`  editor page   ${info.url}/`);
      log(`  API           ${info.url}/articles   ${info.url}/openapi.json`);
      log(`  S3 (emulated) ${info.endpoints.s3}  bucket ${info.endpoints.bucket}, uploads under incoming/`);
      log(
        `  data          ${memory ? 'in memory (nothing is kept)' : `${display(info.dataDir)}/ (kept between runs)`}`,
      );
    },
    onFile: files.onFile,
    onDeadLetter: (m) =>
      process.stderr.write(
        `failed    ${m.body.length > 200 ? `${m.body.slice(0, 200)}…` : m.body}\n          after ${m.receiveCount} attempts (${m.lastError}); kept in the dead-letter list\n`,
      ),
    onInboxError: (err, rel) => process.stderr.write(`inbox     ${rel}: ${(err as Error).message}\n`),
  }).catch((err: unknown) => {
    const e = err as NodeJS.ErrnoException;
    if (err instanceof DataDirInUseError) {
      process.stderr.write(`newsdrop: ${err.message}; stop it first, or use another --data folder\n`);
      return null;
    }
    if (e.code === 'EADDRINUSE') {
      process.stderr.write(`newsdrop: port ${port} is in use; pick another with --port N\n`);
      return null;
    }
    throw err;
  });
  if (!stack) return 1;

  const s = stack.inboxSync;
  if (s.uploaded + s.deleted > 0 || s.unchanged > 0) {
    log(`  inbox catch-up: ${s.uploaded} uploaded, ${s.unchanged} unchanged, ${s.deleted} deleted`);
  }
  log(`newsdrop ready at ${stack.url} (inbox: ${display(stack.inboxDir)})`);

  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) {
        process.stderr.write('newsdrop: stopping now\n');
        process.exit(130);
      }
      stopping = true;
      log(`\n${signal}: finishing work in progress…`);
      void stack.close().then(() => {
        files.close();
        log(memory ? 'stopped' : `stopped; data kept in ${display(stack.dataDir)}/`);
        resolve();
      });
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  });
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
