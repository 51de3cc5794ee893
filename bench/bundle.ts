/**
 * Bundles a Lambda entry the way the CDK stack does (infra/newsdrop-function.ts: esbuild, minified ESM,
 * target from the functions' runtime, external source map without sources, the same banner, UTF-8 output,
 * AWS SDK external), so the bench measures what is deployed.
 */
import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ESBUILD_SUPPORTED, ESBUILD_TARGET, ESM_REQUIRE_BANNER } from '../infra/newsdrop-function';
import { INGEST_ASSETS, INGEST_CHUNKS } from '../shared/assets';

export const ROOT = join(import.meta.dirname, '..');

/** esbuild target of the deployed functions, as CDK derives it from the runtime: nodejs24.x → node24. */
export const BUNDLE_TARGET = ESBUILD_TARGET;

export async function bundleEntry(entry: string, outDir: string): Promise<{ file: string; bytes: number }> {
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, 'index.mjs');
  await esbuildAsDeployed(entry, file);
  // The data files sit beside the code, as in the Lambdas' assets (infra/ingest-pipeline.ts, query-api.ts),
  // and so do the chunks loaded only when needed (shared/assets: the second opinion on web pages, libraries for some formats).
  for (const asset of INGEST_ASSETS) await copyFile(asset.source, join(outDir, asset.name));
  for (const chunk of INGEST_CHUNKS)
    await esbuildAsDeployed(chunk.entry, join(outDir, chunk.name), chunk.format);
  return { file, bytes: (await stat(file)).size };
}

async function esbuildAsDeployed(
  entry: string,
  outfile: string,
  format: 'esm' | 'cjs' = 'esm',
): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    // Like CDK's sourceMap + sourcesContent: false: a linked .map file beside the bundle (not counted).
    sourcemap: true,
    sourcesContent: false,
    format,
    platform: 'node',
    target: BUNDLE_TARGET,
    mainFields: ['module', 'main'],
    external: ['@aws-sdk/*'],
    supported: { ...ESBUILD_SUPPORTED },
    // A CommonJS chunk has `require` already (and no `import.meta` for the banner to use).
    ...(format === 'esm' ? { banner: { js: ESM_REQUIRE_BANNER } } : {}),
    // As the stack's `charset: Charset.UTF8`.
    charset: 'utf8',
    logLevel: 'silent',
  });
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
