// The referral (交办/转办) of a case to a department, as pure rules: its states, which action
// may move it from which state, who may take each action, and what each action writes. The
// loop, from issue 8: sent → 签收 (acknowledged) → 答复 (answered, class A–D) → staff review
// (accepted, or rework) → the deputy's rating (满意 / 基本满意 closes it; 不满意 sends it back to
// the same department, 重办); on the way a department may 退回 (return) it with a reason and the
// department it should go to, or ask for a later deadline (申请延期) that staff approve or
// refuse. Deadlines are in working days (working-days.ts).
import { canHandleDistrict, type HandlerScope } from "./access.js";
import { isOpen, type Rating, ratings } from "./concern-status.js";
import type { ReferralEventKind } from "./event-kinds.js";
import { localDate } from "./local-time.js";
import type { ReferralDeadlineDays } from "./referral-deadlines.js";
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
} from "./referral-errors.js";
import {
  addWorkingDays,
  dayNumber,
  deadlineWithPauses,
  endOfLocalDay,
  InvalidLocalDateError,
  type LocalDate,
  type WorkingCalendar,
} from "./working-days.js";

export const referralStatuses = [
  "sent", // 已交办: waiting for 签收
  "acknowledged", // 已签收: the department is handling it
  "returned", // 已退回: staff must re-route it
  "rerouted", // 已改派: staff sent it to another department (a new referral)
  "answered", // 已答复: waiting for staff review
  "rework", // 重办: the department owes a new answer (see reworkReason)
  "accepted", // 答复已审核: waiting for the deputy's rating
  "closed", // 已办结
  "withdrawn", // 已撤回
] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** States in which the department owes an acknowledgement or an answer: its clock runs. */
export const awaitingDepartment: readonly ReferralStatus[] = ["sent", "acknowledged", "rework"];
/** States in which the referral is over. */
export const finishedReferralStatuses: readonly ReferralStatus[] = ["rerouted", "closed", "withdrawn"];

/** Thrown for a status column this list does not know. */
export class UnknownReferralStatusError extends Error {
  override name = "UnknownReferralStatusError";
  constructor(readonly value: string) {
    super(`unknown referral status "${value}"`);
  }
}

/**
 * The status of a Referral.status column. "open" is how referrals made before this loop read
 * (the column's default), and means sent. Throws UnknownReferralStatusError.
 */
export function parseReferralStatus(column: string): ReferralStatus {
  if (column === "open") return "sent";
  if ((referralStatuses as readonly string[]).includes(column)) return column as ReferralStatus;
  throw new UnknownReferralStatusError(column);
}

/** 答复 classes: A 已解决, B 正在解决, C 列入计划, D 留作参考. */
export const answerClasses = ["A", "B", "C", "D"] as const;
export type AnswerClass = (typeof answerClasses)[number];
/** The classes that promise a date, after which the department is asked again. */
export const promisingAnswerClasses: readonly AnswerClass[] = ["B", "C"];

/** 退回 reasons, the fixed list of issue 8. */
export const returnReasons = [
  "not_our_remit", // 不属于本单位职责
  "wrong_area", // 不属于本辖区
  "unclear_ownership", // 职责不清
  "information_missing", // 信息不全
] as const;
export type ReturnReason = (typeof returnReasons)[number];
/** The reasons that must name the department the case should go to. */
export const returnReasonsNamingDepartment: readonly ReturnReason[] = ["not_our_remit", "wrong_area"];

/** Why a department owes a new answer. */
export const reworkReasons = ["review", "unsatisfied_deputy", "unsatisfied_citizen", "promise_due"] as const;
export type ReworkReason = (typeof reworkReasons)[number];

/** The deputy's rating of an answer: the same three words as the citizen's, counted apart. */
export type DeputyRating = Rating;
export const deputyRatings = ratings;

/** A case bounced (returned) more than this many times goes to the staff above. */
export const maxReturnsBeforeEscalation = 2;

/** Longest texts, in characters: our own limits, matching MAX_CONCERN_LENGTH's default for the answer. */
export const referralTextLimits = { note: 1000, reason: 500, answer: 2000, contactPerson: 100 } as const;

