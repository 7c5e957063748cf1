import { describe, expect, it } from "vitest";
import { fromLocalTime, parseLocalDateTime, zoneOffsetMs } from "../../src/domain/local-time.js";

describe("local time", () => {
  it("knows Shanghai is UTC+8 all year", () => {
    expect(zoneOffsetMs(new Date("2026-01-15T00:00:00Z"), "Asia/Shanghai")).toBe(8 * 3600_000);
    expect(zoneOffsetMs(new Date("2026-07-15T00:00:00Z"), "Asia/Shanghai")).toBe(8 * 3600_000);
  });

  it("turns a Shanghai wall-clock time into UTC", () => {
    expect(
      fromLocalTime({ year: 2026, month: 12, day: 5, hour: 9, minute: 0 }, "Asia/Shanghai").toISOString(),
    ).toBe("2026-12-05T01:00:00.000Z");
  });

  it("handles daylight saving in other zones", () => {
    expect(parseLocalDateTime("2026-07-01 12:00", "Europe/Berlin")?.toISOString()).toBe(
      "2026-07-01T10:00:00.000Z",
    );
    expect(parseLocalDateTime("2026-01-01 12:00", "Europe/Berlin")?.toISOString()).toBe(
      "2026-01-01T11:00:00.000Z",
    );
  });

  it.each([
    "2026-12-05 09:00",
    "2026/12/5 9:00",
    "2026-12-05T09:00",
    "２０２６-１２-０５ ０９：００",
    "2026年12月5日 9:00",
  ])("parses %s", (text) => {
    expect(parseLocalDateTime(text, "Asia/Shanghai")?.toISOString()).toBe("2026-12-05T01:00:00.000Z");
  });

  it.each(["tomorrow", "2026-02-31 09:00", "2026-13-01 09:00", "2026-12-05 24:00", "2026-12-05"])(
    "rejects %s",
    (text) => {
      expect(parseLocalDateTime(text, "Asia/Shanghai")).toBeUndefined();
    },
  );
});

describe("local dates and minutes", () => {
  it("give the Shanghai calendar date and minute of the day, not the server's", async () => {
    const { localDate, localMinuteOfDay } = await import("../../src/domain/local-time.js");
    const lateUtc = new Date("2026-11-23T22:30:00Z"); // 06:30 on the 24th in Shanghai
    expect(localDate(lateUtc, "Asia/Shanghai")).toBe("2026-11-24");
    expect(localDate(lateUtc, "UTC")).toBe("2026-11-23");
    expect(localMinuteOfDay(lateUtc, "Asia/Shanghai")).toBe(6 * 60 + 30);
  });
});
