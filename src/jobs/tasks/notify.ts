// Task "notify": one message to one user about a case. The job only names what happened
// (kind, case, timeline event, recipient); the text is rendered at send time in the
// recipient's language (src/bot/notifications.ts), so a queued job stays small and current.
import { z } from "zod";
import type { JobInput } from "../queue.js";
import type { TaskHandler } from "../worker.js";

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

export type NotificationSender = (notification: Notification) => Promise<void>;

export function createNotifyTask(send: NotificationSender): TaskHandler {
  return async (payload) => send(notificationSchema.parse(payload));
}
