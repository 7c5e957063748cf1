// Cases entered by staff on someone's behalf (walk-in, phone, letter, reception day) and their
// claim by the person's Telegram account. Until it is claimed, the staff member who entered
// the case stands in as its citizen (Concern.citizenId): the outcome and the deputies' replies
// reach them, to pass on by phone or letter. The rules of the claim code are in
// src/domain/case-intake.ts.
import {
  claimExpiry,
  hashClaimCode,
  type IntakeSource,
  intakeContact,
  isIntakeSource,
  newClaimCode,
  parseClaimCode,
  UnknownIntakeSourceError,
} from "../../domain/case-intake.js";
import type { Database, Prisma } from "../client.js";
import type { CaseIntake, Concern } from "../generated/sqlite/client.js";
import { type AttachmentInput, insertConcern } from "./concerns.js";

export type { CaseIntake };

/** What the person typed is no claim code at all (wrong length or characters). */
export class ClaimCodeInvalidError extends Error {
  constructor() {
    super("not a claim code");
    this.name = "ClaimCodeInvalidError";
  }
}

export class ClaimCodeNotFoundError extends Error {
  constructor() {
    super("no case has this claim code");
    this.name = "ClaimCodeNotFoundError";
  }
}

export class ClaimCodeExpiredError extends Error {
  constructor(
    readonly intakeId: number,
    readonly expiredAt: Date,
  ) {
    super(`the claim code of intake ${intakeId} expired at ${expiredAt.toISOString()}`);
    this.name = "ClaimCodeExpiredError";
  }
}

/** The code was used already: by this user (`byYou`) or by someone else. */
export class ClaimCodeUsedError extends Error {
  constructor(
    readonly intakeId: number,
    readonly concernId: number,
    readonly byYou: boolean,
  ) {
    super(`the claim code of intake ${intakeId} was used already${byYou ? " by this user" : ""}`);
    this.name = "ClaimCodeUsedError";
  }
}

/** The staff member who entered a case cannot claim it as its citizen. */
export class WrongClaimantError extends Error {
  constructor(
    readonly intakeId: number,
    readonly userId: number,
  ) {
    super(`user ${userId} entered intake ${intakeId} and cannot claim it`);
    this.name = "WrongClaimantError";
  }
}

export interface CreateIntakeCaseInput {
  /** The staff member (or admin, deputy) entering it. */
  enteredBy: { id: number; role: "staff" | "representative" | "admin" };
  source: IntakeSource | string;
  /** The activity (reception day, visit) it was raised at. */
  activityId?: number | null;
  districtId: number;
  categoryId: number | null;
  description: string;
  attachments?: AttachmentInput[];
  /** The person's name and phone, kept only if they agree. */
  contact: { name?: string; phone?: string; consented: boolean };
  /** Idempotency key of the staff member's act. */
  sourceKey: string;
  now: Date;
  timeZone: string;
  dueDays: number;
  claimTtlDays?: number;
  random?: (n: number) => Uint8Array;
}

/**
 * Creates a staff-entered case with its number, timeline ("created" by the staff member),
 * the deputies' notifications and its intake record with a fresh claim code, in one
 * transaction (through insertConcern). Returns the claim code in plain text: it is stored only
 * hashed, so this is the one time it can be shown. A repeated call with the same sourceKey
 * creates nothing and, while the case is unclaimed, issues a new code (the earlier one, maybe
 * never shown, stops working). Throws UnknownIntakeSourceError, ContactWithoutConsentError,
 * InvalidPhoneError.
 */
export function createIntakeCase(
  db: Database,
  input: CreateIntakeCaseInput,
): Promise<{ concern: Concern; intake: CaseIntake; claimCode: string | null; created: boolean }> {
  if (!isIntakeSource(input.source)) throw new UnknownIntakeSourceError(input.source);
  const source = input.source;
  const { now } = input;
  const contact = intakeContact(input.contact, now);
  const claimCode = newClaimCode(input.random);
  const claim = {
    claimCodeHash: hashClaimCode(claimCode),
    claimExpiresAt: claimExpiry(now, input.claimTtlDays),
  };
  return db.prisma.$transaction(async (tx) => {
    const { concern, created } = await insertConcern(tx, db, {
      citizenId: input.enteredBy.id,
      districtId: input.districtId,
      categoryId: input.categoryId,
      description: input.description,
      anonymous: false,
      attachments: input.attachments ?? [],
      sourceKey: input.sourceKey,
      now,
      timeZone: input.timeZone,
      dueDays: input.dueDays,
      enteredBy: input.enteredBy,
    });
    if (!created) {
      const intake = await tx.caseIntake.findUniqueOrThrow({ where: { concernId: concern.id } });
      if (intake.claimedAt) return { concern, intake, claimCode: null, created };
      const renewed = await tx.caseIntake.update({
        where: { id: intake.id },
        data: { ...claim, updatedAt: now },
      });
      return { concern, intake: renewed, claimCode, created };
    }
    const intake = await tx.caseIntake.create({
      data: {
        concernId: concern.id,
        source,
        activityId: input.activityId ?? null,
        enteredById: input.enteredBy.id,
        ...contact,
        ...claim,
        createdAt: now,
        updatedAt: now,
      },
    });
    return { concern, intake, claimCode, created };
  });
}

