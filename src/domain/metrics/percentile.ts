// Percentiles of durations by the nearest-rank method (the definition of PostgreSQL's
// percentile_disc): the smallest value such that at least p of the values are at or below it.
// It always returns a value that occurred, which keeps every figure traceable to a case.

/**
 * The 1-based rank of the p-th percentile among `count` sorted values: ⌈p·count⌉, at least 1.
 * `p` is a fraction in (0, 1]; `count` ≥ 1.
 */
export function nearestRank(p: number, count: number): number {
  if (!(p > 0 && p <= 1) || !Number.isInteger(count) || count < 1)
    throw new RangeError(`no percentile ${p} of ${count} values`);
  // The small tolerance keeps 0.9 × 10 at rank 9, not 10 (0.9 × 10 = 9.000000000000002).
  return Math.max(1, Math.ceil(p * count - 1e-9));
}

/** The nearest-rank percentile of `values` (any order; not modified); undefined when empty. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[nearestRank(p, sorted.length) - 1];
}
