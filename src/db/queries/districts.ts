// Reading the district tree. Every district keeps a materialised path of ids ("/1/4/9/"),
// so that subtrees and ancestors are found without walking the tree row by row.
import type { Prisma } from "../client.js";
import type { District, User } from "../generated/sqlite/client.js";

/** The ids in a materialised path, root first. */
export function pathIds(path: string): number[] {
  return path
    .split("/")
    .filter(Boolean)
    .map((part) => Number(part));
}

export function findDistrictByCode(prisma: Prisma, code: string): Promise<District | null> {
  return prisma.district.findUnique({ where: { code } });
}

export function findDistrictById(prisma: Prisma, id: number): Promise<District | null> {
  return prisma.district.findUnique({ where: { id } });
}

export function listChildDistricts(prisma: Prisma, parentId: number | null): Promise<District[]> {
  return prisma.district.findMany({ where: { parentId }, orderBy: { code: "asc" } });
}

/** The district itself and every district below it; empty when it does not exist. */
export async function listDistrictSubtreeIds(prisma: Prisma, districtId: number): Promise<number[]> {
  const district = await findDistrictById(prisma, districtId);
  if (!district) return [];
  const rows = await prisma.district.findMany({
    where: { path: { startsWith: district.path } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => row.id);
}

/** True when the district is the scope district or lies below it. */
export async function isDistrictWithin(
  prisma: Prisma,
  districtId: number,
  scopeDistrictId: number,
): Promise<boolean> {
  const district = await findDistrictById(prisma, districtId);
  return district !== null && pathIds(district.path).includes(scopeDistrictId);
}

/** The district's ancestors, root first, without the district itself. */
export async function districtAncestors(prisma: Prisma, districtId: number): Promise<District[]> {
  const district = await findDistrictById(prisma, districtId);
  if (!district) return [];
  const ids = pathIds(district.path).filter((id) => id !== districtId);
  const rows = await prisma.district.findMany({ where: { id: { in: ids } } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Active users assigned as representatives of exactly this district, none suspended. */
export function listRepresentativesOfDistrict(prisma: Prisma, districtId: number): Promise<User[]> {
  return prisma.user.findMany({
    where: { inactiveAt: null, suspendedAt: null, representativeOf: { some: { districtId } } },
    orderBy: { id: "asc" },
  });
}

/** Staff and admins whose scope is this district or one of its ancestors. */
export async function listStaffCovering(prisma: Prisma, districtId: number): Promise<User[]> {
  const district = await findDistrictById(prisma, districtId);
  if (!district) return [];
  return prisma.user.findMany({
    where: { role: { in: ["staff", "admin"] }, staffDistrictId: { in: pathIds(district.path) } },
    orderBy: { id: "asc" },
  });
}

export class UnknownDistrictError extends Error {
  constructor(readonly code: string) {
    super(`unknown district code "${code}"`);
    this.name = "UnknownDistrictError";
  }
}
