/**
 * `npx tsx eval/entity-errors.ts [--names]`: error categories of the rules, the model and the combined
 * recogniser on the dev sets only (VLSP's dev half, the team's own `dev` split), document-level as the
 * eval scores them (nested/contract). Each wrong name (false positive) and each missed name (false
 * negative) falls in one category:
 * - `type`: the same name is in the other side's set under another type;
 * - `boundary`: a name of the same type on the other side holds it or lies inside it (whole words);
 * - `boundary+type`: the same, under another type;
 * - `spurious` / `missed`: nothing of it on the other side.
 * Spurious organisations and missed names are further split by a coarse shape (government body, media,
 * lower-case head, …) to show convention differences. `--names` prints the most frequent names of each
 * category to the terminal, for study only: never copy them into the repository.
 */
import type { Entities } from '../shared/model/article';
import { COMBINER_SETTINGS } from '../shared/tag/entities/recognise';
import { combineEntities } from '../shared/tag/entities/resolve/combine';
import { leavePlaceCuesOut } from '../shared/tag/entities/resolve/place-cues';
import { ownDevDocs, vlspDevDocs } from './entity-combine-dev';
import { contractView, ENTITY_TYPES, type EntityType, entitySets, type NameSets } from './entity-eval';

type Category = 'type' | 'boundary' | 'boundary+type' | 'spurious';

interface Tally {
  fp: Map<string, number>;
  fn: Map<string, number>;
  fpNames: Map<string, Map<string, number>>;
  fnNames: Map<string, Map<string, number>>;
}

const padded = (n: string) => ` ${n.toLowerCase()} `;

function categorise(name: string, type: EntityType, other: NameSets): Category {
  for (const t of ENTITY_TYPES) if (t !== type && other[t].has(name)) return 'type';
  const p = padded(name);
  let found: Category = 'spurious';
  for (const t of ENTITY_TYPES) {
    for (const o of other[t]) {
      const q = padded(o);
      if (!(q.includes(p) || p.includes(q))) continue;
      if (t === type) return 'boundary';
      found = 'boundary+type';
    }
  }
  return found;
}

const GOVERNMENT =
  /^(?:bộ|sở|ubnd|hđnd|ủy ban|uỷ ban|chính phủ|quốc hội|thủ tướng|tỉnh ủy|tỉnh uỷ|thành ủy|thành uỷ|huyện ủy|đảng|trung ương|ban|cục|tổng cục|viện|tòa|toà|tand|vks|công an|bộ công an|quân đội|quân khu|bộ đội|văn phòng|nhà nước|mặt trận|liên hợp quốc|nato|eu)(?:\s|$)/iu;
const MEDIA =
  /^(?:báo|đài|tạp chí|truyền hình|vtv|vov|ttxvn|afp|reuters|ap|cnn|bbc|vnexpress|zing|dân trí|tuổi trẻ|thanh niên)(?:\s|$)/iu;
const LOWER_HEAD = /^\p{Ll}/u;

function shapeOf(name: string): string {
  if (LOWER_HEAD.test(name)) return 'lower-case head';
  if (GOVERNMENT.test(name)) return 'government body';
  if (MEDIA.test(name)) return 'media';
  if (/^[\p{Lu}\d&.-]+$/u.test(name)) return 'all-caps/acronym';
  if (name.split(' ').length === 1) return 'one word';
  return 'other';
}

function bump(m: Map<string, number>, k: string, by = 1): void {
  m.set(k, (m.get(k) ?? 0) + by);
}

function tally(docs: readonly { gold: NameSets; predicted: NameSets }[]): Tally {
  const t: Tally = { fp: new Map(), fn: new Map(), fpNames: new Map(), fnNames: new Map() };
  for (const { gold, predicted } of docs) {
    for (const type of ENTITY_TYPES) {
      for (const n of predicted[type]) {
        if (gold[type].has(n)) continue;
        const c = categorise(n, type, gold);
        const key = c === 'spurious' ? `${type} ${c}: ${shapeOf(n)}` : `${type} ${c}`;
        bump(t.fp, key);
        if (!t.fpNames.has(key)) t.fpNames.set(key, new Map());
        bump(t.fpNames.get(key) as Map<string, number>, n);
      }
      for (const n of gold[type]) {
        if (predicted[type].has(n)) continue;
        const c = categorise(n, type, predicted);
        const key = c === 'spurious' ? `${type} missed: ${shapeOf(n)}` : `${type} ${c}`;
        bump(t.fn, key);
        if (!t.fnNames.has(key)) t.fnNames.set(key, new Map());
        bump(t.fnNames.get(key) as Map<string, number>, n);
      }
    }
  }
  return t;
}

const showNames = process.argv.includes('--names');

function print(title: string, tallies: readonly [string, Tally][]): void {
  process.stdout.write(`\n${title}\n`);
  for (const side of ['fp', 'fn'] as const) {
    const keys = [...new Set(tallies.flatMap(([, t]) => [...t[side].keys()]))].sort();
    process.stdout.write(
      `${side === 'fp' ? 'false positives' : 'misses'}`.padEnd(44) +
        tallies.map(([n]) => n.padStart(10)).join('') +
        '\n',
    );
    for (const k of keys) {
      process.stdout.write(
        `${`  ${k}`.padEnd(44) + tallies.map(([, t]) => String(t[side].get(k) ?? 0).padStart(10)).join('')}\n`,
      );
    }
    process.stdout.write(
      '  total'.padEnd(44) +
        tallies
          .map(([, t]) => String([...t[side].values()].reduce((a, b) => a + b, 0)).padStart(10))
          .join('') +
        '\n',
    );
  }
  if (!showNames) return;
  for (const [name, t] of tallies) {
    for (const side of ['fpNames', 'fnNames'] as const) {
      for (const [k, m] of [...t[side]].sort()) {
        const top = [...m].sort((a, b) => b[1] - a[1]).slice(0, 25);
        process.stdout.write(`[${name}] ${side} ${k}: ${top.map(([n, c]) => `${n}×${c}`).join(' | ')}\n`);
      }
    }
  }
}

const view = (e: Entities) => contractView(entitySets(e));

for (const [title, docs] of [
  ['VLSP dev half', vlspDevDocs()],
  ['own dev split', ownDevDocs()],
] as const) {
  const by = (f: (d: (typeof docs)[number]) => Entities): Tally =>
    tally(docs.map((d) => ({ gold: d.gold, predicted: view(f(d)) })));
  print(`${title} (${docs.length} documents): error categories, nested/contract, document-level`, [
    ['rules', by((d) => d.rules)],
    ['model', by((d) => d.model)],
    ['combined', by((d) => leavePlaceCuesOut(combineEntities(d.rules, d.model, COMBINER_SETTINGS, d.rel)))],
  ]);
}
