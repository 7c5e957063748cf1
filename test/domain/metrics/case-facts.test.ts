import { describe, expect, it } from "vitest";
import { deriveCaseFacts, type FactEvent } from "../../../src/domain/metrics/case-facts.js";
import { caseTallies, countsIn } from "../../../src/domain/metrics/dictionary.js";

const created = new Date("2026-11-30T17:00:00Z"); // 12-01 01:00 in Shanghai
const at = (hours: number) => new Date(created.getTime() + hours * 3_600_000);
const concern = {
  id: 1,
  districtId: 4,
  categoryId: null,
  assigneeId: 9,
  status: "resolved",
  createdAt: created,
  dueAt: at(24),
  closedAt: at(30),
};
const event = (e: Partial<FactEvent> & Pick<FactEvent, "kind" | "actorRole">, hours: number): FactEvent => ({
  fromStatus: null,
  toStatus: null,
  text: null,
  ...e,
  createdAt: at(hours),
});

describe("the facts of a case from its timeline", () => {
  const timeline = [
    event({ kind: "created", actorRole: "citizen", toStatus: "new" }, 0),
    event({ kind: "message", actorRole: "system", text: "自动回复" }, 0.5),
    event({ kind: "note", actorRole: "representative", text: "内部备注", internal: true }, 0.7),
    event({ kind: "message", actorRole: "staff", text: "请代表跟进", internal: true }, 0.8),
    event({ kind: "status", actorRole: "representative", fromStatus: "new", toStatus: "accepted" }, 1),
    event({ kind: "message", actorRole: "citizen", text: "补充" }, 2),
    event(
      {
        kind: "status",
        actorRole: "representative",
        fromStatus: "accepted",
        toStatus: "resolved",
        text: "已修好",
      },
      3,
    ),
    event(
      {
        kind: "rating",
        actorRole: "citizen",
        fromStatus: "resolved",
        toStatus: "reopened",
        text: "unsatisfied",
      },
      4,
    ),
    event(
      {
        kind: "rating",
        actorRole: "citizen",
        fromStatus: "resolved",
        toStatus: "resolved",
        text: "basically_satisfied",
      },
      31,
    ),
  ];
  const facts = deriveCaseFacts(concern, [...timeline].reverse(), "Asia/Shanghai");

  it("counts the first words a person sent the citizen, not an automatic message, an internal note or a bare acceptance", () => {
    expect(facts.replied).toBe(1);
    expect(facts.firstReplySeconds).toBe(3 * 3600);
  });

  it("keeps the latest rating and remembers the reopening", () => {
    expect(facts).toMatchObject({
      rated: 1,
      satisfied: 1,
      unsatisfied: 0,
      ratedResolved: 1,
      reopened: 1,
      closedOnce: 1,
    });
  });

  it("judges on time against the due date, and the month in the station's zone", () => {
    expect(facts.closed).toBe(1);
    expect(facts.closedOnTime).toBe(0);
    expect(facts.receivedMonth).toBe("2026-12");
  });

  it("counts an open case past its due date as overdue now, and not before", () => {
    const open = deriveCaseFacts(
      { ...concern, status: "accepted", closedAt: null },
      timeline.slice(0, 3),
      "Asia/Shanghai",
    );
    expect(countsIn(open, caseTallies.overdueNow, at(25))).toBe(true);
    expect(countsIn(open, caseTallies.overdueNow, at(23))).toBe(false);
    expect(countsIn(open, caseTallies.dueOrClosed, at(25))).toBe(true);
    expect(open.replied).toBe(0);
    expect(open.takenOn).toBe(1);
  });

  it("leaves a merged case out of every denominator", () => {
    const merged = deriveCaseFacts(
      { ...concern, status: "merged", closedAt: null },
      timeline.slice(0, 1),
      "Asia/Shanghai",
    );
    expect(merged).toMatchObject({ countable: 0, open: 0, closed: 0, takenOn: 0 });
  });
});
