/** Median, min and max of a figure over its rounds. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** The middle value (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('[bench] median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function spread(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/**
 * The `p`-th percentile (0–100) by nearest rank: the smallest sample with at least p % of the
 * samples at or below it. `sorted` must be ascending.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new Error('[bench] percentile of no values');
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/**
 * Ratios paired per round: `values[i] / baseline[i]`. Both ran in the same round, back to back,
 * so a noisy neighbour slows both and the ratio stays meaningful when the absolute numbers drift.
 */
export function pairedRatios(values: readonly number[], baseline: readonly number[]): number[] {
  if (values.length !== baseline.length) {
    throw new Error(`[bench] cannot pair ${values.length} rounds with ${baseline.length} baseline rounds`);
  }
  return values.map((value, i) => value / baseline[i]!);
}
