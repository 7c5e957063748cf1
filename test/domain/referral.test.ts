import { describe, expect, it } from "vitest";
import { readCalendarDirectory } from "../../src/db/queries/calendar.js";
import { localDate } from "../../src/domain/local-time.js";
import {
  applyReferralCommand,
  availableReferralActions,
  checkReferralNote,
  departmentMaySeeCitizen,
  mayNoteOnReferral,
  mayTakeReferralAction,
  parseReferralStatus,
  planReferral,
  type ReferralAction,
  type ReferralActor,
  type ReferralCommand,
  type ReferralContext,
  type ReferralFacts,
  referralActions,
  resumedReferralDeadlines,
  UnknownReferralStatusError,
} from "../../src/domain/referral.js";
import { defaultReferralDeadlineDays } from "../../src/domain/referral-deadlines.js";
import {
  CaseNotOpenError,
  DateNotInFutureError,
  DuplicateReferralError,
  ExtensionNotLaterError,
  ExtensionStateError,
  InvalidDateError,
  InvalidReferralTransitionError,
  MissingTextError,
  PromisedDateError,
  PromiseNotDueError,
  ReferralForbiddenError,
  SameDepartmentError,
  SuggestedDepartmentRequiredError,
  TextTooLongError,
  UnknownChoiceError,
} from "../../src/domain/referral-errors.js";
import { createWorkingCalendar } from "../../src/domain/working-days.js";

const timeZone = "Asia/Shanghai";
const calendar = createWorkingCalendar(readCalendarDirectory().years);
const at = (local: string) => new Date(`${local}+08:00`);
const day = (instant: Date) => localDate(instant, timeZone);

const DISTRICT = 7;
const DEPARTMENT = 3;
const OTHER_DEPARTMENT = 4;
const CITIZEN = 100;
const ASSIGNEE = 200;

const actors = {
  department: { kind: "department", userId: 1, departmentIds: new Set([DEPARTMENT]) },
  otherDepartment: { kind: "department", userId: 2, departmentIds: new Set([OTHER_DEPARTMENT]) },
  staff: { kind: "staff", userId: 10, scope: { kind: "districts", districtIds: new Set([5, DISTRICT]) } },
  otherStaff: { kind: "staff", userId: 11, scope: { kind: "districts", districtIds: new Set([8]) } },
  admin: { kind: "staff", userId: 12, scope: { kind: "all" } },
  representative: { kind: "representative", userId: 20, districtIds: new Set([DISTRICT]) },
  otherRepresentative: { kind: "representative", userId: 21, districtIds: new Set([8]) },
  assignee: { kind: "representative", userId: ASSIGNEE, districtIds: new Set([8]) },
  citizen: { kind: "citizen", userId: CITIZEN },
  otherCitizen: { kind: "citizen", userId: 101 },
  system: { kind: "system" },
} satisfies Record<string, ReferralActor>;
type ActorName = keyof typeof actors;

function context(now: Date, priority: "normal" | "urgent" = "normal"): ReferralContext {
  return { now, calendar, timeZone, days: defaultReferralDeadlineDays[priority] };
}

function facts(overrides: Partial<ReferralFacts> = {}): ReferralFacts {
  return {
    id: 1,
    status: "sent",
    departmentId: DEPARTMENT,
    deadline: at("2026-03-18T23:59:59.999"),
    acknowledgedAt: null,
    answerClass: null,
    promisedAt: null,
    reworkCount: 0,
    redoCount: 0,
    pendingExtension: null,
    earlierReturns: 0,
    createdById: ASSIGNEE,
    concern: { id: 50, districtId: DISTRICT, assigneeId: ASSIGNEE, citizenId: CITIZEN },
    ...overrides,
  };
}

/** The facts after a change, as a caller would read them back from the row. */
function after(before: ReferralFacts, change: ReturnType<typeof applyReferralCommand>): ReferralFacts {
  const u = change.update;
  return {
    ...before,
    status: u.status,
    deadline: u.deadline ?? before.deadline,
    acknowledgedAt: u.acknowledgedAt ?? before.acknowledgedAt,
    answerClass: u.answerClass ?? before.answerClass,
    promisedAt: u.promisedAt === undefined ? before.promisedAt : u.promisedAt,
    reworkCount: u.reworkCount ?? before.reworkCount,
    redoCount: u.redoCount ?? before.redoCount,
  };
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("nothing was thrown");
}

