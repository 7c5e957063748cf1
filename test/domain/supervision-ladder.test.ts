import { describe, expect, it } from "vitest";
import { readCalendarDirectory } from "../../src/db/queries/calendar.js";
import { resumedReferralDeadlines } from "../../src/domain/referral.js";
import {
  dueSteps,
  type LadderFacts,
  type LadderStep,
  ladderStepColumn,
  supervisionColour,
} from "../../src/domain/supervision-ladder.js";
import { addWorkingDays, createWorkingCalendar } from "../../src/domain/working-days.js";

const timeZone = "Asia/Shanghai";
const calendar = createWorkingCalendar(readCalendarDirectory().years);
const time = { calendar, timeZone };
const at = (local: string) => new Date(`${local}+08:00`);
const hour = 3_600_000;

const untaken = () =>
  Object.fromEntries(Object.values(ladderStepColumn).map((column) => [column, null])) as LadderFacts["taken"];

function referral(overrides: Partial<LadderFacts> = {}): LadderFacts {
  return {
    status: "acknowledged",
    deadline: at("2026-03-06T23:59:59.999"), // Friday
    acknowledgeBy: null,
    returnedAt: null,
    answerClass: null,
    promisedAt: null,
    pausedAt: null,
    taken: untaken(),
    ...overrides,
  };
}

/**
 * Moves a clock by the hour from `from` to `to`, as the scheduler's ticks would, taking every
 * due step (setting its column, as the caller does) and letting `before` change the referral at
 * a tick. Returns each step with the local time it was taken.
 */
function runClock(
  facts: LadderFacts,
  from: Date,
  to: Date,
  before: (now: Date, facts: LadderFacts) => void = () => {},
): { step: LadderStep; at: string; supervision: boolean }[] {
  const taken: { step: LadderStep; at: string; supervision: boolean }[] = [];
  for (let t = from.getTime(); t <= to.getTime(); t += hour) {
    const now = new Date(t);
    before(now, facts);
    for (const due of dueSteps(facts, now, time)) {
      (facts.taken as Record<string, Date | null>)[due.column] = now;
      taken.push({
        step: due.step,
        at: new Date(t + 8 * hour).toISOString().slice(0, 13),
        supervision: due.supervision,
      });
    }
  }
  return taken;
}

