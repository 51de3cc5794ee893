import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unpackJson } from '../../shared/text/packed';

const ROOT = join(import.meta.dirname, '..', '..');
const DATA_DIRS = ['shared/tag/data', 'shared/parse/data'];

describe('packed data files', () => {
  const packed = DATA_DIRS.flatMap((dir) =>
    readdirSync(join(ROOT, dir))
      .filter((name) => name.endsWith('.packed.generated.json'))
      .map((name) => join(dir, name)),
  );

  it('packs every data file the Lambda code imports', () => {
    expect(packed.sort()).toEqual([
      'shared/parse/data/syllables.packed.generated.json',
      'shared/tag/data/place-index.packed.generated.json',
      'shared/tag/data/topics-model.packed.generated.json',
    ]);
  });

  it.each(packed)('%s holds exactly its source JSON (else run npx tsx shared/build/pack-data.ts)', (file) => {
    const source = readFileSync(
      join(ROOT, file.replace('.packed.generated.json', '.generated.json')),
      'utf8',
    );
    const value = unpackJson<unknown>(JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as string);
    // Equal as JSON text, so key order and every number are the source's.
    expect(JSON.stringify(value)).toBe(JSON.stringify(JSON.parse(source)));
  });
});
