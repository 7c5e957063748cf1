// Moderation: mute and block actions on users (recorded, undoable), the review queue of held
// cases, and their release or decline. The rules are in src/domain/moderation.ts.
import type { NewCaseAudience } from "../../domain/case-recipients.js";
import { nextStatus } from "../../domain/concern-status.js";
import {
  type FloodRules,
  floodRules,
  type HoldDecision,
  holdDecision,
  type ModerationKind,
  moderationEffect,
} from "../../domain/moderation.js";
import type { Database, Prisma } from "../client.js";
import type { Concern, ConcernHold, ModerationAction } from "../generated/sqlite/client.js";
import {
  ConcernNotFoundError,
  ConcurrentChangeError,
  type CreateConcernInput,
  insertNewConcern,
  notify,
} from "./concerns.js";

export type { ConcernHold, ModerationAction };

export class UserNotFoundError extends Error {
  constructor(readonly userId: number) {
    super(`user ${userId} does not exist`);
    this.name = "UserNotFoundError";
  }
}

/** Only citizens are muted or blocked; deputies, staff and admins lose their role instead. */
export class ModerationNotAllowedError extends Error {
  constructor(
    readonly userId: number,
    readonly role: string,
  ) {
    super(`user ${userId} is ${role}: only citizens are muted or blocked`);
    this.name = "ModerationNotAllowedError";
  }
}

export class ModerationActionNotFoundError extends Error {
  constructor(readonly actionId: number) {
    super(`moderation action ${actionId} does not exist`);
    this.name = "ModerationActionNotFoundError";
  }
}

export class ModerationAlreadyUndoneError extends Error {
  constructor(readonly actionId: number) {
    super(`moderation action ${actionId} was undone already`);
    this.name = "ModerationAlreadyUndoneError";
  }
}

/** The case is not (or no longer) waiting in the review queue. */
export class ConcernNotHeldError extends Error {
  constructor(readonly concernId: number) {
    super(`case ${concernId} is not held for review`);
    this.name = "ConcernNotHeldError";
  }
}

/**
 * Mutes or blocks a citizen, recorded as a ModerationAction by `actorId` with an optional
 * reason. Idempotent: while an action of that kind is in force it is returned with
 * `applied: false`. Throws UserNotFoundError, ModerationNotAllowedError (not a citizen).
 */
export function applyModeration(
  prisma: Prisma,
  input: { userId: number; kind: ModerationKind; actorId: number; reason?: string | null; now: Date },
): Promise<{ action: ModerationAction; applied: boolean }> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, role: true } });
    if (!user) throw new UserNotFoundError(input.userId);
    if (user.role !== "citizen") throw new ModerationNotAllowedError(user.id, user.role);
    const active = await tx.moderationAction.findFirst({
      where: { userId: user.id, kind: input.kind, undoneAt: null },
      orderBy: { id: "desc" },
    });
    if (active) return { action: active, applied: false };
    const action = await tx.moderationAction.create({
      data: {
        userId: user.id,
        kind: input.kind,
        actorId: input.actorId,
        reason: input.reason?.slice(0, 500) ?? null,
        createdAt: input.now,
      },
    });
    await tx.user.update({
      where: { id: user.id },
      data: { ...moderationEffect(input.kind, input.now).apply, updatedAt: input.now },
    });
    return { action, applied: true };
  });
}

/**
 * Undoes a mute or block: the action is marked undone by `actorId` (kept as the record) and
 * the user's state is cleared. Throws ModerationActionNotFoundError,
 * ModerationAlreadyUndoneError (also the loser of two concurrent undos).
 */
export function undoModeration(
  prisma: Prisma,
  input: { actionId: number; actorId: number; now: Date },
): Promise<ModerationAction> {
  return prisma.$transaction(async (tx) => {
    const action = await tx.moderationAction.findUnique({ where: { id: input.actionId } });
    if (!action) throw new ModerationActionNotFoundError(input.actionId);
    const { count } = await tx.moderationAction.updateMany({
      where: { id: action.id, undoneAt: null },
      data: { undoneAt: input.now, undoneById: input.actorId },
    });
    if (count !== 1) throw new ModerationAlreadyUndoneError(action.id);
    await tx.user.update({
      where: { id: action.userId },
      data: { ...moderationEffect(action.kind as ModerationKind, input.now).undo, updatedAt: input.now },
    });
    return tx.moderationAction.findUniqueOrThrow({ where: { id: action.id } });
  });
}

/** Every moderation action on a user, newest first: the audit record staff see. */
export function listModerationActions(prisma: Prisma, userId: number) {
  return prisma.moderationAction.findMany({
    where: { userId },
    orderBy: { id: "desc" },
    include: {
      actor: { select: { id: true, firstName: true, lastName: true, username: true, telegramId: true } },
      undoneBy: { select: { id: true, firstName: true, lastName: true } },
    },
  });
}

/**
 * True exactly once per block: the caller is the one to tell the blocked user that their
 * messages are ignored (src/domain/moderation.ts inboundDecision). False when not blocked
 * or told already.
 */
export async function claimBlockNotice(prisma: Prisma, userId: number, now: Date): Promise<boolean> {
  const { count } = await prisma.user.updateMany({
    where: { id: userId, bannedAt: { not: null }, blockNoticeAt: null },
    data: { blockNoticeAt: now },
  });
  return count === 1;
}

