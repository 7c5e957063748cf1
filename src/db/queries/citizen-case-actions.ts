// What a citizen does to their own case besides writing on it (issue 11): withdraw it with a
// reason, reopen it within CITIZEN_REOPEN_DAYS of its closing, and amend it by editing a
// message they sent. Each change, its timeline event and the handlers' notices are written
// in one transaction, like every change of a case (src/db/queries/concerns.ts).
import { canExchangeMessages, citizenReopenCheck, nextStatus } from "../../domain/concern-status.js";
import type { Database } from "../client.js";
import type { Concern, ConcernEvent } from "../generated/sqlite/client.js";
import { CaseClosedError, ConcernNotFoundError, notify, transitionConcern } from "./concerns.js";

/** The case was closed more than CITIZEN_REOPEN_DAYS ago: a new concern is raised instead. */
export class ReopenTooLateError extends Error {
  constructor(
    readonly concernId: number,
    readonly closedAt: Date,
  ) {
    super(`case ${concernId} was closed at ${closedAt.toISOString()}, too long ago to reopen`);
    this.name = "ReopenTooLateError";
  }
}

/**
 * The citizen withdraws their open (or held) case with a reason: status withdrawn, closed, on
 * the timeline, its handlers told (not for a held case, which never reached them). Throws
 * ConcernNotFoundError (no such case, or not theirs), InvalidTransitionError (not open),
 * ConcurrentChangeError.
 */
export function withdrawConcern(
  db: Database,
  input: { concernId: number; citizenId: number; reason: string; now: Date },
): Promise<Concern> {
  const { now } = input;
  return db.prisma.$transaction(async (tx) => {
    const current = await tx.concern.findUnique({ where: { id: input.concernId } });
    if (!current || current.citizenId !== input.citizenId) throw new ConcernNotFoundError(input.concernId);
    const to = nextStatus(current.status, "withdraw");
    const event = await transitionConcern(tx, current, {
      to,
      data: { closedAt: now },
      actorId: input.citizenId,
      actorRole: "citizen",
      text: input.reason,
      now,
    });
    if (current.status !== "held") await notify(tx, db, { kind: "withdrawn" }, current, event.id, now);
    return tx.concern.findUniqueOrThrow({ where: { id: current.id } });
  });
}

/**
 * The citizen reopens their closed case (resolved, unresolved or declined) within
 * CITIZEN_REOPEN_DAYS of its closing, saying why: status reopened, the old rating cleared so
 * that the next outcome is rated afresh, its handlers told. Throws ConcernNotFoundError,
 * ReopenTooLateError, InvalidTransitionError (not closed with an outcome),
 * ConcurrentChangeError.
 */
export function reopenConcernByCitizen(
  db: Database,
  input: { concernId: number; citizenId: number; reason: string; now: Date },
): Promise<Concern> {
  const { now } = input;
  return db.prisma.$transaction(async (tx) => {
    const current = await tx.concern.findUnique({ where: { id: input.concernId } });
    if (!current || current.citizenId !== input.citizenId) throw new ConcernNotFoundError(input.concernId);
    const check = citizenReopenCheck(current, now);
    if (check === "too_late") throw new ReopenTooLateError(current.id, current.closedAt!);
    const to = nextStatus(current.status, "reopen");
    const event = await transitionConcern(tx, current, {
      to,
      data: { closedAt: null, rating: null, ratedAt: null, followedUpAt: null },
      actorId: input.citizenId,
      actorRole: "citizen",
      text: input.reason,
      now,
    });
    await notify(tx, db, { kind: "reopened" }, current, event.id, now);
    return tx.concern.findUniqueOrThrow({ where: { id: current.id } });
  });
}

/**
 * A citizen's edit of a message they sent, after the case was submitted: added to the open
 * case as an "amendment" with the new wording (never a new case), and its handlers told.
 * Once per `sourceKey` (the edit: chat, message and edit date). Throws ConcernNotFoundError
 * (not theirs) and CaseClosedError (the case is no longer open).
 */
export function addAmendment(
  db: Database,
  input: { concernId: number; citizenId: number; text: string; sourceKey: string; now: Date },
): Promise<ConcernEvent> {
  const { now } = input;
  return db.prisma.$transaction(async (tx) => {
    const existing = await tx.concernEvent.findUnique({ where: { sourceKey: input.sourceKey } });
    if (existing) return existing;
    const concern = await tx.concern.findUnique({ where: { id: input.concernId } });
    if (!concern || concern.citizenId !== input.citizenId) throw new ConcernNotFoundError(input.concernId);
    if (!canExchangeMessages(concern.status)) throw new CaseClosedError(concern.id, concern.status);
    const event = await tx.concernEvent.create({
      data: {
        concernId: concern.id,
        kind: "amendment",
        actorId: input.citizenId,
        actorRole: "citizen",
        text: input.text,
        sourceKey: input.sourceKey,
        createdAt: now,
      },
    });
    await notify(tx, db, { kind: "message", from: "citizen" }, concern, event.id, now);
    return event;
  });
}
