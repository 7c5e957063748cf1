// The facts "who hears about a case" is decided on (src/domain/case-recipients.ts): the
// deputies of a case's district and the staff covering it, read without judging them.
import {
  type CaseCircle,
  type DistrictPeople,
  type NewCaseAudience,
  newCaseAudience,
  type Reachable,
} from "../../domain/case-recipients.js";
import { handlerRoles } from "../../domain/roles.js";
import type { Prisma } from "../client.js";
import type { Concern } from "../generated/sqlite/client.js";
import { findDistrictById, pathIds } from "./districts.js";

/** The facts src/domain/case-recipients.ts mayBeTold reads: reachable, and not held back. */
export const reachable = {
  id: true,
  inactiveAt: true,
  role: true,
  staffNoticeAt: true,
  suspendedAt: true,
} as const;

/**
 * The same rule as a query filter, for lists of deputies, staff and admins read without the
 * domain in between (the digest, the bulletin, whom a case may be assigned to): reachable, not
 * suspended, and their notice accepted (src/domain/roles.ts isHeldBack).
 */
export const toldHandlers = { inactiveAt: null, suspendedAt: null, staffNoticeAt: { not: null } } as const;

/**
 * Everyone assigned as a deputy of exactly this district, the staff and admins whose scope is
 * the district or one above it (with how far above: 0 for the district itself), and every
 * administrator; active or not, in id order.
 */
export async function listDistrictPeople(prisma: Prisma, districtId: number): Promise<DistrictPeople> {
  const district = await findDistrictById(prisma, districtId);
  const path = district ? pathIds(district.path) : [];
  const [deputies, staff, admins] = await Promise.all([
    prisma.user.findMany({
      where: { representativeOf: { some: { districtId } } },
      select: reachable,
      orderBy: { id: "asc" },
    }),
    path.length > 0
      ? prisma.user.findMany({
          where: { role: { in: ["staff", "admin"] }, staffDistrictId: { in: path } },
          select: { ...reachable, staffDistrictId: true },
          orderBy: { id: "asc" },
        })
      : [],
    prisma.user.findMany({
      where: { role: "admin", deletedAt: null },
      select: reachable,
      orderBy: { id: "asc" },
    }),
  ]);
  return {
    deputies,
    staff: staff.map(({ staffDistrictId, ...person }) => ({
      ...person,
      distance: path.length - 1 - path.indexOf(staffDistrictId ?? -1),
    })),
    admins,
  };
}

/**
 * Every deputy, staff member or admin who acted on a case (its timeline's actors in those
 * roles) and still holds a handling role, in id order.
 */
export async function loadCaseWorkers(prisma: Prisma, concernId: number): Promise<Reachable[]> {
  return prisma.user.findMany({
    where: {
      role: { in: [...handlerRoles] },
      deletedAt: null,
      events: { some: { concernId, actorRole: { in: ["representative", "staff", "admin"] } } },
    },
    select: reachable,
    orderBy: { id: "asc" },
  });
}

/** A case with the people around its district, its co-signers who have not left, and who worked it. */
export async function loadCaseCircle(
  prisma: Prisma,
  concern: Pick<Concern, "id" | "citizenId" | "assigneeId" | "districtId"> & {
    raisedToStaffAt?: Date | null;
  },
): Promise<CaseCircle> {
  const [people, cosignerIds, workers] = await Promise.all([
    listDistrictPeople(prisma, concern.districtId),
    loadCosignerIds(prisma, concern.id),
    loadCaseWorkers(prisma, concern.id),
  ]);
  return {
    citizenId: concern.citizenId,
    assigneeId: concern.assigneeId,
    raisedToStaff: Boolean(concern.raisedToStaffAt),
    cosignerIds,
    workers,
    ...people,
  };
}

/**
 * The circle of a case its citizen filed in the caller's transaction: its district's people
 * alone, since nobody can have co-signed or worked on it yet (what loadCaseCircle would read,
 * without its two reads that must come back empty).
 */
export async function loadFiledCaseCircle(
  prisma: Prisma,
  concern: Pick<Concern, "citizenId" | "assigneeId" | "districtId">,
): Promise<CaseCircle> {
  return {
    citizenId: concern.citizenId,
    assigneeId: concern.assigneeId,
    raisedToStaff: false,
    cosignerIds: [],
    workers: [],
    ...(await listDistrictPeople(prisma, concern.districtId)),
  };
}

/** The co-signers of a case who hear its updates: not left, account not deleted, by id. */
export async function loadCosignerIds(prisma: Prisma, concernId: number): Promise<number[]> {
  const rows = await prisma.concernParty.findMany({
    where: { concernId, leftAt: null, user: { deletedAt: null, inactiveAt: null } },
    orderBy: { id: "asc" },
    select: { userId: true },
  });
  return rows.map((r) => r.userId);
}

/** Who is told of a new case in this district (src/domain/case-recipients.ts newCaseAudience). */
export async function loadNewCaseAudience(prisma: Prisma, districtId: number): Promise<NewCaseAudience> {
  return newCaseAudience(await listDistrictPeople(prisma, districtId));
}

/** listDistrictPeople, read once per district: for schedule passes over many cases. */
export function createDistrictPeopleLookup(prisma: Prisma): (districtId: number) => Promise<DistrictPeople> {
  const cache = new Map<number, Promise<DistrictPeople>>();
  return (districtId) => {
    let people = cache.get(districtId);
    if (!people) {
      people = listDistrictPeople(prisma, districtId);
      cache.set(districtId, people);
    }
    return people;
  };
}
