import { describe, expect, it } from "vitest";
import { readCalendarDirectory } from "../../src/db/queries/calendar.js";
import { departmentTable } from "../../src/domain/metrics/department-figures.js";
import { createWorkingCalendar } from "../../src/domain/working-days.js";

const local = (text: string) => new Date(`${text}+08:00`);
const referral = (departmentId: number, sent: string, response: string | null, extra = {}) => ({
  departmentId,
  createdAt: local(sent),
  firstResponseAt: response ? local(response) : null,
  returned: false,
  extended: false,
  redone: false,
  answered: false,
  ...extra,
});

describe("the department table", () => {
  it("sums each department's referrals, 签收 within one working day on the calendar, most referred first", () => {
    const calendar = createWorkingCalendar(readCalendarDirectory().years);
    const rows = departmentTable(
      [
        // Sent on Friday 13 February 2026: the next working day is Saturday 14 (made up).
        referral(1, "2026-02-13T10:00:00", "2026-02-14T17:00:00", { answered: true }),
        referral(1, "2026-02-13T10:00:00", "2026-02-24T09:00:00", { returned: true }),
        // Sent on the make-up Saturday: the next working day is Tuesday 24, after the festival.
        referral(2, "2026-02-14T10:00:00", "2026-02-24T18:00:00", { extended: true, redone: true }),
        referral(2, "2026-02-14T10:00:00", null),
        referral(2, "2026-02-14T10:00:00", "2026-02-25T09:00:00"),
      ],
      calendar,
      "Asia/Shanghai",
    );
    expect(rows).toEqual([
      {
        departmentId: 2,
        referred: 3,
        acknowledgedOnTime: 1,
        returned: 0,
        extended: 1,
        redone: 1,
        answered: 0,
      },
      {
        departmentId: 1,
        referred: 2,
        acknowledgedOnTime: 1,
        returned: 1,
        extended: 0,
        redone: 0,
        answered: 1,
      },
    ]);
  });
});
