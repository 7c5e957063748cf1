// Internal notes (内部备注) on a referral: written by its department's contacts, or by the case's
// deputies and staff on the referral's card, recorded as internal "note" entries of the case
// with the referral's id (ConcernEvent.referralId). The department reads the notes of its own
// referral only; the case's handlers read them all on the timeline; no citizen ever does (the
// delivery engine refuses, src/domain/event-kinds.ts mayDeliverEntry). Who may is the domain's
// (src/domain/referral.ts checkReferralNote).
import { caseHandlers } from "../../domain/case-recipients.js";
import type { MessageOf, TriageMessage } from "../../domain/messages.js";
import { checkReferralNote, type ReferralActor } from "../../domain/referral.js";
import { ReferralNotFoundError } from "../../domain/referral-errors.js";
import { referralRecipients } from "../../domain/referral-recipients.js";
import type { Database, Prisma } from "../client.js";
import type { ConcernEvent } from "../generated/sqlite/client.js";
import { enqueueMessages } from "../outbox.js";
import { loadCaseCircle } from "./case-people.js";
import { loadReferralCircle } from "./referral-people.js";
import { loadReferralFacts } from "./referrals.js";

export interface ReferralNoteInput {
  referralId: number;
  actor: ReferralActor;
  text: string;
  /** Idempotency key: the Telegram message the note came from. */
  sourceKey: string;
  now: Date;
}

/**
 * Adds an internal note to a referral, once per `sourceKey`: the entry (kind "note", internal,
 * with referralId), told to the department's other contacts (their referral card) and to the
 * case's handlers (src/domain/case-recipients.ts caseHandlers), never to the author or the
 * citizen. Throws ReferralNotFoundError and the domain's refusals (forbidden, no text, too long).
 */
export function addReferralNote(db: Database, input: ReferralNoteInput): Promise<ConcernEvent> {
  return db.prisma.$transaction(async (tx) => {
    const existing = await tx.concernEvent.findUnique({ where: { sourceKey: input.sourceKey } });
    if (existing) return existing;
    const facts = await loadReferralFacts(tx as Prisma, input.referralId);
    if (!facts) throw new ReferralNotFoundError(input.referralId);
    const text = checkReferralNote(input.actor, facts, input.text);
    const authorId = input.actor.kind === "system" ? null : input.actor.userId;
    const event = await tx.concernEvent.create({
      data: {
        concernId: facts.concern.id,
        kind: "note",
        internal: true,
        referralId: facts.id,
        actorId: authorId,
        actorRole: input.actor.kind,
        text,
        sourceKey: input.sourceKey,
        createdAt: input.now,
      },
    });
    const concern = await tx.concern.findUniqueOrThrow({ where: { id: facts.concern.id } });
    const [referralCircle, caseCircle] = await Promise.all([
      loadReferralCircle(tx as Prisma, { ...concern, departmentId: facts.departmentId }),
      loadCaseCircle(tx as Prisma, concern),
    ]);
    const others = (ids: number[]) => ids.filter((id) => id !== authorId && id !== concern.citizenId);
    const toDepartment: MessageOf<"referral">[] = others(
      referralRecipients("department", referralCircle),
    ).map((recipientId) => ({
      kind: "referral",
      recipientId,
      concernId: concern.id,
      referralId: facts.id,
      eventId: event.id,
      audience: "department",
    }));
    const toHandlers: TriageMessage[] = others(caseHandlers(caseCircle)).map((recipientId) => ({
      kind: "concern_note",
      recipientId,
      concernId: concern.id,
      eventId: event.id,
    }));
    await enqueueMessages(tx, db.dialect, [...toDepartment, ...toHandlers], input.now);
    return event;
  });
}

/** The newest internal notes written on a referral (oldest first), with their authors. */
export async function listReferralNotes(prisma: Prisma, referralId: number, take = 10) {
  const notes = await prisma.concernEvent.findMany({
    where: { referralId, kind: "note", internal: true },
    orderBy: { id: "desc" },
    take,
    include: { actor: { select: { firstName: true, lastName: true, username: true } } },
  });
  return notes.reverse();
}
export type ReferralNote = Awaited<ReturnType<typeof listReferralNotes>>[number];