export const referralActions = [
  "acknowledge",
  "return",
  "request_extension",
  "decide_extension",
  "answer",
  "review",
  "rate",
  "citizen_unsatisfied",
  "ask_again",
  "refuse_return",
  "reroute",
  "withdraw",
] as const;
export type ReferralAction = (typeof referralActions)[number];

/**
 * Who acts: a department contact (the departments they act for), staff (the districts they
 * cover: their district's subtree, or all for an administrator), a deputy (the districts they
 * serve), the citizen of the case, or the bot itself (the scheduler).
 */
export type ReferralActor =
  | { kind: "department"; userId: number; departmentIds: ReadonlySet<number> }
  | { kind: "staff"; userId: number; scope: HandlerScope }
  | { kind: "representative"; userId: number; districtIds: ReadonlySet<number> }
  | { kind: "citizen"; userId: number }
  | { kind: "system" };

/** The parties that may take an action, resolved against the facts by `isParty`. */
type Party =
  | "department" // a contact of the referral's department
  | "staff" // staff covering the case's district
  | "representative" // a deputy of the case's district
  | "assignee" // the case's assignee
  | "referrer" // the deputy or staff member who made the referral
  | "citizen" // the case's citizen
  | "system";

const rules: Readonly<Record<ReferralAction, { from: readonly ReferralStatus[]; by: readonly Party[] }>> = {
  acknowledge: { from: ["sent"], by: ["department"] },
  return: { from: ["sent", "acknowledged"], by: ["department"] },
  request_extension: { from: ["sent", "acknowledged", "rework"], by: ["department"] },
  decide_extension: { from: ["sent", "acknowledged", "rework"], by: ["staff"] },
  answer: { from: ["sent", "acknowledged", "rework"], by: ["department"] },
  review: { from: ["answered"], by: ["staff"] },
  rate: { from: ["accepted"], by: ["representative", "assignee"] },
  citizen_unsatisfied: { from: ["closed"], by: ["citizen", "system"] },
  ask_again: { from: ["accepted", "closed"], by: ["system"] },
  refuse_return: { from: ["returned"], by: ["staff"] },
  reroute: { from: ["returned"], by: ["staff"] },
  // 撤回: only while the department has not answered (an answer is reviewed or rated instead),
  // by whoever referred it or the staff supervising the district.
  withdraw: { from: ["sent", "acknowledged", "rework", "returned"], by: ["referrer", "staff"] },
};

/** What the rules need to know about a referral and its case. */
export interface ReferralFacts {
  id: number;
  status: ReferralStatus;
  departmentId: number;
  deadline: Date;
  acknowledgedAt: Date | null;
  answerClass: AnswerClass | null;
  promisedAt: Date | null;
  reworkCount: number;
  redoCount: number;
  /** The extension request waiting for staff, if any, with the department's reason. */
  pendingExtension: { requestedDeadline: Date; reason: string } | null;
  /** How many referrals of the same case were returned before (bounces). */
  earlierReturns: number;
  /** Who made the referral (Referral.createdById; null for the scheduler or old rows). */
  createdById: number | null;
  concern: { id: number; districtId: number; assigneeId: number | null; citizenId: number };
}

/** The day counts and clock of the station, for the actions that set a deadline. */
export interface ReferralContext {
  now: Date;
  calendar: WorkingCalendar;
  timeZone: string;
  /** The working days of this case's category and priority (referral-deadlines.ts). */
  days: ReferralDeadlineDays;
}

function isParty(party: Party, actor: ReferralActor, facts: ReferralFacts): boolean {
  switch (party) {
    case "department":
      return actor.kind === "department" && actor.departmentIds.has(facts.departmentId);
    case "staff":
      return actor.kind === "staff" && canHandleDistrict(actor.scope, facts.concern.districtId);
    case "representative":
      return actor.kind === "representative" && actor.districtIds.has(facts.concern.districtId);
    case "assignee":
      return (
        actor.kind !== "system" &&
        facts.concern.assigneeId !== null &&
        actor.userId === facts.concern.assigneeId
      );
    case "referrer":
      return (
        (actor.kind === "staff" || actor.kind === "representative") &&
        facts.createdById !== null &&
        actor.userId === facts.createdById
      );
    case "citizen":
      return actor.kind === "citizen" && actor.userId === facts.concern.citizenId;
    case "system":
      return actor.kind === "system";
  }
}

