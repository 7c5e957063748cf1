import { afterEach, describe, expect, it } from "vitest";
import { readCalendarDirectory } from "../../src/db/queries/calendar.js";
import { localDate } from "../../src/domain/local-time.js";
import {
  addWorkingDays,
  calendarCoverage,
  countWorkingDates,
  createWorkingCalendar,
  dateOfDayNumber,
  dayNumber,
  deadlineWithPauses,
  endOfLocalDay,
  firstWorkingDayOfMonth,
  InvalidLocalDateError,
  isWorkingDate,
  isWorkingDay,
  nthWorkingDateAfter,
  nthWorkingDateBefore,
  workingDaysBetween,
} from "../../src/domain/working-days.js";

const shanghai = "Asia/Shanghai";
const shipped = readCalendarDirectory();
const calendar = createWorkingCalendar(shipped.years);
/** An instant given as Shanghai wall-clock time. */
const at = (local: string) => new Date(`${local}+08:00`);
const dueDay = (deadline: Date | null) => (deadline ? localDate(deadline, shanghai) : null);

describe("working days on the 2026 calendar", () => {
  it.each([
    ["2026-01-01", false, "元旦"],
    ["2026-01-04", true, "the Sunday worked for 元旦"],
    ["2026-02-13", true, "the Friday before the Spring Festival"],
    ["2026-02-14", true, "the make-up Saturday before the Spring Festival"],
    ["2026-02-15", false, "the first day of the Spring Festival (a Sunday)"],
    ["2026-02-16", false, "a Monday of the Spring Festival"],
    ["2026-02-23", false, "the last day of the Spring Festival (a Monday)"],
    ["2026-02-24", true, "the Tuesday after"],
    ["2026-02-28", true, "the make-up Saturday after"],
    ["2026-03-07", false, "an ordinary Saturday"],
    ["2026-03-09", true, "an ordinary Monday"],
    ["2026-05-09", true, "the Saturday worked for 劳动节"],
    ["2026-09-20", true, "the Sunday worked for 国庆节"],
    ["2026-10-07", false, "the last day of 国庆节"],
    ["2026-10-08", true, "the Thursday after 国庆节"],
    ["2026-10-10", true, "the Saturday worked for 国庆节"],
  ])("%s is a working day: %s (%s)", (date, working) => {
    expect(isWorkingDate(calendar, date)).toBe(working);
  });

  it("ships 33 days off and 6 make-up working days for 2026, as the notice lists", () => {
    const y2026 = shipped.years.find((y) => y.year === 2026)!;
    expect(y2026.offDays).toHaveLength(33);
    expect(y2026.makeUpWorkingDays).toEqual([
      "2026-01-04",
      "2026-02-14",
      "2026-02-28",
      "2026-05-09",
      "2026-09-20",
      "2026-10-10",
    ]);
    expect(calendarCoverage(calendar, 2026)).toBe("confirmed");
  });

  it("has 2027 only as unconfirmed statutory days, and says so", () => {
    expect(calendarCoverage(calendar, 2027)).toBe("unconfirmed");
    expect(calendarCoverage(calendar, 2028)).toBe("missing");
    expect(shipped.warnings).toHaveLength(1);
    expect(shipped.warnings[0]).toMatch(/2027 calendar is not confirmed/);
    expect(isWorkingDate(calendar, "2027-02-05")).toBe(false); // 除夕, a Friday
    expect(isWorkingDate(calendar, "2027-02-08")).toBe(false); // 正月初三, a Monday
    expect(isWorkingDate(calendar, "2027-02-09")).toBe(true); // 补假 not known yet
  });

  it("falls back to weekends for a year without data", () => {
    expect(isWorkingDate(calendar, "2028-01-03")).toBe(true);
    expect(isWorkingDate(calendar, "2028-01-01")).toBe(false); // a Saturday
    expect(isWorkingDate(createWorkingCalendar([]), "2026-02-16")).toBe(true);
  });

  it("refuses dates that do not exist", () => {
    expect(() => isWorkingDate(calendar, "2026-02-30")).toThrow(InvalidLocalDateError);
    expect(() => isWorkingDate(calendar, "26-2-3")).toThrow(InvalidLocalDateError);
  });
});

