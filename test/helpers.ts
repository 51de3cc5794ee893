import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The team folder beside the project root (seeds, corpus, specs); read-only. */
export const SHARED_DIR = join(import.meta.dirname, '..', '..', 'shared');
export const SEEDS_DIR = join(SHARED_DIR, 'seeds');
export const SEED_FILES = ['000_018482176d444e67.txt', '003_7e95508e90133d9c.txt'] as const;

export function readSeed(name: (typeof SEED_FILES)[number]): Buffer {
  return readFileSync(join(SEEDS_DIR, name));
}
