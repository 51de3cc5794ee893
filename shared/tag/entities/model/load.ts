/**
 * Loads the trained weights once per container. Looked for, in order: `NEWSDROP_ENTITY_WEIGHTS` (a
 * path), `entities-model.bin` beside the running code (the Lambda bundle, where infra copies it), and
 * the generated file in the source tree (tests, local stack, eval).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LinearModel } from './decode';
import { linearModel, readWeights } from './weights-file';

export const BUNDLED_WEIGHTS_NAME = 'entities-model.bin';
export const SOURCE_WEIGHTS_FILE = join(
  import.meta.dirname,
  '..',
  '..',
  'data',
  'entities-model.generated.bin',
);

export function weightsPath(): string {
  const candidates = [
    process.env.NEWSDROP_ENTITY_WEIGHTS,
    join(import.meta.dirname, BUNDLED_WEIGHTS_NAME),
    SOURCE_WEIGHTS_FILE,
  ];
  for (const c of candidates) if (c && existsSync(c)) return c;
  throw new Error(`entity weights not found (looked in ${candidates.filter(Boolean).join(', ')})`);
}

let loaded: LinearModel | null = null;

/** The shipped model, read and checked on first use. */
export function entityModel(): LinearModel {
  if (!loaded) loaded = linearModel(readWeights(readFileSync(weightsPath())));
  return loaded;
}

/** The weights as a file to ship beside the bundled code (infra copies it into the Lambda asset). */
export const ENTITY_WEIGHTS_ASSET = { source: SOURCE_WEIGHTS_FILE, name: BUNDLED_WEIGHTS_NAME } as const;
