// Who holds which role, and taking a role away (`admin people`, `admin remove-role`,
// `admin revoke-invite`, src/admin.ts). A removed deputy or staff member is a citizen again
// from their next update (the user middleware reads the role afresh each time); the open
// cases in their hands go to the staff covering each case's district (nobody when there is
// none: the district's deputies and staff then hear of it as of a new case), each handover on
// the case's timeline.
import { mayBeTold } from "../../domain/case-recipients.js";
import { openStatuses } from "../../domain/concern-status.js";
import { personName } from "../../domain/person-name.js";
import type { Database, Prisma } from "../client.js";
import { listDistrictPeople } from "./case-people.js";

export interface PersonWithRole {
  telegramId: bigint;
  name: string;
  role: string;
  /** District codes: a deputy's assignments, a staff member's scope. */
  districts: string[];
  openCases: number;
}

/** Everyone who is not a plain citizen, by role then Telegram id. */
export async function listPeopleWithRoles(prisma: Prisma): Promise<PersonWithRole[]> {
  const users = await prisma.user.findMany({
    where: { role: { not: "citizen" }, deletedAt: null },
    include: { representativeOf: { include: { district: true } }, staffDistrict: true },
    orderBy: [{ role: "asc" }, { telegramId: "asc" }],
  });
  const open = await prisma.concern.groupBy({
    by: ["assigneeId"],
    where: { assigneeId: { in: users.map((u) => u.id) }, status: { in: [...openStatuses] } },
    _count: { _all: true },
  });
  const counts = new Map(open.map((row) => [row.assigneeId, row._count._all]));
  return users.map((u) => ({
    telegramId: u.telegramId,
    name: personName(u),
    role: u.role,
    districts: [
      ...u.representativeOf.map((a) => a.district.code),
      ...(u.staffDistrict ? [u.staffDistrict.code] : []),
    ],
    openCases: counts.get(u.id) ?? 0,
  }));
}

export class UnknownPersonError extends Error {
  constructor(readonly telegramId: bigint) {
    super(`nobody with Telegram id ${telegramId} holds a role`);
    this.name = "UnknownPersonError";
  }
}

/**
 * Makes the person with `telegramId` a citizen again: their deputy assignments and staff
 * scope end, and each open case assigned to them is handed to the first staff member covering
 * its district (or to nobody), with an "assigned" entry on its timeline saying so. Throws
 * UnknownPersonError when nobody with that id holds a role. Resolves to the cases handed over.
 */
export async function removeRole(
  db: Database,
  input: { telegramId: bigint; now: Date },
): Promise<{ former: string; handedOver: number }> {
  const { now } = input;
  const user = await db.prisma.user.findUnique({ where: { telegramId: input.telegramId } });
  if (!user || user.role === "citizen") throw new UnknownPersonError(input.telegramId);
  const cases = await db.prisma.concern.findMany({
    where: { assigneeId: user.id, status: { in: [...openStatuses] } },
    select: { id: true, districtId: true },
  });
  // Decided before the change: who covers each district, leaving out the person removed.
  const heirs = new Map<number, number | null>();
  for (const c of cases) {
    if (heirs.has(c.districtId)) continue;
    const people = await listDistrictPeople(db.prisma, c.districtId);
    const staff = people.staff.find((p) => p.id !== user.id && mayBeTold(p));
    heirs.set(c.districtId, staff?.id ?? null);
  }
  await db.prisma.$transaction(async (tx) => {
    await tx.representativeAssignment.deleteMany({ where: { userId: user.id } });
    await tx.user.update({
      where: { id: user.id },
      data: { role: "citizen", staffDistrictId: null, updatedAt: now },
    });
    for (const c of cases) {
      const heir = heirs.get(c.districtId) ?? null;
      await tx.concern.update({
        where: { id: c.id },
        data: { assigneeId: heir, assignedAt: heir ? now : null, updatedAt: now },
      });
      await tx.concernEvent.create({
        data: {
          concernId: c.id,
          kind: "assigned",
          actorId: heir,
          actorRole: "system",
          text: `handed over: ${personName(user)} (${user.role}) no longer holds the role`,
          internal: true,
          createdAt: now,
        },
      });
    }
  });
  return { former: user.role, handedOver: cases.length };
}

/** Makes an unused invite unusable (its expiry set to now). False when none unused has that token. */
export async function revokeInvite(prisma: Prisma, input: { token: string; now: Date }): Promise<boolean> {
  const { count } = await prisma.invite.updateMany({
    where: { token: input.token, usedAt: null, expiresAt: { gt: input.now } },
    data: { expiresAt: input.now },
  });
  return count === 1;
}
