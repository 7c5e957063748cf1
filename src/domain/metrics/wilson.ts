// The Wilson score interval for a proportion, the interval every rate in the statistics is
// shown with. Source: E. B. Wilson, "Probable inference, the law of succession, and
// statistical inference", JASA 22 (1927) 209–212; checked against R. G. Newcombe, "Two-sided
// confidence intervals for the single proportion", Statistics in Medicine 17 (1998) 857–872,
// table I, method 3 (test/domain/metrics/wilson.test.ts).

/** The standard normal quantile for a two-sided 95 % interval (Φ⁻¹(0.975)). */
export const Z_95 = 1.959963984540054;

export interface Interval {
  /** Lower bound, a proportion in [0, 1]. */
  low: number;
  /** Upper bound, a proportion in [0, 1]. */
  high: number;
}

export class InvalidProportionError extends Error {
  constructor(
    readonly successes: number,
    readonly trials: number,
  ) {
    super(`cannot form a proportion of ${successes} out of ${trials}`);
    this.name = "InvalidProportionError";
  }
}

/**
 * The Wilson score interval (without continuity correction) of `successes` out of `trials`.
 * Both are whole counts with 0 ≤ successes ≤ trials and trials ≥ 1; anything else throws
 * InvalidProportionError. `z` defaults to the 95 % quantile.
 */
export function wilsonInterval(successes: number, trials: number, z = Z_95): Interval {
  if (
    !Number.isInteger(successes) ||
    !Number.isInteger(trials) ||
    trials < 1 ||
    successes < 0 ||
    successes > trials
  )
    throw new InvalidProportionError(successes, trials);
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  // Rounding can push a bound a hair outside [0, 1] at p = 0 or 1.
  return { low: Math.max(0, centre - halfWidth), high: Math.min(1, centre + halfWidth) };
}

/** True when two intervals do not overlap: the one difference the statistics call a difference. */
export function intervalsSeparate(a: Interval, b: Interval): boolean {
  return a.low > b.high || b.low > a.high;
}
