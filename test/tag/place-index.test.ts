import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AdminUnits, buildPlaces, encodePlaceIndex } from '../../shared/tag/places/build-places';

const DATA = join(import.meta.dirname, '..', '..', 'shared', 'tag', 'data');
const read = (name: string) => JSON.parse(readFileSync(join(DATA, name), 'utf8')) as unknown;

describe('shipped place index', () => {
  it('is what the gazetteer sources build (else run npx tsx shared/tag/build/place-index.ts, then pack-data)', () => {
    const admin = read('admin-units.generated.json') as AdminUnits;
    expect(read('place-index.generated.json')).toEqual(encodePlaceIndex(admin, buildPlaces(admin)));
  });
});
