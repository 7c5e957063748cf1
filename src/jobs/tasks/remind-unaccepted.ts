// Schedule "remind-unaccepted" (default hourly, SCHEDULE_REMIND_UNACCEPTED): a new case
// nobody accepted within REMIND_UNACCEPTED_HOURS (24) is brought back to its district's
// deputies (or to the staff covering the district when it has none), once per case.
import type { Database } from "../../db/client.js";
import { createDistrictPeopleLookup } from "../../db/queries/case-people.js";
import { findUnremindedNewConcerns, markAndQueue, markConcernsReminded } from "../../db/queries/reminders.js";
import { caseHandlers } from "../../domain/case-recipients.js";
import type { Reminder } from "../../domain/messages.js";
import { unacceptedBefore } from "../../domain/reminders.js";
import { drainInBatches, type WalkOptions } from "../batches.js";
import type { TaskHandler } from "../worker.js";

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
  const createdBefore = unacceptedBefore(now, options.afterHours);
  const peopleOf = createDistrictPeopleLookup(db.prisma);
  let messages = 0;
  const rows = await drainInBatches(
    (take) => findUnremindedNewConcerns(db.prisma, createdBefore, take),
    async (batch) => {
      const reminders: Reminder[] = [];
      for (const concern of batch) {
        // Nobody has taken a new case on: the district's deputies, else the staff covering it.
        const handlers = caseHandlers({ assigneeId: null, ...(await peopleOf(concern.districtId)) });
        for (const recipientId of handlers)
          reminders.push({ kind: "unaccepted", recipientId, concernId: concern.id });
      }
      const ids = batch.map((c) => c.id);
      await markAndQueue(db, (tx) => markConcernsReminded(tx, ids, now), reminders, now);
      messages += reminders.length;
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
