import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIR } from '../../local/server';
import { type LocalStack, startLocalStack } from '../../local/stack';

const ROOT = join(import.meta.dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';

describe('editor page', () => {
  let stack: LocalStack;
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'newsdrop-page-'));
    stack = await startLocalStack({
      port: 0,
      memory: true,
      dataDir: join(root, 'data'),
      inboxDir: join(root, 'inbox'),
    });
  });
  afterAll(async () => {
    await stack.close();
    await rm(root, { recursive: true, force: true });
  });

  it('is served at / with its script and stylesheet, beside the API routes', async () => {
    const page = await fetch(`${stack.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('src="/editor/app.js"');
    expect(html).toContain('href="/editor/style.css"');
    const script = await fetch(`${stack.url}/editor/app.js`);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(await script.text()).toBe(await readFile(join(WEB_DIR, 'app.js'), 'utf8'));
    expect((await fetch(`${stack.url}/editor/style.css`)).headers.get('content-type')).toContain('text/css');
    expect((await fetch(`${stack.url}/health`)).status).toBe(200);
    expect((await fetch(`${stack.url}/articles/nope`)).status).toBe(404);
  });

  it('has a script that parses and finds every element it looks up by id in the page', async () => {
    const js = await readFile(join(WEB_DIR, 'app.js'), 'utf8');
    const html = await readFile(join(WEB_DIR, 'index.html'), 'utf8');
    expect(() => new Script(js)).not.toThrow();
    const ids = [...js.matchAll(/\$\('([\w-]+)'\)/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(5);
    for (const id of new Set(ids)) expect(html, `#${id}`).toContain(`id="${id}"`);
    // The script reads only endpoints the query API serves.
    for (const path of js.matchAll(/api\(`?'?(\/[a-z]+)/g)) {
      expect(['/articles', '/entities', '/topics', '/rejections']).toContain(path[1]);
    }
  });

  // Chromium is optional (CI machines may lack it): the check runs where Debian's package is installed.
  it.runIf(existsSync(CHROMIUM))(
    'renders articles, tags and rejections in headless Chromium',
    async () => {
      const out = join(root, 'page');
      const { stdout } = await promisify(execFile)(join(ROOT, 'local', 'check-page.sh'), [out], {
        cwd: ROOT,
      });
      expect(stdout).toContain('check-page: ok');
      expect(existsSync(`${out}-list.png`)).toBe(true);
    },
    120_000,
  );
});
