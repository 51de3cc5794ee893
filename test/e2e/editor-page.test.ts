import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, checkEditorPage } from '../../local/page-check';
import { WEB_DIR } from '../../local/server';
import { type LocalStack, startLocalStack } from '../../local/stack';

/** The page's classic scripts, in the order index.html loads them (they share top-level names). */
const SCRIPTS = ['common.js', 'stories.js', 'app.js'];
const pageScript = async () =>
  (await Promise.all(SCRIPTS.map((name) => readFile(join(WEB_DIR, name), 'utf8')))).join('\n');

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
    expect(html).toContain('href="/editor/style.css"');
    for (const name of SCRIPTS) {
      expect(html).toContain(`src="/editor/${name}"`);
      const script = await fetch(`${stack.url}/editor/${name}`);
      expect(script.headers.get('content-type')).toContain('javascript');
      expect(await script.text()).toBe(await readFile(join(WEB_DIR, name), 'utf8'));
    }
    expect((await fetch(`${stack.url}/editor/style.css`)).headers.get('content-type')).toContain('text/css');
    expect((await fetch(`${stack.url}/editor/messages.json`)).headers.get('content-type')).toContain('json');
    expect(await (await fetch(`${stack.url}/local/status`)).json()).toEqual({
      waiting: 0,
      stored: 0,
      rejected: 0,
      deadLetters: 0,
    });
    expect((await fetch(`${stack.url}/health`)).status).toBe(200);
    expect((await fetch(`${stack.url}/articles/nope`)).status).toBe(404);
  });

  it('has the same interface strings in Vietnamese and English, and uses each of them', async () => {
    const messages = JSON.parse(await readFile(join(WEB_DIR, 'messages.json'), 'utf8'));
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.vi).sort());
    const page = (await pageScript()) + (await readFile(join(WEB_DIR, 'index.html'), 'utf8'));
    for (const key of Object.keys(messages.vi)) expect(page, key).toMatch(new RegExp(`['"]${key}['"]`));
  });

  it('has a script that parses and finds every element it looks up by id in the page', async () => {
    const js = await pageScript();
    const html = await readFile(join(WEB_DIR, 'index.html'), 'utf8');
    expect(() => new Script(js)).not.toThrow();
    const ids = [...js.matchAll(/\$\('([\w-]+)'\)/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(5);
    for (const id of new Set(ids)) expect(html, `#${id}`).toContain(`id="${id}"`);
    // The script reads only endpoints the query API serves.
    for (const path of js.matchAll(/api\(`?'?(\/[a-z]+)/g)) {
      expect(['/articles', '/entities', '/topics', '/rejections', '/stories']).toContain(path[1]);
    }
  });

  // A real browser: Debian's chromium, which .ci/run installs. Elsewhere the check runs where it is installed.
  it.runIf(existsSync(CHROMIUM) || process.env.CI)(
    'fits a desktop and a phone screen in headless Chromium, in Vietnamese or in English',
    async () => {
      for (const lang of ['vi', 'en'] as const) {
        const reports = await checkEditorPage(join(root, `page-${lang}`), lang);
        expect(reports.map((r) => r.width)).toEqual([1280, 390]);
        for (const r of reports) {
          expect(r.overflowing, `${lang} at ${r.width}px`).toEqual([]);
          expect(r.whenLines, `"When" column at ${r.width}px`).toBe(1);
          expect(r.lang).toBe(lang);
          expect(existsSync(r.screenshot)).toBe(true);
          // An article without a title shows its file name, marked; the rejected file is listed.
          expect(r.text).toContain('ghi-chu-khong-tieu-de.txt');
          expect(r.text).toContain(lang === 'vi' ? 'chưa có tiêu đề' : 'no title');
          expect(r.text).toContain(lang === 'vi' ? 'Tệp bị từ chối' : 'Rejected files');
          expect(r.text).toContain('Hội nghị các Trụ cột Cộng đồng ASEAN');
          // The stories view, in the same pane, fits too.
          expect(r.stories.overflowing, `stories view, ${lang} at ${r.width}px`).toEqual([]);
          expect(r.stories.text).toContain(lang === 'vi' ? 'Sự kiện mới nhất' : 'Latest stories');
          expect(existsSync(r.stories.screenshot)).toBe(true);
        }
      }
    },
    180_000,
  );
});
