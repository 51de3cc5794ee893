/** Which files in a folder are articles, and the keys they get: shared by the local stack's inbox watcher and `newsdrop upload`. */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Editor and OS droppings that are not articles: hidden files, swap and partial-download files. */
export function isIgnoredName(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.startsWith('~$') ||
    name.endsWith('~') ||
    /\.(swp|swx|tmp|part|crdownload|download)$/i.test(name) ||
    name === 'Thumbs.db' ||
    name === 'desktop.ini'
  );
}

/**
 * The object key for a file: prefix + relative path with `/`, the name as the file system gives it (as
 * `aws s3 cp` uploads it; macOS names may be NFD). The article id is the same either way (articleId).
 */
export function fileKey(prefix: string, relativePath: string): string {
  return `${prefix}${relativePath.split(sep).join('/')}`;
}

/** Article files under a folder, recursively, as sorted paths relative to it; hidden folders skipped. */
export async function listArticleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !isIgnoredName(e.name))
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .filter((rel) => !rel.split(sep).some((part) => part.startsWith('.')))
    .sort();
}
