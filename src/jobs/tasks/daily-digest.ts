// Schedule "daily-digest" (default 09:00, SCHEDULE_DAILY_DIGEST): every deputy and staff
// member with something open (new cases, overdue cases or referrals, cases they accepted)
// gets one summary for the day; those with nothing get nothing. One digest per person and
// local date (the job key). A tick caught up more than 12 hours late is skipped: the next
// morning's digest says the same, more truthfully.
import { z } from "zod";
import type { Database } from "../../db/client.js";
import { countOpenWork, findDigestRecipients, markAndQueue } from "../../db/queries/reminders.js";
import { localDate } from "../../domain/local-time.js";
import type { Reminder } from "../../domain/messages.js";
import { DIGEST_STALE_AFTER_MS, hasOpenWork } from "../../domain/reminders.js";
import { type WalkOptions, walkInBatches } from "../batches.js";
import type { TaskHandler } from "../worker.js";
import type { PassResult } from "./remind-unaccepted.js";

export const DAILY_DIGEST_TASK = "daily-digest";

const tickSchema = z.object({ slot: z.iso.datetime() });

export async function queueDailyDigests(
  db: Database,
  options: WalkOptions & { now: Date; date: string },
): Promise<PassResult> {
  let messages = 0;
  const rows = await walkInBatches(
    (afterId, take) => findDigestRecipients(db.prisma, afterId, take),
    async (batch) => {
      const digests: Reminder[] = [];
      for (const user of batch) {
        if (hasOpenWork(await countOpenWork(db.prisma, user, options.now)))
          digests.push({ kind: "digest", recipientId: user.id, date: options.date });
      }
      await markAndQueue(db, async () => undefined, digests, options.now);
      messages += digests.length;
    },
    options,
  );
  return { rows, messages };
}

export function createDailyDigestTask(db: Database, timeZone: string): TaskHandler {
  return async (payload, _job, context) => {
    const now = context.now();
    const parsed = tickSchema.safeParse(payload);
    const slot = parsed.success ? new Date(parsed.data.slot) : now;
    if (now.getTime() - slot.getTime() > DIGEST_STALE_AFTER_MS)
      return { note: "skipped: caught up too late" };
    const result = await queueDailyDigests(db, {
      now,
      date: localDate(slot, timeZone),
      signal: context.signal,
      afterBatch: context.extendLease,
    });
    return { note: `${result.messages} of ${result.rows} deputies and staff have something open` };
  };
}