const answerA: ReferralCommand = {
  action: "answer",
  answerClass: "A",
  text: "路灯已修复。",
  contactPerson: "王工 0731-1234567",
  promisedDate: null,
};

describe("referring a case", () => {
  const concern = { id: 50, districtId: DISTRICT, status: "accepted", assigneeId: ASSIGNEE };
  const input = { concern, departmentId: DEPARTMENT, openDepartmentIds: new Set<number>() };
  const now = at("2026-02-12T10:00:00"); // Thursday before the Spring Festival

  it("sets the default deadlines in working days, across the Spring Festival", () => {
    const { row, event } = planReferral(actors.representative, input, context(now));
    expect(day(row.acknowledgeBy)).toBe("2026-02-26"); // 5: 02-13, 02-14 (make-up), 02-24, 25, 26
    expect(day(row.deadline)).toBe("2026-03-18"); // 20 working days
    expect(row.originalDeadline).toEqual(row.deadline);
    expect(row).toMatchObject({ status: "sent", createdById: 20, concernId: 50, departmentId: DEPARTMENT });
    expect(event.kind).toBe("referral_sent");
  });

  it("gives an urgent case 1 working day to acknowledge and 5 to answer", () => {
    const { row } = planReferral(actors.staff, input, context(now, "urgent"));
    expect(day(row.acknowledgeBy)).toBe("2026-02-13");
    expect(day(row.deadline)).toBe("2026-02-26");
  });

  it("takes a chosen date, and never asks to acknowledge after it", () => {
    const { row } = planReferral(actors.staff, { ...input, deadlineDate: "2026-02-24" }, context(now));
    expect(row.deadline.toISOString()).toBe("2026-02-24T15:59:59.999Z");
    expect(row.acknowledgeBy).toEqual(row.deadline);
  });

  it.each([
    ["2026-02-12", DateNotInFutureError],
    ["2026-02-01", DateNotInFutureError],
    ["2026-02-30", InvalidDateError],
  ])("refuses the deadline %s", (deadlineDate, error) => {
    expect(() => planReferral(actors.staff, { ...input, deadlineDate }, context(now))).toThrow(error);
  });

  it.each<ActorName>(["department", "otherStaff", "otherRepresentative", "citizen", "system"])(
    "refuses %s",
    (name) => {
      const error = thrown(() => planReferral(actors[name], input, context(now)));
      expect(error).toBeInstanceOf(ReferralForbiddenError);
      expect(error).toMatchObject({ referralId: null, action: "refer", actorKind: actors[name].kind });
    },
  );

  it("lets the assignee refer a case of another district", () => {
    expect(() => planReferral(actors.assignee, input, context(now))).not.toThrow();
  });

  it("refuses a closed case and a second referral to the same department", () => {
    expect(() =>
      planReferral(actors.staff, { ...input, concern: { ...concern, status: "resolved" } }, context(now)),
    ).toThrow(CaseNotOpenError);
    const error = thrown(() =>
      planReferral(actors.staff, { ...input, openDepartmentIds: new Set([DEPARTMENT]) }, context(now)),
    );
    expect(error).toBeInstanceOf(DuplicateReferralError);
    expect(error).toMatchObject({ concernId: 50, departmentId: DEPARTMENT });
  });
});

