/**
 * End to end, as a newcomer uses it: start the local stack, drop files into its inbox, read the records
 * over HTTP; delete one; restart on the same data and find the rest. Also `npm start`'s own entry point,
 * spawned, and `newsdrop upload` against a running stack.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { type FileResult, type LocalStack, startLocalStack } from '../../local/stack';
import { articleId } from '../../shared/process';
import { SEED_FILES, SEEDS_DIR, SHARED_DIR } from '../helpers';

const ROOT = join(import.meta.dirname, '..', '..');
const CORPUS_DIR = join(SHARED_DIR, 'corpus', 'unc-dantri', 'dev');

async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Polls until `check` returns a value (not undefined); fails the test after `timeoutMs`. */
async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const article = (stack: LocalStack, name: string) =>
  getJson(`${stack.url}/articles/${articleId(`incoming/${name}`)}`);

describe('local stack end to end', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('ingests a file with a macOS (NFD) name dropped into the inbox, under the NFC id, and deletes it with the file', async () => {
    const root = await mkdtemp(join(tmpdir(), 'newsdrop-e2e-nfd-'));
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    const inboxDir = join(root, 'inbox');
    const stack = await startLocalStack({ port: 0, memory: true, dataDir: join(root, 'data'), inboxDir });
    cleanups.push(() => stack.close());
    const nfd = 'Hòa Bình mùa lũ.txt'.normalize('NFD');
    await writeFile(join(inboxDir, nfd), 'Hòa Bình mùa lũ\n\nTỉnh Hòa Bình chuẩn bị ứng phó mùa lũ năm nay.');
    const record = await until('the NFD-named file', async () => {
      const { status, body } = await article(stack, 'Hòa Bình mùa lũ.txt');
      return status === 200 ? body : undefined;
    });
    expect(record).toMatchObject({ status: 'stored', source: { key: `incoming/${nfd}` } });
    await rm(join(inboxDir, nfd));
    await until('the article to go with its file', async () =>
      (await article(stack, 'Hòa Bình mùa lũ.txt')).status === 404 ? true : undefined,
    );
  });

  it('ingests files dropped into the inbox, serves them over HTTP, deletes with the file and keeps data across a restart', async () => {
    const root = await mkdtemp(join(tmpdir(), 'newsdrop-e2e-'));
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    const dataDir = join(root, 'data');
    const inboxDir = join(root, 'inbox');
    const lines: FileResult[] = [];
    const options = { port: 0, dataDir, inboxDir, onFile: (r: FileResult) => lines.push(r) };
    let stack = await startLocalStack(options);
    cleanups.push(() => stack.close());
    expect(stack.inboxSync).toEqual({ uploaded: 0, unchanged: 0, deleted: 0 });

    const corpus = (await readdir(CORPUS_DIR))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .slice(0, 3);
    expect(corpus).toHaveLength(3);
    const renamed = 'Bản tin sáng.txt'; // a name real S3 would URL-encode
    for (const seed of SEED_FILES) await copyFile(join(SEEDS_DIR, seed), join(inboxDir, seed));
    for (const file of corpus) await copyFile(join(CORPUS_DIR, file), join(inboxDir, file));
    await copyFile(join(SEEDS_DIR, SEED_FILES[0]), join(inboxDir, renamed));
    await writeFile(join(inboxDir, 'empty.txt'), '');
    const stored = [...SEED_FILES, ...corpus, renamed];

    for (const name of stored) {
      const record = await until(name, async () => {
        const { status, body } = await article(stack, name);
        return status === 200 ? body : undefined;
      });
      expect(record).toMatchObject({ status: 'stored', source: { key: `incoming/${name}` } });
      expect(typeof record.title === 'string' && record.title.length > 0).toBe(true);
    }
    const rejected = await until('empty.txt', async () => {
      const { status, body } = await article(stack, 'empty.txt');
      return status === 200 ? body : undefined;
    });
    expect(rejected).toMatchObject({ status: 'rejected', rejection: { code: 'empty_file' } });
    await stack.settled();
    expect(
      lines
        .filter((l) => l.kind === 'stored')
        .map((l) => l.key)
        .sort(),
    ).toEqual(stored.map((n) => `incoming/${n}`).sort());
    expect(lines.find((l) => l.kind === 'rejected')).toMatchObject({
      key: 'incoming/empty.txt',
      code: 'empty_file',
    });

    // Saving a file again updates its article in place.
    const before = (await article(stack, corpus[0]!)).body;
    await copyFile(join(SEEDS_DIR, SEED_FILES[1]), join(inboxDir, corpus[0]!));
    const updated = await until('the overwritten article to change', async () => {
      const { body } = await article(stack, corpus[0]!);
      return (body.source as { sha256: string }).sha256 !== (before.source as { sha256: string }).sha256
        ? body
        : undefined;
    });
    expect(updated.id).toBe(before.id);
    expect(updated.title).toBe((await article(stack, SEED_FILES[1])).body.title);

    // Deleting the file deletes the article.
    await rm(join(inboxDir, renamed));
    await until('the deleted article to be gone', async () =>
      (await article(stack, renamed)).status === 404 ? true : undefined,
    );

    // Stop and start again on the same data: everything else is still there, nothing is re-processed.
    await stack.close();
    lines.length = 0;
    stack = await startLocalStack(options);
    expect(stack.inboxSync).toEqual({ uploaded: 0, unchanged: stored.length, deleted: 0 });
    for (const name of [...SEED_FILES, ...corpus]) {
      const { status, body } = await article(stack, name);
      expect(status).toBe(200);
      expect(body).toMatchObject({ status: 'stored', source: { key: `incoming/${name}` } });
    }
    expect((await article(stack, renamed)).status).toBe(404);
    expect((await getJson(`${stack.url}/health`)).status).toBe(200);
    await stack.settled();
    expect(lines).toEqual([]);
    await stack.close();
  });

  it('catches up on start with files changed or removed while it was stopped', async () => {
    const root = await mkdtemp(join(tmpdir(), 'newsdrop-e2e-'));
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    const options = { port: 0, dataDir: join(root, 'data'), inboxDir: join(root, 'inbox') };
    await mkdir(options.inboxDir, { recursive: true });
    await copyFile(join(SEEDS_DIR, SEED_FILES[0]), join(options.inboxDir, 'a.txt'));
    await copyFile(join(SEEDS_DIR, SEED_FILES[1]), join(options.inboxDir, 'b.txt'));
    let stack = await startLocalStack(options);
    cleanups.push(() => stack.close());
    expect(stack.inboxSync).toEqual({ uploaded: 2, unchanged: 0, deleted: 0 });
    await stack.settled();
    const before = (await article(stack, 'a.txt')).body;
    await stack.close();

    await copyFile(join(SEEDS_DIR, SEED_FILES[1]), join(options.inboxDir, 'a.txt'));
    await rm(join(options.inboxDir, 'b.txt'));
    stack = await startLocalStack(options);
    expect(stack.inboxSync).toEqual({ uploaded: 1, unchanged: 0, deleted: 1 });
    await stack.settled();
    const after = (await article(stack, 'a.txt')).body;
    expect(after.source).not.toEqual(before.source);
    expect((await article(stack, 'b.txt')).status).toBe(404);
    await stack.close();
  });
});

