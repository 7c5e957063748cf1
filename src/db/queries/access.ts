import type { HandlerScope } from "../../domain/access.js";
import type { Prisma } from "../client.js";
import { listDistrictSubtreeIds } from "./districts.js";
import type { User } from "./users.js";

/** A deputy handles their assigned districts; staff their district's subtree; admins all. */
export async function loadHandlerScope(
  prisma: Prisma,
  user: Pick<User, "id" | "role" | "staffDistrictId">,
): Promise<HandlerScope> {
  if (user.role === "admin") return { kind: "all" };
  const ids = new Set<number>();
  if (user.role === "staff" && user.staffDistrictId) {
    for (const id of await listDistrictSubtreeIds(prisma, user.staffDistrictId)) ids.add(id);
  }
  if (user.role === "representative" || user.role === "staff") {
    const rows = await prisma.representativeAssignment.findMany({
      where: { userId: user.id },
      select: { districtId: true },
    });
    for (const row of rows) ids.add(row.districtId);
  }
  return ids.size > 0 ? { kind: "districts", districtIds: ids } : { kind: "none" };
}

export async function scopeDistrictIds(prisma: Prisma, scope: HandlerScope): Promise<number[]> {
  if (scope.kind === "none") return [];
  if (scope.kind === "districts") return [...scope.districtIds];
  const all = await prisma.district.findMany({ select: { id: true } });
  return all.map((d) => d.id);
}
