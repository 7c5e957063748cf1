// Broadcasts: composed by staff, fixed to a list of recipients when sending starts, then
// one queued job per recipient. Counts for the progress report come from the recipients.
import type { Audience } from "../../domain/audience.js";
import type { Database, Prisma } from "../client.js";
import type { Broadcast } from "../generated/sqlite/client.js";
import { enqueue, enqueueMessages, messageTasks } from "../outbox.js";
import { audienceWhere, listAudienceBatch } from "./audience.js";

export type { Broadcast };

export const BROADCAST_START_TASK = "broadcast_start";
export const BROADCAST_PROGRESS_TASK = "broadcast_progress";

export interface BroadcastDraft {
  createdById: number;
  audience: Audience;
  districtId: number | null;
  text: string;
  entities: unknown[];
  mediaKind: "photo" | "document" | null;
  mediaFileId: string | null;
  scheduledAt: Date | null;
  progressChatId: bigint;
}

/** Saves a confirmed broadcast and queues its start, now or at the scheduled time. */
export async function createBroadcast(db: Database, draft: BroadcastDraft, now: Date): Promise<Broadcast> {
  return db.prisma.$transaction(async (tx) => {
    const broadcast = await tx.broadcast.create({
      data: {
        createdById: draft.createdById,
        audience: draft.audience,
        districtId: draft.districtId,
        text: draft.text,
        entities: JSON.stringify(draft.entities),
        mediaKind: draft.mediaKind,
        mediaFileId: draft.mediaFileId,
        status: draft.scheduledAt ? "scheduled" : "sending",
        scheduledAt: draft.scheduledAt,
        progressChatId: draft.progressChatId,
        createdAt: now,
        updatedAt: now,
      },
    });
    await enqueue(
      tx,
      db.dialect,
      [
        {
          task: BROADCAST_START_TASK,
          payload: { broadcastId: broadcast.id },
          // One start per broadcast, however many schedulers or workers see it.
          key: `bc-start:${broadcast.id}`,
          runAt: draft.scheduledAt ?? now,
          priority: 1,
        },
      ],
      now,
    );
    return broadcast;
  });
}

/** A broadcast with its sender, whose language the progress report speaks. */
export function findBroadcast(prisma: Prisma, id: number) {
  return prisma.broadcast.findUnique({ where: { id }, include: { createdBy: true } });
}

const BATCH = 500;

/**
 * Fixes the audience: inserts the recipients and their send jobs batch by batch, each in a
 * short transaction. Safe to run again after a crash: what exists already is skipped.
 * Returns the number of recipients.
 */
export async function materializeRecipients(db: Database, broadcast: Broadcast, now: Date): Promise<number> {
  const where = await audienceWhere(db.prisma, broadcast.audience as Audience, broadcast.districtId);
  let afterId = 0;
  for (;;) {
    const ids = await listAudienceBatch(db.prisma, where, afterId, BATCH);
    if (ids.length === 0) break;
    afterId = ids[ids.length - 1]!;
    await db.prisma.$transaction(async (tx) => {
      const existing = new Set(
        (
          await tx.broadcastRecipient.findMany({
            where: { broadcastId: broadcast.id, userId: { in: ids } },
            select: { userId: true },
          })
        ).map((r) => r.userId),
      );
      const fresh = ids.filter((id) => !existing.has(id));
      if (fresh.length === 0) return;
      await tx.broadcastRecipient.createMany({
        data: fresh.map((userId) => ({
          broadcastId: broadcast.id,
          userId,
          status: "pending",
          updatedAt: now,
        })),
      });
      await enqueueMessages(
        tx,
        db.dialect,
        fresh.map((recipientId) => ({ kind: "broadcast", broadcastId: broadcast.id, recipientId })),
        now,
      );
    });
    // Let updates and other jobs run between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return db.prisma.broadcastRecipient.count({ where: { broadcastId: broadcast.id } });
}

export type RecipientStatus = "pending" | "sent" | "blocked" | "failed" | "skipped";

export async function setRecipientStatus(
  prisma: Prisma,
  broadcastId: number,
  userId: number,
  status: RecipientStatus,
  now: Date,
  error?: string,
): Promise<void> {
  await prisma.broadcastRecipient.updateMany({
    where: { broadcastId, userId },
    data: { status, error: error?.slice(0, 300) ?? null, updatedAt: now },
  });
}

export interface BroadcastCounts {
  total: number;
  pending: number;
  sent: number;
  blocked: number;
  failed: number;
  skipped: number;
}

export async function countRecipients(prisma: Prisma, broadcastId: number): Promise<BroadcastCounts> {
  const groups = await prisma.broadcastRecipient.groupBy({
    by: ["status"],
    where: { broadcastId },
    _count: { _all: true },
  });
  const counts: BroadcastCounts = { total: 0, pending: 0, sent: 0, blocked: 0, failed: 0, skipped: 0 };
  for (const g of groups) {
    const n = g._count._all;
    counts.total += n;
    if (g.status in counts) counts[g.status as RecipientStatus] += n;
  }
  return counts;
}

/**
 * Cancels a scheduled or running broadcast: queued sends are withdrawn, so nothing more goes
 * out than what a worker already holds in hand; `cancelledById` is who stopped it. Returns
 * false when it had already ended.
 */
export async function cancelBroadcast(
  db: Database,
  broadcastId: number,
  now: Date,
  cancelledById?: number,
): Promise<boolean> {
  return db.prisma.$transaction(async (tx) => {
    const { count } = await tx.broadcast.updateMany({
      where: { id: broadcastId, status: { in: ["scheduled", "sending"] } },
      data: { status: "cancelled", cancelledAt: now, cancelledById: cancelledById ?? null, updatedAt: now },
    });
    if (count === 0) return false;
    await tx.job.updateMany({
      // The messages' keys are "bc:<broadcast>:<recipient>" (src/domain/messages.ts).
      where: {
        task: messageTasks.broadcast,
        status: "queued",
        key: { startsWith: `bc:${broadcastId}:` },
      },
      data: { status: "cancelled", finishedAt: now, updatedAt: now },
    });
    await tx.job.updateMany({
      where: { task: BROADCAST_START_TASK, status: "queued", key: `bc-start:${broadcastId}` },
      data: { status: "cancelled", finishedAt: now, updatedAt: now },
    });
    await tx.broadcastRecipient.updateMany({
      where: { broadcastId, status: "pending" },
      data: { status: "skipped", updatedAt: now },
    });
    return true;
  });
}

export async function markBroadcast(
  prisma: Prisma,
  id: number,
  data: {
    status?: string;
    startedAt?: Date;
    finishedAt?: Date;
    progressMessageId?: number;
    progressEditedAt?: Date;
  },
  now: Date,
): Promise<void> {
  await prisma.broadcast.update({ where: { id }, data: { ...data, updatedAt: now } });
}

/**
 * Makes message `messageId` (the sender's confirmation) the broadcast's progress message, unless
 * the sending already drew one of its own: from then on it is edited in place, stopped included.
 */
export async function adoptProgressMessage(
  prisma: Prisma,
  id: number,
  messageId: number,
  now: Date,
): Promise<void> {
  await prisma.broadcast.updateMany({
    where: { id, progressMessageId: null },
    data: { progressMessageId: messageId, updatedAt: now },
  });
}
