import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { processUpload } from '../../shared/ingest/ingest';
import { validateArticle } from '../../shared/model/article';
import { SEED_FILES, SEEDS_DIR } from '../helpers';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'newsdrop.js');

async function newsdrop(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('newsdrop CLI', () => {
  it('parse prints one schema-valid JSON line per seed, in argument order', async () => {
    const files = SEED_FILES.map((f) => join(SEEDS_DIR, f)).reverse();
    const { code, stdout } = await newsdrop('parse', ...files);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const records = lines.map((l) => JSON.parse(l));
    expect(records.map((r) => r.source.key)).toEqual([...SEED_FILES].reverse());
    for (const r of records) expect(validateArticle(r)).toMatchObject({ ok: true });
  });

  it('parse gives a web page the record ingest gives it, second opinion included', async () => {
    // Team-written text in a block our own extraction reads as page furniture: only Readability.js finds it.
    const paragraph = (n: number) =>
      `Đoạn ${n}: người dân ven sông đã cùng nhau dọn rác dọc bờ kè suốt buổi sáng, rồi trồng thêm hàng cây mới để giữ đất khi mùa mưa đến.`;
    const html = `<html><head><title>Dọn rác ven sông</title></head><body><aside>${[1, 2, 3, 4, 5]
      .map((n) => `<p>${paragraph(n)}</p>`)
      .join('')}</aside></body></html>`;
    const dir = await mkdtemp(join(tmpdir(), 'newsdrop-cli-'));
    await writeFile(join(dir, 'ven-song.html'), html);
    const { code, stdout } = await newsdrop('parse', join(dir, 'ven-song.html'));
    expect(code).toBe(0);
    const record = JSON.parse(stdout);
    expect(record.body.split('\n\n')).toEqual([1, 2, 3, 4, 5].map(paragraph));
    const ingested = await processUpload({ key: 'ven-song.html' }, Buffer.from(html));
    expect({ ...record, processedAt: null }).toEqual(
      JSON.parse(JSON.stringify({ ...ingested, processedAt: null })),
    );
  });

  it('parse exits 1 and prints a rejected record for an empty file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsdrop-cli-'));
    const empty = join(dir, 'empty.txt');
    await writeFile(empty, '');
    const { code, stdout } = await newsdrop('parse', empty, join(SEEDS_DIR, SEED_FILES[0]));
    expect(code).toBe(1);
    const [first, second] = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(first).toMatchObject({ status: 'rejected', rejection: { code: 'empty_file' } });
    expect(second.status).toBe('stored');
  });

  it('exits 2 on a usage error and documents every command in --help', async () => {
    expect((await newsdrop('parse')).code).toBe(2);
    expect((await newsdrop('frobnicate')).code).toBe(2);
    const help = await newsdrop('--help');
    expect(help.code).toBe(0);
    for (const cmd of ['parse', 'schema', 'upload', 'redrive', 'reindex']) expect(help.stdout).toContain(cmd);
  });

  it('schema prints a JSON Schema', async () => {
    const { code, stdout } = await newsdrop('schema');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).$schema).toContain('2020-12');
  });
});
