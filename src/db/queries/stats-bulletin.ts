// Who receives the monthly bulletin (通报): every active staff member with a district scope.
import type { Prisma } from "../client.js";

/** Active staff with a scope, by id. */
export function listBulletinRecipients(prisma: Prisma) {
  return prisma.user.findMany({
    where: { role: "staff", staffDistrictId: { not: null }, inactiveAt: null, bannedAt: null },
    orderBy: { id: "asc" },
    select: { id: true },
  });
}
