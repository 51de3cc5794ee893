import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CHARDET_CHUNK,
  INGEST_ASSETS,
  QUERY_ASSETS,
  SECOND_OPINION_CHUNK,
  TITLE_LM_ASSET,
  YAML_CHUNK,
} from '../../shared/assets';
import { logicalId, newsdropStack, testApp } from './synth';

const outdir = mkdtempSync(join(tmpdir(), 'newsdrop-cdk-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('Lambda bundles', () => {
  it('bundles both functions with esbuild into minified UTF-8 ESM with source maps and no AWS SDK', () => {
    // The only stack test that bundles for real: esbuild runs for each function during synthesis.
    const stack = newsdropStack({}, testApp({ bundle: true, outdir }));
    const resources = Template.fromStack(stack).toJSON().Resources;
    const sizes: Record<string, number> = {};
    for (const [name, fn] of [
      ['ingest', stack.ingestPipeline.function],
      ['query', stack.queryApi.function],
    ] as const) {
      const assetHash = String(resources[logicalId(fn)].Properties.Code.S3Key).replace(/\.zip$/, '');
      const dir = join(outdir, `asset.${assetHash}`);
      const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
      expect(code.startsWith("import { createRequire } from 'module'; const require = createRequire(")).toBe(
        true,
      );
      expect(existsSync(join(dir, 'index.mjs.map'))).toBe(true);
      expect(code).not.toMatch(/node_modules\/@aws-sdk\//);
      sizes[name] = statSync(join(dir, 'index.mjs')).size;
      // UTF-8 output, as bench/bundle.ts builds it: Vietnamese patterns as written, not \uXXXX escapes
      // (the date reader's `ngày … tháng … năm`).
      if (name === 'ingest') expect(code).toContain('tháng');
      // Unicode property escapes stay regex literals (infra ESBUILD_SUPPORTED), not `new RegExp("\\p{…}")`.
      if (name === 'ingest') expect(code).toMatch(/\/[^/\n]*\\p\{L/);
      expect(code).not.toMatch(/new RegExp\("[^"]*\\\\p\{/);
      // The entity model's weights ship beside the ingest code, where shared/tag/entities/model/load looks.
      expect(existsSync(join(dir, 'entities-model.bin'))).toBe(name === 'ingest');
      // Packed data files too (shared/assets/): the title model only where titles are rebuilt.
      for (const asset of name === 'ingest' ? INGEST_ASSETS : QUERY_ASSETS)
        expect(existsSync(join(dir, asset.name)), asset.name).toBe(true);
      expect(existsSync(join(dir, TITLE_LM_ASSET.name))).toBe(name === 'ingest');
      // The query Lambda reads stored records only: nothing of the tagger's ships with it.
      if (name === 'query') expect(readdirSync(dir).sort()).toEqual(['index.mjs', 'index.mjs.map']);
      expect(code).not.toContain(
        readFileSync(join(TITLE_LM_ASSET.source, '..', 'title-lm.generated.json'), 'utf8').slice(1, 200),
      );
      // Readability.js ships beside the ingest code as its own chunk, imported only for web pages.
      const chunk = join(dir, SECOND_OPINION_CHUNK.name);
      expect(existsSync(chunk)).toBe(name === 'ingest');
      expect(code).not.toContain('_grabArticle');
      if (name === 'ingest') expect(readFileSync(chunk, 'utf8')).toContain('_grabArticle');
      // Libraries only some uploads need ship as CommonJS chunks beside it (shared/assets/library.ts).
      for (const library of [CHARDET_CHUNK, YAML_CHUNK]) {
        expect(existsSync(join(dir, library.name)), library.name).toBe(name === 'ingest');
        if (name === 'ingest') {
          const exports = createRequire(import.meta.url)(join(dir, library.name)) as Record<string, unknown>;
          expect(typeof exports[library === YAML_CHUNK ? 'load' : 'detect'], library.name).toBe('function');
        }
      }
      expect(code).not.toContain('YAMLException');
    }
    console.log(
      `bundle sizes: ${Object.entries(sizes)
        .map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(1)} KB`)
        .join(', ')}`,
    );
    expect(sizes.ingest).toBeGreaterThan(0);
    expect(sizes.query).toBeGreaterThan(0);
  });
});
