/**
 * Bundles a Lambda entry the way the CDK stack does (esbuild, minified, ESM, node22, AWS SDK external),
 * so the bench measures what is deployed.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

export const ROOT = join(import.meta.dirname, '..');

export async function bundleEntry(entry: string, outDir: string): Promise<{ file: string; bytes: number }> {
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, 'index.mjs');
  await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    minify: true,
    sourcemap: false,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    mainFields: ['module', 'main'],
    external: ['@aws-sdk/*'],
    // Same banner as the CDK functions: some CommonJS dependencies call require().
    banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
    logLevel: 'silent',
  });
  return { file, bytes: (await stat(file)).size };
}

/** A hello-world handler that creates the same AWS SDK clients: the cold-start floor. */
export async function writeHelloWorld(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const entry = join(dir, 'hello.ts');
  await writeFile(
    entry,
    `import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
const s3 = new S3Client({ region: 'us-east-1' });
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
export const handler = async () => ({ ok: Boolean(s3 && doc) });
`,
  );
  return entry;
}
