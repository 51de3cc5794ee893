/**
 * Builds shared/tag/data/admin-units.generated.json (committed) from dvhcvn 20250701 (MIT, see
 * shared/tag/data/admin-units.LICENSE): the 34 provinces of the 2025 map, the 63 former provinces with
 * their successor, and the 2025 commune/ward names with their province. Run:
 *   npx tsx shared/tag/build/admin-units.ts
 * Needs ../shared/corpus/admin-units/dvhcvn-20250701 beside the repo. Only MIT data is read here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR } from './corpus-dir';

const SOURCE = join(CORPUS_DIR, 'admin-units', 'dvhcvn-20250701');
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
interface OldLevel1 {
  level1_id: string;
  level3s: { name: string; splits: { new_id: string }[] }[];
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
/** Province code (or `?` when the name occurs in several) → bare names of pre-2025 communes the 2025 map dropped. */
const formerCommunes: Record<string, string> = {};
const provinceOfCommune = new Map<string, string>();
/** Numbered wards (`Phường 1`) carry no name to find in text. */
const NAMED = /\p{L}/u;

for (const p of merges.data) {
  provinces.push([p.level1_id, bare(p.name), p.name.normalize('NFC')]);
  for (const m of p.merges) {
    const old = bare(m.name);
    if (old !== bare(p.name)) former[old] = p.level1_id;
  }
  const names = new Set(p.level2s.map((c) => bare(c.name)).filter((n) => NAMED.test(n)));
  communes[p.level1_id] = [...names].join('|');
  for (const c of p.level2s) provinceOfCommune.set(c.level2_id, p.level1_id);
}

const current = new Set(Object.values(communes).flatMap((names) => names.split('|')));
const splits = JSON.parse(readFileSync(join(SOURCE, 'splits.json'), 'utf8')) as { data: OldLevel1[] };
const formerProvinces = new Map<string, Set<string>>();
for (const p of splits.data) {
  for (const c of p.level3s) {
    const name = bare(c.name);
    if (!NAMED.test(name) || current.has(name)) continue;
    const set = formerProvinces.get(name) ?? new Set<string>();
    for (const s of c.splits) {
      const code = provinceOfCommune.get(s.new_id);
      if (code) set.add(code);
    }
    formerProvinces.set(name, set);
  }
}
for (const [name, codes] of formerProvinces) {
  const code = codes.size === 1 ? ([...codes][0] ?? '?') : '?';
  formerCommunes[code] = formerCommunes[code] ? `${formerCommunes[code]}|${name}` : name;
}

const out = {
  source: 'dvhcvn 20250701 (MIT), https://github.com/dvhcvn/20250701',
  provinces,
  former,
  communes,
  formerCommunes,
};
writeFileSync(OUT, `${JSON.stringify(out)}\n`);
process.stdout.write(`wrote ${OUT}: ${provinces.length} provinces, ${Object.keys(former).length} former\n`);
