// Schedule "remind-unaccepted" (default hourly, SCHEDULE_REMIND_UNACCEPTED): a new case
// nobody accepted within REMIND_UNACCEPTED_HOURS (24) is brought back to its district's
// deputies (or to the staff covering the district when it has none), once per case.
import type { Database } from "../../db/client.js";
import {
  createRecipientLookup,
  findUnremindedNewConcerns,
  markAndQueue,
  markConcernsReminded,
} from "../../db/queries/reminders.js";
import { drainInBatches, type WalkOptions } from "../batches.js";
import type { TaskHandler } from "../worker.js";
import { reminderJob } from "./send-reminder.js";

export const REMIND_UNACCEPTED_TASK = "remind-unaccepted";

export interface PassResult {
  rows: number;
  messages: number;
}

export async function remindUnaccepted(
  db: Database,
  options: WalkOptions & { now: Date; afterHours: number },
): Promise<PassResult> {
  const { now } = options;
  const createdBefore = new Date(now.getTime() - options.afterHours * 3_600_000);
  const recipients = createRecipientLookup(db.prisma);
  let messages = 0;
  const rows = await drainInBatches(
    (take) => findUnremindedNewConcerns(db.prisma, createdBefore, take),
    async (batch) => {
      const jobs = [];
      for (const concern of batch) {
        for (const recipientId of await recipients.handlersOf(concern.districtId))
          jobs.push(reminderJob({ kind: "unaccepted", recipientId, concernId: concern.id }));
      }
      const ids = batch.map((c) => c.id);
      await markAndQueue(db, (tx) => markConcernsReminded(tx, ids, now), jobs, now);
      messages += jobs.length;
    },
    options,
  );
  return { rows, messages };
}

export function createRemindUnacceptedTask(db: Database, afterHours: number): TaskHandler {
  return async (_payload, _job, context) => {
    const result = await remindUnaccepted(db, {
      now: context.now(),
      afterHours,
      signal: context.signal,
      afterBatch: context.extendLease,
    });
    return { note: `${result.rows} case(s), ${result.messages} message(s) queued` };
  };
}
