// Schedule "supervise-referrals" (default hourly, SCHEDULE_SUPERVISE_REFERRALS): the supervision
// ladder (督办) of every referral, counted in working days on the calendar
// (src/domain/supervision-ladder.ts): a reminder to the department one working day before the
// deadline, amber to the staff covering the district at the deadline, red to the staff above and
// the deputy five working days after it (a 督办 entry on the timeline), a reminder once 签收 is
// late, a reminder to staff of a return not re-routed within a working day, and asking the
// department again once a promised date (answers B, C) has passed. Each step once; none after
// the answer; none while the case waits for the citizen. A missed tick is caught up. Amber and
// red reach each person once per pass and step, listing every referral they were taken for.
import type { Database } from "../../db/client.js";
import {
  findLadderCandidates,
  type LadderRow,
  takeGroupedLadderSteps,
  takeLadderStep,
} from "../../db/queries/referral-ladder.js";
import { actOnReferral } from "../../db/queries/referrals.js";
import { ReferralError } from "../../domain/referral-errors.js";
import { type DueStep, dueSteps } from "../../domain/supervision-ladder.js";
import type { WorkingCalendar } from "../../domain/working-days.js";
import { type WalkOptions, walkInBatches } from "../batches.js";
import type { TaskHandler } from "../worker.js";

export const SUPERVISE_REFERRALS_TASK = "supervise-referrals";

export interface LadderPassResult {
  referrals: number;
  steps: number;
  messages: number;
}

/** One pass of the ladder over every referral that may have a step due at `now`. */
export async function superviseReferrals(
  db: Database,
  options: WalkOptions & { now: Date; calendar: WorkingCalendar; timeZone: string },
): Promise<LadderPassResult> {
  const { now, calendar, timeZone } = options;
  const result: LadderPassResult = { referrals: 0, steps: 0, messages: 0 };
  // Amber and red go to staff and deputies who may have many referrals due at once: taken
  // together after the walk, one message per person and step (issue 7).
  const grouped: { row: LadderRow; step: DueStep }[] = [];
  result.referrals = await walkInBatches(
    (afterId, take) => findLadderCandidates(db.prisma, afterId, take),
    async (rows) => {
      for (const row of rows) {
        for (const step of dueSteps(row.facts, now, { calendar, timeZone })) {
          if (step.step === "promise_due") {
            // Asking again is an action on the referral: back to the department, its card resent.
            try {
              await actOnReferral(db, {
                referralId: row.id,
                command: { action: "ask_again" },
                actor: { kind: "system" },
                time: { now, calendar, timeZone },
              });
              result.steps += 1;
            } catch (error) {
              if (!(error instanceof ReferralError)) throw error; // changed meanwhile: next pass
            }
            continue;
          }
          if (step.step === "amber" || step.step === "red") {
            grouped.push({ row, step });
            continue;
          }
          const { taken, messages } = await takeLadderStep(db, row, step, now);
          if (taken) result.steps += 1;
          result.messages += messages;
        }
      }
    },
    { ...options, batchSize: options.batchSize ?? 200 },
  );
  if (grouped.length > 0 && !options.signal?.aborted) {
    const { taken, messages } = await takeGroupedLadderSteps(db, grouped, now);
    result.steps += taken;
    result.messages += messages;
  }
  return result;
}

export function createSuperviseReferralsTask(
  db: Database,
  options: { timeZone: string; loadCalendar: () => Promise<WorkingCalendar> },
): TaskHandler {
  return async (_payload, _job, context) => {
    const result = await superviseReferrals(db, {
      now: context.now(),
      calendar: await options.loadCalendar(),
      timeZone: options.timeZone,
      signal: context.signal,
      afterBatch: context.extendLease,
    });
    return {
      note: `${result.referrals} referral(s), ${result.steps} step(s), ${result.messages} message(s) queued`,
    };
  };
}
