// Tasks of a broadcast: "broadcast_start" fixes the recipients and queues one message each
// (kind "broadcast", sent by the delivery engine like every other message, src/jobs/delivery.ts);
// "broadcast_progress" reports delivered / total in the sender's progress message, at most
// every few seconds, until all are done. Each recipient's row follows what became of their
// message through the kind's outcome hook (recordBroadcastOutcome).
import { z } from "zod";
import type { Database } from "../../db/client.js";
import { enqueue } from "../../db/outbox.js";
import {
  BROADCAST_PROGRESS_TASK,
  BROADCAST_START_TASK,
  type Broadcast,
  type BroadcastCounts,
  countRecipients,
  findBroadcast,
  markBroadcast,
  materializeRecipients,
  type RecipientStatus,
  setRecipientStatus,
} from "../../db/queries/broadcasts.js";
import type { User } from "../../db/queries/users.js";
import type { OutcomeHook } from "../delivery.js";
import type { TaskHandler } from "../worker.js";

export type ProgressPhase = "running" | "done" | "cancelled";

export interface BroadcastTaskDeps {
  db: Database;
  now: () => Date;
  /** Draws the sender's progress message (a stopped one names `stopper`); returns its message id. */
  showProgress(
    broadcast: Broadcast,
    counts: BroadcastCounts,
    phase: ProgressPhase,
    stopper?: User | null,
  ): Promise<number | undefined>;
  progressIntervalMs: number;
}

const startPayload = z.object({ broadcastId: z.number().int().positive() });
const progressPayload = z.object({ broadcastId: z.number().int().positive(), seq: z.number().int().min(0) });

export function createBroadcastTasks(deps: BroadcastTaskDeps): Record<string, TaskHandler> {
  const { db, now } = deps;

  const scheduleProgress = (broadcastId: number, seq: number, delayMs: number) =>
    enqueue(
      db.prisma,
      db.dialect,
      [
        {
          task: BROADCAST_PROGRESS_TASK,
          payload: { broadcastId, seq },
          key: `bc-prog:${broadcastId}:${seq}`,
          runAt: new Date(now().getTime() + delayMs),
          priority: 2,
        },
      ],
      now(),
    );

  const start: TaskHandler = async (payload) => {
    const { broadcastId } = startPayload.parse(payload);
    const broadcast = await findBroadcast(db.prisma, broadcastId);
    if (!broadcast || broadcast.status === "cancelled" || broadcast.status === "done") return;
    await markBroadcast(
      db.prisma,
      broadcast.id,
      { status: "sending", startedAt: broadcast.startedAt ?? now() },
      now(),
    );
    await materializeRecipients(db, broadcast, now());
    await scheduleProgress(broadcast.id, 0, 0);
  };

  const progress: TaskHandler = async (payload) => {
    const { broadcastId, seq } = progressPayload.parse(payload);
    const broadcast = await findBroadcast(db.prisma, broadcastId);
    if (!broadcast) return;
    const counts = await countRecipients(db.prisma, broadcastId);
    const finished = broadcast.status === "cancelled" || counts.pending === 0;
    const phase: ProgressPhase =
      broadcast.status === "cancelled" ? "cancelled" : finished ? "done" : "running";
    const stopper =
      phase === "cancelled" && broadcast.cancelledById
        ? await db.prisma.user.findUnique({ where: { id: broadcast.cancelledById } })
        : null;
    const messageId = await deps.showProgress(broadcast, counts, phase, stopper);
    await markBroadcast(
      db.prisma,
      broadcastId,
      {
        progressEditedAt: now(),
        ...(messageId ? { progressMessageId: messageId } : {}),
        ...(finished && broadcast.status === "sending" ? { status: "done", finishedAt: now() } : {}),
      },
      now(),
    );
    if (!finished) await scheduleProgress(broadcastId, seq + 1, deps.progressIntervalMs);
  };

  return {
    [BROADCAST_START_TASK]: start,
    [BROADCAST_PROGRESS_TASK]: progress,
  };
}

/**
 * The outcome hook of kind "broadcast": the recipient's row says sent, skipped (cancelled,
 * opted out, banned or inactive before their turn), blocked or failed, for the progress
 * report. An unconfirmed send counts as sent, noted: a mass notice is never sent twice.
 */
export function recordBroadcastOutcome(db: Database): OutcomeHook<"broadcast"> {
  return async ({ broadcastId, recipientId }, outcome, { now }) => {
    const set = (status: RecipientStatus, error?: string) =>
      setRecipientStatus(db.prisma, broadcastId, recipientId, status, now, error);
    switch (outcome.status) {
      case "sent":
        return set("sent");
      case "dropped":
        return set("skipped");
      case "unconfirmed":
        return set("sent", `unconfirmed: sent at ${outcome.since.toISOString()}, no answer`);
      case "failed":
        if (outcome.failure.kind === "recipient-gone") return set("blocked", outcome.failure.reason);
        if (outcome.final)
          return set("failed", "reason" in outcome.failure ? outcome.failure.reason : undefined);
    }
  };
}
