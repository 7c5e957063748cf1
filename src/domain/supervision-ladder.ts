// The supervision (督办) ladder of a referral, from issue 8: a reminder to the department one
// working day before the deadline; at the deadline amber to the staff covering the district;
// five working days after it, red to the staff above and to the deputy, recorded as a 督办 entry.
// Each step is taken once per deadline (the step columns are cleared when the deadline moves:
// an extension, a rework), none once the department has answered, and none while the case's
// clock stands still. Around it: a reminder to acknowledge (签收) once its date has passed, the
// escalation of a returned referral not re-routed within one working day to the staff covering
// the district and the staff above them (once per return), and, for
// answers B and C, asking the department again once the promised date has passed.
import { localDate } from "./local-time.js";
import {
  type AnswerClass,
  awaitingDepartment,
  promisingAnswerClasses,
  type ReferralStatus,
} from "./referral.js";
import { addWorkingDays, endOfLocalDay, nthWorkingDateBefore, type WorkingCalendar } from "./working-days.js";

/** Working days before the deadline at which the department is reminded (issue 8). */
export const reminderWorkingDaysBefore = 1;
/** Working days after the deadline at which red goes to the staff above and the deputy (issue 8). */
export const redWorkingDaysAfter = 5;
/** Working days staff have to re-route a returned referral (issue 8). */
export const rerouteWorkingDays = 1;

export const ladderSteps = [
  "acknowledge_reminder", // to the department: 签收 is overdue
  "reminder", // to the department: one working day left
  "amber", // to the staff covering the district: the deadline has passed
  "red", // to the staff above and the deputy, recorded as 督办
  "reroute_reminder", // to the staff covering the district and those above: a return not re-routed
  "promise_due", // to the department: the promised date (B, C) has passed, answer again
] as const;
export type LadderStep = (typeof ladderSteps)[number];

/** Who a step goes to; "representative" is the case's deputies (its district's and its assignee). */
export type LadderRecipient = "department" | "staff" | "staff_above" | "representative";

/** The Referral column that records that a step was taken. */
export const ladderStepColumn = {
  acknowledge_reminder: "acknowledgeReminderSentAt",
  reminder: "reminderSentAt",
  amber: "amberSentAt",
  red: "redSentAt",
  reroute_reminder: "rerouteReminderSentAt",
  promise_due: "promiseAskedAt",
} as const satisfies Record<LadderStep, string>;
type StepColumn = (typeof ladderStepColumn)[LadderStep];

/** What the ladder needs to know about a referral. */
export interface LadderFacts {
  status: ReferralStatus;
  /** The answer deadline, already moved on by earlier pauses (`resumedReferralDeadlines`). */
  deadline: Date;
  acknowledgeBy: Date | null;
  returnedAt: Date | null;
  answerClass: AnswerClass | null;
  promisedAt: Date | null;
  /** Set while the case waits for the citizen's clarification (Concern.pausedAt). */
  pausedAt: Date | null;
  /** When each step was taken (null: not yet). */
  taken: Readonly<Record<StepColumn, Date | null>>;
}

export interface DueStep {
  step: LadderStep;
  /** The instant from which the step is due. */
  dueAt: Date;
  recipients: readonly LadderRecipient[];
  /** Record a 督办 (supervision) entry on the timeline: the citizen sees "督办中". */
  supervision: boolean;
  /** The Referral column to set to `now` once the step's messages are queued. */
  column: StepColumn;
}

const recipientsOf: Readonly<Record<LadderStep, readonly LadderRecipient[]>> = {
  acknowledge_reminder: ["department"],
  reminder: ["department"],
  amber: ["staff"],
  red: ["staff_above", "representative"],
  // Escalated: the staff covering the district had their working day to re-route it (issue 8).
  reroute_reminder: ["staff", "staff_above"],
  promise_due: ["department"],
};

/** When each step falls due for these facts (undefined: it does not apply to the referral now). */
function stepTimes(
  facts: LadderFacts,
  time: { calendar: WorkingCalendar; timeZone: string },
): Partial<Record<LadderStep, { from: Date; until?: Date }>> {
  const { calendar, timeZone } = time;
  if (awaitingDepartment.includes(facts.status)) {
    if (facts.pausedAt !== null) return {}; // the clock stands still
    const lastDay = localDate(facts.deadline, timeZone);
    const reminderAt = endOfLocalDay(
      nthWorkingDateBefore(calendar, lastDay, reminderWorkingDaysBefore),
      timeZone,
    );
    return {
      ...(facts.status === "sent" && facts.acknowledgeBy
        ? { acknowledge_reminder: { from: facts.acknowledgeBy, until: facts.deadline } }
        : {}),
      // A reminder that the deadline is near makes no sense once it has passed.
      reminder: { from: reminderAt, until: facts.deadline },
      amber: { from: facts.deadline },
      red: { from: addWorkingDays(calendar, facts.deadline, redWorkingDaysAfter, timeZone) },
    };
  }
  if (facts.status === "returned" && facts.returnedAt)
    return {
      reroute_reminder: { from: addWorkingDays(calendar, facts.returnedAt, rerouteWorkingDays, timeZone) },
    };
  if (
    (facts.status === "accepted" || facts.status === "closed") &&
    facts.promisedAt &&
    facts.answerClass &&
    promisingAnswerClasses.includes(facts.answerClass)
  )
    return { promise_due: { from: facts.promisedAt } };
  return {};
}

/**
 * The ladder steps due now for one referral, in ladder order, each at most once: a step is due
 * when `now` is past its time (and, for the reminders, not yet past the deadline) and its
 * column is still null. The caller queues the step's messages, sets its column to `now` in the
 * same transaction and, for `supervision`, records a "supervision" timeline entry. Pure: the same
 * facts and `now` give the same steps.
 */
export function dueSteps(
  facts: LadderFacts,
  now: Date,
  time: { calendar: WorkingCalendar; timeZone: string },
): DueStep[] {
  const times = stepTimes(facts, time);
  const due: DueStep[] = [];
  for (const step of ladderSteps) {
    const at = times[step];
    if (!at || now <= at.from || (at.until && now > at.until)) continue;
    const column = ladderStepColumn[step];
    if (facts.taken[column] !== null) continue;
    due.push({ step, dueAt: at.from, recipients: recipientsOf[step], supervision: step === "red", column });
  }
  return due;
}

/**
 * The 三色 colour of a referral on the desk: green while more than one working day is left,
 * amber from the reminder until red, red from five working days past the deadline; null once the
 * department owes nothing (or while the clock stands still, when it keeps no colour).
 */
export function supervisionColour(
  facts: Pick<LadderFacts, "status" | "deadline" | "pausedAt">,
  now: Date,
  time: { calendar: WorkingCalendar; timeZone: string },
): "green" | "amber" | "red" | null {
  if (!awaitingDepartment.includes(facts.status) || facts.pausedAt !== null) return null;
  const { calendar, timeZone } = time;
  if (now > addWorkingDays(calendar, facts.deadline, redWorkingDaysAfter, timeZone)) return "red";
  const lastDay = localDate(facts.deadline, timeZone);
  const reminderAt = endOfLocalDay(
    nthWorkingDateBefore(calendar, lastDay, reminderWorkingDaysBefore),
    timeZone,
  );
  return now > reminderAt ? "amber" : "green";
}
