import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileKey, isIgnoredName, listArticleFiles } from '../../shared/ingest/files';
import { articleId } from '../../shared/process';

describe('inbox and upload file selection', () => {
  it('keys a file by its path with forward slashes and its name as the file system gives it', () => {
    const nfd = join('Tin tức', 'Hoà Bình.txt').normalize('NFD');
    expect(fileKey('incoming/', nfd)).toBe('incoming/Tin tức/Hoà Bình.txt'.normalize('NFD'));
    // Either form is one article.
    expect(articleId(fileKey('incoming/', nfd))).toBe(articleId('incoming/Tin tức/Hoà Bình.txt'));
  });

  it('derives the id after the configured upload prefix', () => {
    expect(articleId('uploads/a/bài.txt', 'uploads/')).toBe(articleId('incoming/a/bài.txt'));
    expect(articleId('uploads/a/bài.txt', 'uploads/')).toBe(articleId('a/bài.txt', ''));
    expect(articleId('uploads/a/bài.txt')).not.toBe(articleId('incoming/a/bài.txt'));
  });

  it('ignores hidden, swap, backup and partial-download files but not articles', () => {
    for (const name of [
      '.DS_Store',
      '.bai.txt.swp',
      'bai.txt~',
      '~$bai.docx',
      'bai.txt.part',
      'x.crdownload',
      'Thumbs.db',
    ]) {
      expect(isIgnoredName(name), name).toBe(true);
    }
    for (const name of ['bài viết.txt', 'a.html', 'b.md', 'c.json', 'README'])
      expect(isIgnoredName(name), name).toBe(false);
  });

  it('lists article files recursively, sorted, skipping hidden folders', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsdrop-files-'));
    await mkdir(join(dir, 'sub', 'deeper'), { recursive: true });
    await mkdir(join(dir, '.git'));
    await writeFile(join(dir, 'b.txt'), 'b');
    await writeFile(join(dir, 'sub', 'a.html'), 'a');
    await writeFile(join(dir, 'sub', 'deeper', 'c.md'), 'c');
    await writeFile(join(dir, '.git', 'HEAD'), 'ref');
    await writeFile(join(dir, 'sub', '.hidden.txt'), 'h');
    expect(await listArticleFiles(dir)).toEqual([
      'b.txt',
      join('sub', 'a.html'),
      join('sub', 'deeper', 'c.md'),
    ]);
  });
});
