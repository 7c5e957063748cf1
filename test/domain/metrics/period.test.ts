import { describe, expect, it } from "vitest";
import {
  InvalidPeriodError,
  monthsOf,
  parseDateRange,
  previousMonth,
  resolvePeriod,
} from "../../../src/domain/metrics/period.js";

const TZ = "Asia/Shanghai";
// 2026-01-01 00:30 in Shanghai is still 2025 in UTC.
const newYear = new Date("2025-12-31T16:30:00Z");

describe("periods", () => {
  it("counts this month, last month and this year in the station's zone", () => {
    expect(resolvePeriod({ kind: "this-month" }, newYear, TZ)).toMatchObject({
      from: "2026-01-01",
      to: "2026-01-31",
    });
    expect(resolvePeriod({ kind: "last-month" }, newYear, TZ)).toMatchObject({
      from: "2025-12-01",
      to: "2025-12-31",
    });
    const year = resolvePeriod({ kind: "this-year" }, newYear, TZ);
    expect(year.start.toISOString()).toBe("2025-12-31T16:00:00.000Z");
    expect(year.end.toISOString()).toBe("2026-12-31T16:00:00.000Z");
    expect(resolvePeriod({ kind: "month", month: "2028-02" }, newYear, TZ).to).toBe("2028-02-29");
  });

  it("accepts a custom range and refuses a backwards or impossible one", () => {
    expect(
      resolvePeriod({ kind: "custom", from: "2026-03-01", to: "2026-03-31" }, newYear, TZ).end.toISOString(),
    ).toBe("2026-03-31T16:00:00.000Z");
    expect(() =>
      resolvePeriod({ kind: "custom", from: "2026-03-02", to: "2026-03-01" }, newYear, TZ),
    ).toThrow(InvalidPeriodError);
    expect(() =>
      resolvePeriod({ kind: "custom", from: "2026-02-30", to: "2026-03-01" }, newYear, TZ),
    ).toThrow(InvalidPeriodError);
  });

  it("parses two dates typed the usual ways", () => {
    expect(parseDateRange("2026-01-01 2026-03-31")).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(parseDateRange("２０２６年1月1日至2026年3月31日")).toEqual({
      from: "2026-01-01",
      to: "2026-03-31",
    });
    expect(parseDateRange("2026/1/1~2026/3/31")).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(parseDateRange("next week")).toBeUndefined();
    expect(parseDateRange("2026-02-30 2026-03-01")).toBeUndefined();
  });

  it("lists the months a period touches", () => {
    expect(monthsOf({ from: "2025-11-15", to: "2026-02-01" })).toEqual([
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
    ]);
    expect(previousMonth(newYear, TZ)).toBe("2025-12");
  });
});
