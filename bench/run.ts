/**
 * `npm run bench`: what users feel, each figure next to a baseline measured in the same run.
 * Prints a Markdown table, also written to docs/figures/bench.md, and the figures to bench/results.json.
 * `npm run bench -- ROW...` reruns some rows; the figures files keep the other rows from earlier runs.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFigures } from '../scripts/figures';
import { ROOT } from './bundle';
import { type BenchRow, mergeRows, type RunRow, toMarkdown } from './report';
import { coldStartRow } from './rows/cold-start';
import { e2eIngestRow } from './rows/e2e-ingest';
import { htmlExtractionRow } from './rows/html-extraction';
import { memoryRow } from './rows/memory';
import { queryLatencyRow } from './rows/query-latency';
import { storyLatencyRow } from './rows/story-latency';
import { throughputRow } from './rows/throughput';
import { writeCostRow } from './rows/write-cost';

const RESULTS = join(ROOT, 'bench', 'results.json');

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

async function previousRows(): Promise<RunRow[]> {
  try {
    const old = JSON.parse(await readFile(RESULTS, 'utf8')) as {
      date: string;
      rows: (BenchRow & { date?: string })[];
    };
    return old.rows.map((row) => ({ ...row, date: row.date ?? old.date }));
  } catch {
    return []; // a fresh clone or an unreadable file: this run's rows are all there is
  }
}

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
const measured = new Map<string, RunRow>();
for (const [name, row] of Object.entries(ROWS)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  measured.set(name, { ...(await row()), date: new Date().toISOString() });
}
process.stdout.write(`${toMarkdown([...measured.values()])}\n`);

// A partial run replaces only its own rows: the others keep the figures (and dates) of the run that made them.
const rows = mergeRows(await previousRows(), measured);
const dates = [...new Set(rows.map((row) => row.date.slice(0, 10)))].sort().join(', ');
const heading =
  wanted.length > 0
    ? `rows ${wanted.join(', ')} rerun, others kept from earlier runs; Node ${process.version}; runs of ${dates}`
    : `all rows, Node ${process.version}, ${dates}`;
writeFigures('bench.md', 'npm run bench', { bench: `${heading}\n\n${toMarkdown(rows)}` });
await writeFile(
  RESULTS,
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`,
);
