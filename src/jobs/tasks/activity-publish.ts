// Task "activity-publish": when an approved activity's announcement is due, mark it published
// and queue one "announce" message per subscriber, a batch at a time. Each batch queues the
// next one as a job of its own, so a district of many thousands never holds one long
// transaction, and a crash resumes from the last batch (the messages' keys make a re-run add
// nothing).
import { z } from "zod";
import type { ActivityPublish } from "../../db/queries/activities.js";
import { PermanentJobError } from "../errors.js";
import type { TaskHandler } from "../worker.js";

export const PUBLISH_BATCH_SIZE = 500;

const activityPublishSchema = z.object({
  activityId: z.number().int().positive(),
  afterUserId: z.number().int().min(0),
});

export type ActivityPublisher = (publish: ActivityPublish) => Promise<void>;

export function createActivityPublishTask(publish: ActivityPublisher): TaskHandler {
  return async (payload) => {
    const parsed = activityPublishSchema.safeParse(payload);
    if (!parsed.success) throw new PermanentJobError(`malformed payload: ${parsed.error.message}`);
    await publish(parsed.data);
  };
}
