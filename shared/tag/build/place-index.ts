/**
 * Writes shared/tag/data/place-index.generated.json (committed), the gazetteer ./places/index.ts loads:
 * `npx tsx shared/tag/build/place-index.ts`, then `npx tsx shared/build/pack-data.ts`. Rerun after changing
 * admin-units.generated.json, shared/tag/places/world.ts or `nameKey` (test/tag/place-index.test.ts fails until then).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AdminUnits, buildPlaces, encodePlaceIndex } from '../places/build-places';

const DATA = join(import.meta.dirname, '..', 'data');
const admin = JSON.parse(readFileSync(join(DATA, 'admin-units.generated.json'), 'utf8')) as AdminUnits;
const places = buildPlaces(admin);
writeFileSync(
  join(DATA, 'place-index.generated.json'),
  `${JSON.stringify(encodePlaceIndex(admin, places))}\n`,
);
process.stdout.write(`place index: ${places.size} keys\n`);
