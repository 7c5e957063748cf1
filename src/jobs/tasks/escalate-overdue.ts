// Schedule "escalate-overdue" (default hourly, SCHEDULE_ESCALATE_OVERDUE): supervision
// colour-graded as in 三色督办. An open case whose due date, or an open referral whose
// deadline, is less than ESCALATION_AMBER_HOURS away is reported amber to the staff covering
// its district; once past it, red. Each level is sent once per case or referral (the level
// reached is kept on the row); one that is already overdue when first seen goes straight to red.
import type { Database } from "../../db/client.js";
import {
  createRecipientLookup,
  findConcernsToEscalate,
  findReferralsToEscalate,
  markAndQueue,
  markConcernsEscalated,
  markReferralsEscalated,
} from "../../db/queries/reminders.js";
import { drainInBatches, type WalkOptions } from "../batches.js";
import type { JobInput } from "../queue.js";
import type { TaskHandler } from "../worker.js";
import type { PassResult } from "./remind-unaccepted.js";
import { type EscalationLevel, reminderJob } from "./send-reminder.js";

export const ESCALATE_OVERDUE_TASK = "escalate-overdue";

interface Due {
  id: number;
  districtId: number;
  concernId: number;
  referralId?: number;
  dueAt: Date;
}

export async function escalateOverdue(
  db: Database,
  options: WalkOptions & { now: Date; amberHours: number },
): Promise<PassResult> {
  const { now } = options;
  const amberFrom = new Date(now.getTime() + options.amberHours * 3_600_000);
  const recipients = createRecipientLookup(db.prisma);
  const total: PassResult = { rows: 0, messages: 0 };
  const levelOf = (dueAt: Date): EscalationLevel => (dueAt <= now ? "red" : "amber");

  // One walk per (table, current level): never escalated and due soon or overdue; amber and now overdue.
  for (const from of [null, "amber"] as const) {
    const dueBefore = from === null ? amberFrom : now;
    for (const table of ["concern", "referral"] as const) {
      const fetch = async (take: number): Promise<Due[]> =>
        table === "concern"
          ? (await findConcernsToEscalate(db.prisma, from, dueBefore, take)).flatMap((c) =>
              c.dueAt ? [{ id: c.id, districtId: c.districtId, concernId: c.id, dueAt: c.dueAt }] : [],
            )
          : (await findReferralsToEscalate(db.prisma, from, dueBefore, take)).map((r) => ({
              id: r.id,
              districtId: r.concern.districtId,
              concernId: r.concernId,
              referralId: r.id,
              dueAt: r.deadline,
            }));
      total.rows += await drainInBatches(
        fetch,
        async (batch) => {
          const jobs: JobInput[] = [];
          const idsByLevel: Record<EscalationLevel, number[]> = { amber: [], red: [] };
          for (const row of batch) {
            const level = levelOf(row.dueAt);
            idsByLevel[level].push(row.id);
            for (const recipientId of await recipients.staffOf(row.districtId)) {
              const { concernId, referralId } = row;
              jobs.push(reminderJob({ kind: "escalation", recipientId, concernId, referralId, level }));
            }
          }
          const mark = table === "concern" ? markConcernsEscalated : markReferralsEscalated;
          await markAndQueue(
            db,
            async (tx) => {
              for (const level of ["amber", "red"] as const)
                if (idsByLevel[level].length > 0) await mark(tx, idsByLevel[level], from, level);
            },
            jobs,
            now,
          );
          total.messages += jobs.length;
        },
        options,
      );
    }
  }
  return total;
}

export function createEscalateOverdueTask(db: Database, amberHours: number): TaskHandler {
  return async (_payload, _job, context) => {
    const result = await escalateOverdue(db, {
      now: context.now(),
      amberHours,
      signal: context.signal,
      afterBatch: context.extendLease,
    });
    return { note: `${result.rows} case(s) or referral(s), ${result.messages} message(s) queued` };
  };
}
