import { describe, expect, it } from "vitest";
import { rateOf } from "../../../src/domain/metrics/evaluate.js";
import {
  InvalidProportionError,
  intervalsSeparate,
  wilsonInterval,
} from "../../../src/domain/metrics/wilson.js";

describe("the Wilson score interval", () => {
  // R. G. Newcombe, "Two-sided confidence intervals for the single proportion: comparison of
  // seven methods", Statistics in Medicine 17 (1998) 857–872, table I, method 3 (score, no
  // continuity correction), to the four decimals published.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0.0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    [29, 29, 0.883, 1.0],
  ])("matches Newcombe's published interval for %i/%i", (x, n, low, high) => {
    const interval = wilsonInterval(x, n);
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  it("refuses what is not a proportion", () => {
    expect(() => wilsonInterval(3, 2)).toThrow(InvalidProportionError);
    expect(() => wilsonInterval(0, 0)).toThrow(InvalidProportionError);
    expect(() => wilsonInterval(1.5, 4)).toThrow(InvalidProportionError);
  });

  it("tells separated intervals from overlapping ones", () => {
    expect(intervalsSeparate({ low: 0.6, high: 0.8 }, { low: 0.2, high: 0.5 })).toBe(true);
    expect(intervalsSeparate({ low: 0.4, high: 0.8 }, { low: 0.2, high: 0.5 })).toBe(false);
  });
});

describe("too few to judge", () => {
  it("withholds the rate and interval below 10 cases", () => {
    expect(rateOf(9, 9)).toEqual({ numerator: 9, denominator: 9, tooFew: true });
    expect(rateOf(0, 0)).toEqual({ numerator: 0, denominator: 0, tooFew: true });
  });

  it("shows them from 10 cases on", () => {
    const rate = rateOf(9, 10);
    expect(rate.tooFew).toBe(false);
    expect(rate.proportion).toBe(0.9);
    // Wilson 9/10 by hand: (0.9 + 0.19208)/1.38415 ± 1.95996·√(0.009 + 0.0096)/1.38415 = 0.5958 – 0.9821.
    expect(rate.interval!.low).toBeCloseTo(0.5958, 4);
    expect(rate.interval!.high).toBeCloseTo(0.9821, 4);
  });
});
