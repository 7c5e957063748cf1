// What the statistics need to know about one case, derived from the case and its timeline.
// Each fact is a 0/1 flag (so that a figure is a plain sum in SQL, src/db/queries/stats-*.ts)
// or a duration; src/domain/metrics/dictionary.ts says which facts each metric counts.
// A new metric that needs something else from the timeline (a department's acknowledgement,
// say) adds one fact here, one column in CaseFact, and one entry in the dictionary.
import { isOpen, ratableStatuses } from "../concern-status.js";
import type { ConcernEventKind } from "../event-kinds.js";
import { localDate } from "../local-time.js";
import { addWorkingDays, createWorkingCalendar, type WorkingCalendar } from "../working-days.js";

/** The case as the statistics read it (a subset of the Concern row). */
export interface FactConcern {
  id: number;
  districtId: number;
  categoryId: number | null;
  assigneeId: number | null;
  status: string;
  createdAt: Date;
  dueAt: Date | null;
  closedAt: Date | null;
}

/** One timeline entry (a subset of the ConcernEvent row). */
export interface FactEvent {
  kind: string;
  actorRole: string;
  fromStatus: string | null;
  toStatus: string | null;
  text: string | null;
  /** True for an internal entry (a note among handlers), which never reaches the citizen. */
  internal?: boolean | null;
  /** The referral the entry is about (referral_* and supervision entries). */
  referralId?: number | null;
  createdAt: Date;
}

/** The facts of one case; 0/1 flags and whole seconds. */
export interface CaseFacts {
  concernId: number;
  districtId: number;
  categoryId: number | null;
  assigneeId: number | null;
  status: string;
  receivedAt: Date;
  /** "2026-11": the month the case was received, in the station's time zone. */
  receivedMonth: string;
  dueAt: Date | null;
  closedAt: Date | null;
  /** 1 unless merged into another case (a duplicate is counted in its main case). */
  countable: number;
  /** Open now: new, accepted, referred or reopened. */
  open: number;
  /** Closed now: resolved, unresolved or declined. */
  closed: number;
  /** Closed now, on or before its due date. */
  closedOnTime: number;
  /** Closed at least once (including closures later reopened). */
  closedOnce: number;
  /** Reopened at least once (重办): by an unsatisfied rating or otherwise. */
  reopened: number;
  /** A deputy, staff member or department acted on it (accepted, replied, referred, closed). */
  takenOn: number;
  /** Referred to a department at least once. */
  referred: number;
  /** Rated by the citizen at least once; the rating flags below are the latest rating. */
  rated: number;
  /** Latest rating 满意 or 基本满意. */
  satisfied: number;
  /** Latest rating 不满意. */
  unsatisfied: number;
  /** Rated, and the outcome rated (the latest) was 已办结(已解决). */
  ratedResolved: number;
  /** A human answered the citizen: 1 when firstReplySeconds is set. */
  replied: number;
  /** Seconds from receipt to the first words a person (not the bot) sent the citizen. */
  firstReplySeconds: number | null;
  /** 签收: the case's first referral was acknowledged (or answered) within one working day of being sent. */
  referralAckOnTime: number;
  /** 退回: a department returned one of its referrals. */
  referralReturned: number;
  /** 延期: staff granted a department more time on one of its referrals. */
  referralExtended: number;
  /** 答复: a department answered one of its referrals; the class flags below are the latest answer's. */
  referralAnswered: number;
  /** The latest answer's class: A 已解决, B 正在解决, C 列入计划, D 留作参考. */
  answerA: number;
  answerB: number;
  answerC: number;
  answerD: number;
}

/** Working days a department has to acknowledge a referral for 签收率 ("within one working day"). */
export const acknowledgeWithinWorkingDays = 1;

const weekendsOnly = createWorkingCalendar([]);

/** Whether the case's first referral was acknowledged (or answered) within those working days. */
function firstReferralAcknowledgedOnTime(
  timeline: readonly FactEvent[],
  calendar: WorkingCalendar,
  timeZone: string,
): boolean {
  const sent = timeline.find((e) => e.kind === "referral_sent");
  if (!sent) return false;
  const by = addWorkingDays(calendar, sent.createdAt, acknowledgeWithinWorkingDays, timeZone);
  return timeline.some(
    (e) =>
      (e.kind === "referral_acknowledged" || e.kind === "referral_answered") &&
      (e.referralId ?? null) === (sent.referralId ?? null) &&
      e.createdAt <= by,
  );
}

