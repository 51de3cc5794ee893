import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

// Imports point one way (handlers → domain, never back); scripts/arrows.ts lists every folder arrow.
it('no import runs against the layers and no two files import each other', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'arrows.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const offending = run.stdout.split('\n').filter((line) => line.startsWith('!'));
  expect(offending).toEqual([]);
  expect(run.stdout).toMatch(/\d+ arrows, 0 against the layers/);
  expect(run.status).toBe(0);
});
