// When the scheduled passes (src/jobs/tasks/) remind people, as pure rules over times:
// a new case nobody accepted, supervision colours (三色督办), the request to rate an outcome,
// and whether someone's morning digest has anything to say.
import { type ConcernStatus, openStatuses } from "./concern-status.js";
import type { EscalationLevel } from "./messages.js";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** New cases created at or before this instant are due a reminder (REMIND_UNACCEPTED_HOURS). */
export function unacceptedBefore(now: Date, afterHours: number): Date {
  return new Date(now.getTime() - afterHours * HOUR_MS);
}

/**
 * The supervision level of an open case due at `dueAt` (三色督办): red once the
 * due date has passed (or is now), amber within `amberHours` (ESCALATION_AMBER_HOURS) of it,
 * none before.
 */
export function escalationLevel(dueAt: Date, now: Date, amberHours: number): EscalationLevel | undefined {
  if (dueAt <= now) return "red";
  return dueAt.getTime() <= now.getTime() + amberHours * HOUR_MS ? "amber" : undefined;
}

/**
 * The cases the 三色 escalation supervises: the open ones not referred to a department. A
 * referred case is chased by its referrals' ladder alone (supervision-ladder.ts, in working
 * days), so that nobody is chased twice for the same case.
 */
export const escalatedCaseStatuses: readonly ConcernStatus[] = openStatuses.filter(
  (status) => status !== "referred",
);

/**
 * What an escalation pass looks for, per level already reached: never escalated and due
 * before the amber horizon; amber and now overdue. Each level is sent once; one first seen
 * overdue goes straight to red.
 */
export function escalationWindows(
  now: Date,
  amberHours: number,
): { from: "amber" | null; dueBefore: Date }[] {
  return [
    { from: null, dueBefore: new Date(now.getTime() + amberHours * HOUR_MS) },
    { from: "amber", dueBefore: now },
  ];
}

/** Outcomes older than this past the follow-up day are left alone (turning it on writes to no one about old cases). */
export const FOLLOW_UP_LOOK_BACK_DAYS = 30;

/**
 * Outcomes closed in (closedAfter, closedBefore] are asked for a rating once: FOLLOW_UP_DAYS
 * after they were given, within FOLLOW_UP_LOOK_BACK_DAYS of that.
 */
export function followUpWindow(now: Date, afterDays: number): { closedAfter: Date; closedBefore: Date } {
  const closedBefore = new Date(now.getTime() - afterDays * DAY_MS);
  return { closedAfter: new Date(closedBefore.getTime() - FOLLOW_UP_LOOK_BACK_DAYS * DAY_MS), closedBefore };
}

/** What is open for one deputy or staff member, as counted for the daily digest. */
export interface OpenWork {
  /** 待受理 in their districts. */
  newCases: number;
  /** Open cases past their due date in their districts. */
  overdueCases: number;
  /** Cases they accepted that are still theirs to answer. */
  assignedCases: number;
  /** Referrals in their districts past the department's deadline. */
  overdueReferrals: number;
}

/** Someone with nothing open gets no digest. */
export function hasOpenWork(work: OpenWork): boolean {
  return work.newCases + work.overdueCases + work.assignedCases + work.overdueReferrals > 0;
}

/** A digest caught up more than this late is skipped: the next morning's says the same, more truthfully. */
export const DIGEST_STALE_AFTER_MS = 12 * HOUR_MS;

/** Most cases one grouped escalation lists; a pass with more for one person sends more than one. */
export const ESCALATIONS_PER_MESSAGE = 500;

/** One case an escalation pass reached, with who must hear of it. */
export interface EscalatedCase {
  concernId: number;
  level: EscalationLevel;
  dueAt: Date;
  recipientIds: readonly number[];
}

/**
 * Groups what one escalation pass reached into one list per recipient and level (issue 7:
 * not one message per case): `{ recipientId, level, concernIds }`, most overdue first, at most
 * ESCALATIONS_PER_MESSAGE per list. Recipients and levels come out in a stable order (by
 * recipient id, amber before red).
 */
export function groupEscalations(
  cases: readonly EscalatedCase[],
): { recipientId: number; level: EscalationLevel; concernIds: number[] }[] {
  const sorted = [...cases].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const groups = new Map<string, { recipientId: number; level: EscalationLevel; concernIds: number[] }>();
  for (const row of sorted)
    for (const recipientId of new Set(row.recipientIds)) {
      const key = `${recipientId}:${row.level}`;
      const group = groups.get(key) ?? { recipientId, level: row.level, concernIds: [] };
      if (!group.concernIds.includes(row.concernId)) group.concernIds.push(row.concernId);
      groups.set(key, group);
    }
  const order: Record<EscalationLevel, number> = { amber: 0, red: 1 };
  return [...groups.values()]
    .sort((a, b) => a.recipientId - b.recipientId || order[a.level] - order[b.level])
    .flatMap(({ recipientId, level, concernIds }) => {
      const lists = [];
      for (let i = 0; i < concernIds.length; i += ESCALATIONS_PER_MESSAGE)
        lists.push({ recipientId, level, concernIds: concernIds.slice(i, i + ESCALATIONS_PER_MESSAGE) });
      return lists;
    });
}