/**
 * A new claim code for an unclaimed intake (the slip was lost, or the code expired); the old
 * one stops working. Returns the code in plain text. Throws ClaimCodeUsedError when the case
 * was claimed already.
 */
export async function reissueClaimCode(
  prisma: Prisma,
  input: { intakeId: number; now: Date; ttlDays?: number; random?: (n: number) => Uint8Array },
): Promise<{ claimCode: string; expiresAt: Date }> {
  const claimCode = newClaimCode(input.random);
  const expiresAt = claimExpiry(input.now, input.ttlDays);
  const { count } = await prisma.caseIntake.updateMany({
    where: { id: input.intakeId, claimedAt: null },
    data: { claimCodeHash: hashClaimCode(claimCode), claimExpiresAt: expiresAt, updatedAt: input.now },
  });
  if (count !== 1) {
    const intake = await prisma.caseIntake.findUniqueOrThrow({ where: { id: input.intakeId } });
    throw new ClaimCodeUsedError(intake.id, intake.concernId, false);
  }
  return { claimCode, expiresAt };
}

/**
 * Attaches a staff-entered case to the Telegram account of `userId`, who from then on is its
 * citizen and follows it like any other; recorded on the timeline ("claimed"). `code` is what
 * the person typed or the /start payload carried (without "claim_"). Throws
 * ClaimCodeInvalidError, ClaimCodeNotFoundError, ClaimCodeExpiredError, ClaimCodeUsedError
 * (used before, by them or anyone else; also the loser of two concurrent claims) and
 * WrongClaimantError (the staff member who entered it).
 */
export function claimIntakeCase(
  prisma: Prisma,
  input: { code: string; userId: number; now: Date },
): Promise<{ concern: Concern; intake: CaseIntake }> {
  const code = parseClaimCode(input.code);
  if (code === null) return Promise.reject(new ClaimCodeInvalidError());
  const { now, userId } = input;
  return prisma.$transaction(async (tx) => {
    const intake = await tx.caseIntake.findUnique({ where: { claimCodeHash: hashClaimCode(code) } });
    if (!intake) throw new ClaimCodeNotFoundError();
    if (intake.claimedAt)
      throw new ClaimCodeUsedError(intake.id, intake.concernId, intake.claimedById === userId);
    if (intake.enteredById === userId) throw new WrongClaimantError(intake.id, userId);
    if (!intake.claimExpiresAt || intake.claimExpiresAt <= now)
      throw new ClaimCodeExpiredError(intake.id, intake.claimExpiresAt ?? intake.createdAt);
    // The conditional update is the claim: of two concurrent claims only one matches.
    const { count } = await tx.caseIntake.updateMany({
      where: { id: intake.id, claimedAt: null },
      data: { claimedAt: now, claimedById: userId, updatedAt: now },
    });
    if (count !== 1) throw new ClaimCodeUsedError(intake.id, intake.concernId, false);
    const concern = await tx.concern.update({
      where: { id: intake.concernId },
      data: { citizenId: userId, updatedAt: now },
    });
    await tx.concernEvent.create({
      data: { concernId: concern.id, kind: "claimed", actorId: userId, actorRole: "citizen", createdAt: now },
    });
    return { concern, intake: await tx.caseIntake.findUniqueOrThrow({ where: { id: intake.id } }) };
  });
}

/** The intake record of a case, or null when the citizen raised it themselves. */
export function findIntakeOfConcern(prisma: Prisma, concernId: number) {
  return prisma.caseIntake.findUnique({ where: { concernId }, include: { activity: true } });
}