/** Whether the actor is one of the parties who may take the action on this referral (any status). */
export function mayTakeReferralAction(
  actor: ReferralActor,
  action: ReferralAction,
  facts: ReferralFacts,
): boolean {
  return rules[action].by.some((party) => isParty(party, actor, facts));
}

/** Whether the action is allowed in that status (whoever asks). */
export function referralActionAllowed(status: ReferralStatus, action: ReferralAction): boolean {
  return rules[action].from.includes(status);
}

/** The actions the actor could take now: for offering buttons (each is checked again when taken). */
export function availableReferralActions(actor: ReferralActor, facts: ReferralFacts): ReferralAction[] {
  return referralActions.filter(
    (action) => referralActionAllowed(facts.status, action) && mayTakeReferralAction(actor, action, facts),
  );
}

/**
 * Whether the actor may read and write internal notes (内部备注) on this referral, in any of its
 * states: a contact of its department, staff covering the case's district, a deputy of that
 * district, the case's assignee or whoever referred it. A department reads only the notes
 * written on its own referral (ConcernEvent.referralId); notes deputies and staff write on the
 * case itself stay among them, and no note ever reaches a citizen (issue 8).
 */
export function mayNoteOnReferral(actor: ReferralActor, facts: ReferralFacts): boolean {
  const parties: readonly Party[] = ["department", "staff", "representative", "assignee", "referrer"];
  return parties.some((party) => isParty(party, actor, facts));
}

/**
 * Checks an internal note on a referral: the actor may write one (ReferralForbiddenError) and
 * the text, trimmed, is present (MissingTextError) and within `referralTextLimits.note`
 * characters (TextTooLongError). Returns the trimmed text.
 */
export function checkReferralNote(actor: ReferralActor, facts: ReferralFacts, text: string): string {
  if (!mayNoteOnReferral(actor, facts))
    throw new ReferralForbiddenError(facts.id, "note", actor.kind, actorId(actor));
  return requiredText("note", "text", text, referralTextLimits.note);
}

/**
 * Whether a department may see who the citizen is: only when the case is not anonymous and the
 * citizen agreed to share their contact details with the department for this case
 * (Concern.contactSharedAt), as issue 8 requires.
 */
export function departmentMaySeeCitizen(concern: {
  anonymous: boolean;
  contactSharedAt: Date | null;
}): boolean {
  return !concern.anonymous && concern.contactSharedAt !== null;
}

export type ReferralCommand =
  | { action: "acknowledge" }
  | { action: "return"; reason: string; suggestedDepartmentId: number | null; note?: string | null }
  | { action: "request_extension"; reason: string; date: LocalDate }
  | { action: "decide_extension"; approve: boolean; note?: string | null }
  | {
      action: "answer";
      answerClass: string;
      text: string;
      contactPerson: string;
      promisedDate: LocalDate | null;
    }
  | { action: "review"; accept: boolean; reason?: string | null }
  | { action: "rate"; rating: string; note?: string | null }
  | { action: "citizen_unsatisfied" }
  | { action: "ask_again" }
  | { action: "refuse_return"; note?: string | null }
  | { action: "reroute"; departmentId: number }
  | { action: "withdraw"; reason: string };

/** Columns of the Referral row to write (names as in prisma/schema.prisma). */
export interface ReferralUpdate {
  status: ReferralStatus;
  updatedAt: Date;
  deadline?: Date;
  acknowledgeBy?: Date;
  acknowledgedAt?: Date;
  acknowledgedById?: number | null;
  answer?: string;
  answerClass?: AnswerClass;
  contactPerson?: string;
  promisedAt?: Date | null;
  answeredAt?: Date;
  answeredById?: number | null;
  reviewOutcome?: "accepted" | "rework";
  reviewNote?: string | null;
  reviewedAt?: Date;
  reviewedById?: number | null;
  deputyRating?: DeputyRating;
  deputyRatingNote?: string | null;
  deputyRatedAt?: Date;
  deputyRatedById?: number | null;
  reworkCount?: number;
  redoCount?: number;
  reworkReason?: ReworkReason;
  returnReason?: ReturnReason;
  returnNote?: string | null;
  suggestedDepartmentId?: number | null;
  returnedAt?: Date;
  returnedById?: number | null;
  closedAt?: Date;
  withdrawnAt?: Date;
  /** The supervision ladder starts again whenever the deadline moves. */
  reminderSentAt?: null;
  amberSentAt?: null;
  redSentAt?: null;
  acknowledgeReminderSentAt?: null;
  rerouteReminderSentAt?: null;
  promiseAskedAt?: Date | null;
}

