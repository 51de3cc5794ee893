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
    goal?: string;
  }[];
  notes?: string[];
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

/** A ratio that reads "how many times better than the baseline", whatever the unit's direction. */
export function ratio(value: number, baseline: number, higherIsBetter: boolean): number {
  return higherIsBetter ? value / baseline : baseline / value;
}

export function toMarkdown(rows: BenchRow[]): string {
  const out: string[] = ['| row | metric | value | baseline | ratio | goal |', '|---|---|---|---|---|---|'];
  for (const row of rows) {
    for (const f of row.figures) {
      const base = f.baseline ? `${f.baseline.name}: ${fmt(f.baseline.value)}` : '';
      const r = f.baseline ? `${fmt(f.value / f.baseline.value)}×` : '';
      out.push(
        `| ${row.name} | ${f.metric} | ${fmt(f.value)} ${f.unit} | ${base} | ${r} | ${f.goal ?? ''} |`,
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