/** Who counts as a person answering the citizen; "system" (automatic messages) does not. */
export const humanHandlerRoles: readonly string[] = ["representative", "staff", "admin", "department"];

const closedStatuses: readonly string[] = ratableStatuses;
const REFERRAL_SENT: ConcernEventKind = "referral_sent";
/** Timeline entries by which a person takes a case on: a word to the citizen, a status change, a referral. */
const handlerActs: readonly ConcernEventKind[] = ["message", "status", REFERRAL_SENT];

/**
 * Words to the citizen from a person: a message, or a closure with its outcome or reason
 * (resolve and decline carry text, which the citizen receives). An acceptance without text
 * only triggers an automatic notice, so it is not a reply.
 */
function isHumanReply(event: FactEvent): boolean {
  if (!humanHandlerRoles.includes(event.actorRole) || event.internal) return false;
  if (event.kind === "message") return true;
  return (
    event.kind === "status" &&
    (event.text ?? "").trim() !== "" &&
    closedStatuses.includes(event.toStatus ?? "")
  );
}

const flag = (value: boolean): number => (value ? 1 : 0);

/**
 * The facts of one case from the case row and its whole timeline (any order). `timeZone` is
 * the IANA zone months are counted in (TIME_ZONE); `calendar` the working days 签收 is counted
 * in (without one, weekends only). Pure; throws nothing.
 */
export function deriveCaseFacts(
  concern: FactConcern,
  events: readonly FactEvent[],
  timeZone: string,
  calendar: WorkingCalendar = weekendsOnly,
): CaseFacts {
  const timeline = [...events].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const status = concern.status;
  const closed = closedStatuses.includes(status);
  const ratings = timeline.filter((e) => e.kind === "rating");
  const latestRating = ratings.at(-1);
  const firstReply = timeline.find(isHumanReply);
  const byHandler = timeline.some(
    (e) =>
      humanHandlerRoles.includes(e.actorRole) &&
      !e.internal &&
      handlerActs.includes(e.kind as ConcernEventKind),
  );
  const latestAnswer = timeline.filter((e) => e.kind === "referral_answered").at(-1);
  const answerClass = latestAnswer?.text ?? null;
  const closedOnTime =
    closed && concern.closedAt !== null && (concern.dueAt === null || concern.closedAt <= concern.dueAt);
  return {
    concernId: concern.id,
    districtId: concern.districtId,
    categoryId: concern.categoryId,
    assigneeId: concern.assigneeId,
    status,
    receivedAt: concern.createdAt,
    receivedMonth: localDate(concern.createdAt, timeZone).slice(0, 7),
    dueAt: concern.dueAt,
    closedAt: concern.closedAt,
    countable: flag(status !== "merged"),
    open: flag(isOpen(status)),
    closed: flag(closed),
    closedOnTime: flag(closedOnTime),
    closedOnce: flag(closed || timeline.some((e) => closedStatuses.includes(e.toStatus ?? ""))),
    reopened: flag(timeline.some((e) => e.toStatus === "reopened")),
    // A deputy's reply to a new case accepts it without a status entry, hence the messages.
    takenOn: flag(byHandler || (status !== "new" && status !== "merged" && concern.assigneeId !== null)),
    referred: flag(timeline.some((e) => e.toStatus === "referred" || e.kind === REFERRAL_SENT)),
    rated: flag(latestRating !== undefined),
    satisfied: flag(latestRating?.text === "satisfied" || latestRating?.text === "basically_satisfied"),
    unsatisfied: flag(latestRating?.text === "unsatisfied"),
    ratedResolved: flag(latestRating?.fromStatus === "resolved"),
    replied: flag(firstReply !== undefined),
    firstReplySeconds: firstReply
      ? Math.max(0, Math.round((firstReply.createdAt.getTime() - concern.createdAt.getTime()) / 1000))
      : null,
    referralAckOnTime: flag(firstReferralAcknowledgedOnTime(timeline, calendar, timeZone)),
    referralReturned: flag(timeline.some((e) => e.kind === "referral_returned")),
    referralExtended: flag(
      timeline.some((e) => e.kind === "referral_extension_decided" && e.text === "approved"),
    ),
    referralAnswered: flag(latestAnswer !== undefined),
    answerA: flag(answerClass === "A"),
    answerB: flag(answerClass === "B"),
    answerC: flag(answerClass === "C"),
    answerD: flag(answerClass === "D"),
  };
}
