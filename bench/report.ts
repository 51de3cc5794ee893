/** One bench row: figures with their baseline, measured in the same run, and the inputs to reproduce them. */
export interface BenchRow {
  name: string;
  /** What was measured on: counts, sizes. */
  inputs: string;
  figures: {
    metric: string;
    value: number;
    unit: string;
    baseline?: { name: string; value: number };
    /**
     * value / baseline as measured, when it is not the quotient of the two figures shown: a median of
     * paired ratios (row 1's parsers) is steadier than the ratio of two medians.
     */
    ratio?: number;
    goal?: string;
    /** Whether the figure meets its goal, judged by the row. */
    met?: boolean;
  }[];
  notes?: string[];
}

/** A row as results.json keeps it: with the time of the run that measured it. */
export type RunRow = BenchRow & { date: string };

/**
 * The rows of the last figures with this run's rows put in place of theirs, in bench order
 * (a row is identified by its leading number, which is its place in the bench).
 */
export function mergeRows(previous: RunRow[], measured: Map<string, RunRow>): RunRow[] {
  const order = (row: RunRow) => Number.parseInt(row.name, 10) || Number.MAX_SAFE_INTEGER;
  const key = (row: RunRow) => (Number.isNaN(Number.parseInt(row.name, 10)) ? row.name : order(row));
  const byRow = new Map<string | number, RunRow>(previous.map((row) => [key(row), row]));
  for (const row of measured.values()) byRow.set(key(row), row);
  return [...byRow.values()].sort((a, b) => order(a) - order(b));
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

/** The p-th percentile (nearest rank) of ascending `sorted` samples. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Rates (`…/s`) and shares found (`%`) are better higher; times, sizes, costs and memory lower. */
export function betterWhen(unit: string): 'higher' | 'lower' {
  return unit.endsWith('/s') || unit === '% found' ? 'higher' : 'lower';
}

export function toMarkdown(rows: BenchRow[]): string {
  const out: string[] = [
    '| row | metric | value | better | baseline | ratio (value / baseline) | goal |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    for (const f of row.figures) {
      const base = f.baseline ? `${f.baseline.name}: ${fmt(f.baseline.value)}` : '';
      // A ratio over a zero baseline says nothing (0.8 against 0 is not "infinitely better"): leave it out.
      const r =
        f.ratio !== undefined
          ? `${fmt(f.ratio)}×`
          : f.baseline && f.baseline.value !== 0
            ? `${fmt(f.value / f.baseline.value)}×`
            : '';
      const goal = f.goal ? `${f.goal}${f.met === undefined ? '' : f.met ? ' ✓ met' : ' ✗ **not met**'}` : '';
      out.push(
        `| ${row.name} | ${f.metric} | ${fmt(f.value)} ${f.unit} | ${betterWhen(f.unit)} | ${base} | ${r} | ${goal} |`,
      );
    }
  }
  out.push('');
  for (const row of rows) {
    out.push(`- **${row.name}**: ${row.inputs}`);
    for (const n of row.notes ?? []) out.push(`  - ${n}`);
  }
  return out.join('\n');
}