describe("the referral loop", () => {
  const now = at("2026-03-02T09:00:00");

  it("goes sent → acknowledged → answered → accepted → closed, and the outcome goes to the citizen", () => {
    let state = facts();
    const step = (command: ReferralCommand, actor: ReferralActor) => {
      const change = applyReferralCommand(state, command, actor, context(now));
      state = after(state, change);
      return change;
    };
    expect(step({ action: "acknowledge" }, actors.department).update).toMatchObject({
      status: "acknowledged",
      acknowledgedAt: now,
      acknowledgedById: 1,
    });
    expect(step(answerA, actors.department).update).toMatchObject({ status: "answered", answerClass: "A" });
    expect(step({ action: "review", accept: true }, actors.staff).update).toMatchObject({
      status: "accepted",
      reviewOutcome: "accepted",
      reviewedById: 10,
    });
    const rated = step({ action: "rate", rating: "satisfied" }, actors.representative);
    expect(rated.update).toMatchObject({ status: "closed", deputyRating: "satisfied", closedAt: now });
    expect(rated.effects).toEqual([{ kind: "send_outcome_to_citizen" }]);
    expect(rated.events.map((e) => e.kind)).toEqual(["referral_rated"]);
  });

  it("refuses a second answer to a closed referral", () => {
    const error = thrown(() =>
      applyReferralCommand(facts({ status: "closed" }), answerA, actors.department, context(now)),
    );
    expect(error).toBeInstanceOf(InvalidReferralTransitionError);
    expect(error).toMatchObject({
      referralId: 1,
      action: "answer",
      status: "closed",
      code: "invalid_transition",
    });
  });

  it("counts an answer without 签收 as acknowledged too", () => {
    const change = applyReferralCommand(facts(), answerA, actors.department, context(now));
    expect(change.update).toMatchObject({ acknowledgedAt: now, acknowledgedById: 1 });
  });

  it("trims the answer and keeps the promised date of a B answer as the end of that day", () => {
    const change = applyReferralCommand(
      facts({ status: "acknowledged" }),
      { ...answerA, answerClass: "B", text: "  正在施工。 ", promisedDate: "2026-04-30" },
      actors.department,
      context(now),
    );
    expect(change.update).toMatchObject({ answer: "正在施工。", answerClass: "B", promiseAskedAt: null });
    expect(change.update.promisedAt?.toISOString()).toBe("2026-04-30T15:59:59.999Z");
  });

  it.each<[string, Partial<Extract<ReferralCommand, { action: "answer" }>>, unknown, string]>([
    ["B without a promised date", { answerClass: "B" }, PromisedDateError, "promised_date_required"],
    ["C without a promised date", { answerClass: "C" }, PromisedDateError, "promised_date_required"],
    [
      "A with a promised date",
      { promisedDate: "2026-04-01" },
      PromisedDateError,
      "promised_date_not_allowed",
    ],
    [
      "B promised for today",
      { answerClass: "B", promisedDate: "2026-03-02" },
      DateNotInFutureError,
      "date_not_in_future",
    ],
    ["an unknown class", { answerClass: "E" }, UnknownChoiceError, "unknown_choice"],
    ["no text", { text: "   " }, MissingTextError, "missing_text"],
    ["no contact person", { contactPerson: "" }, MissingTextError, "missing_text"],
    ["a text too long", { text: "字".repeat(2001) }, TextTooLongError, "text_too_long"],
  ])("refuses an answer with %s", (_what, change, error, code) => {
    const command = { ...answerA, ...change } as ReferralCommand;
    const e = thrown(() =>
      applyReferralCommand(facts({ status: "acknowledged" }), command, actors.department, context(now)),
    );
    expect(e).toBeInstanceOf(error as new (...args: never[]) => Error);
    expect(e).toMatchObject({ code });
  });

  it("sends an answer back for rework with a reason and a new deadline, counted", () => {
    const change = applyReferralCommand(
      facts({ status: "answered", reworkCount: 1 }),
      { action: "review", accept: false, reason: "答复未说明完成时间" },
      actors.staff,
      context(now),
    );
    expect(change.update).toMatchObject({
      status: "rework",
      reworkReason: "review",
      reworkCount: 2,
      reviewOutcome: "rework",
      reviewNote: "答复未说明完成时间",
      reminderSentAt: null,
      amberSentAt: null,
      redSentAt: null,
    });
    expect(day(change.update.deadline!)).toBe("2026-03-30"); // 20 working days after 03-02
    expect(() =>
      applyReferralCommand(
        facts({ status: "answered" }),
        { action: "review", accept: false },
        actors.staff,
        context(now),
      ),
    ).toThrow(MissingTextError);
  });

  it("sends the case back to the same department (重办) when the deputy is not satisfied", () => {
    const change = applyReferralCommand(
      facts({ status: "accepted", redoCount: 0 }),
      { action: "rate", rating: "unsatisfied", note: "问题仍在" },
      actors.representative,
      context(now),
    );
    expect(change.update).toMatchObject({
      status: "rework",
      reworkReason: "unsatisfied_deputy",
      redoCount: 1,
      deputyRating: "unsatisfied",
    });
    expect(change.events.map((e) => e.kind)).toEqual(["referral_rated", "referral_reopened"]);
    expect(change.effects).toEqual([]);
  });

  it("sends it back when the citizen rates the outcome 不满意", () => {
    const change = applyReferralCommand(
      facts({ status: "closed", redoCount: 1 }),
      { action: "citizen_unsatisfied" },
      actors.citizen,
      context(now),
    );
    expect(change.update).toMatchObject({
      status: "rework",
      reworkReason: "unsatisfied_citizen",
      redoCount: 2,
    });
  });

  it("refuses a deputy rating that is not one of the three", () => {
    expect(() =>
      applyReferralCommand(
        facts({ status: "accepted" }),
        { action: "rate", rating: "great" },
        actors.representative,
        context(now),
      ),
    ).toThrow(UnknownChoiceError);
  });

  it("asks the department again once a promised date has passed, not before", () => {
    const promised = facts({ status: "closed", answerClass: "C", promisedAt: at("2026-03-31T23:59:59.999") });
    expect(() =>
      applyReferralCommand(promised, { action: "ask_again" }, actors.system, context(now)),
    ).toThrow(PromiseNotDueError);
    const later = at("2026-04-01T09:00:00");
    const change = applyReferralCommand(promised, { action: "ask_again" }, actors.system, context(later));
    expect(change.update).toMatchObject({
      status: "rework",
      reworkReason: "promise_due",
      promiseAskedAt: later,
    });
    expect(() =>
      applyReferralCommand(
        facts({ status: "closed", answerClass: "A" }),
        { action: "ask_again" },
        actors.system,
        context(later),
      ),
    ).toThrow(PromiseNotDueError);
  });

  it("withdraws only with a reason", () => {
    expect(
      applyReferralCommand(facts(), { action: "withdraw", reason: "已并案" }, actors.staff, context(now))
        .update,
    ).toMatchObject({ status: "withdrawn", withdrawnAt: now, closedAt: now });
    expect(() =>
      applyReferralCommand(facts(), { action: "withdraw", reason: "" }, actors.staff, context(now)),
    ).toThrow(MissingTextError);
  });

  it("withdraws only an unanswered referral, and hands the case back", () => {
    const withdraw = { action: "withdraw", reason: "群众已自行解决" } as const;
    for (const status of ["sent", "acknowledged", "rework", "returned"] as const)
      expect(
        applyReferralCommand(facts({ status }), withdraw, actors.assignee, context(now)).effects,
      ).toEqual([{ kind: "hand_case_back" }]);
    for (const status of ["answered", "accepted", "closed", "withdrawn", "rerouted"] as const)
      expect(() => applyReferralCommand(facts({ status }), withdraw, actors.assignee, context(now))).toThrow(
        InvalidReferralTransitionError,
      );
  });
});

