import { describe, expect, it } from "vitest";
import {
  type CaseCircle,
  caseChangeMessages,
  caseHandlers,
  changeReachesHandlers,
  citizenSideRecipients,
  nearestStaff,
  newCaseAudience,
  supervisingStaff,
} from "../../src/domain/case-recipients.js";

const gone = new Date("2026-10-01T00:00:00Z");
const circle = (over: Partial<CaseCircle> = {}): CaseCircle => ({
  citizenId: 1,
  assigneeId: null,
  deputies: [
    { id: 10, inactiveAt: null },
    { id: 11, inactiveAt: gone },
    { id: 12, inactiveAt: null },
  ],
  staff: [
    { id: 20, inactiveAt: null },
    { id: 21, inactiveAt: gone },
  ],
  ...over,
});
const ids = { concernId: 5, eventId: 50 };

describe("who handles a case", () => {
  it("is its assignee once someone took it on", () => {
    expect(caseHandlers(circle({ assigneeId: 12 }))).toEqual([12]);
  });

  it("is otherwise the district's active deputies", () => {
    expect(caseHandlers(circle())).toEqual([10, 12]);
  });

  it("falls to the active staff covering the district when it has no active deputy", () => {
    expect(caseHandlers(circle({ deputies: [{ id: 11, inactiveAt: gone }] }))).toEqual([20]);
    expect(caseHandlers(circle({ deputies: [] }))).toEqual([20]);
  });

  it("is nobody when no one active is around the district", () => {
    expect(caseHandlers(circle({ deputies: [], staff: [{ id: 21, inactiveAt: gone }] }))).toEqual([]);
  });

  it("leaves supervision to the active staff only", () => {
    expect(supervisingStaff(circle())).toEqual([20]);
  });
});

describe("the messages a change of a case causes", () => {
  it("tells the handlers of a new case, one message each", () => {
    expect(caseChangeMessages({ kind: "submitted" }, circle(), ids)).toEqual([
      { kind: "concern_new", recipientId: 10, ...ids },
      { kind: "concern_new", recipientId: 12, ...ids },
    ]);
  });

  it("tells the citizen of acceptance, outcome and a handler's words", () => {
    const toCitizen = (change: Parameters<typeof caseChangeMessages>[0]) =>
      caseChangeMessages(change, circle({ assigneeId: 10 }), ids).map((m) => [m.kind, m.recipientId]);
    expect(toCitizen({ kind: "status", action: "accept" })).toEqual([["concern_accepted", 1]]);
    expect(toCitizen({ kind: "status", action: "resolve" })).toEqual([["concern_outcome", 1]]);
    expect(toCitizen({ kind: "status", action: "decline" })).toEqual([["concern_outcome", 1]]);
    expect(toCitizen({ kind: "message", from: "handler" })).toEqual([["concern_message_to_citizen", 1]]);
  });

  it("tells the co-signers what the citizen hears, and the handlers nothing more", () => {
    const withCosigners = circle({ assigneeId: 10, cosignerIds: [5, 6, 1] });
    const to = (change: Parameters<typeof caseChangeMessages>[0]) =>
      caseChangeMessages(change, withCosigners, ids).map((m) => m.recipientId);
    expect(to({ kind: "status", action: "resolve" })).toEqual([1, 5, 6]);
    expect(to({ kind: "message", from: "handler" })).toEqual([1, 5, 6]);
    expect(to({ kind: "message", from: "citizen" })).toEqual([10, 20]);
  });

  it("tells the handlers of the citizen's words and rating, and of a reopening", () => {
    const toHandlers = (change: Parameters<typeof caseChangeMessages>[0]) =>
      caseChangeMessages(change, circle({ assigneeId: 12 }), ids).map((m) => [m.kind, m.recipientId]);
    // The assignee and the staff covering the district (issue 7, item 4).
    expect(toHandlers({ kind: "message", from: "citizen" })).toEqual([
      ["concern_message_to_handlers", 12],
      ["concern_message_to_handlers", 20],
    ]);
    expect(toHandlers({ kind: "rated", reopened: false })).toEqual([
      ["concern_rated", 12],
      ["concern_rated", 20],
    ]);
    expect(toHandlers({ kind: "rated", reopened: true })).toEqual([
      ["concern_reopened", 12],
      ["concern_reopened", 20],
    ]);
  });

  it("says when the district's people need not be read: the citizen alone hears of it", () => {
    expect(changeReachesHandlers({ kind: "status", action: "accept" })).toBe(false);
    expect(changeReachesHandlers({ kind: "message", from: "handler" })).toBe(false);
    expect(changeReachesHandlers({ kind: "message", from: "citizen" })).toBe(true);
    expect(changeReachesHandlers({ kind: "submitted" })).toBe(true);
  });
});

describe("who hears what the citizen adds or rates (issue 7, item 4)", () => {
  it("is every active deputy or staff member who worked the case, and the nearest staff", () => {
    const worked = circle({
      assigneeId: 10,
      workers: [
        { id: 10, inactiveAt: null },
        { id: 12, inactiveAt: null },
        { id: 11, inactiveAt: gone },
      ],
      staff: [
        { id: 20, inactiveAt: null, distance: 1 },
        { id: 22, inactiveAt: null, distance: 2 },
      ],
    });
    expect(citizenSideRecipients(worked)).toEqual([10, 12, 20]);
  });

  it("is the new case's audience and the nearest staff before anyone worked it", () => {
    expect(citizenSideRecipients(circle())).toEqual([10, 12, 20]);
  });

  it("never includes the citizen, even one who is also staff", () => {
    expect(citizenSideRecipients(circle({ citizenId: 20 }))).toEqual([10, 12]);
  });
});

describe("who hears of a new case (issue 7, item 5)", () => {
  const admins = [
    { id: 30, inactiveAt: null },
    { id: 31, inactiveAt: gone },
  ];

  it("is the district's deputies when it has any active one", () => {
    expect(newCaseAudience(circle({ admins }))).toEqual({ to: "deputies", recipientIds: [10, 12] });
  });

  it("is otherwise the nearest active staff above, not every level", () => {
    const staff = [
      { id: 20, inactiveAt: null, distance: 2 },
      { id: 21, inactiveAt: null, distance: 1 },
      { id: 23, inactiveAt: gone, distance: 0 },
    ];
    expect(nearestStaff({ staff })).toEqual([21]);
    expect(newCaseAudience(circle({ deputies: [], staff, admins }))).toEqual({
      to: "staff",
      recipientIds: [21],
    });
  });

  it("is the active administrators when no deputy or staff can be reached", () => {
    const orphan = circle({ deputies: [{ id: 11, inactiveAt: gone }], staff: [], admins });
    expect(newCaseAudience(orphan)).toEqual({ to: "admins", recipientIds: [30] });
    expect(caseChangeMessages({ kind: "submitted" }, orphan, ids).map((m) => m.recipientId)).toEqual([30]);
    expect(newCaseAudience(circle({ deputies: [], staff: [], admins: [] }))).toEqual({
      to: "nobody",
      recipientIds: [],
    });
  });
});