/** A citizen's cases created after `since`, any status: what the flood rules look at. */
export function listRecentConcernsOfCitizen(prisma: Prisma, citizenId: number, since: Date) {
  return prisma.concern.findMany({
    where: { citizenId, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    select: { id: true, description: true, createdAt: true },
  });
}

/**
 * Files a citizen's concern under the moderation rules, in one transaction: a muted user's
 * concern, or one the flood rules catch, is created "held" with its ConcernHold and the
 * deputies are not told; any other is created as createConcern does. Returns the hold
 * decision (null when it went through) and, when the case went through and its handlers were
 * told, who they were (`audience`). Once per sourceKey, like createConcern.
 */
export function createConcernUnderModeration(
  db: Database,
  input: CreateConcernInput,
  rules: FloodRules = floodRules,
): Promise<{ concern: Concern; created: boolean; hold: HoldDecision | null; audience?: NewCaseAudience }> {
  const { now } = input;
  const since = new Date(
    now.getTime() - Math.max(rules.rateWindowMinutes, rules.repeatWindowMinutes) * 60_000,
  );
  return db.prisma.$transaction(async (tx) => {
    const existing = await tx.concern.findUnique({
      where: { sourceKey: input.sourceKey },
      include: { hold: true },
    });
    if (existing) {
      const { hold, ...concern } = existing;
      return { concern, created: false, hold: hold ? toDecision(hold) : null };
    }
    const user = await tx.user.findUnique({ where: { id: input.citizenId }, select: { mutedAt: true } });
    if (!user) throw new UserNotFoundError(input.citizenId);
    const recent = await listRecentConcernsOfCitizen(tx as Prisma, input.citizenId, since);
    const hold = holdDecision({ text: input.description, now }, user, recent, rules);
    // No case has this sourceKey (read above, in this transaction).
    const { concern, created, audience } = await insertNewConcern(tx, db, { ...input, held: hold !== null });
    if (hold)
      await tx.concernHold.create({
        data: {
          concernId: concern.id,
          reason: hold.reason,
          similarToId: hold.similarToId ?? null,
          createdAt: now,
        },
      });
    return audience ? { concern, created, hold, audience } : { concern, created, hold };
  });
}

function toDecision(hold: ConcernHold): HoldDecision {
  return hold.similarToId === null
    ? { reason: hold.reason as HoldDecision["reason"] }
    : { reason: hold.reason as HoldDecision["reason"], similarToId: hold.similarToId };
}

/**
 * The review queue: held cases waiting for a decision, oldest first, in the given districts
 * (null: everywhere, for admins), with why each is held.
 */
export async function listHeldConcerns(
  prisma: Prisma,
  input: { districtIds: number[] | null; page: number; pageSize: number },
) {
  const where = {
    decision: null,
    concern: { status: "held", ...(input.districtIds ? { districtId: { in: input.districtIds } } : {}) },
  };
  const [items, total] = await Promise.all([
    prisma.concernHold.findMany({
      where,
      orderBy: { createdAt: "asc" },
      skip: input.page * input.pageSize,
      take: input.pageSize,
      include: { concern: true },
    }),
    prisma.concernHold.count({ where }),
  ]);
  return { items, total };
}

export interface HoldDecisionInput {
  concernId: number;
  actorId: number;
  actorRole: "staff" | "admin";
  now: Date;
}

async function decide(
  db: Database,
  input: HoldDecisionInput & { decision: "released" | "declined"; reason?: string },
): Promise<Concern> {
  const { now } = input;
  return db.prisma.$transaction(async (tx) => {
    const current = await tx.concern.findUnique({ where: { id: input.concernId } });
    if (!current) throw new ConcernNotFoundError(input.concernId);
    // The conditional update is the decision: of two concurrent ones only one matches.
    const { count: decided } = await tx.concernHold.updateMany({
      where: { concernId: current.id, decision: null },
      data: { decision: input.decision, decidedById: input.actorId, decidedAt: now },
    });
    if (decided !== 1 || current.status !== "held") throw new ConcernNotHeldError(current.id);
    const releasing = input.decision === "released";
    const to = nextStatus(current.status, releasing ? "release" : "decline");
    const { count } = await tx.concern.updateMany({
      where: { id: current.id, status: "held" },
      data: releasing
        ? { status: to, updatedAt: now }
        : { status: to, outcome: input.reason ?? null, closedAt: now, updatedAt: now },
    });
    if (count !== 1) throw new ConcurrentChangeError(current.id);
    const event = await tx.concernEvent.create({
      data: {
        concernId: current.id,
        kind: "status",
        actorId: input.actorId,
        actorRole: input.actorRole,
        fromStatus: "held",
        toStatus: to,
        text: releasing ? null : (input.reason ?? null),
        createdAt: now,
      },
    });
    // Released: its deputies hear of it as of a new case; declined: the citizen is told why.
    const change = releasing
      ? { kind: "submitted" as const }
      : { kind: "status" as const, action: "decline" as const };
    await notify(tx, db, change, current, event.id, now);
    return (await tx.concern.findUnique({ where: { id: current.id } })) as Concern;
  });
}

/**
 * Releases a held case to its deputies: status new, on the timeline, and the deputies told
 * (the outbox, in the same transaction). Throws ConcernNotFoundError, ConcernNotHeldError.
 */
export function releaseHeldConcern(db: Database, input: HoldDecisionInput): Promise<Concern> {
  return decide(db, { ...input, decision: "released" });
}

/**
 * Declines a held case (spam, abuse) with a reason: closed as declined, on the timeline, the
 * citizen told. The ordinary reopen undoes it. Throws ConcernNotFoundError, ConcernNotHeldError.
 */
export function declineHeldConcern(
  db: Database,
  input: HoldDecisionInput & { reason: string },
): Promise<Concern> {
  return decide(db, { ...input, decision: "declined" });
}
