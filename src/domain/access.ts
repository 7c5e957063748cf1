// Who may handle which case. Checked where each action happens, not only by hiding buttons.
import { isSuspended } from "./roles.js";

/** The districts a user handles cases for: all (admin), a set, or none (citizens). */
export type HandlerScope =
  | { kind: "all" }
  | { kind: "districts"; districtIds: ReadonlySet<number> }
  | { kind: "none" };

/**
 * The districts someone handles cases for: an admin all of them; a staff member their
 * district's subtree; a deputy (or staff member also serving as one) the districts they are
 * assigned to; anyone else none. `staffSubtree` is the staff district and everything below
 * it (empty when they have none); `assignedDistricts` their deputy assignments. A suspended
 * deputy or staff member handles none.
 */
export function handlerScope(facts: {
  role: string;
  staffSubtree: readonly number[];
  assignedDistricts: readonly number[];
  /** When an administrator suspended them (src/domain/roles.ts isSuspended): then none, whatever the role. */
  suspendedAt?: Date | null;
}): HandlerScope {
  if (isSuspended({ role: facts.role, suspendedAt: facts.suspendedAt ?? null })) return { kind: "none" };
  if (facts.role === "admin") return { kind: "all" };
  const ids = new Set<number>();
  if (facts.role === "staff") for (const id of facts.staffSubtree) ids.add(id);
  if (facts.role === "representative" || facts.role === "staff")
    for (const id of facts.assignedDistricts) ids.add(id);
  return ids.size > 0 ? { kind: "districts", districtIds: ids } : { kind: "none" };
}

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
