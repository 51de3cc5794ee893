/**
 * Generated data files that ship beside the bundled code rather than inside it, so the Lambda bundles
 * stay small: infra copies each into its function's asset (`dataFiles`), where it sits next to the
 * bundle's `index.mjs`; run from the source tree (tests, local stack, CLI, eval), the file is read where
 * the build writes it. Each holds a packed JSON value (../text/packed.ts) or a table file (./table-file.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';

/** This file's folder in the source tree (`shared/assets/`), or the bundle's folder once bundled. */
const HERE = import.meta.dirname;
/** `shared/` in the source tree, where the build writes the data files. */
const SHARED = join(HERE, '..');

export interface DataAsset {
  /** File name beside the bundled code. */
  readonly name: string;
  /** Where the build writes it in the source tree. */
  readonly source: string;
}

function asset(relative: string): DataAsset {
  return { name: basename(relative), source: join(SHARED, relative) };
}

/** The syllable language model that rebuilds titles from URL slugs (parse/build/title-lm.ts), as a table file (parse/title-lm-table.ts). */
export const TITLE_LM_ASSET = asset('parse/data/title-lm.table.generated.bin');
/** The place gazetteer (tag/entities/places/build-places.ts), as string tables (tag/entities/places/table.ts). */
export const PLACE_INDEX_ASSET = asset('tag/data/place-index.table.generated.bin');
/** The entity recogniser's weights (tag/entities/build/train.ts): a binary file, not packed JSON. */
export const ENTITY_WEIGHTS_ASSET: DataAsset = {
  name: 'entities-model.bin',
  source: join(SHARED, 'tag', 'data', 'entities-model.generated.bin'),
};
/** The IPTC topic model (tag/build/topics-nb.ts), compiled into a table file (tag/topics/table.ts). */
export const TOPICS_MODEL_ASSET = asset('tag/data/topics-model.table.generated.bin');

/** Multi-syllable words' syllables and pairs, which cut key phrases into whole words (tag/keywords/word-pairs.ts). */
export const KEYWORD_PAIRS_ASSET = asset('tag/data/keyword-pairs.table.generated.bin');

/** The entity rules' word lists (scripts/data/build.ts from data/entity-rules/): plain JSON, parsed once. */
export const ENTITY_RULES_ASSET = asset('tag/data/entity-rules.generated.json');
/** Those lists' token keys that the entity model's features mark (tag/entities/features/lexicon-keys.ts). */
export const ENTITY_LEXICON_KEYS_ASSET = asset('tag/data/entity-lexicon-keys.generated.json');

/** Code bundled apart and loaded only when needed: an entry in the source tree, a file beside the bundle. */
export interface CodeChunk {
  /** File name beside the bundled code. */
  readonly name: string;
  /** Entry module in the source tree. */
  readonly entry: string;
  /** Module format of the chunk: ESM (imported) or CommonJS (required, so sync code can load it). @default 'esm' */
  readonly format?: 'esm' | 'cjs';
}

/** A library that only some uploads need, bundled apart as CommonJS (./library.ts `requireLibrary`). */
export interface LibraryChunk extends CodeChunk {
  readonly format: 'cjs';
  /** The package, as the source tree requires it. */
  readonly library: string;
}

const libraryChunk = (library: string): LibraryChunk => ({
  name: `${library}.cjs`,
  // Resolved only when a build asks: a bundled Lambda has no node_modules to resolve it in.
  get entry() {
    return createRequire(import.meta.url).resolve(library);
  },
  format: 'cjs',
  library,
});

/** chardet: names the encoding of a text that is neither UTF-8 nor a Vietnamese legacy encoding. */
export const CHARDET_CHUNK = libraryChunk('chardet');
/** js-yaml: reads a Markdown file's front matter. */
export const YAML_CHUNK = libraryChunk('js-yaml');

/** Readability.js over linkedom, the second opinion on web pages (parse/second-opinion/). */
export const SECOND_OPINION_CHUNK: CodeChunk = {
  name: 'second-opinion.mjs',
  entry: join(SHARED, 'parse', 'second-opinion', 'readability.ts'),
};

/** What each function needs beside its code. */
// The query Lambda reads stored records only: it needs no tagger data.
export const QUERY_ASSETS: readonly DataAsset[] = [];
export const INGEST_ASSETS: readonly DataAsset[] = [
  ENTITY_WEIGHTS_ASSET,
  ENTITY_RULES_ASSET,
  ENTITY_LEXICON_KEYS_ASSET,
  TITLE_LM_ASSET,
  KEYWORD_PAIRS_ASSET,
  PLACE_INDEX_ASSET,
  TOPICS_MODEL_ASSET,
];
export const INGEST_CHUNKS: readonly CodeChunk[] = [SECOND_OPINION_CHUNK, CHARDET_CHUNK, YAML_CHUNK];

/** Names of the assets read so far in this process (the warm-up's test checks it holds them all). */
const read = new Set<string>();
export const assetsRead = (): ReadonlySet<string> => read;

/** Where the asset is: beside the bundled code when bundled, else in the source tree. */
export function assetPath(asset: DataAsset): string {
  read.add(asset.name);
  const beside = join(HERE, asset.name);
  return existsSync(beside) ? beside : asset.source;
}

/** An asset's bytes (a table file or the entity weights). */
export function readAssetBytes(asset: DataAsset): Uint8Array {
  return readFileSync(assetPath(asset));
}

/** A JSON asset's value. The caller names its type: the data was checked when it was built. */
export function readJsonAsset<T>(asset: DataAsset): T {
  return JSON.parse(readFileSync(assetPath(asset), 'utf8')) as T;
}
