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