/** What the caller must do besides writing the row and the events. */
export type ReferralEffect =
  /** A case returned more than `maxReturnsBeforeEscalation` times: tell the staff above. */
  | { kind: "escalate_to_staff_above"; returns: number }
  /** Create the pending ReferralExtension row. */
  | { kind: "create_extension_request"; reason: string; requestedDeadline: Date; previousDeadline: Date }
  /** Decide the pending ReferralExtension row. */
  | { kind: "decide_extension_request"; approved: boolean; note: string | null }
  /** An approved extension: the citizen is told the new date and why (the department's reason). */
  | { kind: "tell_citizen_new_deadline"; deadline: Date; reason: string }
  /** Re-routed: refer the case to this department (a new referral, planned by `planReferral`). */
  | { kind: "refer_to"; departmentId: number }
  /** The deputy rated the answer acceptable: the outcome goes to the citizen, who rates it. */
  | { kind: "send_outcome_to_citizen" }
  /**
   * Withdrawn: when no other referral of the case is unfinished, the case is back in its
   * handlers' hands (referred → accepted), supervised by the 三色 escalation again.
   */
  | { kind: "hand_case_back" };

export interface ReferralChange {
  from: ReferralStatus;
  update: ReferralUpdate;
  /** Timeline entries to record (with ConcernEvent.referralId), in order. */
  events: { kind: ReferralEventKind; text: string | null }[];
  effects: ReferralEffect[];
}

function characters(text: string): number {
  return [...text].length;
}

/** A required text, trimmed; throws MissingTextError or TextTooLongError. */
function requiredText(
  action: string,
  field: "reason" | "text" | "contactPerson",
  value: string,
  max: number,
) {
  const text = value.trim();
  if (text === "") throw new MissingTextError(action, field);
  if (characters(text) > max) throw new TextTooLongError(field, characters(text), max);
  return text;
}

/** An optional text, trimmed, null when empty; throws TextTooLongError. */
function optionalText(field: string, value: string | null | undefined, max: number): string | null {
  const text = value?.trim() ?? "";
  if (characters(text) > max) throw new TextTooLongError(field, characters(text), max);
  return text === "" ? null : text;
}

function choice<T extends string>(field: UnknownChoiceError["field"], list: readonly T[], value: string): T {
  if (!(list as readonly string[]).includes(value)) throw new UnknownChoiceError(field, value);
  return value as T;
}

/**
 * The end of a calendar date typed by a user, which must be after today in the zone. Throws
 * InvalidDateError or DateNotInFutureError.
 */
function futureDate(
  field: DateNotInFutureError["field"],
  date: LocalDate,
  now: Date,
  timeZone: string,
): Date {
  let day: number;
  try {
    day = dayNumber(date);
  } catch (error) {
    if (error instanceof InvalidLocalDateError) throw new InvalidDateError(field, date);
    throw error;
  }
  const today = localDate(now, timeZone);
  if (day <= dayNumber(today)) throw new DateNotInFutureError(field, date, today);
  return endOfLocalDay(date, timeZone);
}

/**
 * Checks a date typed for a referral (a deadline, a promised date, an extension) before the
 * action is taken: a calendar date after today in the zone; returns the end of that day.
 * Throws InvalidDateError or DateNotInFutureError, as the action itself would.
 */
export function checkFutureDate(
  field: DateNotInFutureError["field"],
  date: LocalDate,
  now: Date,
  timeZone: string,
): Date {
  return futureDate(field, date, now, timeZone);
}

const ladderReset = {
  reminderSentAt: null,
  amberSentAt: null,
  redSentAt: null,
  acknowledgeReminderSentAt: null,
} as const;

function actorId(actor: ReferralActor): number | null {
  return actor.kind === "system" ? null : actor.userId;
}

