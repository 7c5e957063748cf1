// Who may handle which case. Checked where each action happens, not only by hiding buttons.

/** The districts a user handles cases for: all (admin), a set, or none (citizens). */
export type HandlerScope =
  | { kind: "all" }
  | { kind: "districts"; districtIds: ReadonlySet<number> }
  | { kind: "none" };

export function canHandleDistrict(scope: HandlerScope, districtId: number): boolean {
  if (scope.kind === "all") return true;
  if (scope.kind === "none") return false;
  return scope.districtIds.has(districtId);
}

export function isHandler(scope: HandlerScope): boolean {
  return scope.kind === "all" || (scope.kind === "districts" && scope.districtIds.size > 0);
}

/** The role a handler acts in on a case's timeline. */
export function handlerRole(role: string): "representative" | "staff" | "admin" {
  return role === "admin" ? "admin" : role === "staff" ? "staff" : "representative";
}
