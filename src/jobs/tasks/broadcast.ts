// Tasks of a broadcast: "broadcast_start" fixes the recipients and queues one send each;
// "broadcast_send" delivers to one recipient; "broadcast_progress" reports delivered /
// total in the sender's progress message, at most every few seconds, until all are done.
import { z } from "zod";
import type { Database } from "../../db/client.js";
import type { User } from "../../db/generated/sqlite/client.js";
import {
  BROADCAST_PROGRESS_TASK,
  type Broadcast,
  type BroadcastCounts,
  countRecipients,
  findBroadcast,
  markBroadcast,
  materializeRecipients,
  setRecipientStatus,
} from "../../db/queries/broadcasts.js";
import { markUserInactive } from "../../db/queries/users.js";
import { PermanentJobError, RetryLaterError } from "../errors.js";
import { enqueue } from "../queue.js";
import type { TaskHandler } from "../worker.js";

export type SendFailure =
  | { kind: "recipient-gone"; reason: string }
  | { kind: "rate-limited"; retryAfterMs: number }
  | { kind: "bad-request"; reason: string }
  | { kind: "transient"; reason: string }
  /** The request may have reached Telegram (a timeout): retrying could send it twice. */
  | { kind: "uncertain"; reason: string };

export type ProgressPhase = "running" | "done" | "cancelled";

export interface BroadcastTaskDeps {
  db: Database;
  now: () => Date;
  /** Sends the broadcast to one user; throws what Telegram answered. */
  deliver(broadcast: Broadcast, user: User): Promise<void>;
  classify(error: unknown): SendFailure;
  /** Draws the sender's progress message; returns its message id. */
  showProgress(
    broadcast: Broadcast,
    counts: BroadcastCounts,
    phase: ProgressPhase,
  ): Promise<number | undefined>;
  progressIntervalMs: number;
}

const startPayload = z.object({ broadcastId: z.number().int().positive() });
const sendPayload = z.object({
  broadcastId: z.number().int().positive(),
  userId: z.number().int().positive(),
});
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

  const send: TaskHandler = async (payload, job) => {
    const { broadcastId, userId } = sendPayload.parse(payload);
    const [broadcast, user] = await Promise.all([
      findBroadcast(db.prisma, broadcastId),
      db.prisma.user.findUnique({ where: { id: userId } }),
    ]);
    if (!broadcast || !user) return;
    const skip = broadcast.status === "cancelled" || user.inactiveAt || user.noticesOptOutAt || user.bannedAt;
    if (skip) {
      await setRecipientStatus(db.prisma, broadcastId, userId, "skipped", now());
      return;
    }
    try {
      await deps.deliver(broadcast, user);
    } catch (error) {
      const failure = deps.classify(error);
      switch (failure.kind) {
        case "recipient-gone":
          await markUserInactive(db.prisma, userId, failure.reason, now());
          await setRecipientStatus(db.prisma, broadcastId, userId, "blocked", now(), failure.reason);
          throw new PermanentJobError(failure.reason);
        case "bad-request":
          await setRecipientStatus(db.prisma, broadcastId, userId, "failed", now(), failure.reason);
          throw new PermanentJobError(failure.reason);
        case "rate-limited":
          throw new RetryLaterError("rate limited", failure.retryAfterMs);
        case "uncertain":
          // A mass notice twice is worse than one unconfirmed: count it as sent, noted.
          await setRecipientStatus(
            db.prisma,
            broadcastId,
            userId,
            "sent",
            now(),
            `unconfirmed: ${failure.reason}`,
          );
          return;
        case "transient":
          // The last attempt: the job is dead-lettered, and the report counts it as failed.
          if (job.attempts >= job.maxAttempts) {
            await setRecipientStatus(db.prisma, broadcastId, userId, "failed", now(), failure.reason);
          }
          throw error;
      }
    }
    await setRecipientStatus(db.prisma, broadcastId, userId, "sent", now());
  };

  const progress: TaskHandler = async (payload) => {
    const { broadcastId, seq } = progressPayload.parse(payload);
    const broadcast = await findBroadcast(db.prisma, broadcastId);
    if (!broadcast) return;
    const counts = await countRecipients(db.prisma, broadcastId);
    const finished = broadcast.status === "cancelled" || counts.pending === 0;
    const phase: ProgressPhase =
      broadcast.status === "cancelled" ? "cancelled" : finished ? "done" : "running";
    const messageId = await deps.showProgress(broadcast, counts, phase);
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
    broadcast_start: start,
    broadcast_send: send,
    broadcast_progress: progress,
  };
}
