/**
 * `npm ci --omit=dev` installs only `dependencies`, and users run the CLI that way: every package the CLI
 * can load, eagerly or lazily, must be one of them. (`.ci/run` also runs the CLI in such an install.)
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Packages reachable from an entry point, static and dynamic imports alike (esbuild follows both). */
async function packagesReachedFrom(entry: string): Promise<Set<string>> {
  const result = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    metafile: true,
    logLevel: 'silent',
  });
  const reached = new Set<string>();
  for (const input of Object.values(result.metafile.inputs)) {
    for (const imp of input.imports) {
      if (!imp.external || imp.path.startsWith('node:') || builtinModules.includes(imp.path)) continue;
      reached.add(packageName(imp.path));
    }
  }
  return reached;
}

describe('the CLI installed without dev dependencies', () => {
  it('loads only packages from `dependencies` (the local stack is reached through its endpoints)', async () => {
    // The bin script is the composition root: it loads the CLI and, lazily, the local stack's link.
    const reached = await packagesReachedFrom('bin/newsdrop.js');
    expect(reached.size).toBeGreaterThan(3);
    const missing = [...reached].filter((name) => !(name in pkg.dependencies)).sort();
    expect(missing).toEqual([]);
  });

  it('starts through tsx, which is a dependency', () => {
    expect(readFileSync(join(ROOT, 'bin', 'newsdrop.js'), 'utf8')).toMatch(/tsx\/esm\/api/);
    expect(pkg.dependencies).toHaveProperty('tsx');
  });
});
