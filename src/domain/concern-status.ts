// The life of a case (see docs: 待受理 → 办理中 → 已转办 → 已办结 …), as pure rules.

export const concernStatuses = [
  "new", // 待受理
  "accepted", // 办理中
  "referred", // 已转办
  "resolved", // 已办结(已解决)
  "unresolved", // 已办结(未解决)
  "declined", // 不予处理 / 不属于职责范围
  "merged", // 已合并
  "reopened", // 重新办理
  "held", // 待审核: held for moderation review, not yet sent to the deputies
  "withdrawn", // 已撤回: withdrawn by the citizen, or closed when they deleted their account
] as const;
export type ConcernStatus = (typeof concernStatuses)[number];

export const openStatuses: readonly ConcernStatus[] = ["new", "accepted", "referred", "reopened"];
/** Cases an assignee still has in hand: taken on (or reopened) and not referred or closed. */
export const inHandStatuses: readonly ConcernStatus[] = ["accepted", "reopened"];
/** Outcomes the citizen is asked to rate. */
export const ratableStatuses: readonly ConcernStatus[] = ["resolved", "unresolved", "declined"];

export const concernActions = [
  "accept",
  "refer",
  "resolve",
  "close_unresolved",
  "decline",
  "merge",
  "reopen",
  "release",
  "withdraw",
] as const;
export type ConcernAction = (typeof concernActions)[number];

const transitions: Record<ConcernAction, { from: readonly ConcernStatus[]; to: ConcernStatus }> = {
  accept: { from: ["new", "reopened"], to: "accepted" },
  refer: { from: ["accepted", "reopened"], to: "referred" },
  resolve: { from: ["new", "accepted", "referred", "reopened"], to: "resolved" },
  close_unresolved: { from: ["accepted", "referred", "reopened"], to: "unresolved" },
  decline: { from: ["new", "accepted", "reopened", "held"], to: "declined" },
  merge: { from: ["new", "accepted", "reopened"], to: "merged" },
  reopen: { from: ["resolved", "unresolved", "declined"], to: "reopened" },
  release: { from: ["held"], to: "new" },
  withdraw: { from: ["new", "accepted", "referred", "reopened", "held"], to: "withdrawn" },
};

export class InvalidTransitionError extends Error {
  constructor(
    readonly from: string,
    readonly action: ConcernAction,
  ) {
    super(`cannot ${action} a case that is ${from}`);
    this.name = "InvalidTransitionError";
  }
}

export function isConcernStatus(value: string): value is ConcernStatus {
  return (concernStatuses as readonly string[]).includes(value);
}

export function isOpen(status: string): boolean {
  return (openStatuses as readonly string[]).includes(status);
}

export function canApply(status: string, action: ConcernAction): boolean {
  return (transitions[action].from as readonly string[]).includes(status);
}

/** The status after `action`, or InvalidTransitionError. */
export function nextStatus(status: string, action: ConcernAction): ConcernStatus {
  if (!canApply(status, action)) throw new InvalidTransitionError(status, action);
  return transitions[action].to;
}

/** Resolving or declining closes a case: its outcome is kept and a fresh rating asked for. */
export function closesCase(action: ConcernAction): boolean {
  return action === "resolve" || action === "decline" || action === "close_unresolved";
}

/** Whoever acts on a case nobody has taken on becomes its assignee; an assignee stays. */
export function assigneeAfterAction(currentAssigneeId: number | null, actorId: number): number {
  return currentAssigneeId ?? actorId;
}

/**
 * A deputy or staff member who answers a new case has taken it on: the status it moves to
 * ("accepted"), or undefined when a message changes nothing (the citizen's, or a case
 * already taken on).
 */
export function statusAfterMessage(status: string, from: "citizen" | "handler"): ConcernStatus | undefined {
  return from === "handler" && status === "new" ? "accepted" : undefined;
}

/** Messages (replies) may go both ways only while a case is open. */
export function canExchangeMessages(status: string): boolean {
  return isOpen(status);
}

export const ratings = ["satisfied", "basically_satisfied", "unsatisfied"] as const;
export type Rating = (typeof ratings)[number];

export function canRate(status: string, currentRating: string | null): boolean {
  return (ratableStatuses as readonly string[]).includes(status) && currentRating === null;
}

/** 不满意 re-opens the case (重新办理); the other ratings close the loop. */
export function reopensOnRating(rating: Rating): boolean {
  return rating === "unsatisfied";
}

/** Days after a case was closed during which its citizen may reopen it themselves (issue 11). */
export const CITIZEN_REOPEN_DAYS = 30;

/**
 * Whether the citizen may reopen their case now: "ok" for a closed outcome (resolved,
 * unresolved, declined) closed at most CITIZEN_REOPEN_DAYS ago; "too_late" after that (they
 * raise a new concern instead); "not_closed" for anything else (open, withdrawn, merged).
 */
export function citizenReopenCheck(
  concern: { status: string; closedAt: Date | null },
  now: Date,
): "ok" | "too_late" | "not_closed" {
  if (!canApply(concern.status, "reopen") || !concern.closedAt) return "not_closed";
  const age = now.getTime() - concern.closedAt.getTime();
  return age <= CITIZEN_REOPEN_DAYS * 86_400_000 ? "ok" : "too_late";
}
