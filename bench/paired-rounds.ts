/**
 * Paired rounds of two runs, with against without (bench row 7): the machine's load moves between runs,
 * so each round compares neighbours in time, and many short rounds give the median and its spread more
 * rounds to rest on than a few long ones. Pure.
 */

/** One round: which part of the workload it runs and whether the run without goes first. */
export interface PlannedRound {
  part: number;
  plainFirst: boolean;
  /** False for the warm-up rounds before the timed ones. */
  counted: boolean;
}

/**
 * `warmUp` then `rounds` rounds over `parts` parts of the workload: each part twice in a row, once in
 * each order (ABBA), the parts in turn. With `rounds` a multiple of twice `parts`, every part counts as
 * often, and in each order as often.
 */
export function planRounds(rounds: number, warmUp: number, parts: number): PlannedRound[] {
  return Array.from({ length: warmUp + rounds }, (_, a) => ({
    part: Math.floor(a / 2) % parts,
    plainFirst: a % 2 === 0,
    counted: a >= warmUp,
  }));
}

/**
 * `count` items dealt into parts of at most `size`, like cards (part p holds items p, p + parts, …): each
 * part is a sample of the whole, in the same order, rather than one stretch of it (the bench's documents
 * come set after set).
 */
export function dealParts(count: number, size: number): number[][] {
  const parts = Math.max(1, Math.ceil(count / size));
  return Array.from({ length: parts }, (_, p) =>
    Array.from({ length: Math.ceil((count - p) / parts) }, (_, k) => p + k * parts),
  );
}

/** The median (of an even number, the mean of the middle two). */
export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return Number.isInteger(mid) ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[Math.floor(mid)]!;
}

/** First and third quartiles: the medians of the lower and upper halves (the median left out). */
export function quartiles(xs: readonly number[]): [number, number] {
  const sorted = [...xs].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  if (half === 0) return [sorted[0]!, sorted[0]!];
  return [median(sorted.slice(0, half)), median(sorted.slice(sorted.length - half))];
}
