/**
 * Child process of row 1 (bench/rows/throughput.ts), bundled like the ingest Lambda and run with plain node:
 * times one path over the corpus in a fresh process, so no path inherits another's type feedback or heap.
 * argv: path (`floor`, `parse`, `full`, `stages` or `parse-pair`), minimum milliseconds, then optionally the
 * indices of the documents to time (comma-separated; all by default). Prints the rate (items per second),
 * in process CPU time: time the process waits for a core on this shared machine counts for no path.
 *
 * `stages` runs `full` with a stage clock (shared/model/stages.ts) and prints a JSON line of the rate and
 * each stage's CPU milliseconds per document.
 *
 * `parse-pair` times this parser against the parser bundle named by NEWSDROP_BASELINE_PARSER in one process,
 * taking turns pass by pass (see `pairedRates`), and prints a JSON line of both rates and their ratio.
 */
import { loadCorpus } from '../../eval/corpus';
import { STAGES, type Stage } from '../../shared/model/stages';
import { parseArticle } from '../../shared/parse/index';
import { processArticle } from '../../shared/process';

/** CPU milliseconds of this process (all its threads: the collector's work counts) since `start`. */
function cpuMs(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Runs `fn` over all inputs repeatedly for at least `minMs` of CPU time; returns items per CPU second. */
function throughput<T>(inputs: readonly T[], fn: (input: T) => unknown, minMs: number): number {
  for (const input of inputs.slice(0, 50)) fn(input); // warm-up: JIT and lazily loaded data
  let done = 0;
  const start = process.cpuUsage();
  let elapsed = 0;
  do {
    for (const input of inputs) fn(input);
    done += inputs.length;
    elapsed = cpuMs(start);
  } while (elapsed < minMs);
  return (done / elapsed) * 1000;
}

/** Microseconds of CPU time this process has used. */
function cpuMicros(): number {
  const used = process.cpuUsage();
  return used.user + used.system;
}

/**
 * `full` with a stage clock, for at least `minMs` of CPU time after a warm pass: the rate (documents per
 * CPU second, clock included) and each stage's CPU milliseconds per document. A rejected document's time
 * counts as parsing.
 */
function stageTimes(docs: readonly { fileName: string; bytes: Uint8Array }[], minMs: number) {
  const spent = new Map<Stage, number>(STAGES.map((s) => [s, 0]));
  let last = 0;
  let laps = 0;
  const clock = (ended: Stage) => {
    const now = cpuMicros();
    spent.set(ended, (spent.get(ended) ?? 0) + now - last);
    last = now;
    laps++;
  };
  const pass = () => {
    for (const d of docs) {
      laps = 0;
      last = cpuMicros();
      processArticle({ key: d.fileName }, d.bytes, { clock });
      if (laps === 0) clock('parse');
    }
  };
  pass();
  for (const s of STAGES) spent.set(s, 0);
  let done = 0;
  const start = process.cpuUsage();
  do {
    pass();
    done += docs.length;
  } while (cpuMs(start) < minMs);
  const rate = (done / cpuMs(start)) * 1000;
  const msPerDoc = Object.fromEntries(STAGES.map((s) => [s, (spent.get(s) ?? 0) / 1000 / done]));
  return { rate, msPerDoc };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Two functions over the same inputs in one process, taking turns a slice of `slice` inputs at a time
 * (in ABBA order, so neither always runs first), for at least `minMs` and at least `minRounds` rounds
 * after a warm pass of each. A round is a pass of each over all inputs; each slice is timed in CPU time,
 * so time the process spends waiting for a core on a shared machine counts for neither, and each slice of
 * one is timed right beside the same slice of the other, so a load spike falls on both. A round's ratio
 * is its CPU time of `b` over that of `a`; the figure is the median ratio over rounds, with each side's
 * median rate.
 */
function pairedRates<T>(
  inputs: readonly T[],
  a: (input: T) => unknown,
  b: (input: T) => unknown,
  options: { minMs: number; minRounds: number; slice: number },
): { a: number; b: number; ratio: number; ratios: number[] } {
  const timed = (fn: (input: T) => unknown, from: number, to: number): number => {
    const start = process.cpuUsage();
    for (let i = from; i < to; i++) fn(inputs[i]!);
    return cpuMs(start);
  };
  timed(a, 0, inputs.length);
  timed(b, 0, inputs.length);
  const ratesA: number[] = [];
  const ratesB: number[] = [];
  const ratios: number[] = [];
  const start = performance.now();
  for (let round = 0; round < options.minRounds || performance.now() - start < options.minMs; round++) {
    let msA = 0;
    let msB = 0;
    for (let from = 0, turn = round; from < inputs.length; from += options.slice, turn++) {
      const to = Math.min(inputs.length, from + options.slice);
      if (turn % 2 === 0) {
        msA += timed(a, from, to);
        msB += timed(b, from, to);
      } else {
        msB += timed(b, from, to);
        msA += timed(a, from, to);
      }
    }
    ratesA.push((inputs.length / msA) * 1000);
    ratesB.push((inputs.length / msB) * 1000);
    ratios.push(msB / msA);
  }
  return { a: median(ratesA), b: median(ratesB), ratio: median(ratios), ratios };
}

/** The paired parse timing: at least this many rounds (a pass of each parser over the corpus), in slices of this many documents. */
const PAIR = { minRounds: 7, slice: 50 };

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
if (path === 'stages') {
  process.stdout.write(`${JSON.stringify(stageTimes(docs, Number(minMs)))}\n`);
} else if (path === 'parse-pair') {
  if (!baseline) throw new Error('parse-pair needs NEWSDROP_BASELINE_PARSER');
  const pair = pairedRates(docs, paths.parse!, paths['parse-baseline']!, { ...PAIR, minMs: Number(minMs) });
  process.stdout.write(
    `${JSON.stringify({ parse: pair.a, baseline: pair.b, ratio: pair.ratio, ratios: pair.ratios, slice: PAIR.slice })}\n`,
  );
} else {
  const fn = paths[path];
  if (!fn) throw new Error(`unknown path ${path}`);
  process.stdout.write(`${throughput(docs, fn, Number(minMs))}\n`);
}