describe("deadlines in working days", () => {
  it("counts across the Spring Festival and its make-up Saturdays", () => {
    const sent = at("2026-02-12T10:00:00"); // a Thursday
    const due = (n: number) => dueDay(addWorkingDays(calendar, sent, n, shanghai));
    expect(due(1)).toBe("2026-02-13");
    expect(due(2)).toBe("2026-02-14"); // make-up Saturday
    expect(due(3)).toBe("2026-02-24"); // the whole festival skipped
    expect(due(5)).toBe("2026-02-26");
    expect(due(7)).toBe("2026-02-28"); // make-up Saturday
    expect(due(8)).toBe("2026-03-02");
  });

  it("ends a deadline at 24:00 of its last day in the zone", () => {
    const deadline = addWorkingDays(calendar, at("2026-02-13T16:30:00"), 1, shanghai);
    expect(deadline.toISOString()).toBe("2026-02-14T15:59:59.999Z");
  });

  it("does not count the day it starts, however early", () => {
    expect(dueDay(addWorkingDays(calendar, at("2026-03-02T00:00:00"), 1, shanghai))).toBe("2026-03-03");
    expect(dueDay(addWorkingDays(calendar, at("2026-03-02T23:59:00"), 1, shanghai))).toBe("2026-03-03");
  });

  it("crosses month and year boundaries", () => {
    expect(nthWorkingDateAfter(calendar, "2026-01-30", 1)).toBe("2026-02-02");
    expect(nthWorkingDateAfter(calendar, "2026-04-30", 1)).toBe("2026-05-06"); // 1–5 May off
    expect(nthWorkingDateAfter(calendar, "2026-04-30", 4)).toBe("2026-05-09"); // make-up Saturday
    expect(nthWorkingDateAfter(calendar, "2026-09-30", 1)).toBe("2026-10-08");
    expect(nthWorkingDateAfter(calendar, "2026-12-31", 1)).toBe("2027-01-04");
    expect(nthWorkingDateAfter(calendar, "2026-12-31", 24)).toBe("2027-02-04");
    expect(nthWorkingDateAfter(calendar, "2026-12-31", 25)).toBe("2027-02-09"); // 02-05…02-08 off
  });

  it("finds the first working day of each month", () => {
    expect(firstWorkingDayOfMonth(calendar, 2026, 1)).toBe("2026-01-04"); // a Sunday worked
    expect(firstWorkingDayOfMonth(calendar, 2026, 2)).toBe("2026-02-02");
    expect(firstWorkingDayOfMonth(calendar, 2026, 5)).toBe("2026-05-06");
    expect(firstWorkingDayOfMonth(calendar, 2026, 6)).toBe("2026-06-01");
    expect(firstWorkingDayOfMonth(calendar, 2026, 10)).toBe("2026-10-08");
    expect(() => firstWorkingDayOfMonth(calendar, 2026, 13)).toThrow(RangeError);
  });

  it.each([0, -1, 1.5, Number.NaN, 3651])("refuses %s working days", (n) => {
    expect(() => addWorkingDays(calendar, at("2026-03-02T09:00:00"), n, shanghai)).toThrow(RangeError);
  });
});

describe("counting working days between two days", () => {
  it("is the inverse of adding them, for every day of 2026 and spans up to 60", () => {
    for (let day = dayNumber("2025-12-01"); day <= dayNumber("2027-01-31"); day++) {
      const start = dateOfDayNumber(day);
      for (const n of [1, 2, 5, 7, 15, 22, 60])
        expect(countWorkingDates(calendar, start, nthWorkingDateAfter(calendar, start, n))).toBe(n);
    }
  });

  it("agrees with a day-by-day count, both ways", () => {
    const slow = (from: string, to: string) => {
      let count = 0;
      for (let d = dayNumber(from) + 1; d <= dayNumber(to); d++)
        if (isWorkingDate(calendar, dateOfDayNumber(d))) count++;
      return count;
    };
    const days = ["2025-12-27", "2026-01-01", "2026-01-03", "2026-02-13", "2026-02-14", "2026-02-22"];
    days.push("2026-02-28", "2026-05-05", "2026-09-19", "2026-10-10", "2026-12-31", "2027-02-06");
    for (const from of days)
      for (const to of days) {
        const expected = dayNumber(to) >= dayNumber(from) ? slow(from, to) : -slow(to, from);
        expect(countWorkingDates(calendar, from, to), `${from} → ${to}`).toBe(expected);
      }
  });

  it("counts a referral answered the same day as 0 working days", () => {
    expect(workingDaysBetween(calendar, at("2026-03-02T09:00:00"), at("2026-03-02T17:00:00"), shanghai)).toBe(
      0,
    );
    expect(countWorkingDates(calendar, "2026-02-13", "2026-02-24")).toBe(2);
    expect(countWorkingDates(calendar, "2026-02-24", "2026-02-13")).toBe(-2);
  });
});