describe('npm start and newsdrop upload', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGKILL');
  });

  it('starts from the command line, prints ready with the API URL, uploads with newsdrop upload and stops cleanly on SIGINT', async () => {
    const root = await mkdtemp(join(tmpdir(), 'newsdrop-cli-'));
    const dataDir = join(root, 'data');
    child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'local/start.ts',
        '--memory',
        '--port',
        '0',
        '--data',
        dataDir,
        '--inbox',
        join(root, 'inbox'),
      ],
      {
        cwd: ROOT,
        env: { ...process.env, NODE_OPTIONS: '--openssl-legacy-provider' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    const url = await until(
      'the ready line',
      async () => stdout.match(/ready at (http:\/\/\S+)/)?.[1],
      30_000,
    );
    expect((await getJson(`${url}/health`)).status).toBe(200);

    const upload = join(root, 'upload');
    await mkdir(join(upload, 'nested'), { recursive: true });
    await copyFile(join(SEEDS_DIR, SEED_FILES[0]), join(upload, SEED_FILES[0]));
    await copyFile(join(SEEDS_DIR, SEED_FILES[1]), join(upload, 'nested', SEED_FILES[1]));
    await writeFile(join(upload, 'empty.txt'), '');
    const result = await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'bin', 'newsdrop.js'), 'upload', '--data', dataDir, upload],
      { cwd: ROOT },
    ).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('rejected');
    expect(result.stdout).toMatch(/empty\.txt\s+empty_file/);
    expect(result.stdout).toContain('2 stored, 1 rejected');
    const nested = await getJson(`${url}/articles/${articleId(`incoming/nested/${SEED_FILES[1]}`)}`);
    expect(nested.body).toMatchObject({
      status: 'stored',
      source: { key: `incoming/nested/${SEED_FILES[1]}` },
    });
    await until('the stored line', async () =>
      stdout.includes('stored    incoming/nested/') ? true : undefined,
    );

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout).toContain('stopped');
    child = undefined;

    // With the stack gone, upload says how to start one (usage error).
    const none = await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'bin', 'newsdrop.js'), 'upload', '--data', dataDir, upload],
      { cwd: ROOT },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('npm start');
  });
});

describe('newsdrop upload with explicit endpoints', () => {
  it('uploads to a given S3 endpoint under a given prefix and waits on a given API', async () => {
    const root = await mkdtemp(join(tmpdir(), 'newsdrop-upload-'));
    const stack = await startLocalStack({
      port: 0,
      memory: true,
      dataDir: join(root, 'data'),
      inboxDir: join(root, 'inbox'),
    });
    try {
      const file = join(root, 'Bản tin.txt');
      await copyFile(join(SEEDS_DIR, SEED_FILES[0]), file);
      const args = [
        'upload',
        '--s3-endpoint',
        stack.endpoints.s3,
        '--api',
        stack.url,
        '--prefix',
        'incoming/desk/',
      ];
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [join(ROOT, 'bin', 'newsdrop.js'), ...args, file],
        {
          cwd: root,
        },
      );
      expect(stdout).toContain('1 stored, 0 rejected');
      const { status, body } = await getJson(
        `${stack.url}/articles/${articleId('incoming/desk/Bản tin.txt')}`,
      );
      expect(status).toBe(200);
      expect(body).toMatchObject({ status: 'stored', source: { key: 'incoming/desk/Bản tin.txt' } });
    } finally {
      await stack.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('npm start options', () => {
  const start = (...args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'local/start.ts', ...args], { cwd: ROOT }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it('documents every flag and its environment variable in --help', async () => {
    const { code, stdout } = await start('--help');
    expect(code).toBe(0);
    for (const flag of ['--port', '--inbox', '--data', '--memory']) expect(stdout).toContain(flag);
    for (const env of ['NEWSDROP_PORT', 'NEWSDROP_INBOX', 'NEWSDROP_DATA', 'NEWSDROP_MEMORY'])
      expect(stdout).toContain(env);
  });

  it('exits 2 on a bad flag or port, before starting anything', async () => {
    expect((await start('--port', 'eighty')).code).toBe(2);
    const unknown = await start('--colour');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--colour');
  });
});