describe("returns (退回)", () => {
  const now = at("2026-03-02T09:00:00");
  const returning = (command: Partial<Extract<ReferralCommand, { action: "return" }>>, earlierReturns = 0) =>
    applyReferralCommand(
      facts({ status: "acknowledged", earlierReturns }),
      { action: "return", reason: "not_our_remit", suggestedDepartmentId: OTHER_DEPARTMENT, ...command },
      actors.department,
      context(now),
    );

  it("records the reason and the department it should go to", () => {
    const change = returning({ note: "应由交通运输局办理" });
    expect(change.update).toMatchObject({
      status: "returned",
      returnReason: "not_our_remit",
      suggestedDepartmentId: OTHER_DEPARTMENT,
      returnNote: "应由交通运输局办理",
      returnedAt: now,
    });
    expect(change.effects).toEqual([]);
  });

  it("escalates to the staff above when a case bounces a third time", () => {
    expect(returning({}, 1).effects).toEqual([]);
    expect(returning({}, 2).effects).toEqual([{ kind: "escalate_to_staff_above", returns: 3 }]);
  });

  it("refuses a return without a reason, with an unknown one, or naming itself", () => {
    expect(() => returning({ reason: " " })).toThrow(MissingTextError);
    expect(() => returning({ reason: "too_busy" })).toThrow(UnknownChoiceError);
    expect(() => returning({ suggestedDepartmentId: DEPARTMENT })).toThrow(SameDepartmentError);
  });

  it("needs the right department for not our remit and wrong area, not for missing information", () => {
    expect(() => returning({ suggestedDepartmentId: null })).toThrow(SuggestedDepartmentRequiredError);
    expect(() => returning({ reason: "wrong_area", suggestedDepartmentId: null })).toThrow(
      SuggestedDepartmentRequiredError,
    );
    expect(returning({ reason: "information_missing", suggestedDepartmentId: null }).update.status).toBe(
      "returned",
    );
  });

  it("lets staff re-route it, or send it back with fresh deadlines", () => {
    const returned = facts({ status: "returned" });
    const rerouted = applyReferralCommand(
      returned,
      { action: "reroute", departmentId: OTHER_DEPARTMENT },
      actors.staff,
      context(now),
    );
    expect(rerouted.update.status).toBe("rerouted");
    expect(rerouted.effects).toEqual([{ kind: "refer_to", departmentId: OTHER_DEPARTMENT }]);
    expect(() =>
      applyReferralCommand(
        returned,
        { action: "reroute", departmentId: DEPARTMENT },
        actors.staff,
        context(now),
      ),
    ).toThrow(SameDepartmentError);
    const refused = applyReferralCommand(returned, { action: "refuse_return" }, actors.staff, context(now));
    expect(refused.update.status).toBe("sent");
    expect(day(refused.update.acknowledgeBy!)).toBe("2026-03-09");
    expect(day(refused.update.deadline!)).toBe("2026-03-30");
  });
});

