/**
 * `npm run bench`: what users feel, each figure next to a baseline measured in the same run.
 * Prints a Markdown table, also written to docs/figures/bench.md, and the figures to bench/results.json.
 * `npm run bench -- ROW...` runs some rows.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFigures } from '../scripts/figures';
import { ROOT } from './bundle';
import type { BenchRow } from './report';
import { toMarkdown } from './report';
import { coldStartRow } from './rows/cold-start';
import { e2eIngestRow } from './rows/e2e-ingest';
import { htmlExtractionRow } from './rows/html-extraction';
import { memoryRow } from './rows/memory';
import { queryLatencyRow } from './rows/query-latency';
import { storyLatencyRow } from './rows/story-latency';
import { throughputRow } from './rows/throughput';
import { writeCostRow } from './rows/write-cost';

const ROWS: Record<string, () => Promise<BenchRow>> = {
  throughput: throughputRow,
  'cold-start': coldStartRow,
  'e2e-ingest': e2eIngestRow,
  'query-latency': queryLatencyRow,
  memory: memoryRow,
  'html-extraction': htmlExtractionRow,
  'write-cost': writeCostRow,
  'story-latency': storyLatencyRow,
};

// Rows by name or by number (`npm run bench -- throughput` or `-- 1`); an unknown one is an error, not an empty table.
const names = Object.keys(ROWS);
const wanted = process.argv
  .slice(2)
  .map((arg) => (/^\d+$/.test(arg) ? (names[Number(arg) - 1] ?? arg) : arg));
const unknown = wanted.filter((w) => !names.includes(w));
if (unknown.length > 0) {
  process.stderr.write(
    `bench: unknown row ${unknown.join(', ')}; rows: ${names.map((n, i) => `${i + 1} ${n}`).join(', ')}\n`,
  );
  process.exit(2);
}
const rows: BenchRow[] = [];
for (const [name, row] of Object.entries(ROWS)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  rows.push(await row());
}
const table = toMarkdown(rows);
process.stdout.write(`${table}\n`);
// One part, rewritten by every run (as results.json is): it says which rows it holds.
const ran = wanted.length > 0 ? `rows ${wanted.join(', ')}` : 'all rows';
writeFigures('bench.md', 'npm run bench', {
  bench: `${ran}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n\n${table}`,
});
await writeFile(
  join(ROOT, 'bench', 'results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`,
);
