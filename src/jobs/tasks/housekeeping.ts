// Schedule "housekeeping" (default daily 03:30, SCHEDULE_HOUSEKEEPING): forgets processed
// updates after PROCESSED_UPDATE_RETENTION_DAYS (Telegram redelivers for 24 h at most) and
// finished jobs after JOB_RETENTION_DAYS; dead jobs, which staff may still need to look at,
// after DEAD_JOB_RETENTION_DAYS; and erases the contents of cases closed longer ago than the
// privacy notice promises to keep them (3 years, src/domain/personal-data.ts retentionPolicy).
// Deletes go 500 rows at a time, each its own statement.
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { Database } from "../../db/client.js";
import { eraseExpiredCaseContents } from "../../db/queries/personal-data.js";
import { deleteProcessedUpdates } from "../../db/queries/reminders.js";
import { DEFAULT_BATCH_SIZE } from "../batches.js";
import { deleteFinishedJobs } from "../queue.js";
import type { JobContext, TaskHandler } from "../worker.js";

export const HOUSEKEEPING_TASK = "housekeeping";

const DAY_MS = 86_400_000;

export interface RetentionDays {
  processedUpdates: number;
  jobs: number;
  deadJobs: number;
}

async function deleteAll(
  remove: () => Promise<number>,
  context?: Pick<JobContext, "signal" | "extendLease">,
) {
  let total = 0;
  for (;;) {
    if (context?.signal.aborted) return total;
    const deleted = await remove();
    total += deleted;
    if (deleted < DEFAULT_BATCH_SIZE) return total;
    await context?.extendLease();
    await yieldToEventLoop();
  }
}

export async function housekeeping(
  db: Database,
  now: Date,
  days: RetentionDays,
  context?: Pick<JobContext, "signal" | "extendLease">,
) {
  const before = (d: number) => new Date(now.getTime() - d * DAY_MS);
  const updates = await deleteAll(
    () => deleteProcessedUpdates(db.prisma, before(days.processedUpdates), DEFAULT_BATCH_SIZE),
    context,
  );
  const jobs = await deleteAll(
    () => deleteFinishedJobs(db, ["done", "failed", "cancelled"], before(days.jobs), DEFAULT_BATCH_SIZE),
    context,
  );
  const deadJobs = await deleteAll(
    () => deleteFinishedJobs(db, ["dead"], before(days.deadJobs), DEFAULT_BATCH_SIZE),
    context,
  );
  const erasedCases = await deleteAll(
    () => eraseExpiredCaseContents(db, { now, batchSize: DEFAULT_BATCH_SIZE }),
    context,
  );
  return { updates, jobs, deadJobs, erasedCases };
}

export function createHousekeepingTask(db: Database, days: RetentionDays): TaskHandler {
  return async (_payload, _job, context) => {
    const r = await housekeeping(db, context.now(), days, context);
    return {
      note: `deleted ${r.updates} update record(s), ${r.jobs} job(s), ${r.deadJobs} dead job(s); erased ${r.erasedCases} expired case(s)`,
    };
  };
}
