import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runAdmin } from "../../src/admin.js";
import { loadWorkingCalendar, shippedCalendarDirectory } from "../../src/db/queries/calendar.js";
import { calendarCoverage, isWorkingDate } from "../../src/domain/working-days.js";
import { createTestDatabase, type TestDatabase, testDialects } from "../helpers/database.js";

const botToken = "123456:TEST-TOKEN-aaaaaaaaaaaaaaaaaaaaaaaa";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out, err };
}

/** A confirmed 2027 as the notice might publish it: 除夕 to 初七 off, one make-up Saturday. */
function confirmed2027(): unknown {
  const file = JSON.parse(readFileSync(join(shippedCalendarDirectory, "2027.json"), "utf8"));
  file.confirmed = true;
  file.source = { title: "测试用通知", documentNumber: "测试〔2026〕1号", issuedOn: "2026-11-01" };
  delete file.note;
  file.holidays[1] = { ...file.holidays[1], to: "2027-02-12", days: 8, makeUpWorkingDays: ["2027-02-20"] };
  return file;
}

describe.each(testDialects)("the working-day calendar on %s", (dialect) => {
  let db: TestDatabase;
  let dir: string;
  beforeEach(async () => {
    vi.stubEnv("BOT_TOKEN", botToken);
    db = await createTestDatabase(dialect);
    dir = mkdtempSync(join(tmpdir(), "calendar-"));
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("is the shipped files until a year is loaded, with a warning for the unconfirmed 2027", async () => {
    const { calendar, warnings, years } = await loadWorkingCalendar(db.prisma);
    expect(years.map((y) => [y.year, y.source, y.confirmed])).toEqual([
      [2026, "shipped", true],
      [2027, "shipped", false],
    ]);
    expect(warnings).toHaveLength(1);
    expect(isWorkingDate(calendar, "2027-02-09")).toBe(true);
  });

  it("loads a new year with the admin command, in place of the shipped file, without a code change", async () => {
    const file = join(dir, "2027-notice.json");
    writeFileSync(file, JSON.stringify(confirmed2027()));
    const { io, out, err } = capture();
    expect(await runAdmin(["calendar", "load", file], io, { db })).toBe(0);
    expect(out).toEqual(["2027: 17 days off, 1 make-up working days, confirmed (测试〔2026〕1号)"]);
    expect(err).toEqual([]);

    const { calendar, warnings } = await loadWorkingCalendar(db.prisma);
    expect(warnings).toEqual([]);
    expect(calendarCoverage(calendar, 2027)).toBe("confirmed");
    expect(isWorkingDate(calendar, "2027-02-09")).toBe(false);
    expect(isWorkingDate(calendar, "2027-02-20")).toBe(true);

    const list = capture();
    expect(await runAdmin(["calendar", "list"], list.io, { db })).toBe(0);
    expect(list.out[0]).toMatch(/^2026 {2}confirmed {2}33 days off, 6 make-up working days {2}shipped$/);
    expect(list.out[1]).toMatch(
      /^2027 {2}confirmed {2}17 days off, 1 make-up working days {2}loaded 20\d\d-/,
    );
  });

  it("warns when it loads a year that is not confirmed, and loading it again replaces it", async () => {
    const file = join(dir, "2027.json");
    copyFileSync(join(shippedCalendarDirectory, "2027.json"), file);
    const first = capture();
    expect(await runAdmin(["calendar", "load", file], first.io, { db })).toBe(0);
    expect(first.err[0]).toMatch(/^warning: the 2027 calendar is not confirmed/);
    expect(first.out[0]).toMatch(/NOT confirmed/);
    writeFileSync(file, JSON.stringify(confirmed2027()));
    expect(await runAdmin(["calendar", "load", file], capture().io, { db })).toBe(0);
    expect(await db.prisma.workingCalendarYear.count()).toBe(1);
    expect((await db.prisma.workingCalendarYear.findUniqueOrThrow({ where: { year: 2027 } })).confirmed).toBe(
      true,
    );
  });

  it("refuses an invalid file on one line naming the file and the problem, and stores nothing", async () => {
    const file = join(dir, "bad.json");
    const bad = confirmed2027() as { holidays: { days: number }[] };
    bad.holidays[1]!.days = 9;
    writeFileSync(file, JSON.stringify(bad));
    const { io, err } = capture();
    expect(await runAdmin(["calendar", "load", file], io, { db })).toBe(1);
    expect(err).toEqual([
      `error: invalid calendar file ${file}: holidays.1.days: 2027-02-05…2027-02-12 is 8 days, not 9`,
    ]);
    expect(await db.prisma.workingCalendarYear.count()).toBe(0);
  });

  it("exits with 2 for a calendar command it does not know", async () => {
    const { io, err } = capture();
    expect(await runAdmin(["calendar", "drop", "2027"], io, { db })).toBe(2);
    expect(err[0]).toBe('error: "calendar" takes "load <file.json>" or "list"');
  });
});