/**
 * Checks and applies one action to a referral: the actor must be a party to it
 * (ReferralForbiddenError, checked first so that outsiders learn nothing of its state), the
 * status must allow it (InvalidReferralTransitionError), and the input must be complete
 * (the other ReferralError classes). Returns the row update, the timeline entries and the
 * effects; nothing is written here. Deadlines a rework or 重办 sets are `context.days.answerDays`
 * working days from now.
 */
export function applyReferralCommand(
  facts: ReferralFacts,
  command: ReferralCommand,
  actor: ReferralActor,
  context: ReferralContext,
): ReferralChange {
  const { action } = command;
  if (!mayTakeReferralAction(actor, action, facts))
    throw new ReferralForbiddenError(facts.id, action, actor.kind, actorId(actor));
  if (!referralActionAllowed(facts.status, action))
    throw new InvalidReferralTransitionError(facts.id, action, facts.status);

  const { now, calendar, timeZone } = context;
  const by = actorId(actor);
  const change = (
    update: Omit<ReferralUpdate, "updatedAt">,
    events: ReferralChange["events"],
    effects: ReferralEffect[] = [],
  ): ReferralChange => ({ from: facts.status, update: { ...update, updatedAt: now }, events, effects });
  /**
   * Back to the same department for a new answer, by the later of its current deadline (an
   * approved extension is kept) and a fresh default one.
   */
  const backToDepartment = (reason: ReworkReason) => {
    const fresh = addWorkingDays(calendar, now, context.days.answerDays, timeZone);
    return {
      status: "rework" as const,
      reworkReason: reason,
      deadline: fresh > facts.deadline ? fresh : facts.deadline,
      ...ladderReset,
    };
  };

  switch (command.action) {
    case "acknowledge":
      return change({ status: "acknowledged", acknowledgedAt: now, acknowledgedById: by }, [
        { kind: "referral_acknowledged", text: null },
      ]);

    case "return": {
      if (command.reason.trim() === "") throw new MissingTextError(action, "reason");
      const reason = choice("returnReason", returnReasons, command.reason);
      const suggested = command.suggestedDepartmentId;
      if (suggested === null && returnReasonsNamingDepartment.includes(reason))
        throw new SuggestedDepartmentRequiredError(reason);
      if (suggested === facts.departmentId) throw new SameDepartmentError(suggested);
      const note = optionalText("note", command.note, referralTextLimits.note);
      const returns = facts.earlierReturns + 1;
      return change(
        {
          status: "returned",
          returnReason: reason,
          returnNote: note,
          suggestedDepartmentId: suggested,
          returnedAt: now,
          returnedById: by,
          rerouteReminderSentAt: null,
        },
        [{ kind: "referral_returned", text: note }],
        returns > maxReturnsBeforeEscalation ? [{ kind: "escalate_to_staff_above", returns }] : [],
      );
    }

    case "request_extension": {
      if (facts.pendingExtension) throw new ExtensionStateError(facts.id, true);
      const reason = requiredText(action, "reason", command.reason, referralTextLimits.reason);
      const requested = futureDate("extensionDate", command.date, now, timeZone);
      if (requested <= facts.deadline) throw new ExtensionNotLaterError(requested, facts.deadline);
      return change(
        { status: facts.status },
        [{ kind: "referral_extension_requested", text: reason }],
        [
          {
            kind: "create_extension_request",
            reason,
            requestedDeadline: requested,
            previousDeadline: facts.deadline,
          },
        ],
      );
    }

    // The entry names the decision ("approved" | "refused", which the statistics count); the
    // note stays with the extension request (ReferralExtension.decisionNote).
    case "decide_extension": {
      const pending = facts.pendingExtension;
      if (!pending) throw new ExtensionStateError(facts.id, false);
      const note = optionalText("note", command.note, referralTextLimits.note);
      const decided: ReferralEffect = { kind: "decide_extension_request", approved: command.approve, note };
      if (!command.approve)
        return change(
          { status: facts.status },
          [{ kind: "referral_extension_decided", text: "refused" }],
          [decided],
        );
      return change(
        { status: facts.status, deadline: pending.requestedDeadline, ...ladderReset },
        [{ kind: "referral_extension_decided", text: "approved" }],
        [
          decided,
          { kind: "tell_citizen_new_deadline", deadline: pending.requestedDeadline, reason: pending.reason },
        ],
      );
    }

    case "answer": {
      const answerClass = choice("answerClass", answerClasses, command.answerClass);
      const text = requiredText(action, "text", command.text, referralTextLimits.answer);
      const contactPerson = requiredText(
        action,
        "contactPerson",
        command.contactPerson,
        referralTextLimits.contactPerson,
      );
      const promises = promisingAnswerClasses.includes(answerClass);
      if (promises !== (command.promisedDate !== null)) throw new PromisedDateError(answerClass);
      const promisedAt =
        command.promisedDate === null
          ? null
          : futureDate("promisedDate", command.promisedDate, now, timeZone);
      return change(
        {
          status: "answered",
          answer: text,
          answerClass,
          contactPerson,
          promisedAt,
          promiseAskedAt: null,
          answeredAt: now,
          answeredById: by,
          ...(facts.acknowledgedAt === null ? { acknowledgedAt: now, acknowledgedById: by } : {}),
        },
        [{ kind: "referral_answered", text: answerClass }],
      );
    }

    case "review": {
      if (command.accept)
        return change(
          {
            status: "accepted",
            reviewOutcome: "accepted",
            reviewNote: optionalText("note", command.reason, referralTextLimits.note),
            reviewedAt: now,
            reviewedById: by,
          },
          [{ kind: "referral_reviewed", text: null }],
        );
      const reason = requiredText(action, "reason", command.reason ?? "", referralTextLimits.reason);
      return change(
        {
          ...backToDepartment("review"),
          reviewOutcome: "rework",
          reviewNote: reason,
          reviewedAt: now,
          reviewedById: by,
          reworkCount: facts.reworkCount + 1,
        },
        [{ kind: "referral_reviewed", text: reason }],
      );
    }

    case "rate": {
      const rating = choice("rating", deputyRatings, command.rating);
      const note = optionalText("note", command.note, referralTextLimits.note);
      const rated = { deputyRating: rating, deputyRatingNote: note, deputyRatedAt: now, deputyRatedById: by };
      // The timeline's entry keeps the rating given then (a redone referral is rated again).
      const ratedText = note ? `${rating}|${note}` : rating;
      if (rating === "unsatisfied")
        return change(
          { ...rated, ...backToDepartment("unsatisfied_deputy"), redoCount: facts.redoCount + 1 },
          [
            { kind: "referral_rated", text: ratedText },
            { kind: "referral_reopened", text: "unsatisfied_deputy" },
          ],
        );
      return change(
        { ...rated, status: "closed", closedAt: now },
        [{ kind: "referral_rated", text: ratedText }],
        [{ kind: "send_outcome_to_citizen" }],
      );
    }

    case "citizen_unsatisfied":
      return change({ ...backToDepartment("unsatisfied_citizen"), redoCount: facts.redoCount + 1 }, [
        { kind: "referral_reopened", text: "unsatisfied_citizen" },
      ]);

    case "ask_again": {
      const promised = facts.promisedAt;
      if (
        promised === null ||
        facts.answerClass === null ||
        !promisingAnswerClasses.includes(facts.answerClass) ||
        promised >= now
      )
        throw new PromiseNotDueError(facts.id, promised);
      return change({ ...backToDepartment("promise_due"), promiseAskedAt: now }, [
        { kind: "referral_reopened", text: "promise_due" },
      ]);
    }

    case "refuse_return":
      return change(
        {
          status: "sent",
          deadline: addWorkingDays(calendar, now, context.days.answerDays, timeZone),
          acknowledgeBy: addWorkingDays(calendar, now, context.days.acknowledgeDays, timeZone),
          ...ladderReset,
        },
        [
          {
            kind: "referral_return_refused",
            text: optionalText("note", command.note, referralTextLimits.note),
          },
        ],
      );

    case "reroute":
      if (command.departmentId === facts.departmentId) throw new SameDepartmentError(command.departmentId);
      return change(
        { status: "rerouted", closedAt: now },
        [{ kind: "referral_rerouted", text: null }],
        [{ kind: "refer_to", departmentId: command.departmentId }],
      );

    case "withdraw": {
      const reason = requiredText(action, "reason", command.reason, referralTextLimits.reason);
      return change(
        { status: "withdrawn", withdrawnAt: now, closedAt: now },
        [{ kind: "referral_withdrawn", text: reason }],
        [{ kind: "hand_case_back" }],
      );
    }
  }
}

