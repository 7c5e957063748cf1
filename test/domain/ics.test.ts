// The .ics file is checked by reading it back the way a calendar does (test/helpers/ics-reader.ts).
import { describe, expect, it } from "vitest";
import { buildIcs, escapeText, foldLine } from "../../src/domain/ics.js";
import { fromLocalTime } from "../../src/domain/local-time.js";
import { parseIcs, parseUtc, propertyValue, unescapeText } from "../helpers/ics-reader.js";

const start = fromLocalTime({ year: 2026, month: 12, day: 5, hour: 9, minute: 0 }, "Asia/Shanghai");
const event = {
  uid: "activity-7@liaison-station",
  stamp: new Date("2026-12-01T02:03:04Z"),
  start,
  end: new Date(start.getTime() + 2 * 3_600_000),
  summary: "东门社区代表接待日",
  location: "人民路88号便民服务中心二楼",
  description: "类型:接待日\n值班代表:王代表、李代表",
};

describe("iCalendar files", () => {
  it("hold one VEVENT inside a VCALENDAR with the required properties", () => {
    const properties = parseIcs(buildIcs(event));
    const structure = properties
      .filter((p) => p.name === "BEGIN" || p.name === "END")
      .map((p) => `${p.name}:${p.value}`);
    expect(structure).toEqual(["BEGIN:VCALENDAR", "BEGIN:VEVENT", "END:VEVENT", "END:VCALENDAR"]);
    expect(propertyValue(properties, "VERSION")).toBe("2.0");
    expect(propertyValue(properties, "PRODID")).not.toBe("");
    expect(propertyValue(properties, "UID")).toBe("activity-7@liaison-station");
    expect(parseUtc(propertyValue(properties, "DTSTAMP"))).toEqual(event.stamp);
  });

  it("write times in UTC with Z: 09:00 in Shanghai is 01:00 UTC", () => {
    const properties = parseIcs(buildIcs(event));
    expect(propertyValue(properties, "DTSTART")).toBe("20261205T010000Z");
    expect(propertyValue(properties, "DTEND")).toBe("20261205T030000Z");
    expect(parseUtc(propertyValue(properties, "DTSTART"))).toEqual(start);
  });

  it("escape commas, semicolons, backslashes and newlines, and read back the same text", () => {
    const tricky = "Hall A, room 3; bring ID \\ passport\nsecond line";
    expect(escapeText(tricky)).toBe("Hall A\\, room 3\\; bring ID \\\\ passport\\nsecond line");
    const properties = parseIcs(buildIcs({ ...event, summary: tricky, location: tricky }));
    expect(unescapeText(propertyValue(properties, "SUMMARY"))).toBe(tricky);
    expect(unescapeText(propertyValue(properties, "LOCATION"))).toBe(tricky);
    expect(unescapeText(propertyValue(properties, "DESCRIPTION"))).toBe(event.description);
  });

  it("fold long Chinese lines at 75 octets without cutting a character", () => {
    const long = "城关街道人大代表联络站".repeat(12);
    const lines = foldLine(`SUMMARY:${long}`);
    expect(lines.length).toBeGreaterThan(4);
    for (const line of lines) {
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      expect(line).not.toContain("\uFFFD");
    }
    expect(lines.slice(1).every((l) => l.startsWith(" "))).toBe(true);
    const properties = parseIcs(buildIcs({ ...event, summary: long }));
    expect(unescapeText(propertyValue(properties, "SUMMARY"))).toBe(long);
  });

  it("separate lines with CRLF only", () => {
    const text = buildIcs(event);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("mark a cancelled event as CANCELLED", () => {
    expect(propertyValue(parseIcs(buildIcs({ ...event, status: "CANCELLED" })), "STATUS")).toBe("CANCELLED");
  });
});
