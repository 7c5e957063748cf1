// Recording a message to a citizen that could not be delivered (the rules:
// src/domain/undelivered.ts): an "undelivered" entry on the case's timeline, and a message to
// the deputy or staff member whose words they were — once per message and recipient, however
// often the outcome is reported.
import type { UndeliveredReason } from "../../domain/undelivered.js";
import type { Database } from "../client.js";
import { enqueueMessages } from "../outbox.js";

export interface UndeliveredInput {
  concernId: number;
  /** The timeline event whose message did not arrive. */
  eventId: number;
  /** The citizen (or co-signer) it was for. */
  recipientId: number;
  reason: UndeliveredReason;
  now: Date;
}

/**
 * Tells the actor of event `eventId` that its message reached `recipientId`, the citizen who
 * raised the case (co-signers are not reported on): a concern_delivered message, queued once
 * per event however often the outcome is reported (its key). Resolves to false when nothing
 * was queued (already told, another recipient, the event gone, no actor).
 */
export async function recordDelivered(
  db: Database,
  input: { concernId: number; eventId: number; recipientId: number; now: Date },
): Promise<boolean> {
  const original = await db.prisma.concernEvent.findUnique({
    where: { id: input.eventId },
    include: { concern: { select: { citizenId: true } } },
  });
  if (!original || original.concernId !== input.concernId) return false;
  if (original.concern.citizenId !== input.recipientId) return false;
  if (!original.actorId || original.actorId === input.recipientId) return false;
  const message = {
    kind: "concern_delivered" as const,
    recipientId: original.actorId,
    concernId: input.concernId,
    eventId: input.eventId,
  };
  return (await enqueueMessages(db.prisma, db.dialect, [message], input.now)) > 0;
}

/**
 * Records that the message (to the citizen who raised the case) of event `eventId` did not reach `recipientId`, and tells the
 * event's actor (when there is one who is not the recipient). Idempotent by event and
 * recipient. Resolves to false when it was already recorded or the event is gone.
 */
export async function recordUndelivered(db: Database, input: UndeliveredInput): Promise<boolean> {
  const { now } = input;
  const sourceKey = `undelivered:${input.eventId}:${input.recipientId}`;
  return db.prisma.$transaction(async (tx) => {
    if (await tx.concernEvent.findUnique({ where: { sourceKey } })) return false;
    const original = await tx.concernEvent.findUnique({
      where: { id: input.eventId },
      include: { concern: { select: { citizenId: true } } },
    });
    if (!original || original.concernId !== input.concernId) return false;
    // Co-signers come and go on their own; it is the citizen who raised the case that matters.
    if (original.concern.citizenId !== input.recipientId) return false;
    const entry = await tx.concernEvent.create({
      data: {
        concernId: input.concernId,
        kind: "undelivered",
        actorRole: "system",
        text: input.reason,
        internal: true,
        sourceKey,
        createdAt: now,
      },
    });
    if (original.actorId && original.actorId !== input.recipientId) {
      const message = {
        kind: "concern_undelivered" as const,
        recipientId: original.actorId,
        concernId: input.concernId,
        eventId: entry.id,
      };
      await enqueueMessages(tx, db.dialect, [message], now);
    }
    return true;
  });
}
