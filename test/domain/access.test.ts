import { describe, expect, it } from "vitest";
import { canHandleDistrict, handlerScope } from "../../src/domain/access.js";
import { activityApprovers } from "../../src/domain/activity.js";
import { audienceRule, canAddress, isNoticeRecipient } from "../../src/domain/audience.js";
import { assigneeAfterAction, closesCase, statusAfterMessage } from "../../src/domain/concern-status.js";

const facts = { staffSubtree: [2, 3], assignedDistricts: [7] };

describe("who handles which districts", () => {
  it("gives admins every district and citizens none", () => {
    expect(handlerScope({ role: "admin", ...facts })).toEqual({ kind: "all" });
    expect(handlerScope({ role: "citizen", ...facts })).toEqual({ kind: "none" });
  });

  it("gives staff their subtree and the districts they also serve as a deputy", () => {
    const scope = handlerScope({ role: "staff", ...facts });
    expect([2, 3, 7].every((id) => canHandleDistrict(scope, id))).toBe(true);
    expect(canHandleDistrict(scope, 4)).toBe(false);
  });

  it("gives a deputy their assigned districts only, never a staff subtree", () => {
    const scope = handlerScope({ role: "representative", ...facts });
    expect(scope).toEqual({ kind: "districts", districtIds: new Set([7]) });
    expect(handlerScope({ role: "representative", staffSubtree: [], assignedDistricts: [] })).toEqual({
      kind: "none",
    });
  });
});

describe("who decides on a deputy's proposed activity", () => {
  const banned = new Date("2026-10-01T00:00:00Z");
  it("is the staff covering it, never the proposer nor anyone banned", () => {
    const staff = [
      { id: 1, bannedAt: null },
      { id: 2, bannedAt: banned },
      { id: 3, bannedAt: null },
    ];
    expect(activityApprovers({ staff, admins: [{ id: 9, bannedAt: null }], proposerId: 3 })).toEqual([1]);
  });

  it("falls to the admins where no staff covers the district", () => {
    expect(activityApprovers({ staff: [], admins: [{ id: 9, bannedAt: null }], proposerId: 3 })).toEqual([9]);
  });
});

describe("audiences", () => {
  it("narrow district audiences to the chosen district's subtree, subscribers also to the districts above", () => {
    expect(audienceRule("all_citizens", 5)).toEqual({ members: "citizens", districts: "everywhere" });
    expect(audienceRule("district_citizens", 5)).toEqual({ members: "citizens", districts: "subtree" });
    expect(audienceRule("district_subscribers", 5)).toEqual({
      members: "subscribers",
      districts: "subtree-and-above",
    });
    expect(audienceRule("representatives", 5).districts).toBe("subtree");
    expect(audienceRule("representatives", null).districts).toBe("everywhere");
    expect(audienceRule("staff", null)).toEqual({ members: "staff", districts: "everywhere" });
  });

  it("never reach whoever stopped notices, was banned or blocked the bot", () => {
    const at = new Date();
    const person = { inactiveAt: null, bannedAt: null, noticesOptOutAt: null };
    expect(isNoticeRecipient(person)).toBe(true);
    expect(isNoticeRecipient({ ...person, noticesOptOutAt: at })).toBe(false);
    expect(isNoticeRecipient({ ...person, bannedAt: at })).toBe(false);
    expect(isNoticeRecipient({ ...person, inactiveAt: at })).toBe(false);
  });

  it("let staff address their own districts only, and everyone only with an admin", () => {
    const staff = { role: "staff", scope: handlerScope({ role: "staff", ...facts }) };
    expect(canAddress(staff, "district_citizens", 2)).toBe(true);
    expect(canAddress(staff, "district_citizens", 4)).toBe(false);
    expect(canAddress(staff, "all_citizens", null)).toBe(false);
    expect(canAddress({ role: "admin", scope: { kind: "all" } }, "all_citizens", null)).toBe(true);
  });
});

describe("handling a case", () => {
  it("makes whoever acts on an unassigned case its assignee, and keeps an assignee", () => {
    expect(assigneeAfterAction(null, 8)).toBe(8);
    expect(assigneeAfterAction(5, 8)).toBe(5);
  });

  it("closes a case on an outcome, not on acceptance", () => {
    expect(closesCase("resolve")).toBe(true);
    expect(closesCase("decline")).toBe(true);
    expect(closesCase("accept")).toBe(false);
  });

  it("takes a new case on when a handler answers it, not when the citizen writes", () => {
    expect(statusAfterMessage("new", "handler")).toBe("accepted");
    expect(statusAfterMessage("new", "citizen")).toBeUndefined();
    expect(statusAfterMessage("accepted", "handler")).toBeUndefined();
  });
});
