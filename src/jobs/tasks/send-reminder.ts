// Task "send-reminder": one scheduled message to one person: a case still not accepted, a
// supervision warning (三色督办), the daily digest, or a request to rate an outcome. The
// schedule passes queue these; the text is rendered at send time (src/bot/reminder-messages.ts),
// which also drops a reminder that no longer applies (the case was accepted meanwhile).
import { z } from "zod";
import { PermanentJobError } from "../errors.js";
import type { JobInput, JobRow } from "../queue.js";
import type { JobContext, JobResult, TaskHandler } from "../worker.js";

export const SEND_REMINDER_TASK = "send-reminder";

const id = z.number().int().positive();
export const escalationLevels = ["amber", "red"] as const;
export type EscalationLevel = (typeof escalationLevels)[number];

export const reminderSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("unaccepted"), recipientId: id, concernId: id }),
  z.object({
    kind: z.literal("escalation"),
    recipientId: id,
    concernId: id,
    referralId: id.optional(),
    level: z.enum(escalationLevels),
  }),
  z.object({ kind: z.literal("digest"), recipientId: id, date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  z.object({ kind: z.literal("follow_up"), recipientId: id, concernId: id }),
]);
export type Reminder = z.infer<typeof reminderSchema>;

function reminderKey(reminder: Reminder): string {
  switch (reminder.kind) {
    case "unaccepted":
      return `unaccepted:${reminder.concernId}:${reminder.recipientId}`;
    case "escalation": {
      const subject = reminder.referralId ? `r${reminder.referralId}` : `c${reminder.concernId}`;
      return `escalation:${reminder.level}:${subject}:${reminder.recipientId}`;
    }
    case "digest":
      return `digest:${reminder.date}:${reminder.recipientId}`;
    case "follow_up":
      return `follow-up:${reminder.concernId}:${reminder.recipientId}`;
  }
}

export function reminderJob(reminder: Reminder): JobInput {
  return {
    task: SEND_REMINDER_TASK,
    payload: reminder,
    key: `reminder:${reminderKey(reminder)}`,
    // Behind the messages people are waiting for right now.
    priority: -1,
  };
}

export type ReminderSender = (
  reminder: Reminder,
  job: JobRow,
  context: JobContext,
) => Promise<JobResult | undefined>;

export function createSendReminderTask(send: ReminderSender): TaskHandler {
  return async (payload, job, context) => {
    const parsed = reminderSchema.safeParse(payload);
    if (!parsed.success) throw new PermanentJobError(`malformed payload: ${parsed.error.message}`);
    return send(parsed.data, job, context);
  };
}
