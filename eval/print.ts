/** Shared printing helpers of the eval reports. */

/** Three decimals, truncated, so a score printed as 0.980 has really reached 0.98. */
export const f3 = (x: number) => (Math.floor(x * 1000 + 1e-9) / 1000).toFixed(3);
export const int = (x: number) => x.toLocaleString('en-US');

/** A Markdown table; columns in `right` are right-aligned. */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  right: ReadonlySet<number>,
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const cell = (c: string, i: number) =>
    right.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0);
  const line = (r: readonly string[]) => `| ${r.map(cell).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (right.has(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
