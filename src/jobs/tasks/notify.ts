// Task "notify": one message to one user about a case. The job only names what happened
// (kind, case, timeline event, recipient); the text is rendered at send time in the
// recipient's language (src/bot/notifications.ts), so a queued job stays small and current.
import { z } from "zod";
import { PermanentJobError } from "../errors.js";
import type { JobInput, JobRow } from "../queue.js";
import type { JobContext, JobResult, TaskHandler } from "../worker.js";

export const notificationKinds = [
  "concern_new",
  "concern_accepted",
  "concern_message_to_citizen",
  "concern_message_to_handlers",
  "concern_outcome",
  "concern_reopened",
  "concern_rated",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationSchema = z.object({
  kind: z.enum(notificationKinds),
  recipientId: z.number().int().positive(),
  concernId: z.number().int().positive(),
  eventId: z.number().int().positive(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const NOTIFY_TASK = "notify";

export function notificationJob(notification: Notification): JobInput {
  return {
    task: NOTIFY_TASK,
    payload: notification,
    // The same event never notifies the same person twice.
    key: `${notification.kind}:${notification.eventId}:${notification.recipientId}`,
    priority: notification.kind === "concern_new" ? 1 : 0,
  };
}

export type NotificationSender = (
  notification: Notification,
  job: JobRow,
  context: JobContext,
) => Promise<JobResult | undefined>;

export function createNotifyTask(send: NotificationSender): TaskHandler {
  return async (payload, job, context) => {
    const parsed = notificationSchema.safeParse(payload);
    if (!parsed.success) throw new PermanentJobError(`malformed payload: ${parsed.error.message}`);
    return send(parsed.data, job, context);
  };
}