describe("the supervision ladder", () => {
  it("reminds, goes amber, then red, each once, on working days", () => {
    const facts = referral();
    const log = runClock(facts, at("2026-03-02T09:00:00"), at("2026-03-31T09:00:00"));
    expect(log).toEqual([
      { step: "reminder", at: "2026-03-06T00", supervision: false }, // after Thursday, the last day left
      { step: "amber", at: "2026-03-07T00", supervision: false }, // the deadline passed
      { step: "red", at: "2026-03-14T00", supervision: true }, // 5 working days after: end of Friday 03-13
    ]);
  });

  it("sends the steps to the department, the staff, then the staff above and the deputy", () => {
    const facts = referral();
    expect(dueSteps(facts, at("2026-03-06T10:00:00"), time).map((s) => s.recipients)).toEqual([
      ["department"],
    ]);
    expect(dueSteps(facts, at("2026-03-09T10:00:00"), time).map((s) => [s.step, s.recipients])).toEqual([
      ["amber", ["staff"]],
    ]);
    expect(dueSteps(facts, at("2026-03-16T10:00:00"), time).map((s) => [s.step, s.recipients])).toEqual([
      ["amber", ["staff"]],
      ["red", ["staff_above", "representative"]],
    ]);
  });

  it("takes no step once the department has answered", () => {
    const facts = referral();
    const log = runClock(facts, at("2026-03-02T09:00:00"), at("2026-03-31T09:00:00"), (now, f) => {
      if (now >= at("2026-03-05T15:00:00")) f.status = "answered";
    });
    expect(log).toEqual([]);
  });

  it("stops after amber when the answer comes before red", () => {
    const facts = referral();
    const log = runClock(facts, at("2026-03-02T09:00:00"), at("2026-03-31T09:00:00"), (now, f) => {
      if (now >= at("2026-03-10T11:00:00")) f.status = "answered";
    });
    expect(log.map((l) => l.step)).toEqual(["reminder", "amber"]);
  });

  it("counts across the Spring Festival and its make-up Saturdays", () => {
    // Due at the end of the make-up Saturday 02-14; red 5 working days later: 02-24 … 02-28.
    const facts = referral({ deadline: at("2026-02-14T23:59:59.999") });
    const log = runClock(facts, at("2026-02-11T09:00:00"), at("2026-03-10T09:00:00"));
    expect(log.map((l) => [l.step, l.at])).toEqual([
      ["reminder", "2026-02-14T00"],
      ["amber", "2026-02-15T00"],
      ["red", "2026-03-01T00"],
    ]);
  });

  it("takes no step while the case waits for the citizen, and goes on from the moved deadline", () => {
    const facts = referral();
    const pausedAt = at("2026-03-04T10:00:00");
    const resumedAt = at("2026-03-11T10:00:00");
    const log = runClock(facts, at("2026-03-02T09:00:00"), at("2026-04-10T09:00:00"), (now, f) => {
      if (now.getTime() === pausedAt.getTime()) f.pausedAt = pausedAt;
      if (now.getTime() === resumedAt.getTime()) {
        Object.assign(f, {
          pausedAt: null,
          ...resumedReferralDeadlines(f, pausedAt, now, calendar, timeZone),
        });
      }
    });
    // The pause covered 03-05 … 03-11 (5 working days): the deadline moved from 03-06 to 03-13.
    expect(facts.deadline).toEqual(addWorkingDays(calendar, at("2026-03-06T12:00:00"), 5, timeZone));
    expect(log.map((l) => [l.step, l.at])).toEqual([
      ["reminder", "2026-03-13T00"],
      ["amber", "2026-03-14T00"],
      ["red", "2026-03-21T00"],
    ]);
  });

  it("starts again for a new deadline after an extension, and skips a reminder already late", () => {
    const facts = referral();
    const log = runClock(facts, at("2026-03-02T09:00:00"), at("2026-03-31T09:00:00"), (now, f) => {
      if (now.getTime() === at("2026-03-09T12:00:00").getTime())
        Object.assign(f, {
          deadline: at("2026-03-20T23:59:59.999"),
          taken: { ...f.taken, reminderSentAt: null, amberSentAt: null, redSentAt: null },
        });
    });
    expect(log.map((l) => [l.step, l.at])).toEqual([
      ["reminder", "2026-03-06T00"],
      ["amber", "2026-03-07T00"],
      ["reminder", "2026-03-20T00"],
      ["amber", "2026-03-21T00"],
      ["red", "2026-03-28T00"],
    ]);
  });

  it("reminds a department that has not acknowledged once the date has passed", () => {
    const facts = referral({ status: "sent", acknowledgeBy: at("2026-03-03T23:59:59.999") });
    const log = runClock(facts, at("2026-03-02T09:00:00"), at("2026-03-05T09:00:00"), (now, f) => {
      if (now >= at("2026-03-04T15:00:00")) f.status = "acknowledged";
    });
    expect(log.map((l) => [l.step, l.at])).toEqual([["acknowledge_reminder", "2026-03-04T00"]]);
  });

  it("escalates once to the staff and those above when a returned referral waits more than a working day", () => {
    const facts = referral({ status: "returned", returnedAt: at("2026-03-06T16:00:00") });
    const log = runClock(facts, at("2026-03-06T16:00:00"), at("2026-03-20T09:00:00"));
    expect(log).toEqual([{ step: "reroute_reminder", at: "2026-03-10T00", supervision: false }]);
    const fresh = referral({ status: "returned", returnedAt: at("2026-03-06T16:00:00") });
    const [step] = dueSteps(fresh, at("2026-03-10T09:00:00"), { calendar, timeZone });
    expect(step?.recipients).toEqual(["staff", "staff_above"]);
  });

  it("asks the department again once after a promised date, for B and C only", () => {
    const promised = { status: "closed" as const, promisedAt: at("2026-04-30T23:59:59.999") };
    const b = runClock(
      referral({ ...promised, answerClass: "B" }),
      at("2026-04-29T09:00:00"),
      at("2026-05-10T09:00:00"),
    );
    expect(b).toEqual([{ step: "promise_due", at: "2026-05-01T00", supervision: false }]);
    const a = runClock(
      referral({ ...promised, answerClass: "A" }),
      at("2026-04-29T09:00:00"),
      at("2026-05-10T09:00:00"),
    );
    expect(a).toEqual([]);
  });

  it("gives the 三色 colour of a referral", () => {
    const facts = referral();
    expect(supervisionColour(facts, at("2026-03-05T12:00:00"), time)).toBe("green");
    expect(supervisionColour(facts, at("2026-03-06T12:00:00"), time)).toBe("amber");
    expect(supervisionColour(facts, at("2026-03-13T12:00:00"), time)).toBe("amber");
    expect(supervisionColour(facts, at("2026-03-14T00:00:00"), time)).toBe("red");
    expect(supervisionColour({ ...facts, status: "answered" }, at("2026-03-14T00:00:00"), time)).toBeNull();
    expect(
      supervisionColour({ ...facts, pausedAt: at("2026-03-01T00:00:00") }, at("2026-03-14T00:00:00"), time),
    ).toBeNull();
  });
});