/** What `planReferral` needs to know about the case. */
export interface ReferralPlanInput {
  concern: { id: number; districtId: number; status: string; assigneeId: number | null };
  departmentId: number;
  /** Departments this case already has an unfinished referral to. */
  openDepartmentIds: ReadonlySet<number>;
  /** A deadline date chosen instead of the default (the end of that day in the zone). */
  deadlineDate?: LocalDate | null;
  note?: string | null;
}

/** The columns of a new Referral row, and its first timeline entry. */
export interface PlannedReferral {
  row: {
    concernId: number;
    departmentId: number;
    status: "sent";
    deadline: Date;
    originalDeadline: Date;
    acknowledgeBy: Date;
    note: string | null;
    createdById: number | null;
    createdAt: Date;
    updatedAt: Date;
  };
  event: { kind: "referral_sent"; text: string | null };
}

/**
 * Refers (交办/转办) a case to a department: a deputy of the case's district, its assignee or staff
 * covering it may, while the case is open and not already referred to that department. The
 * deadline is `days.answerDays` working days from now unless a later date is chosen, and the
 * acknowledgement is due after `days.acknowledgeDays` (never after the deadline). Throws
 * ReferralForbiddenError, CaseNotOpenError, DuplicateReferralError, InvalidDateError,
 * DateNotInFutureError or TextTooLongError.
 */
