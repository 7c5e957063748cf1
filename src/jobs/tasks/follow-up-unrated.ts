// Schedule "follow-up-unrated" (default daily 10:00, SCHEDULE_FOLLOW_UP_UNRATED): a citizen
// who has not rated an outcome FOLLOW_UP_DAYS (3) after it was given is asked once more, at
// most once per case (Concern.followedUpAt). Outcomes older than a month past that are left
// alone, so that turning the feature on does not write to people about old cases.
import type { Database } from "../../db/client.js";
import { findUnratedOutcomes, markAndQueue, markConcernsFollowedUp } from "../../db/queries/reminders.js";
import type { Reminder } from "../../domain/messages.js";
import { followUpWindow } from "../../domain/reminders.js";
import { drainInBatches, type WalkOptions } from "../batches.js";
import type { TaskHandler } from "../worker.js";
import type { PassResult } from "./remind-unaccepted.js";

export const FOLLOW_UP_UNRATED_TASK = "follow-up-unrated";

export async function followUpUnrated(
  db: Database,
  options: WalkOptions & { now: Date; afterDays: number },
): Promise<PassResult> {
  const { now } = options;
  const { closedAfter, closedBefore } = followUpWindow(now, options.afterDays);
  let messages = 0;
  const rows = await drainInBatches(
    (take) => findUnratedOutcomes(db.prisma, closedAfter, closedBefore, take),
    async (batch) => {
      // A citizen who blocked the bot is not asked; the case still counts as followed up.
      const reminders = batch
        .filter((c) => !c.citizen.inactiveAt)
        .map((c): Reminder => ({ kind: "follow_up", recipientId: c.citizenId, concernId: c.id }));
      const ids = batch.map((c) => c.id);
      await markAndQueue(db, (tx) => markConcernsFollowedUp(tx, ids, now), reminders, now);
      messages += reminders.length;
    },
    options,
  );
  return { rows, messages };
}

export function createFollowUpUnratedTask(db: Database, afterDays: number): TaskHandler {
  return async (_payload, _job, context) => {
    const result = await followUpUnrated(db, {
      now: context.now(),
      afterDays,
      signal: context.signal,
      afterBatch: context.extendLease,
    });
    return { note: `${result.messages} citizen(s) asked to rate` };
  };
}
