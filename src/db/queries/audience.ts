// The people an audience stands for, as one query. Opted-out, inactive (blocked the bot)
// and banned users are never in an audience.
import type { Audience } from "../../domain/audience.js";
import type { Prisma } from "../client.js";
import type { Prisma as PrismaTypes } from "../generated/sqlite/client.js";
import { districtAncestors, listDistrictSubtreeIds } from "./districts.js";

type UserWhere = PrismaTypes.UserWhereInput;

const reachable: UserWhere = {
  inactiveAt: null,
  bannedAt: null,
  noticesOptOutAt: null,
  consentedAt: { not: null },
};

/**
 * District audiences cover the district and everything below it. Its subscribers are those
 * subscribed to a district inside it, or to one that contains it (a county's subscribers
 * hear about each of its villages).
 */
export async function audienceWhere(
  prisma: Prisma,
  audience: Audience,
  districtId: number | null,
): Promise<UserWhere> {
  const subtree = districtId === null ? null : await listDistrictSubtreeIds(prisma, districtId);
  switch (audience) {
    case "all_citizens":
      return { ...reachable, role: "citizen" };
    case "district_citizens":
      return { ...reachable, role: "citizen", districtId: { in: subtree ?? [] } };
    case "district_subscribers": {
      const above = districtId === null ? [] : (await districtAncestors(prisma, districtId)).map((d) => d.id);
      return {
        ...reachable,
        subscriptions: { some: { active: true, districtId: { in: [...(subtree ?? []), ...above] } } },
      };
    }
    case "representatives":
      return {
        ...reachable,
        representativeOf: subtree ? { some: { districtId: { in: subtree } } } : { some: {} },
      };
    case "staff":
      return {
        ...reachable,
        role: { in: ["staff", "admin"] },
        ...(subtree ? { staffDistrictId: { in: subtree } } : {}),
      };
  }
}

export async function countAudience(
  prisma: Prisma,
  audience: Audience,
  districtId: number | null,
): Promise<number> {
  return prisma.user.count({ where: await audienceWhere(prisma, audience, districtId) });
}

/** The audience's user ids after `afterId`, in id order: walked in batches. */
export async function listAudienceBatch(
  prisma: Prisma,
  where: UserWhere,
  afterId: number,
  take: number,
): Promise<number[]> {
  const rows = await prisma.user.findMany({
    where: { ...where, id: { gt: afterId } },
    select: { id: true },
    orderBy: { id: "asc" },
    take,
  });
  return rows.map((r) => r.id);
}
