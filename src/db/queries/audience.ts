// The people an audience stands for (src/domain/audience.ts), as one query. Opted-out,
// inactive (blocked the bot), banned and unconsented users are never in an audience.
import { type Audience, audienceRule } from "../../domain/audience.js";
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

/** The audience's rule (src/domain/audience.ts) as a query over users. */
export async function audienceWhere(
  prisma: Prisma,
  audience: Audience,
  districtId: number | null,
): Promise<UserWhere> {
  const rule = audienceRule(audience, districtId);
  // A district audience without a district narrows to nothing.
  const subtree = districtId === null ? [] : await listDistrictSubtreeIds(prisma, districtId);
  const inside = rule.districts === "everywhere" ? undefined : { in: subtree };
  switch (rule.members) {
    case "citizens":
      return { ...reachable, role: "citizen", ...(inside ? { districtId: inside } : {}) };
    case "subscribers": {
      const above = districtId === null ? [] : (await districtAncestors(prisma, districtId)).map((d) => d.id);
      return {
        ...reachable,
        subscriptions: { some: { active: true, districtId: { in: [...subtree, ...above] } } },
      };
    }
    case "deputies":
      return { ...reachable, representativeOf: inside ? { some: { districtId: inside } } : { some: {} } };
    case "staff":
      return {
        ...reachable,
        role: { in: ["staff", "admin"] },
        ...(inside ? { staffDistrictId: inside } : {}),
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
