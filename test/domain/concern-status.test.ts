import { describe, expect, it } from "vitest";
import { caseYear, dueDate, formatCaseNumber } from "../../src/domain/case-number.js";
import {
  type ConcernAction,
  canRate,
  citizenReopenCheck,
  concernStatuses,
  InvalidTransitionError,
  isOpen,
  nextStatus,
  reopensOnRating,
} from "../../src/domain/concern-status.js";

describe("case status transitions", () => {
  it.each([
    ["new", "accept", "accepted"],
    ["reopened", "accept", "accepted"],
    ["accepted", "refer", "referred"],
    ["new", "resolve", "resolved"],
    ["referred", "resolve", "resolved"],
    ["accepted", "close_unresolved", "unresolved"],
    ["new", "decline", "declined"],
    ["accepted", "merge", "merged"],
    ["resolved", "reopen", "reopened"],
    ["declined", "reopen", "reopened"],
  ] as [string, ConcernAction, string][])("%s --%s--> %s", (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  it.each([
    ["accepted", "accept"],
    ["resolved", "resolve"],
    ["resolved", "decline"],
    ["merged", "reopen"],
    ["new", "reopen"],
    ["new", "refer"],
    ["declined", "accept"],
  ] as [string, ConcernAction][])("refuses %s --%s-->", (from, action) => {
    expect(() => nextStatus(from, action)).toThrow(InvalidTransitionError);
  });

  it("knows which statuses are open", () => {
    expect(concernStatuses.filter(isOpen)).toEqual(["new", "accepted", "referred", "reopened"]);
  });

  it("lets an outcome be rated once, and only 不满意 re-opens", () => {
    expect(canRate("resolved", null)).toBe(true);
    expect(canRate("declined", null)).toBe(true);
    expect(canRate("resolved", "satisfied")).toBe(false);
    expect(canRate("accepted", null)).toBe(false);
    expect(reopensOnRating("unsatisfied")).toBe(true);
    expect(reopensOnRating("basically_satisfied")).toBe(false);
  });
});

describe("case numbers", () => {
  it("use the year in the configured time zone", () => {
    const newYearsEveUtc = new Date("2026-12-31T17:00:00Z"); // already 2027 in Shanghai
    expect(caseYear(newYearsEveUtc, "Asia/Shanghai")).toBe("2027");
    expect(caseYear(newYearsEveUtc, "UTC")).toBe("2026");
    expect(formatCaseNumber("2027", 42)).toBe("2027-00042");
    expect(formatCaseNumber("2027", 123456)).toBe("2027-123456");
  });

  it("fall due after the configured number of days", () => {
    expect(dueDate(new Date("2026-01-01T00:00:00Z"), 15).toISOString()).toBe("2026-01-16T00:00:00.000Z");
  });
});

describe("the citizen reopening their own case", () => {
  const closedAt = new Date("2026-12-01T00:00:00Z");
  const days = (n: number) => new Date(closedAt.getTime() + n * 86_400_000);
  it("is allowed for a closed outcome up to 30 days after it closed, and not a moment later", () => {
    expect(citizenReopenCheck({ status: "resolved", closedAt }, days(30))).toBe("ok");
    expect(citizenReopenCheck({ status: "declined", closedAt }, days(1))).toBe("ok");
    expect(citizenReopenCheck({ status: "unresolved", closedAt }, new Date(days(30).getTime() + 1))).toBe(
      "too_late",
    );
  });
  it("is not for open, withdrawn or merged cases", () => {
    for (const status of ["new", "accepted", "withdrawn", "merged"])
      expect(citizenReopenCheck({ status, closedAt }, days(1))).toBe("not_closed");
  });
});
