/**
 * Builds shared/tag/data/admin-units.generated.json (committed) from dvhcvn 20250701 (MIT, see
 * shared/tag/data/admin-units.LICENSE): the 34 provinces of the 2025 map, the 63 former provinces with
 * their successor, and the 2025 commune/ward names with their province. Run:
 *   npx tsx shared/tag/build/admin-units.ts
 * Needs ../shared/corpus/admin-units/dvhcvn-20250701 beside the repo. Only MIT data is read here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'shared',
  'corpus',
  'admin-units',
  'dvhcvn-20250701',
);
const OUT = join(import.meta.dirname, '..', 'data', 'admin-units.generated.json');

interface Merge {
  old_id: string;
  name: string;
}
interface Level2 {
  level2_id: string;
  name: string;
}
interface Level1 {
  level1_id: string;
  name: string;
  merges: Merge[];
  level2s: Level2[];
}

const UNIT_PREFIX = /^(Thành phố|Tỉnh|Phường|Xã|Đặc khu|Thị trấn)\s+/u;

function bare(name: string): string {
  return name.normalize('NFC').replace(UNIT_PREFIX, '').trim();
}

const merges = JSON.parse(readFileSync(join(SOURCE, 'merges.json'), 'utf8')) as { data: Level1[] };

/** [code, bare name, official name] for each 2025 province. */
const provinces: [string, string, string][] = [];
/** Former province (bare name) → successor code. */
const former: Record<string, string> = {};
/** Province code → `|`-joined bare commune/ward names of the 2025 map. */
const communes: Record<string, string> = {};

for (const p of merges.data) {
  provinces.push([p.level1_id, bare(p.name), p.name.normalize('NFC')]);
  for (const m of p.merges) {
    const old = bare(m.name);
    if (old !== bare(p.name)) former[old] = p.level1_id;
  }
  const names = new Set(p.level2s.map((c) => bare(c.name)));
  communes[p.level1_id] = [...names].join('|');
}

const out = {
  source: 'dvhcvn 20250701 (MIT), https://github.com/dvhcvn/20250701',
  provinces,
  former,
  communes,
};
writeFileSync(OUT, `${JSON.stringify(out)}\n`);
process.stdout.write(`wrote ${OUT}: ${provinces.length} provinces, ${Object.keys(former).length} former\n`);
