import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  readCalendarDirectory,
  readCalendarFile,
  shippedCalendarDirectory,
} from "../../src/db/queries/calendar.js";
import { type CalendarFile, CalendarFileError, parseCalendarFile } from "../../src/domain/calendar-file.js";

const shipped2026: CalendarFile = JSON.parse(
  readFileSync(join(shippedCalendarDirectory, "2026.json"), "utf8"),
);
type Change = (file: CalendarFile) => void;

/** The 2026 file with one change applied to a deep copy. */
function edited(change: Change) {
  const copy = structuredClone(shipped2026);
  change(copy);
  return copy;
}

function problemsOf(value: unknown): string[] {
  try {
    parseCalendarFile(value);
  } catch (error) {
    if (error instanceof CalendarFileError) return error.problems;
    throw error;
  }
  throw new Error("the file was accepted");
}

describe("calendar files", () => {
  it("cites the 2026 notice", () => {
    const { file, warnings } = parseCalendarFile(shipped2026);
    expect(file.source.documentNumber).toBe("国办发明电〔2025〕7号");
    expect(file.source.issuedOn).toBe("2025-11-04");
    expect(warnings).toEqual([]);
  });

  it("warns that 2027 is not confirmed, and why", () => {
    const { file, warnings } = readCalendarFile(join(shippedCalendarDirectory, "2027.json"));
    expect(file.confirmed).toBe(false);
    expect(warnings[0]).toMatch(/^the 2027 calendar is not confirmed .*NOT CONFIRMED/);
  });

  it.each<[string, Change, RegExp]>([
    [
      "a holiday whose day count is wrong",
      (f) => (f.holidays[1]!.days = 8),
      /holidays\.1\.days: .* is 9 days, not 8/,
    ],
    [
      "a make-up day on a weekday",
      (f) => f.holidays[1]!.makeUpWorkingDays.push("2026-02-13"),
      /holidays\.1\.makeUpWorkingDays\.2: 2026-02-13 is a weekday/,
    ],
    [
      "a make-up day that is also a day off",
      (f) => f.holidays[0]!.makeUpWorkingDays.push("2026-02-15"),
      /2026-02-15 is also a day off/,
    ],
    [
      "two holidays sharing a day",
      (f) => Object.assign(f.holidays[2]!, { from: "2026-02-23", to: "2026-02-25", days: 3 }),
      /2026-02-23 is already a day off of 春节/,
    ],
    ["a date of another year", (f) => (f.holidays[6]!.to = "2027-10-07"), /2027-10-07 is not in 2026/],
    [
      "a date that does not exist",
      (f) => (f.holidays[1]!.to = "2026-02-30"),
      /holidays\.1\.to: must be a calendar date/,
    ],
    [
      "an end before the start",
      (f) => (f.holidays[1]!.to = "2026-02-01"),
      /ends \(2026-02-01\) before it starts/,
    ],
    [
      "a confirmed year without the notice's number",
      (f) => delete f.source.documentNumber,
      /source\.documentNumber: a confirmed year must cite/,
    ],
    [
      "an unconfirmed year without a note",
      (f) => Object.assign(f, { confirmed: false, note: undefined }),
      /note: an unconfirmed year must say/,
    ],
    ["an unknown field", (f) => Object.assign(f, { holidayz: [] }), /holidayz/],
  ])("refuses %s", (_what, change, message) => {
    expect(problemsOf(edited(change)).join("\n")).toMatch(message);
  });

  it("accepts a 元旦 that starts in the December before, as the 2019 notice had", () => {
    const file = edited((f) => {
      f.holidays[0] = { ...f.holidays[0]!, from: "2025-12-31", days: 4, makeUpWorkingDays: ["2025-12-27"] };
    });
    expect(parseCalendarFile(file).calendarYear.offDays.slice(0, 2)).toEqual(["2025-12-31", "2026-01-01"]);
  });

  it("refuses a folder whose file name and year differ, and text that is not JSON", () => {
    const dir = mkdtempSync(join(tmpdir(), "calendar-"));
    try {
      writeFileSync(join(dir, "2025.json"), JSON.stringify(shipped2026));
      expect(() => readCalendarDirectory(dir)).toThrow(/2025\.json holds the year 2026/);
      writeFileSync(join(dir, "2025.json"), "{ not json");
      expect(() => readCalendarFile(join(dir, "2025.json"))).toThrow(CalendarFileError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
