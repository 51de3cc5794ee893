/**
 * The editor page in a real browser: a throwaway local stack (in memory, free port) gets the seeds, a file
 * with no title or date and a file it must reject; headless Chromium (Debian's `chromium`, driven by
 * playwright-core) waits for the page's data, then, at a desktop and a phone width, takes a screenshot of the
 * articles view and of the stories view and measures the element boxes: nothing may stick out of the page
 * or of its pane.
 *
 * `npm run page:check [-- OUT_PREFIX]` writes OUT_PREFIX-<width>.png (default .scratch/editor-page) and
 * prints what it measured; the test suite calls `checkEditorPage` directly.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { startLocalStack } from './stack';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const WIDTHS = [1280, 390] as const;
const SEEDS = join(import.meta.dirname, '..', '..', 'shared', 'seeds');

/** A file with neither a title line nor a date: the page must show its file name, marked, listed apart. */
const UNTITLED_UNDATED =
  'Bài viết này không có dòng tiêu đề và không ghi ngày đăng, để thử trang biên tập.\n';

// Runs in the page. A string, so the TypeScript loader's helpers don't leak into the browser.
export const MEASURE = `(() => {
  const viewport = document.documentElement.clientWidth;
  const describe = (el) =>
    el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className ? '.' + String(el.className).split(' ')[0] : '');
  const overflowing = [];
  if (document.documentElement.scrollWidth > viewport + 1)
    overflowing.push('page (' + document.documentElement.scrollWidth + 'px)');
  for (const pane of document.querySelectorAll('header, #status, #progress, #list-pane, #detail')) {
    const box = pane.getBoundingClientRect();
    if (box.right > viewport + 1) overflowing.push(describe(pane));
    for (const el of pane.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > box.right + 1) overflowing.push(describe(el) + ' in ' + describe(pane));
    }
  }
  let whenLines = 0;
  for (const cell of document.querySelectorAll('#rejections td.when')) {
    const range = document.createRange();
    range.selectNodeContents(cell);
    const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
    whenLines = Math.max(whenLines, tops.size);
  }
  return { overflowing, whenLines, text: document.body.innerText, lang: document.documentElement.lang };
})()`;

export interface WidthReport {
  width: number;
  screenshot: string;
  /** Elements whose box runs past the viewport's right edge or their pane's. */
  overflowing: string[];
  /** Height of the tallest "When" cell, in lines of its text. */
  whenLines: number;
  /** Text of the page, for checks on what it shows. */
  text: string;
  lang: string;
  /** The same measures on the stories view (`#view=stories`). */
  stories: { screenshot: string; overflowing: string[]; text: string };
}

async function waitFor(done: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > until) throw new Error('page-check: the files were not processed in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function checkEditorPage(outPrefix: string, lang: 'vi' | 'en' = 'vi'): Promise<WidthReport[]> {
  const root = await mkdtemp(join(tmpdir(), 'newsdrop-page-check-'));
  const inbox = join(root, 'inbox');
  await mkdir(inbox, { recursive: true });
  const stack = await startLocalStack({
    port: 0,
    memory: true,
    dataDir: join(root, 'data'),
    inboxDir: inbox,
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    for (const seed of ['000_018482176d444e67.txt', '003_7e95508e90133d9c.txt'])
      await copyFile(join(SEEDS, seed), join(inbox, seed));
    await writeFile(join(inbox, 'ghi-chu-khong-tieu-de.txt'), UNTITLED_UNDATED);
    await writeFile(join(inbox, 'tep-rong-co-ten-rat-dai-de-thu-xem-bang-co-tran-ra-ngoai-khong.txt'), '');
    await waitFor(async () => {
      const [articles, undated, rejections] = await Promise.all(
        ['/articles?limit=10', '/articles?dated=false&limit=10', '/rejections?limit=10'].map(async (path) => {
          const res = await fetch(`${stack.url}${path}`);
          return res.ok ? ((await res.json()) as { items: unknown[] }).items.length : 0;
        }),
      );
      return (articles ?? 0) + (undated ?? 0) >= 3 && (rejections ?? 0) >= 1;
    });
    await mkdir(dirname(outPrefix), { recursive: true });
    const reports: WidthReport[] = [];
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: { width, height: 1000 } });
      await page.goto(`${stack.url}/?lang=${lang}`);
      await page.waitForSelector('html[data-loaded="true"]', { timeout: 30_000 });
      const screenshot = `${outPrefix}-${width}.png`;
      await page.screenshot({ path: screenshot, fullPage: true });
      const measured = (await page.evaluate(MEASURE)) as Omit<
        WidthReport,
        'width' | 'screenshot' | 'stories'
      >;
      await page.goto(`${stack.url}/?lang=${lang}#view=stories`);
      await page.waitForSelector('#stories li', { timeout: 30_000 });
      const storiesShot = `${outPrefix}-stories-${width}.png`;
      await page.screenshot({ path: storiesShot, fullPage: true });
      const stories = (await page.evaluate(MEASURE)) as { overflowing: string[]; text: string };
      reports.push({
        width,
        screenshot,
        ...measured,
        stories: { screenshot: storiesShot, overflowing: stories.overflowing, text: stories.text },
      });
      await page.close();
    }
    return reports;
  } finally {
    await browser.close();
    await stack.close();
    await rm(root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(CHROMIUM)) {
    process.stderr.write(
      `page-check: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM)\n`,
    );
    process.exit(2);
  }
  const out = process.argv[2] ?? '.scratch/editor-page';
  const lang = process.argv[3] === 'en' ? 'en' : 'vi';
  let ok = true;
  for (const r of await checkEditorPage(out, lang)) {
    ok &&= r.overflowing.length === 0 && r.whenLines <= 1 && r.stories.overflowing.length === 0;
    console.log(
      `${r.width}px: ${r.screenshot}, overflowing: ${r.overflowing.length ? r.overflowing.join(', ') : 'none'}, "When" cells: ${r.whenLines} line(s); stories view ${r.stories.screenshot}, overflowing: ${r.stories.overflowing.join(', ') || 'none'}`,
    );
  }
  process.exit(ok ? 0 : 1);
}
