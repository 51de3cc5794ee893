/**
 * Prints the folder-to-folder import arrows of the code (`npx tsx scripts/arrows.ts`): one line per pair
 * `from -> to  (n imports)`, folders two levels deep under shared/ (shared/tag/entities) and one level
 * elsewhere (cli, local). Arrows marked `!` run against the layers (RANK below).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const TOP = ['functions', 'shared', 'cli', 'local', 'infra', 'eval', 'bench', 'scripts'];

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules') yield* sources(path);
    } else if (/\.ts$/.test(name) && !name.endsWith('.d.ts')) yield path;
  }
}

/** The folder a file counts under: `shared/<area>[/<stage>]`, or the top folder. */
export function folderOf(file: string): string {
  const parts = relative(ROOT, file).split('/');
  parts.pop();
  // parse/content/ (the HTML reader's scoring, split out of html.ts for size) and parse/second-opinion/
  // (the other extractor it may ask) are parts of the one parse stage.
  if (
    parts[0] === 'shared' &&
    parts[1] === 'parse' &&
    (parts[2] === 'content' || parts[2] === 'second-opinion')
  )
    return 'shared/parse';
  if (parts[0] === 'shared')
    return parts.slice(0, parts[1] === 'tag' || parts[1] === 'parse' ? 3 : 2).join('/');
  if (parts[0] === 'functions') return parts.slice(0, 2).join('/');
  return parts[0] ?? '.';
}

/**
 * Rank of a folder, lowest first: an arrow may point only to a lower rank. Two different folders of one
 * rank must not import each other either (two tagging stages; ingest and query; cli and local).
 */
const RANK: [RegExp, number][] = [
  [/^shared\/(model|text)$/, 0],
  [/^shared\/assets$/, 0.5],
  [/^shared\/(parse|tag)\/data$/, 0],
  [/^shared\/parse$/, 1],
  [/^shared\/tag\/build$/, 3],
  [/^shared\/parse\/build$/, 3],
  [/^shared\/tag\/[^/]+$/, 2],
  [/^shared\/tag$/, 3],
  [/^shared\/stories$/, 3],
  [/^shared(\/store)?$/, 4],
  [/^shared\/(ingest|query)$/, 5],
  [/^functions\/lib$/, 6],
  [/^functions$/, 7],
  [/^(local|infra|cli)$/, 8],
  [/^(eval|bench|scripts)$/, 10],
];
const rank = (folder: string) => RANK.find(([re]) => re.test(folder))?.[1] ?? 99;

const arrows = new Map<string, number>();
/** File-level imports, to find two files that import each other. */
const fileImports = new Set<string>();
for (const top of TOP) {
  let files: string[];
  try {
    files = [...sources(join(ROOT, top))];
  } catch {
    continue;
  }
  for (const file of files) {
    const from = folderOf(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/g)) {
      const target = resolve(dirname(file), m[1]!);
      const folder = statIsDir(target) ? folderOf(join(target, 'x.ts')) : folderOf(`${target}.ts`);
      fileImports.add(
        `${relative(ROOT, file)} -> ${relative(ROOT, statIsDir(target) ? join(target, 'index.ts') : `${target}.ts`)}`,
      );
      if (folder === from) continue;
      const key = `${from} -> ${folder}`;
      arrows.set(key, (arrows.get(key) ?? 0) + 1);
    }
  }
}

function statIsDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

const against = (key: string) => {
  const [from, to] = key.split(' -> ') as [string, string];
  // The CLI talks to AWS or to a running local stack through shared/ only, never through handler code.
  const cliReach = from === 'cli' && /^functions/.test(to);
  return rank(to) > rank(from) || (rank(to) === rank(from) && rank(from) < 10) || cliReach;
};
const lines = [...arrows].sort(([a], [b]) => a.localeCompare(b));
for (const [key, n] of lines) process.stdout.write(`${against(key) ? '!' : ' '} ${key}  (${n})\n`);
const bad = lines.filter(([k]) => against(k)).length;
process.stdout.write(`${lines.length} arrows, ${bad} against the layers\n`);
const cycles = [...fileImports].filter((k) => {
  const [a, b] = k.split(' -> ') as [string, string];
  return a < b && fileImports.has(`${b} -> ${a}`);
});
for (const k of cycles) process.stdout.write(`! cycle: ${k.replace(' -> ', ' <-> ')}\n`);
// Non-zero exit so `npm test` (test/layers.test.ts) fails on an arrow against the layers or an import cycle.
if (bad > 0 || cycles.length > 0) process.exitCode = 1;