describe("extensions (申请延期)", () => {
  const now = at("2026-03-02T09:00:00");
  const request = (date: string, state = facts({ status: "acknowledged" })) =>
    applyReferralCommand(
      state,
      { action: "request_extension", reason: "需协调施工单位", date },
      actors.department,
      context(now),
    );

  it("asks for a later date and leaves the deadline until staff decide", () => {
    const change = request("2026-04-10");
    expect(change.update).toEqual({ status: "acknowledged", updatedAt: now });
    expect(change.effects).toEqual([
      {
        kind: "create_extension_request",
        reason: "需协调施工单位",
        requestedDeadline: new Date("2026-04-10T15:59:59.999Z"),
        previousDeadline: facts().deadline,
      },
    ]);
  });

  it("refuses a date that is not later, a second request, and one without a reason", () => {
    expect(() => request("2026-03-18")).toThrow(ExtensionNotLaterError);
    expect(() => request("2026-03-01")).toThrow(DateNotInFutureError);
    const pending = facts({
      status: "acknowledged",
      pendingExtension: { requestedDeadline: at("2026-04-10T23:59:59.999"), reason: "需协调施工单位" },
    });
    expect(thrown(() => request("2026-04-20", pending))).toMatchObject({ code: "extension_pending" });
    expect(() =>
      applyReferralCommand(
        facts(),
        { action: "request_extension", reason: "", date: "2026-04-10" },
        actors.department,
        context(now),
      ),
    ).toThrow(MissingTextError);
  });

  it("moves the deadline when staff approve, tells the citizen, and restarts the ladder", () => {
    const requested = at("2026-04-10T23:59:59.999");
    const change = applyReferralCommand(
      facts({
        status: "acknowledged",
        pendingExtension: { requestedDeadline: requested, reason: "需协调施工单位" },
      }),
      { action: "decide_extension", approve: true, note: "同意延期" },
      actors.staff,
      context(now),
    );
    expect(change.update).toMatchObject({
      deadline: requested,
      reminderSentAt: null,
      amberSentAt: null,
      redSentAt: null,
    });
    expect(change.effects).toEqual([
      { kind: "decide_extension_request", approved: true, note: "同意延期" },
      { kind: "tell_citizen_new_deadline", deadline: requested, reason: "需协调施工单位" },
    ]);
  });

  it("keeps the deadline when staff refuse, and needs a pending request", () => {
    const pending = facts({
      status: "acknowledged",
      pendingExtension: { requestedDeadline: at("2026-04-10T23:59:59.999"), reason: "需协调施工单位" },
    });
    const change = applyReferralCommand(
      pending,
      { action: "decide_extension", approve: false },
      actors.staff,
      context(now),
    );
    expect(change.update.deadline).toBeUndefined();
    expect(change.effects).toEqual([{ kind: "decide_extension_request", approved: false, note: null }]);
    const error = thrown(() =>
      applyReferralCommand(
        facts(),
        { action: "decide_extension", approve: true },
        actors.staff,
        context(now),
      ),
    );
    expect(error).toBeInstanceOf(ExtensionStateError);
    expect(error).toMatchObject({ code: "no_pending_extension", referralId: 1 });
  });
});

