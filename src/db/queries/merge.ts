// 并案: a duplicate joins a main case. The duplicate keeps its own case number, anonymity and
// rating; when the main case is closed — by its deputy, or by the referral loop once the
// departments' answers are accepted and rated — each duplicate is closed with the same outcome
// and its own citizen (and its co-signers) receive that outcome and rate their own case
// (src/domain/triage.ts checkMerge).
import { caseChangeMessages } from "../../domain/case-recipients.js";
import { nextStatus } from "../../domain/concern-status.js";
import type { TriageMessage } from "../../domain/messages.js";
import { checkMerge, type TriageActor } from "../../domain/triage.js";
import type { Database, Prisma } from "../client.js";
import type { Concern } from "../generated/sqlite/client.js";
import { enqueueMessages } from "../outbox.js";
import { loadCosignerIds } from "./case-people.js";
import { ConcernNotFoundError, ConcurrentChangeError, type TxClient } from "./concerns.js";

export interface MergeInput {
  duplicateId: number;
  mainId: number;
  actor: TriageActor;
  actorRole: "representative" | "staff" | "admin";
  now: Date;
}

/**
 * Merges `duplicateId` into `mainId`: the duplicate's status becomes "merged" with
 * mergedIntoId, mergedAt and mergedById; its timeline records who merged it into which case
 * (text: the main case number), and its citizen and co-signers ("me too") are told (without
 * anything about the main case's citizen). Throws MergeRefusedError (into itself, out of scope, not open, main
 * already merged), InvalidTransitionError (a referred case), ConcernNotFoundError,
 * ConcurrentChangeError.
 */
export function mergeConcern(
  db: Database,
  input: MergeInput,
): Promise<{ duplicate: Concern; main: Concern }> {
  return db.prisma.$transaction(async (tx) => {
    const [duplicate, main] = await Promise.all([
      tx.concern.findUnique({ where: { id: input.duplicateId } }),
      tx.concern.findUnique({ where: { id: input.mainId } }),
    ]);
    if (!duplicate) throw new ConcernNotFoundError(input.duplicateId);
    if (!main) throw new ConcernNotFoundError(input.mainId);
    checkMerge(duplicate, main, input.actor.scope);
    const to = nextStatus(duplicate.status, "merge");
    const { count } = await tx.concern.updateMany({
      where: { id: duplicate.id, status: duplicate.status },
      data: {
        status: to,
        mergedIntoId: main.id,
        mergedAt: input.now,
        mergedById: input.actor.id,
        updatedAt: input.now,
      },
    });
    if (count !== 1) throw new ConcurrentChangeError(duplicate.id);
    const event = await tx.concernEvent.create({
      data: {
        concernId: duplicate.id,
        kind: "merged",
        actorId: input.actor.id,
        actorRole: input.actorRole,
        fromStatus: duplicate.status,
        toStatus: to,
        text: main.caseNo,
        createdAt: input.now,
      },
    });
    const told = [duplicate.citizenId, ...(await loadCosignerIds(tx as Prisma, duplicate.id))];
    const messages: TriageMessage[] = [...new Set(told)].map((recipientId) => ({
      kind: "concern_merged",
      recipientId,
      concernId: duplicate.id,
      eventId: event.id,
    }));
    await enqueueMessages(tx, db.dialect, messages, input.now);
    return {
      duplicate: (await tx.concern.findUnique({ where: { id: duplicate.id } })) as Concern,
      main,
    };
  });
}

/**
 * Inside the transaction that closes a main case: closes each duplicate merged into it with
 * the same status and outcome, records it on the duplicate's timeline (same actor), and
 * queues the outcome to the duplicate's own citizen and its co-signers, who rate their own
 * case. Returns how many duplicates were closed.
 */
export async function closeMergedDuplicates(
  tx: TxClient,
  db: Database,
  main: Pick<Concern, "id">,
  close: {
    toStatus: string;
    outcome: string | null;
    /** Null for the scheduler. */
    actorId: number | null;
    actorRole: string;
    action: "resolve" | "decline";
    now: Date;
  },
): Promise<number> {
  const duplicates = await tx.concern.findMany({ where: { mergedIntoId: main.id, status: "merged" } });
  for (const duplicate of duplicates) {
    await tx.concern.update({
      where: { id: duplicate.id },
      data: {
        status: close.toStatus,
        outcome: close.outcome,
        closedAt: close.now,
        rating: null,
        ratedAt: null,
        updatedAt: close.now,
      },
    });
    const event = await tx.concernEvent.create({
      data: {
        concernId: duplicate.id,
        kind: "status",
        actorId: close.actorId,
        actorRole: close.actorRole,
        fromStatus: duplicate.status,
        toStatus: close.toStatus,
        text: close.outcome,
        createdAt: close.now,
      },
    });
    const messages = caseChangeMessages(
      { kind: "status", action: close.action },
      {
        citizenId: duplicate.citizenId,
        assigneeId: duplicate.assigneeId,
        deputies: [],
        staff: [],
        cosignerIds: await loadCosignerIds(tx as Prisma, duplicate.id),
      },
      { concernId: duplicate.id, eventId: event.id },
    );
    await enqueueMessages(tx, db.dialect, messages, close.now);
  }
  return duplicates.length;
}

/** The cases merged into a main case, oldest first (for its handlers' view). */
export function listMergedInto(prisma: Prisma, mainId: number) {
  return prisma.concern.findMany({
    where: { mergedIntoId: mainId },
    orderBy: { id: "asc" },
    select: { id: true, caseNo: true, status: true },
  });
}

/** A case by its number (e.g. "2026-00042"), or null. */
export function findConcernByNumber(prisma: Prisma, caseNo: string) {
  return prisma.concern.findUnique({ where: { caseNo }, select: { id: true } });
}
