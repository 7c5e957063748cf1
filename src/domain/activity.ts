// Activities (活动): reception days, deputy visits, hearings. Who may create and approve
// them, when they are announced, when those who will come are reminded, and how a time
// typed in the station's zone becomes an instant.
import { fromLocalTime, parseLocalDateTime, zoneOffsetMs } from "./local-time.js";

export const activityKinds = ["reception", "visit", "hearing", "other"] as const;
export type ActivityKind = (typeof activityKinds)[number];

/**
 * "rejected" is ours too: the schema documents draft | pending_approval | approved |
 * published | cancelled | done, and a refused proposal is none of those.
 */
export const activityStatuses = [
  "draft",
  "pending_approval",
  "approved",
  "published",
  "cancelled",
  "rejected",
  "done",
] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

/** What a user may do about activities in one district. */
export type ActivityAuthority = "approve" | "propose" | "none";

/**
 * Staff decide for the districts of their scope (their district's subtree), admins for all;
 * a representative proposes activities for the districts they serve, subject to approval.
 */
export function activityAuthority(user: {
  role: string;
  /** The district is in the staff member's subtree. */
  staffCovers: boolean;
  /** The user is a representative of the district itself. */
  represents: boolean;
}): ActivityAuthority {
  if (user.role === "admin") return "approve";
  if (user.role === "staff" && user.staffCovers) return "approve";
  if ((user.role === "representative" || user.role === "staff") && user.represents) return "propose";
  return "none";
}

/**
 * Who decides on a representative's proposal (user ids): the staff covering its district,
 * else, where none does, the admins; never the proposer themselves, nor anyone banned.
 */
export function activityApprovers(input: {
  staff: { id: number; bannedAt: Date | null }[];
  admins: { id: number; bannedAt: Date | null }[];
  proposerId: number;
}): number[] {
  const deciders = input.staff.length > 0 ? input.staff : input.admins;
  return deciders.filter((u) => u.id !== input.proposerId && !u.bannedAt).map((u) => u.id);
}

/** Announced `noticeDays` ahead, or at once when created closer than that. */
export function publishTime(startsAt: Date, now: Date, noticeDays: number): Date {
  const ahead = new Date(startsAt.getTime() - noticeDays * 24 * 3_600_000);
  return ahead > now ? ahead : now;
}

export const reminderOffsets = [
  { kind: "reminder_24h", hours: 24 },
  { kind: "reminder_2h", hours: 2 },
] as const;
export type ReminderKind = (typeof reminderOffsets)[number]["kind"];

/** The reminders still ahead at `now`: one that is already past is not sent late. */
export function reminderTimes(startsAt: Date, now: Date): { kind: ReminderKind; at: Date }[] {
  return reminderOffsets
    .map(({ kind, hours }) => ({ kind, at: new Date(startsAt.getTime() - hours * 3_600_000) }))
    .filter((r) => r.at > now);
}

/**
 * Statuses in which an activity is listed to its district's citizens and may be answered:
 * approved ones too, before their announcement day (issue 11: the announcement day,
 * ACTIVITY_NOTICE_DAYS ahead, only governs the push to subscribers).
 */
export const listedStatuses = ["approved", "published"] as const;

/** Citizens may answer while it is listed (approved or announced) and has not started. */
export function isOpenForRsvp(activity: { status: string; startsAt: Date }, now: Date): boolean {
  return (listedStatuses as readonly string[]).includes(activity.status) && activity.startsAt > now;
}

export function hasRoom(capacity: number | null, going: number): boolean {
  return capacity === null || going < capacity;
}

/** Statuses of an activity that takes place (approved: held even if never announced). */
export const heldStatuses = ["approved", "published", "done"] as const;

/** Attendance, notes and linked concerns are recorded once it has begun. */
export function canRecordOutcome(activity: { status: string; startsAt: Date }, now: Date): boolean {
  return (heldStatuses as readonly string[]).includes(activity.status) && activity.startsAt <= now;
}

/** Staff may call it off until it is over. */
export function canCancel(activity: { status: string; startsAt: Date }, now: Date): boolean {
  return ["pending_approval", "approved", "published"].includes(activity.status) && activity.startsAt > now;
}

/** Without an end time, an activity is taken to last two hours (calendars need an end). */
export const DEFAULT_DURATION_MS = 2 * 3_600_000;

export function effectiveEnd(activity: { startsAt: Date; endsAt: Date | null }): Date {
  return activity.endsAt ?? new Date(activity.startsAt.getTime() + DEFAULT_DURATION_MS);
}

export type ActivityTimeResult =
  | { ok: true; startsAt: Date; endsAt: Date | null }
  | { ok: false; reason: "invalid" | "past" | "too_far" | "end_before_start" };

const MAX_AHEAD_MS = 366 * 24 * 3_600_000;

/**
 * "2026-12-05 09:00", optionally with an end time the same day: "2026-12-05 09:00-11:00"
 * (also "–", "~", "至"). Read in the station's time zone.
 */
export function parseActivityTime(text: string, timeZone: string, now: Date): ActivityTimeResult {
  const normalized = text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[：]/g, ":");
  const range = normalized.match(/^(.*\d{1,2}:\d{2})\s*(?:-|–|—|~|～|至|到)\s*(\d{1,2}):(\d{2})$/);
  const startsAt = parseLocalDateTime(range ? range[1]! : normalized, timeZone);
  if (!startsAt) return { ok: false, reason: "invalid" };
  let endsAt: Date | null = null;
  if (range) {
    const hour = Number(range[2]);
    const minute = Number(range[3]);
    if (hour > 23 || minute > 59) return { ok: false, reason: "invalid" };
    const local = new Date(startsAt.getTime() + zoneOffsetMs(startsAt, timeZone));
    endsAt = fromLocalTime(
      {
        year: local.getUTCFullYear(),
        month: local.getUTCMonth() + 1,
        day: local.getUTCDate(),
        hour,
        minute,
      },
      timeZone,
    );
    if (endsAt <= startsAt) return { ok: false, reason: "end_before_start" };
  }
  if (startsAt <= now) return { ok: false, reason: "past" };
  if (startsAt.getTime() - now.getTime() > MAX_AHEAD_MS) return { ok: false, reason: "too_far" };
  return { ok: true, startsAt, endsAt };
}

/** Case numbers in free text ("2026-00012, 2026-00013"), each once, in order. */
export function extractCaseNumbers(text: string): string[] {
  const found = text.match(/\b\d{4}-\d{5}\b/g) ?? [];
  return [...new Set(found)];
}

export const MAX_TITLE_LENGTH = 80;
export const MAX_PLACE_LENGTH = 200;
export const MAX_NOTES_LENGTH = 2000;
export const MAX_CAPACITY = 100_000;
