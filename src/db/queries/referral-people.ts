// The facts about people that referral decisions are made on (src/domain/referral.ts,
// src/domain/referral-recipients.ts): which departments a user answers for, who acts in which
// capacity, and the people around a referral. Read here, judged there.
import type { HandlerScope } from "../../domain/access.js";
import type { ReferralActor } from "../../domain/referral.js";
import type { RankedStaff, ReferralCircle } from "../../domain/referral-recipients.js";
import { isSuspended } from "../../domain/roles.js";
import type { Prisma } from "../client.js";
import { loadHandlerScope } from "./access.js";
import { reachable } from "./case-people.js";
import { findDistrictById, pathIds } from "./districts.js";
import type { User } from "./users.js";

/** The departments a user is a current contact of (DepartmentContact rows not removed). */
export async function loadDepartmentIds(prisma: Prisma, userId: number): Promise<Set<number>> {
  const rows = await prisma.departmentContact.findMany({
    where: { userId, removedAt: null },
    select: { departmentId: true },
  });
  return new Set(rows.map((r) => r.departmentId));
}

/** The capacities a referral action can be taken in. */
export type ReferralCapacity = "department" | "staff" | "representative";

/**
 * The user as the domain's ReferralActor in one capacity: a department contact (their
 * departments), staff (only staff and admins: their handler scope) or a deputy (the districts
 * they are assigned to). A capacity the user does not hold yields an actor with an empty
 * scope, so that the domain refuses the action (ReferralForbiddenError); so does a suspension.
 */
export async function loadReferralActor(
  prisma: Prisma,
  user: Pick<User, "id" | "role" | "staffDistrictId" | "suspendedAt">,
  capacity: ReferralCapacity,
): Promise<ReferralActor> {
  switch (capacity) {
    case "department":
      return { kind: "department", userId: user.id, departmentIds: await loadDepartmentIds(prisma, user.id) };
    case "staff": {
      const scope: HandlerScope =
        user.role === "staff" || user.role === "admin"
          ? await loadHandlerScope(prisma, user)
          : { kind: "none" };
      return { kind: "staff", userId: user.id, scope };
    }
    case "representative": {
      // A suspended deputy serves no district until resumed (src/domain/roles.ts isSuspended).
      if (isSuspended(user)) return { kind: "representative", userId: user.id, districtIds: new Set() };
      const rows = await prisma.representativeAssignment.findMany({
        where: { userId: user.id },
        select: { districtId: true },
      });
      return { kind: "representative", userId: user.id, districtIds: new Set(rows.map((r) => r.districtId)) };
    }
  }
}

/** The staff and admins covering a district, each with the depth of their own district. */
export async function listRankedStaff(prisma: Prisma, districtId: number): Promise<RankedStaff[]> {
  const district = await findDistrictById(prisma, districtId);
  if (!district) return [];
  const rows = await prisma.user.findMany({
    where: { role: { in: ["staff", "admin"] }, staffDistrictId: { in: pathIds(district.path) } },
    select: { ...reachable, staffDistrict: { select: { path: true } } },
    orderBy: { id: "asc" },
  });
  return rows.map(({ staffDistrict, ...person }) => ({
    ...person,
    depth: staffDistrict ? pathIds(staffDistrict.path).length : 0,
  }));
}

/** Everyone a referral's messages can go to (src/domain/referral-recipients.ts). */
export async function loadReferralCircle(
  prisma: Prisma,
  facts: { citizenId: number; assigneeId: number | null; districtId: number; departmentId: number },
): Promise<ReferralCircle> {
  const [contacts, deputies, staff] = await Promise.all([
    prisma.user.findMany({
      where: { departmentContacts: { some: { departmentId: facts.departmentId, removedAt: null } } },
      select: reachable,
      orderBy: { id: "asc" },
    }),
    prisma.user.findMany({
      where: { representativeOf: { some: { districtId: facts.districtId } } },
      select: reachable,
      orderBy: { id: "asc" },
    }),
    listRankedStaff(prisma, facts.districtId),
  ]);
  return { citizenId: facts.citizenId, assigneeId: facts.assigneeId, contacts, deputies, staff };
}
