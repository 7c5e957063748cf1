// The facts "who hears about a case" is decided on (src/domain/case-recipients.ts): the
// deputies of a case's district and the staff covering it, read without judging them.
import type { CaseCircle, DistrictPeople } from "../../domain/case-recipients.js";
import type { Prisma } from "../client.js";
import type { Concern } from "../generated/sqlite/client.js";
import { findDistrictById, pathIds } from "./districts.js";

const reachable = { id: true, inactiveAt: true } as const;

/**
 * Everyone assigned as a deputy of exactly this district, and the staff and admins whose scope
 * is the district or one above it, active or not, in id order.
 */
export async function listDistrictPeople(prisma: Prisma, districtId: number): Promise<DistrictPeople> {
  const district = await findDistrictById(prisma, districtId);
  const [deputies, staff] = await Promise.all([
    prisma.user.findMany({
      where: { representativeOf: { some: { districtId } } },
      select: reachable,
      orderBy: { id: "asc" },
    }),
    district
      ? prisma.user.findMany({
          where: { role: { in: ["staff", "admin"] }, staffDistrictId: { in: pathIds(district.path) } },
          select: reachable,
          orderBy: { id: "asc" },
        })
      : [],
  ]);
  return { deputies, staff };
}

/** A case with the people around its district and its co-signers who have not left. */
export async function loadCaseCircle(
  prisma: Prisma,
  concern: Pick<Concern, "id" | "citizenId" | "assigneeId" | "districtId"> & {
    raisedToStaffAt?: Date | null;
  },
): Promise<CaseCircle> {
  const [people, cosignerIds] = await Promise.all([
    listDistrictPeople(prisma, concern.districtId),
    loadCosignerIds(prisma, concern.id),
  ]);
  return {
    citizenId: concern.citizenId,
    assigneeId: concern.assigneeId,
    raisedToStaff: Boolean(concern.raisedToStaffAt),
    cosignerIds,
    ...people,
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
