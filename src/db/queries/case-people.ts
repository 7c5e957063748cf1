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

/** A case with the people around its district. */
export async function loadCaseCircle(
  prisma: Prisma,
  concern: Pick<Concern, "citizenId" | "assigneeId" | "districtId">,
): Promise<CaseCircle> {
  const people = await listDistrictPeople(prisma, concern.districtId);
  return { citizenId: concern.citizenId, assigneeId: concern.assigneeId, ...people };
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