export function planReferral(
  actor: ReferralActor,
  input: ReferralPlanInput,
  context: ReferralContext,
): PlannedReferral {
  const { concern } = input;
  const { now, calendar, timeZone, days } = context;
  const allowed =
    (actor.kind === "staff" && canHandleDistrict(actor.scope, concern.districtId)) ||
    (actor.kind === "representative" &&
      (actor.districtIds.has(concern.districtId) || actor.userId === concern.assigneeId));
  if (!allowed) throw new ReferralForbiddenError(null, "refer", actor.kind, actorId(actor));
  if (!isOpen(concern.status)) throw new CaseNotOpenError(concern.id, concern.status);
  if (input.openDepartmentIds.has(input.departmentId))
    throw new DuplicateReferralError(concern.id, input.departmentId);
  const deadline = input.deadlineDate
    ? futureDate("deadline", input.deadlineDate, now, timeZone)
    : addWorkingDays(calendar, now, days.answerDays, timeZone);
  const acknowledgeBy = addWorkingDays(calendar, now, days.acknowledgeDays, timeZone);
  return {
    row: {
      concernId: concern.id,
      departmentId: input.departmentId,
      status: "sent",
      deadline,
      originalDeadline: deadline,
      acknowledgeBy: acknowledgeBy < deadline ? acknowledgeBy : deadline,
      note: optionalText("note", input.note, referralTextLimits.note),
      createdById: actorId(actor),
      createdAt: now,
      updatedAt: now,
    },
    event: { kind: "referral_sent", text: null },
  };
}

/**
 * The deadlines of a referral whose case waited for the citizen from `pausedAt` until `now`,
 * moved on by the working days of the wait (`deadlineWithPauses`), with the ladder started
 * again; null for a referral whose department owes nothing (`awaitingDepartment`), which keeps
 * its dates.
 */
export function resumedReferralDeadlines(
  referral: { status: ReferralStatus; deadline: Date; acknowledgeBy: Date | null },
  pausedAt: Date,
  now: Date,
  calendar: WorkingCalendar,
  timeZone: string,
): ({ deadline: Date; acknowledgeBy: Date | null } & typeof ladderReset) | null {
  if (!awaitingDepartment.includes(referral.status)) return null;
  const pause = [{ from: pausedAt, to: now }];
  const move = (deadline: Date) => deadlineWithPauses(calendar, deadline, pause, timeZone) ?? deadline;
  return {
    deadline: move(referral.deadline),
    acknowledgeBy: referral.acknowledgeBy && move(referral.acknowledgeBy),
    ...ladderReset,
  };
}
