/**
 * Loads the trained weights once per container: from `NEWSDROP_ENTITY_WEIGHTS` (a path) when set, else
 * where the shipped data files are found (../../../assets/index.ts: beside the bundled code, or the generated
 * file in the source tree).
 */
import { readFileSync } from 'node:fs';
import { assetPath, ENTITY_WEIGHTS_ASSET } from '../../../assets';
import type { LinearModel } from './decode';
import { readWeights, shippedModel } from './weights-file';

/** Where `npm run train:entities` writes the weights. */
export const SOURCE_WEIGHTS_FILE = ENTITY_WEIGHTS_ASSET.source;

let loaded: LinearModel | null = null;

/** The shipped model, read and checked once per container (at init: ../../../load-data.ts). */
export function entityModel(): LinearModel {
  loaded ??= shippedModel(
    readWeights(readFileSync(process.env.NEWSDROP_ENTITY_WEIGHTS || assetPath(ENTITY_WEIGHTS_ASSET))),
  );
  return loaded;
}
