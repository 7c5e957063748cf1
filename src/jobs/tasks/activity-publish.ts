// Task "activity-publish": when an approved activity's announcement is due, mark it published
// and queue one "activity-notice" per subscriber, a batch at a time. Each batch queues the
// next one as a job of its own, so a district of many thousands never holds one long
// transaction, and a crash resumes from the last batch (the notices' keys make a re-run add
// nothing).
import { z } from "zod";
import { PermanentJobError } from "../errors.js";
import type { JobInput } from "../queue.js";
import type { TaskHandler } from "../worker.js";

export const ACTIVITY_PUBLISH_TASK = "activity-publish";
export const PUBLISH_BATCH_SIZE = 500;

export const activityPublishSchema = z.object({
  activityId: z.number().int().positive(),
  /** Recipients are walked in id order; this batch starts after this user id. */
  afterUserId: z.number().int().min(0),
});
export type ActivityPublish = z.infer<typeof activityPublishSchema>;

export function activityPublishJob(publish: ActivityPublish, runAt: Date): JobInput {
  const { activityId, afterUserId } = publish;
  return {
    task: ACTIVITY_PUBLISH_TASK,
    payload: publish,
    key: afterUserId === 0 ? `act-pub:${activityId}` : `act-pub:${activityId}:${afterUserId}`,
    runAt,
    priority: 1,
  };
}

export type ActivityPublisher = (publish: ActivityPublish) => Promise<void>;

export function createActivityPublishTask(publish: ActivityPublisher): TaskHandler {
  return async (payload) => {
    const parsed = activityPublishSchema.safeParse(payload);
    if (!parsed.success) throw new PermanentJobError(`malformed payload: ${parsed.error.message}`);
    await publish(parsed.data);
  };
}