describe("time zones", () => {
  const hostZone = process.env.TZ;
  afterEach(() => {
    if (hostZone === undefined) delete process.env.TZ;
    else process.env.TZ = hostZone;
  });

  it("counts days in the station's zone, not UTC", () => {
    // 20:00 UTC on Monday 02-23 (a festival day) is already Tuesday 04:00 in Shanghai.
    const instant = new Date("2026-02-23T20:00:00Z");
    expect(isWorkingDay(calendar, instant, shanghai)).toBe(true);
    expect(isWorkingDay(calendar, instant, "Europe/London")).toBe(false);
    // 17:00 UTC on Friday 02-13 is the make-up Saturday in Shanghai: the next working day is 02-24.
    const friday = new Date("2026-02-13T17:00:00Z");
    expect(addWorkingDays(calendar, friday, 1, shanghai).toISOString()).toBe("2026-02-24T15:59:59.999Z");
    expect(addWorkingDays(calendar, friday, 1, "America/New_York").toISOString()).toBe(
      "2026-02-15T04:59:59.999Z",
    );
  });

  it("gives the same answers whatever the host's own zone is", () => {
    const compute = () => [
      addWorkingDays(calendar, at("2026-02-12T23:30:00"), 3, shanghai).toISOString(),
      isWorkingDay(calendar, at("2026-02-14T00:10:00"), shanghai),
      workingDaysBetween(calendar, at("2026-02-13T23:59:00"), at("2026-02-24T00:01:00"), shanghai),
    ];
    process.env.TZ = "Asia/Shanghai";
    const inShanghai = compute();
    process.env.TZ = "America/Los_Angeles";
    expect(new Date("2026-02-14T00:00:00Z").getTimezoneOffset()).toBe(480); // the host zone did change
    expect(compute()).toEqual(inShanghai);
    expect(inShanghai).toEqual(["2026-02-24T15:59:59.999Z", true, 2]);
  });

  it("ends the day right across a daylight-saving change", () => {
    expect(endOfLocalDay("2026-03-28", "Europe/Berlin").toISOString()).toBe("2026-03-28T22:59:59.999Z");
    expect(endOfLocalDay("2026-03-29", "Europe/Berlin").toISOString()).toBe("2026-03-29T21:59:59.999Z");
  });
});

describe("paused clocks", () => {
  // Sent Monday 2026-03-02 with 5 working days: due at the end of Monday 03-09.
  const deadline = addWorkingDays(calendar, at("2026-03-02T09:00:00"), 5, shanghai);

  it("starts from a deadline due on 03-09", () => {
    expect(dueDay(deadline)).toBe("2026-03-09");
  });

  it("moves the deadline by the working days a pause covered", () => {
    // Paused Wednesday 10:00, restarted Friday 09:00: Thursday and Friday do not count.
    const pauses = [{ from: at("2026-03-04T10:00:00"), to: at("2026-03-06T09:00:00") }];
    expect(dueDay(deadlineWithPauses(calendar, deadline, pauses, shanghai))).toBe("2026-03-11");
  });

  it("adds nothing for a pause within one day", () => {
    const pauses = [{ from: at("2026-03-04T10:00:00"), to: at("2026-03-04T16:00:00") }];
    expect(deadlineWithPauses(calendar, deadline, pauses, shanghai)).toEqual(deadline);
  });

  it("counts overlapping pauses once", () => {
    const pauses = [
      { from: at("2026-03-03T10:00:00"), to: at("2026-03-05T10:00:00") }, // Wed, Thu
      { from: at("2026-03-04T10:00:00"), to: at("2026-03-06T10:00:00") }, // adds Fri
    ];
    expect(dueDay(deadlineWithPauses(calendar, deadline, pauses, shanghai))).toBe("2026-03-12");
  });

  it("has no deadline while the clock stands still", () => {
    const pauses = [{ from: at("2026-03-04T10:00:00"), to: null }];
    expect(deadlineWithPauses(calendar, deadline, pauses, shanghai)).toBeNull();
  });

  it("is not moved by a pause that starts after the deadline passed", () => {
    const pauses = [{ from: at("2026-03-10T10:00:00"), to: at("2026-03-13T10:00:00") }];
    expect(deadlineWithPauses(calendar, deadline, pauses, shanghai)).toEqual(deadline);
  });

  it("is moved again by a later pause that starts before the moved deadline", () => {
    const pauses = [
      { from: at("2026-03-09T10:00:00"), to: at("2026-03-11T10:00:00") }, // +2 → 03-11
      { from: at("2026-03-11T12:00:00"), to: at("2026-03-12T10:00:00") }, // +1 → 03-12
    ];
    expect(dueDay(deadlineWithPauses(calendar, deadline, pauses, shanghai))).toBe("2026-03-12");
  });

  it("counts only working days of a pause across the Spring Festival", () => {
    const before = addWorkingDays(calendar, at("2026-02-12T09:00:00"), 2, shanghai); // 02-14
    const pauses = [{ from: at("2026-02-13T09:00:00"), to: at("2026-02-25T09:00:00") }]; // 02-14, 02-24, 02-25
    expect(dueDay(deadlineWithPauses(calendar, before, pauses, shanghai))).toBe("2026-02-26");
  });
});

describe("counting back", () => {
  it("finds the working day before, across the Spring Festival", () => {
    expect(nthWorkingDateBefore(calendar, "2026-02-24", 1)).toBe("2026-02-14");
    expect(nthWorkingDateBefore(calendar, "2026-02-24", 2)).toBe("2026-02-13");
    expect(nthWorkingDateBefore(calendar, "2026-03-02", 1)).toBe("2026-02-28");
    expect(nthWorkingDateBefore(calendar, "2027-01-04", 1)).toBe("2026-12-31");
  });
});
