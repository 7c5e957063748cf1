import { describe, expect, it } from "vitest";
import {
  nearestStaff,
  referralChangeAudiences,
  referralRecipients,
  staffAbove,
} from "../../src/domain/referral-recipients.js";

const on = null;
const off = new Date("2026-01-01T00:00:00Z");

describe("who hears about a referral", () => {
  it("sends a new referral to the department and the citizen, a return to staff, and a third bounce above", () => {
    expect(referralChangeAudiences("refer")).toEqual(["department", "citizen"]);
    expect(
      referralChangeAudiences("return", { update: { status: "returned", updatedAt: off }, effects: [] }),
    ).toEqual(["staff"]);
    expect(
      referralChangeAudiences("return", {
        update: { status: "returned", updatedAt: off },
        effects: [{ kind: "escalate_to_staff_above", returns: 3 }],
      }),
    ).toEqual(["staff", "staff_above"]);
  });

  it("sends an accepted answer to the deputies and a rework back to the department", () => {
    const accepted = { update: { status: "accepted" as const, updatedAt: off }, effects: [] };
    const rework = { update: { status: "rework" as const, updatedAt: off }, effects: [] };
    expect(referralChangeAudiences("review", accepted)).toEqual(["handlers"]);
    expect(referralChangeAudiences("review", rework)).toEqual(["department"]);
    expect(referralChangeAudiences("rate", rework)).toEqual(["department"]);
    expect(
      referralChangeAudiences("rate", { update: { status: "closed", updatedAt: off }, effects: [] }),
    ).toEqual([]);
    expect(referralChangeAudiences("acknowledge")).toEqual([]);
  });

  it("tells the citizen of an approved extension only", () => {
    const approved = {
      update: { status: "acknowledged" as const, updatedAt: off },
      effects: [{ kind: "tell_citizen_new_deadline" as const, deadline: off, reason: "x" }],
    };
    expect(referralChangeAudiences("decide_extension", approved)).toEqual(["department", "citizen"]);
    expect(
      referralChangeAudiences("decide_extension", {
        update: { status: "acknowledged", updatedAt: off },
        effects: [],
      }),
    ).toEqual(["department"]);
  });

  it("splits the staff covering a district into the nearest level and those above it, active only", () => {
    const staff = [
      { id: 1, inactiveAt: on, depth: 1 },
      { id: 2, inactiveAt: on, depth: 2 },
      { id: 3, inactiveAt: off, depth: 2 },
      { id: 4, inactiveAt: on, depth: 2 },
    ];
    expect(nearestStaff(staff)).toEqual([2, 4]);
    expect(staffAbove(staff)).toEqual([1]);
    // Nobody above: the nearest hear it, so that someone does.
    expect(staffAbove([{ id: 5, inactiveAt: on, depth: 1 }])).toEqual([5]);
    expect(staffAbove([{ id: 6, inactiveAt: off, depth: 1 }])).toEqual([]);
  });

  it("resolves audiences to people: removed or inactive contacts are left out", () => {
    const circle = {
      citizenId: 9,
      assigneeId: null,
      contacts: [
        { id: 7, inactiveAt: on },
        { id: 8, inactiveAt: off },
      ],
      deputies: [{ id: 5, inactiveAt: on }],
      staff: [{ id: 3, inactiveAt: on, depth: 1 }],
    };
    expect(referralRecipients("department", circle)).toEqual([7]);
    expect(referralRecipients("handlers", circle)).toEqual([5]);
    // The rating goes to the case's deputy: a staff assignee (11) rates only when the district
    // has no deputy to tell.
    expect(referralRecipients("handlers", { ...circle, assigneeId: 11 })).toEqual([5]);
    expect(referralRecipients("handlers", { ...circle, assigneeId: 5 })).toEqual([5]);
    expect(referralRecipients("handlers", { ...circle, assigneeId: 11, deputies: [] })).toEqual([11]);
    expect(referralRecipients("citizen", circle)).toEqual([9]);
  });
});
