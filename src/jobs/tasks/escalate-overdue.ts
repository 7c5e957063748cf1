// Schedule "escalate-overdue" (default hourly, SCHEDULE_ESCALATE_OVERDUE): supervision
// colour-graded as in 三色督办. An open case whose due date is less than ESCALATION_AMBER_HOURS
// away is reported amber to the staff covering its district; once past it, red. Each level is
// sent once per case (the level reached is kept on the row); one that is already overdue when
// first seen goes straight to red. A referred case is left to the referrals' own ladder
// (supervise-referrals, in working days), so that nobody is chased twice for it — referral rows
// made before the loop ("open") included.
import type { Database } from "../../db/client.js";
import { createDistrictPeopleLookup } from "../../db/queries/case-people.js";
import { findConcernsToEscalate, markAndQueue, markConcernsEscalated } from "../../db/queries/reminders.js";
import { supervisingStaff } from "../../domain/case-recipients.js";
import type { EscalationLevel, Reminder } from "../../domain/messages.js";
import { escalationLevel, escalationWindows } from "../../domain/reminders.js";
import { drainInBatches, type WalkOptions } from "../batches.js";
import type { TaskHandler } from "../worker.js";
import type { PassResult } from "./remind-unaccepted.js";

export const ESCALATE_OVERDUE_TASK = "escalate-overdue";

interface Due {
  id: number;
  districtId: number;
  dueAt: Date;
}

export async function escalateOverdue(
  db: Database,
  options: WalkOptions & { now: Date; amberHours: number },
): Promise<PassResult> {
  const { now, amberHours } = options;
  const peopleOf = createDistrictPeopleLookup(db.prisma);
  const total: PassResult = { rows: 0, messages: 0 };
  // Every row a window finds is due amber at least.
  const levelOf = (dueAt: Date): EscalationLevel => escalationLevel(dueAt, now, amberHours) ?? "amber";

  // One walk per level reached so far.
  for (const { from, dueBefore } of escalationWindows(now, amberHours)) {
    const fetch = async (take: number): Promise<Due[]> =>
      (await findConcernsToEscalate(db.prisma, from, dueBefore, take)).flatMap((c) =>
        c.dueAt ? [{ id: c.id, districtId: c.districtId, dueAt: c.dueAt }] : [],
      );
    total.rows += await drainInBatches(
      fetch,
      async (batch) => {
        const reminders: Reminder[] = [];
        const idsByLevel: Record<EscalationLevel, number[]> = { amber: [], red: [] };
        for (const row of batch) {
          const level = levelOf(row.dueAt);
          idsByLevel[level].push(row.id);
          for (const recipientId of supervisingStaff(await peopleOf(row.districtId)))
            reminders.push({ kind: "escalation", recipientId, concernId: row.id, level });
        }
        await markAndQueue(
          db,
          async (tx) => {
            for (const level of ["amber", "red"] as const)
              if (idsByLevel[level].length > 0)
                await markConcernsEscalated(tx, idsByLevel[level], from, level);
          },
          reminders,
          now,
        );
        total.messages += reminders.length;
      },
      options,
    );
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
    return { note: `${result.rows} case(s), ${result.messages} message(s) queued` };
  };
}
