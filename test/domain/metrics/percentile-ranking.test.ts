import { describe, expect, it } from "vitest";
import { nearestRank, percentile } from "../../../src/domain/metrics/percentile.js";
import { rankBySeparation } from "../../../src/domain/metrics/ranking.js";

describe("nearest-rank percentiles", () => {
  it("takes the ⌈p·n⌉-th smallest value", () => {
    expect(percentile([5, 1, 4, 2, 3], 0.5)).toBe(3);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(
      percentile(
        Array.from({ length: 10 }, (_, i) => i + 1),
        0.9,
      ),
    ).toBe(9);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeUndefined();
    expect(nearestRank(0.9, 13)).toBe(12);
  });
});

describe("rankings only where intervals separate", () => {
  it("ranks nothing when every interval overlaps", () => {
    expect(
      rankBySeparation([
        { key: "a", interval: { low: 0.5, high: 0.9 } },
        { key: "b", interval: { low: 0.4, high: 0.8 } },
      ]),
    ).toEqual([]);
  });

  it("gives each group the range of places the data allows", () => {
    const ranked = rankBySeparation([
      { key: "low", interval: { low: 0.1, high: 0.3 } },
      { key: "high", interval: { low: 0.7, high: 0.9 } },
      { key: "middle", interval: { low: 0.25, high: 0.75 } },
      { key: "few", interval: undefined },
    ]);
    // high is above low; middle overlaps both, so it could be anywhere from 1st to 3rd.
    expect(ranked).toEqual([
      { key: "high", best: 1, worst: 2 },
      { key: "middle", best: 1, worst: 3 },
      { key: "low", best: 2, worst: 3 },
    ]);
  });
});