describe("who may take each action", () => {
  const now = at("2026-04-01T09:00:00");
  const promisedPast = at("2026-03-31T23:59:59.999");
  /** For each action: a state that allows it and a complete command. */
  const cases: Record<ReferralAction, { state: Partial<ReferralFacts>; command: ReferralCommand }> = {
    acknowledge: { state: { status: "sent" }, command: { action: "acknowledge" } },
    return: {
      state: { status: "sent" },
      command: { action: "return", reason: "information_missing", suggestedDepartmentId: null },
    },
    request_extension: {
      state: { status: "acknowledged" },
      command: { action: "request_extension", reason: "需要时间", date: "2026-05-29" },
    },
    decide_extension: {
      state: {
        status: "acknowledged",
        pendingExtension: { requestedDeadline: at("2026-05-29T23:59:59.999"), reason: "需要时间" },
      },
      command: { action: "decide_extension", approve: true },
    },
    answer: { state: { status: "acknowledged" }, command: answerA },
    review: { state: { status: "answered" }, command: { action: "review", accept: true } },
    rate: { state: { status: "accepted" }, command: { action: "rate", rating: "basically_satisfied" } },
    citizen_unsatisfied: { state: { status: "closed" }, command: { action: "citizen_unsatisfied" } },
    ask_again: {
      state: { status: "closed", answerClass: "B", promisedAt: promisedPast },
      command: { action: "ask_again" },
    },
    refuse_return: { state: { status: "returned" }, command: { action: "refuse_return" } },
    reroute: {
      state: { status: "returned" },
      command: { action: "reroute", departmentId: OTHER_DEPARTMENT },
    },
    withdraw: { state: { status: "acknowledged" }, command: { action: "withdraw", reason: "已解决" } },
  };
  const allowed: Record<ReferralAction, ActorName[]> = {
    acknowledge: ["department"],
    return: ["department"],
    request_extension: ["department"],
    decide_extension: ["staff", "admin"],
    answer: ["department"],
    review: ["staff", "admin"],
    rate: ["representative", "assignee"],
    citizen_unsatisfied: ["citizen", "system"],
    ask_again: ["system"],
    refuse_return: ["staff", "admin"],
    reroute: ["staff", "admin"],
    // Whoever referred it (here the assignee) or staff covering the district; not another deputy.
    withdraw: ["staff", "admin", "assignee"],
  };
  const cells = referralActions.flatMap((action) =>
    (Object.keys(actors) as ActorName[]).map(
      (name) => [action, name, allowed[action].includes(name)] as const,
    ),
  );

  it.each(cells)("%s by %s: allowed %s", (action, name, expected) => {
    const { state, command } = cases[action];
    const referral = facts(state);
    expect(mayTakeReferralAction(actors[name], action, referral)).toBe(expected);
    const run = () => applyReferralCommand(referral, command, actors[name], context(now));
    if (expected) expect(run().from).toBe(referral.status);
    else expect(thrown(run)).toBeInstanceOf(ReferralForbiddenError);
  });

  it("tells an outsider it may not act before telling it the state is wrong", () => {
    const error = thrown(() =>
      applyReferralCommand(facts({ status: "closed" }), answerA, actors.otherDepartment, context(now)),
    );
    expect(error).toBeInstanceOf(ReferralForbiddenError);
    expect(error).toMatchObject({ referralId: 1, action: "answer", actorKind: "department", userId: 2 });
  });

  it("offers a department the actions of its referral's state only", () => {
    expect(availableReferralActions(actors.department, facts())).toEqual([
      "acknowledge",
      "return",
      "request_extension",
      "answer",
    ]);
    expect(availableReferralActions(actors.department, facts({ status: "answered" }))).toEqual([]);
    expect(availableReferralActions(actors.otherDepartment, facts())).toEqual([]);
  });
});

