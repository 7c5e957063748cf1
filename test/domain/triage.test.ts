import { describe, expect, it } from "vitest";
import type { HandlerScope } from "../../src/domain/access.js";
import { defaultReferralDeadlineDays, referralDeadlineDays } from "../../src/domain/referral-deadlines.js";
import { checkMerge, MergeRefusedError, priorityColumn, priorityOf } from "../../src/domain/triage.js";

const scope: HandlerScope = { kind: "districts", districtIds: new Set([1, 2]) };
const open = (id: number, districtId = 1) => ({ id, districtId, status: "accepted", mergedIntoId: null });

function refusal(run: () => void): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof MergeRefusedError) return error.code;
    throw error;
  }
  return undefined;
}

describe("merging a duplicate (并案)", () => {
  it("joins two open cases the actor handles, across their districts", () => {
    expect(refusal(() => checkMerge(open(1, 1), open(2, 2), scope))).toBeUndefined();
  });

  it.each([
    ["into itself", open(1), open(1), "same_case"],
    ["across a district the actor does not cover", open(1, 1), open(2, 3), "out_of_scope"],
    ["a closed case", { ...open(1), status: "resolved" }, open(2), "not_open"],
    ["into a case that was itself merged", open(1), { ...open(2), mergedIntoId: 9 }, "main_merged"],
  ])("refuses a merge %s", (_what, duplicate, main, code) => {
    expect(refusal(() => checkMerge(duplicate, main, scope))).toBe(code);
  });
});

describe("priorities and deadline defaults", () => {
  it("maps 一般 and 紧急 to the priority column", () => {
    expect(priorityOf(0)).toBe("normal");
    expect(priorityOf(1)).toBe("urgent");
    expect(priorityColumn("urgent")).toBe(1);
  });

  it("uses the defaults unless the category overrides them", () => {
    const none = {
      acknowledgeDays: null,
      answerDays: null,
      urgentAcknowledgeDays: null,
      urgentAnswerDays: null,
    };
    expect(referralDeadlineDays("normal", null)).toEqual(defaultReferralDeadlineDays.normal);
    expect(referralDeadlineDays("urgent", none)).toEqual({ acknowledgeDays: 1, answerDays: 5 });
    expect(referralDeadlineDays("normal", { ...none, answerDays: 10 })).toEqual({
      acknowledgeDays: 5,
      answerDays: 10,
    });
    expect(referralDeadlineDays("urgent", { ...none, answerDays: 10, urgentAnswerDays: 3 })).toEqual({
      acknowledgeDays: 1,
      answerDays: 3,
    });
  });

  it("never lets the acknowledgement fall due after the answer", () => {
    const category = {
      acknowledgeDays: 8,
      answerDays: 3,
      urgentAcknowledgeDays: null,
      urgentAnswerDays: null,
    };
    expect(referralDeadlineDays("normal", category)).toEqual({ acknowledgeDays: 3, answerDays: 3 });
  });
});
