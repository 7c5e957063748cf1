// Schedule "escalate-overdue" (default hourly, SCHEDULE_ESCALATE_OVERDUE): supervision
// colour-graded as in 三色督办. An open case whose due date is less than ESCALATION_AMBER_HOURS
// away is reported amber to the staff covering its district; once past it, red. Each level is
// sent once per case (the level reached is kept on the row); one that is already overdue when
// first seen goes straight to red. A referred case is left to the referrals' own ladder
// (supervise-referrals, in working days), so that nobody is chased twice for it — referral rows
// made before the loop ("open") included. Each staff member gets one message per level and
// pass listing every case it reached.
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { Database } from "../../db/client.js";
import { createDistrictPeopleLookup } from "../../db/queries/case-people.js";
import { findConcernsToEscalate, markAndQueue, markConcernsEscalated } from "../../db/queries/reminders.js";
import { supervisingStaff } from "../../domain/case-recipients.js";
import type { EscalationLevel, Reminder } from "../../domain/messages.js";
import {
  ESCALATIONS_PER_MESSAGE,
  type EscalatedCase,
  escalationLevel,
  escalationWindows,
  groupEscalations,
} from "../../domain/reminders.js";
import type { WalkOptions } from "../batches.js";
import type { TaskHandler } from "../worker.js";
import type { PassResult } from "./remind-unaccepted.js";

export const ESCALATE_OVERDUE_TASK = "escalate-overdue";

/**
 * One pass of 三色督办 at `now`: marks each case that reached amber or red and queues, in the
 * same transaction, ONE message per staff member and level listing them all (issue 7: not one
 * per case), keyed by the pass's time so that a replayed pass queues nothing twice. More due
 * than one round reads (ESCALATIONS_PER_MESSAGE) are taken in rounds, each its own message.
 */
export async function escalateOverdue(
  db: Database,
  options: WalkOptions & { now: Date; amberHours: number },
): Promise<PassResult> {
  const { now, amberHours } = options;
  const peopleOf = createDistrictPeopleLookup(db.prisma);
  const total: PassResult = { rows: 0, messages: 0 };
  // Every row a window finds is due amber at least.
  const levelOf = (dueAt: Date): EscalationLevel => escalationLevel(dueAt, now, amberHours) ?? "amber";
  const seen = new Set<number>();

  for (;;) {
    if (options.signal?.aborted) break;
    // One round: what each level reached so far finds, up to ESCALATIONS_PER_MESSAGE cases in all.
    const round: { id: number; districtId: number; dueAt: Date; from: "amber" | null }[] = [];
    for (const { from, dueBefore } of escalationWindows(now, amberHours)) {
      const take = ESCALATIONS_PER_MESSAGE - round.length;
      if (take <= 0) break;
      // A case found again could not be marked (it changed meanwhile): the pass leaves it.
      for (const c of await findConcernsToEscalate(db.prisma, from, dueBefore, take))
        if (c.dueAt && !seen.has(c.id))
          round.push({ id: c.id, districtId: c.districtId, dueAt: c.dueAt, from });
    }
    if (round.length === 0) break;

    const escalated: EscalatedCase[] = [];
    for (const row of round) {
      seen.add(row.id);
      const recipientIds = supervisingStaff(await peopleOf(row.districtId));
      escalated.push({ concernId: row.id, dueAt: row.dueAt, level: levelOf(row.dueAt), recipientIds });
    }
    const messages: Reminder[] = groupEscalations(escalated).map((group) => ({
      kind: "escalations",
      at: now.toISOString(),
      ...group,
    }));
    await markAndQueue(
      db,
      async (tx) => {
        for (const from of ["amber", null] as const)
          for (const level of ["amber", "red"] as const) {
            const ids = round.filter((r) => r.from === from && levelOf(r.dueAt) === level).map((r) => r.id);
            if (ids.length > 0) await markConcernsEscalated(tx, ids, from, level);
          }
      },
      messages,
      now,
    );
    total.rows += round.length;
    total.messages += messages.length;
    await options.afterBatch?.();
    await yieldToEventLoop();
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
