/**
 * Child process of row 1 (bench/rows/throughput.ts), bundled like the ingest Lambda and run with plain node:
 * times one path over the corpus in a fresh process, so no path inherits another's type feedback or heap.
 * argv: path (`floor`, `parse`, `full`, or `parse-baseline`: the parser bundle named by NEWSDROP_BASELINE_PARSER), minimum milliseconds, then optionally the indices of the documents
 * to time (comma-separated; all by default). Prints the rate (items per second).
 */
import { loadCorpus } from '../../eval/corpus';
import { parseArticle } from '../../shared/parse/index';
import { processArticle } from '../../shared/process';

/** Runs `fn` over all inputs repeatedly for at least `minMs`; returns items per second. */
function throughput<T>(inputs: readonly T[], fn: (input: T) => unknown, minMs: number): number {
  for (const input of inputs.slice(0, 50)) fn(input); // warm-up: JIT and lazily loaded data
  let done = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const input of inputs) fn(input);
    done += inputs.length;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return (done / elapsed) * 1000;
}

const [path = 'full', minMs = '3000', indices = ''] = process.argv.slice(2);
const all = await loadCorpus();
const picked = indices ? indices.split(',').map((i) => all[Number(i)]) : all;
const docs = picked.filter((d) => d !== undefined);
const decoder = new TextDecoder();
const baseline: { parseArticle: typeof parseArticle } | null = process.env.NEWSDROP_BASELINE_PARSER
  ? await import(process.env.NEWSDROP_BASELINE_PARSER)
  : null;
const paths: Record<string, (d: (typeof docs)[number]) => unknown> = {
  floor: (d) => decoder.decode(d.bytes).split('\n').length,
  parse: (d) => parseArticle({ bytes: d.bytes, fileName: d.fileName }),
  full: (d) => processArticle({ key: d.fileName }, d.bytes),
  'parse-baseline': (d) => baseline?.parseArticle({ bytes: d.bytes, fileName: d.fileName }),
};
const fn = paths[path];
if (!fn) throw new Error(`unknown path ${path}`);
process.stdout.write(`${throughput(docs, fn, Number(minMs))}\n`);