describe("internal notes on a referral", () => {
  it("are for its department, the district's staff and deputies, the assignee and the referrer, in any state", () => {
    const may = (name: ActorName, status: ReferralFacts["status"] = "sent") =>
      mayNoteOnReferral(actors[name], facts({ status }));
    for (const name of ["department", "staff", "admin", "representative", "assignee"] as const)
      expect([name, may(name), may(name, "closed")]).toEqual([name, true, true]);
    for (const name of ["otherDepartment", "otherStaff", "otherRepresentative", "citizen", "system"] as const)
      expect([name, may(name)]).toEqual([name, false]);
  });

  it("need a text within the limit, and refuse outsiders first", () => {
    expect(checkReferralNote(actors.department, facts(), "  需要协调供电公司。 ")).toBe("需要协调供电公司。");
    expect(() => checkReferralNote(actors.department, facts(), "  ")).toThrow(MissingTextError);
    expect(() => checkReferralNote(actors.department, facts(), "长".repeat(1001))).toThrow(TextTooLongError);
    expect(() => checkReferralNote(actors.otherDepartment, facts(), "")).toThrow(ReferralForbiddenError);
  });
});

describe("statuses, pauses and privacy", () => {
  it("reads the first version's open as sent, and refuses unknown statuses", () => {
    expect(parseReferralStatus("open")).toBe("sent");
    expect(parseReferralStatus("rework")).toBe("rework");
    expect(() => parseReferralStatus("lost")).toThrow(UnknownReferralStatusError);
  });

  it("moves the deadlines of a referral by the working days its case waited for the citizen", () => {
    const referral = {
      status: "acknowledged" as const,
      deadline: at("2026-03-09T23:59:59.999"),
      acknowledgeBy: at("2026-03-04T23:59:59.999"),
    };
    const moved = resumedReferralDeadlines(
      referral,
      at("2026-03-03T10:00:00"),
      at("2026-03-06T09:00:00"),
      calendar,
      timeZone,
    );
    expect(day(moved!.deadline)).toBe("2026-03-12"); // 03-04, 03-05, 03-06 did not count
    expect(day(moved!.acknowledgeBy!)).toBe("2026-03-09");
    expect(moved).toMatchObject({ reminderSentAt: null, amberSentAt: null, redSentAt: null });
    expect(
      resumedReferralDeadlines(
        { ...referral, status: "answered" },
        at("2026-03-03T10:00:00"),
        at("2026-03-06T09:00:00"),
        calendar,
        timeZone,
      ),
    ).toBeNull();
  });

  it("shows the citizen to a department only when named and agreed for this case", () => {
    expect(departmentMaySeeCitizen({ anonymous: false, contactSharedAt: new Date() })).toBe(true);
    expect(departmentMaySeeCitizen({ anonymous: false, contactSharedAt: null })).toBe(false);
    expect(departmentMaySeeCitizen({ anonymous: true, contactSharedAt: new Date() })).toBe(false);
  });
});
