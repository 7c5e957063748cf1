// The facts a user's handler scope is decided on (src/domain/access.ts).
import { type HandlerScope, handlerScope } from "../../domain/access.js";
import type { Prisma } from "../client.js";
import { listDistrictSubtreeIds } from "./districts.js";
import type { User } from "./users.js";

/** The user's handler scope (handlerScope), from their staff district's subtree and their deputy assignments. */
export async function loadHandlerScope(
  prisma: Prisma,
  user: Pick<User, "id" | "role" | "staffDistrictId" | "suspendedAt">,
): Promise<HandlerScope> {
  // Only what the rule reads for this role is loaded.
  const [staffSubtree, assignments] = await Promise.all([
    user.role === "staff" && user.staffDistrictId ? listDistrictSubtreeIds(prisma, user.staffDistrictId) : [],
    user.role === "representative" || user.role === "staff"
      ? prisma.representativeAssignment.findMany({ where: { userId: user.id }, select: { districtId: true } })
      : [],
  ]);
  const assignedDistricts = assignments.map((row) => row.districtId);
  return handlerScope({ role: user.role, staffSubtree, assignedDistricts, suspendedAt: user.suspendedAt });
}

export async function scopeDistrictIds(prisma: Prisma, scope: HandlerScope): Promise<number[]> {
  if (scope.kind === "none") return [];
  if (scope.kind === "districts") return [...scope.districtIds];
  const all = await prisma.district.findMany({ select: { id: true } });
  return all.map((d) => d.id);
}
