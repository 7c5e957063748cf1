// Co-signers ("me too", 联名): other citizens who have the same problem as an open case.
// The filer stays Concern.citizenId; a co-signer is a ConcernParty row.
import { canRate, isOpen, type Rating } from "../../domain/concern-status.js";
import type { Prisma } from "../client.js";
import type { ConcernParty } from "../generated/sqlite/client.js";
import { AlreadyRatedError, CaseClosedError, ConcernNotFoundError } from "./concerns.js";

export type { ConcernParty };
export { CaseClosedError, ConcernNotFoundError };

/** The filer of a case cannot co-sign it. */
export class OwnConcernError extends Error {
  constructor(
    readonly concernId: number,
    readonly userId: number,
  ) {
    super(`user ${userId} filed case ${concernId} and cannot co-sign it`);
    this.name = "OwnConcernError";
  }
}

/** Prisma's "unique constraint failed" (P2002), whichever adapter raised it. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * Adds `userId` as a co-signer of an open case; idempotent: a second call (a repeated tap or
 * update, also concurrently) returns the same row with `added: false`, and one who had left is
 * a party again (`added: true`). Throws ConcernNotFoundError, CaseClosedError (not open),
 * OwnConcernError (the filer).
 */
export async function addCosigner(
  prisma: Prisma,
  input: { concernId: number; userId: number; now: Date },
): Promise<{ party: ConcernParty; added: boolean }> {
  const concern = await prisma.concern.findUnique({
    where: { id: input.concernId },
    select: { id: true, status: true, citizenId: true },
  });
  if (!concern) throw new ConcernNotFoundError(input.concernId);
  if (concern.citizenId === input.userId) throw new OwnConcernError(concern.id, input.userId);
  if (!isOpen(concern.status)) throw new CaseClosedError(concern.id, concern.status);
  const key = { concernId: concern.id, userId: input.userId };
  if (!(await prisma.concernParty.findUnique({ where: { concernId_userId: key } }))) {
    try {
      const party = await prisma.concernParty.create({
        data: { ...key, role: "cosigner", createdAt: input.now },
      });
      return { party, added: true };
    } catch (error) {
      // Of two concurrent first taps the unique (concernId, userId) lets one insert.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  // The conditional update is the claim: of two concurrent re-joins only one matches.
  const { count } = await prisma.concernParty.updateMany({
    where: { ...key, leftAt: { not: null } },
    data: { leftAt: null },
  });
  const party = await prisma.concernParty.findUniqueOrThrow({ where: { concernId_userId: key } });
  return { party, added: count === 1 };
}

/** A co-signer leaves a case: no longer told about it, still counted. Returns false if not a party. */
export async function removeCosigner(
  prisma: Prisma,
  input: { concernId: number; userId: number; now: Date },
): Promise<boolean> {
  const { count } = await prisma.concernParty.updateMany({
    where: { concernId: input.concernId, userId: input.userId, leftAt: null },
    data: { leftAt: input.now },
  });
  return count === 1;
}

/**
 * The parties of a case: the filer first (role "filer"), then the co-signers in the order
 * they joined, with whether they are still parties. Throws ConcernNotFoundError.
 */
export async function listConcernParties(prisma: Prisma, concernId: number) {
  const concern = await prisma.concern.findUnique({
    where: { id: concernId },
    select: { citizenId: true, createdAt: true, parties: { orderBy: { id: "asc" } } },
  });
  if (!concern) throw new ConcernNotFoundError(concernId);
  return [
    { userId: concern.citizenId, role: "filer" as const, since: concern.createdAt, active: true },
    ...concern.parties.map((p) => ({
      userId: p.userId,
      role: "cosigner" as const,
      since: p.createdAt,
      active: p.leftAt === null,
    })),
  ];
}

/** Who hears a case's updates besides the filer: its co-signers who have not left, by user id. */
export async function listActiveCosignerIds(prisma: Prisma, concernId: number): Promise<number[]> {
  const rows = await prisma.concernParty.findMany({
    where: { concernId, leftAt: null, user: { deletedAt: null } },
    orderBy: { id: "asc" },
    select: { userId: true },
  });
  return rows.map((r) => r.userId);
}

/** The number of co-signers (all who ever joined: they are counted) of each case, by case id. */
export async function countCosigners(prisma: Prisma, concernIds: number[]): Promise<Map<number, number>> {
  const groups = await prisma.concernParty.groupBy({
    by: ["concernId"],
    where: { concernId: { in: concernIds } },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g.concernId, g._count._all]));
}

/** The co-signature of `userId` on a case, whether or not they left; null when none. */
export function findCosignature(prisma: Prisma, concernId: number, userId: number) {
  return prisma.concernParty.findUnique({ where: { concernId_userId: { concernId, userId } } });
}

/**
 * A co-signer's own rating of a case's outcome, kept on their ConcernParty row: it is counted
 * with the case but, unlike the filer's, never reopens it. Once per co-signer and outcome (a
 * reopened and again closed case may be rated again). Throws ConcernNotFoundError (no such
 * case, or not a co-signer of it) and AlreadyRatedError (not ratable now, or rated already).
 */
export async function rateAsCosigner(
  prisma: Prisma,
  input: { concernId: number; userId: number; rating: Rating; now: Date },
): Promise<{ concern: { id: number; caseNo: string } }> {
  const concern = await prisma.concern.findUnique({ where: { id: input.concernId } });
  const party = concern ? await findCosignature(prisma, concern.id, input.userId) : null;
  if (!concern || !party) throw new ConcernNotFoundError(input.concernId);
  const ratedThisOutcome =
    party.ratedAt !== null && concern.closedAt !== null && party.ratedAt >= concern.closedAt;
  if (!canRate(concern.status, null) || ratedThisOutcome) throw new AlreadyRatedError(concern.id);
  // The conditional update is the claim: of two concurrent taps only one matches.
  const { count } = await prisma.concernParty.updateMany({
    where: { id: party.id, ratedAt: party.ratedAt },
    data: { rating: input.rating, ratedAt: input.now },
  });
  if (count !== 1) throw new AlreadyRatedError(concern.id);
  return { concern };
}
