// Triage (分诊): a case's priority, and the rules for merging a duplicate into a main case (并案).
import { canHandleDistrict, type HandlerScope } from "./access.js";
import { isOpen } from "./concern-status.js";

/** 一般 | 紧急, stored in Concern.priority as 0 | 1. */
export const priorities = ["normal", "urgent"] as const;
export type Priority = (typeof priorities)[number];

/** The priority of a Concern.priority value: 0 (and anything below) is normal, 1 and above urgent. */
export function priorityOf(column: number): Priority {
  return column >= 1 ? "urgent" : "normal";
}

/** The Concern.priority value of a priority. */
export function priorityColumn(priority: Priority): number {
  return priority === "urgent" ? 1 : 0;
}

/** The facts of a case that merging looks at. */
export interface MergeCase {
  id: number;
  districtId: number;
  status: string;
  mergedIntoId: number | null;
}

/** Why a merge is refused; `code` names the localized message. */
export class MergeRefusedError extends Error {
  override name = "MergeRefusedError";
  constructor(
    readonly code: "same_case" | "not_open" | "main_merged" | "out_of_scope",
    readonly duplicateId: number,
    readonly mainId: number,
  ) {
    super(`cannot merge case ${duplicateId} into case ${mainId}: ${code}`);
  }
}

/**
 * Checks that `duplicate` may join `main` (并案): two different cases, both open, the main one
 * not itself merged, and both in districts the actor handles (a merge across districts is
 * allowed only to someone who covers both). Each merged citizen keeps their own case number,
 * anonymity and rating. Throws MergeRefusedError.
 */
export function checkMerge(duplicate: MergeCase, main: MergeCase, actor: HandlerScope): void {
  const refuse = (code: MergeRefusedError["code"]) => new MergeRefusedError(code, duplicate.id, main.id);
  if (duplicate.id === main.id) throw refuse("same_case");
  if (!canHandleDistrict(actor, duplicate.districtId) || !canHandleDistrict(actor, main.districtId))
    throw refuse("out_of_scope");
  if (!isOpen(duplicate.status) || !isOpen(main.status)) throw refuse("not_open");
  if (main.mergedIntoId !== null) throw refuse("main_merged");
}

/** The triage desk's actions on a case (分诊): besides accept, reply, resolve and decline. */
export const triageActions = ["categorize", "prioritize", "claim", "assign", "merge", "note"] as const;
export type TriageAction = (typeof triageActions)[number];

/** Why a triage action is refused; `code` names the localized message (triage-refused-<code>). */
export class TriageRefusedError extends Error {
  override name = "TriageRefusedError";
  constructor(
    readonly code:
      | "out_of_scope"
      | "staff_only"
      | "not_open"
      | "not_a_deputy"
      | "already_assigned"
      | "assigned_to_other"
      | "unknown_category",
    readonly concernId: number,
  ) {
    super(`triage refused on case ${concernId}: ${code}`);
  }
}

/** Who acts: their role column and handler scope (src/domain/access.ts). */
export interface TriageActor {
  id: number;
  role: string;
  scope: HandlerScope;
}

/**
 * Checks that `actor` may take `action` on a case: the case's district must be within their
 * handler scope (deputies: their districts; staff: their subtree; admins: all); assigning to
 * someone else (and reassigning) is for staff and admins; claiming a case someone else holds
 * is for staff and admins too; everything but a note needs an open case. Notes may be written
 * on a closed case (a handler's memory of it). Throws TriageRefusedError.
 */
export function checkTriage(
  action: TriageAction,
  actor: TriageActor,
  concern: { id: number; districtId: number; status: string; assigneeId: number | null },
): void {
  const refuse = (code: TriageRefusedError["code"]) => new TriageRefusedError(code, concern.id);
  if (!canHandleDistrict(actor.scope, concern.districtId)) throw refuse("out_of_scope");
  const staff = actor.role === "staff" || actor.role === "admin";
  if (action === "assign" && !staff) throw refuse("staff_only");
  if (action !== "note" && !isOpen(concern.status)) throw refuse("not_open");
  if (action === "claim") {
    if (concern.assigneeId === actor.id) throw refuse("already_assigned");
    if (concern.assigneeId !== null && !staff) throw refuse("assigned_to_other");
  }
}

/**
 * Checks the person a case is assigned to: a deputy of exactly the case's district, still
 * reachable, and not already its assignee. Throws TriageRefusedError.
 */
export function checkAssignee(
  concern: { id: number; assigneeId: number | null },
  assignee: { id: number; deputyOfDistrict: boolean; inactive: boolean } | null,
): void {
  if (!assignee?.deputyOfDistrict || assignee.inactive)
    throw new TriageRefusedError("not_a_deputy", concern.id);
  if (assignee.id === concern.assigneeId) throw new TriageRefusedError("already_assigned", concern.id);
}

/** The 三色 colour of a case's due date: red once due, amber within `amberHours`, else green. */
export type DueColour = "green" | "amber" | "red";

/**
 * The colour of an open case due at `dueAt` (the 三色督办 rule of src/domain/reminders.ts:
 * red when the due date has passed, amber within ESCALATION_AMBER_HOURS of it); null when it
 * has no due date or is no longer open.
 */
export function dueColour(
  concern: { status: string; dueAt: Date | null },
  now: Date,
  amberHours: number,
): DueColour | null {
  if (!concern.dueAt || !isOpen(concern.status)) return null;
  if (concern.dueAt <= now) return "red";
  return concern.dueAt.getTime() <= now.getTime() + amberHours * 3_600_000 ? "amber" : "green";
}

/**
 * Whether a rating sends a re-opened case up to the staff covering it instead of back to the
 * same deputy (issue 8): 不满意 after the case was declined, or 不满意 a second time.
 */
export function raisesToStaff(
  history: { wasDeclined: boolean; earlierUnsatisfied: number },
  rating: string,
): boolean {
  return rating === "unsatisfied" && (history.wasDeclined || history.earlierUnsatisfied >= 1);
}
