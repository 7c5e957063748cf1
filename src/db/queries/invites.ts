// Single-use, expiring invites that make an account a representative, a staff member or a
// contact of a department (职能部门联系人, who answers the referrals of that department).
import { randomBytes } from "node:crypto";
import { higherRole, isRole, type Role } from "../../domain/roles.js";
import type { Prisma } from "../client.js";
import type { Department, District, Prisma as PrismaNamespace } from "../generated/sqlite/client.js";
import { actorColumns, auditLabel, recordAccessAudit } from "./access-audit.js";
import { UnknownDistrictError } from "./districts.js";

export { UnknownDistrictError };

type Tx = PrismaNamespace.TransactionClient;

export const inviteRoles = ["representative", "staff", "department"] as const;
export type InviteRole = (typeof inviteRoles)[number];

export class UnknownStationError extends Error {
  constructor(readonly code: string) {
    super(`unknown liaison station code "${code}"`);
    this.name = "UnknownStationError";
  }
}

/** A department code that is not in the database. */
export class UnknownDepartmentError extends Error {
  constructor(readonly code: string) {
    super(`unknown department code "${code}"`);
    this.name = "UnknownDepartmentError";
  }
}

export interface CreateInviteInput {
  role: InviteRole;
  /** The district (representative, staff) or, for role "department", the department's code. */
  districtCode: string;
  /** For a representative: the station they are grouped into; else the district's first one. */
  stationCode?: string;
  createdById?: number;
  ttlHours: number;
  now: Date;
}

export type RedeemResult =
  | { ok: true; role: "representative" | "staff"; district: District }
  | { ok: true; role: "department"; department: Department }
  | { ok: false; reason: "not_found" | "used" | "expired" };

/** 18 random bytes are exactly 24 base64url characters, all valid in a /start payload. */
function newToken(): string {
  return randomBytes(18).toString("base64url");
}

/** What an invite is for: a district (representative, staff) or a department. */
export type InviteTarget =
  | { district: District; department?: undefined }
  | { department: Department; district?: undefined };

/**
 * Creates a single-use invite expiring after `ttlHours`. Throws UnknownDistrictError,
 * UnknownStationError, or for role "department" UnknownDepartmentError (the code is then the
 * department's).
 */
export async function createInvite(
  prisma: Prisma,
  input: CreateInviteInput,
): Promise<{ token: string; expiresAt: Date } & InviteTarget> {
  if (input.role === "department") {
    const department = await prisma.department.findUnique({ where: { code: input.districtCode } });
    if (!department) throw new UnknownDepartmentError(input.districtCode);
    const token = newToken();
    const expiresAt = new Date(input.now.getTime() + input.ttlHours * 3_600_000);
    await prisma.invite.create({
      data: {
        token,
        role: "department",
        departmentId: department.id,
        createdById: input.createdById ?? null,
        expiresAt,
        createdAt: input.now,
      },
    });
    return { token, expiresAt, department };
  }
  const district = await prisma.district.findUnique({ where: { code: input.districtCode } });
  if (!district) throw new UnknownDistrictError(input.districtCode);
  let stationId: number | null = null;
  if (input.stationCode !== undefined) {
    const station = await prisma.liaisonStation.findUnique({ where: { code: input.stationCode } });
    if (!station) throw new UnknownStationError(input.stationCode);
    stationId = station.id;
  }
  const token = newToken();
  const expiresAt = new Date(input.now.getTime() + input.ttlHours * 3_600_000);
  await prisma.invite.create({
    data: {
      token,
      role: input.role,
      districtId: district.id,
      stationId,
      createdById: input.createdById ?? null,
      expiresAt,
      createdAt: input.now,
    },
  });
  return { token, expiresAt, district, department: undefined };
}

export function inviteLink(botUsername: string, token: string): string {
  return `https://t.me/${botUsername}?start=inv_${token}`;
}

function isInviteRole(x: string): x is InviteRole {
  return (inviteRoles as readonly string[]).includes(x);
}

async function grantRole(tx: Tx, userId: number, role: Role, now: Date, staffDistrictId?: number) {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } });
  const current: Role = isRole(user.role) ? user.role : "citizen";
  await tx.user.update({
    where: { id: userId },
    data: {
      role: higherRole(current, role),
      ...(staffDistrictId === undefined ? {} : { staffDistrictId }),
      updatedAt: now,
    },
  });
}

/**
 * Redeems an invite for a user, once: a representative is assigned to the district, staff get
 * its subtree as their scope, a department contact is added to the department; the grant is
 * recorded in the access audit. Never demotes.
 */
export function redeemInvite(
  prisma: Prisma,
  { token, userId, now }: { token: string; userId: number; now: Date },
): Promise<RedeemResult> {
  return prisma.$transaction(async (tx): Promise<RedeemResult> => {
    // The conditional update is the claim: of two concurrent redemptions only one matches.
    const claim = await tx.invite.updateMany({
      where: { token, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now, usedById: userId },
    });
    if (claim.count !== 1) {
      const invite = await tx.invite.findUnique({ where: { token }, select: { usedAt: true } });
      if (!invite) return { ok: false, reason: "not_found" };
      return { ok: false, reason: invite.usedAt ? "used" : "expired" };
    }
    const invite = await tx.invite.findUniqueOrThrow({
      where: { token },
      include: { district: true, department: true, createdBy: true },
    });
    // The grant in the access audit: whoever made the invite (the command line when nobody in the bot).
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    await recordAccessAudit(tx, {
      action: "grant",
      actor: invite.createdBy
        ? actorColumns({ kind: "user", user: invite.createdBy })
        : { actorId: null, actorLabel: "cli" },
      subject: { id: userId, label: auditLabel(user) },
      role: invite.role,
      detail: { codes: invite.district?.code ?? invite.department?.code ?? "", inviteId: invite.id },
      now,
    });
    if (!isInviteRole(invite.role))
      throw new Error(`invite ${invite.id} has an unknown role "${invite.role}"`);
    if (invite.role === "department") {
      const department = invite.department;
      if (!department) throw new Error(`invite ${invite.id} (department) has no department`);
      await tx.departmentContact.upsert({
        where: { departmentId_userId: { departmentId: department.id, userId } },
        create: { departmentId: department.id, userId, createdAt: now },
        update: { removedAt: null },
      });
      await grantRole(tx, userId, "department", now);
      return { ok: true, role: "department", department };
    }
    const district = invite.district;
    if (!district) throw new Error(`invite ${invite.id} (${invite.role}) has no district`);

    if (invite.role === "representative") {
      const station = invite.stationId
        ? { id: invite.stationId }
        : await tx.liaisonStation.findFirst({
            where: { districtId: district.id },
            orderBy: { id: "asc" },
            select: { id: true },
          });
      await tx.representativeAssignment.upsert({
        where: { userId_districtId: { userId, districtId: district.id } },
        create: { userId, districtId: district.id, stationId: station?.id ?? null, createdAt: now },
        update: {},
      });
      await grantRole(tx, userId, "representative", now);
    } else {
      await grantRole(tx, userId, "staff", now, district.id);
    }
    return { ok: true, role: invite.role, district };
  });
}
