// Task "activity-notice": one message to one person about an activity — its announcement,
// a reminder to someone who will come, a request for approval, a decision, a cancellation.
// Like "notify", the job only names what happened; the text is rendered at send time in the
// recipient's language (src/bot/activity-notifications.ts), and whether it is still worth
// sending (not withdrawn, not cancelled, not opted out) is decided then too.
import { z } from "zod";
import { PermanentJobError } from "../errors.js";
import type { JobInput, JobRow } from "../queue.js";
import type { JobContext, JobResult, TaskHandler } from "../worker.js";

export const ACTIVITY_NOTICE_TASK = "activity-notice";

export const activityNoticeKinds = [
  "announce",
  "reminder_24h",
  "reminder_2h",
  "approval_request",
  "approved",
  "rejected",
  "cancelled",
] as const;
export type ActivityNoticeKind = (typeof activityNoticeKinds)[number];

export const activityNoticeSchema = z.object({
  kind: z.enum(activityNoticeKinds),
  activityId: z.number().int().positive(),
  // Named like the "notify" payload: the worker keeps one recipient's jobs in order by it.
  recipientId: z.number().int().positive(),
});
export type ActivityNotice = z.infer<typeof activityNoticeSchema>;

const keyPrefix: Record<ActivityNoticeKind, string> = {
  announce: "act",
  reminder_24h: "act-r24",
  reminder_2h: "act-r2",
  approval_request: "act-ask",
  approved: "act-dec",
  rejected: "act-dec",
  cancelled: "act-off",
};

/** One job per activity, kind and person: re-running whatever queued it adds nothing. */
export function activityNoticeJob(notice: ActivityNotice, runAt?: Date): JobInput {
  return {
    task: ACTIVITY_NOTICE_TASK,
    payload: notice,
    key: `${keyPrefix[notice.kind]}:${notice.activityId}:${notice.recipientId}`,
    runAt,
    // Announcements are bulk; the people waiting for a decision or a reminder come first.
    priority: notice.kind === "announce" ? -1 : 0,
  };
}

export type ActivityNoticeSender = (
  notice: ActivityNotice,
  job: JobRow,
  context: JobContext,
) => Promise<JobResult | undefined>;

export function createActivityNoticeTask(send: ActivityNoticeSender): TaskHandler {
  return async (payload, job, context) => {
    const parsed = activityNoticeSchema.safeParse(payload);
    if (!parsed.success) throw new PermanentJobError(`malformed payload: ${parsed.error.message}`);
    return send(parsed.data, job, context);
  };
}
