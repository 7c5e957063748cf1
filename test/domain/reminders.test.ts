import { describe, expect, it } from "vitest";
import {
  ESCALATIONS_PER_MESSAGE,
  escalationLevel,
  escalationWindows,
  followUpWindow,
  groupEscalations,
  hasOpenWork,
  unacceptedBefore,
} from "../../src/domain/reminders.js";

const now = new Date("2026-11-24T03:00:00Z");
const hours = (n: number) => new Date(now.getTime() + n * 3_600_000);

describe("scheduled reminders", () => {
  it("remind of new cases created REMIND_UNACCEPTED_HOURS ago or earlier", () => {
    expect(unacceptedBefore(now, 24)).toEqual(hours(-24));
  });

  it("grade supervision: none before the amber horizon, amber within it, red once due", () => {
    expect(escalationLevel(hours(73), now, 72)).toBeUndefined();
    expect(escalationLevel(hours(72), now, 72)).toBe("amber");
    expect(escalationLevel(hours(1), now, 72)).toBe("amber");
    expect(escalationLevel(now, now, 72)).toBe("red");
    expect(escalationLevel(hours(-5), now, 72)).toBe("red");
  });

  it("look for never-escalated rows up to the amber horizon and for amber rows now overdue", () => {
    expect(escalationWindows(now, 72)).toEqual([
      { from: null, dueBefore: hours(72) },
      { from: "amber", dueBefore: now },
    ]);
  });

  it("ask for a rating FOLLOW_UP_DAYS after the outcome, for outcomes of the 30 days before that", () => {
    expect(followUpWindow(now, 3)).toEqual({ closedAfter: hours(-33 * 24), closedBefore: hours(-3 * 24) });
  });

  it("send a digest only to someone with something open", () => {
    const none = { newCases: 0, overdueCases: 0, assignedCases: 0, overdueReferrals: 0 };
    expect(hasOpenWork(none)).toBe(false);
    expect(hasOpenWork({ ...none, overdueReferrals: 1 })).toBe(true);
    expect(hasOpenWork({ ...none, assignedCases: 2 })).toBe(true);
  });
});

describe("grouped escalations (issue 7)", () => {
  it("make one list per recipient and level, most overdue first, a case listed once per list", () => {
    const groups = groupEscalations([
      { concernId: 1, level: "red", dueAt: hours(-2), recipientIds: [7, 8] },
      { concernId: 2, level: "red", dueAt: hours(-30), recipientIds: [7, 7] },
      { concernId: 3, level: "red", dueAt: hours(-5), recipientIds: [7] },
      { concernId: 4, level: "amber", dueAt: hours(20), recipientIds: [8] },
    ]);
    expect(groups).toEqual([
      { recipientId: 7, level: "red", concernIds: [2, 3, 1] },
      { recipientId: 8, level: "amber", concernIds: [4] },
      { recipientId: 8, level: "red", concernIds: [1] },
    ]);
  });

  it("split a list longer than one message holds", () => {
    const rows = Array.from({ length: ESCALATIONS_PER_MESSAGE + 1 }, (_, i) => ({
      concernId: i + 1,
      level: "red" as const,
      dueAt: hours(-i),
      recipientIds: [7],
    }));
    const groups = groupEscalations(rows);
    expect(groups.map((g) => g.concernIds.length)).toEqual([ESCALATIONS_PER_MESSAGE, 1]);
    expect(groups[1]!.concernIds).toEqual([1]);
  });
});
